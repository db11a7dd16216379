// Record validation benchmark: `createRecordValidator` against a bare JSON.parse pass over the
// same NDJSON lines, in one process. The dataset benchmark (issue 3 §4) adds file reading and
// the cross-record indexes; this one isolates the per-record cost of the schema.
//
//   node --conditions=source --import tsx bench/validate-record.ts [kind] [records]
//
// Times are CPU time of this process (process.cpuUsage), best of several rounds, so other work
// on a shared machine inflates them less than wall-clock time would.
import {
  createRecordValidator,
  generateRecords,
  isRecordKind,
  RECORD_SCHEMAS,
  type RecordKind,
} from '@ansinh/core';

// zod is a dependency of @ansinh/core, not of the bench package: load core's copy (the same
// instance the schemas were built with).
const z = (await import(new URL('../packages/core/node_modules/zod/index.js', import.meta.url).href)) as {
  compile<T>(schema: T): T;
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const kindArg = process.argv[2] ?? 'social-assistance';
if (!isRecordKind(kindArg)) throw new Error(`unknown kind ${kindArg}`);
const kind: RecordKind = kindArg;
const count = Number(process.argv[3] ?? 200_000);
const ROUNDS = 5;

const lines: string[] = [];
let bytes = 0;
for (const record of generateRecords(kind, { seed: 2026, count })) {
  const line = JSON.stringify(record);
  bytes += Buffer.byteLength(line) + 1;
  lines.push(line);
}
const fieldCount = (value: unknown): number =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.values(value).reduce<number>((n, v) => n + fieldCount(v), 0)
    : 1;

/** CPU microseconds `fn` takes over all lines, best of ROUNDS. */
function bestCpu(fn: (line: string) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    for (const line of lines) fn(line);
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

const validate = createRecordValidator(kind);
let invalid = 0;
const parseOnly = bestCpu((line) => JSON.parse(line));
const parseAndValidate = bestCpu((line) => {
  if (!validate(JSON.parse(line)).ok) invalid++;
});
// The same schema through zod 4's own fastest mode (z.compile, then safeParse): what validation
// would cost without ansinh's fast path.
const compiled = z.compile(RECORD_SCHEMAS[kind]);
const parseAndZod = bestCpu((line) => {
  if (!(compiled.safeParse(JSON.parse(line)) as { success: boolean }).success) invalid++;
});
if (invalid > 0)
  throw new Error(`${invalid} generated records were invalid: the benchmark measures valid records`);

const perSecond = (micros: number) => Math.round((count * 1e6) / micros).toLocaleString('en');
out(
  `record validation, kind ${kind}: ${count.toLocaleString('en')} records, ${Math.round(bytes / count)} bytes and ${Math.round(fieldCount(JSON.parse(lines[0]!)))} fields each`,
);
out(`  JSON.parse only            ${perSecond(parseOnly).padStart(12)} records/s`);
out(`  JSON.parse + validation    ${perSecond(parseAndValidate).padStart(12)} records/s`);
out(`  validation alone           ${perSecond(parseAndValidate - parseOnly).padStart(12)} records/s`);
out(`  ratio (parse+validate / parse)  ${(parseAndValidate / parseOnly).toFixed(2)}×`);
out(
  `  baseline: JSON.parse + zod 4 compiled safeParse of the same schema ${perSecond(parseAndZod)} records/s (ratio ${(parseAndZod / parseOnly).toFixed(2)}×)`,
);
