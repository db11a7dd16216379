/**
 * Dataset validation benchmark (issue 3 §4). One run prints, side by side:
 * - records/s of a bare `readline` + `JSON.parse` pass over a generated NDJSON file (the baseline),
 * - records/s of ansinh's `validateDataset` over the same file (schema validation of every record,
 *   completeness, duplicate/province/household rules), their ratio, and each pass's peak RSS;
 * - the duplicate index alone at 10 M distinct personal IDs: bytes per ID, time, peak RSS.
 * Each pass runs in its own child process so peak RSS (`process.resourceUsage().maxRSS`) is its own.
 *
 *   pnpm bench:dataset                         # 1,000,000 records, 10,000,000 IDs
 *   pnpm bench:dataset --records 200000 --ids 1000000 --repeat 3
 *
 * The data file is generated once (seeded, so identical everywhere) and cached under .bench-data/.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generateRecords, validateDataset } from '@ansinh/core';
import { PersonalIdIndex } from '../packages/core/src/dataset/id-index.js';

const KIND = 'social-assistance';
const SEED = 708;
const root = join(import.meta.dirname, '..');

interface PassResult {
  pass: string;
  records: number;
  valid?: number;
  /** Wall-clock time. */
  seconds: number;
  /** User + system CPU time of the whole process (all its threads): the cost, less sensitive to other load. */
  cpuSeconds: number;
  maxRssMiB: number;
  bytesPerId?: number;
  rssPerId?: number;
  ids?: number;
}

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    ids: { type: 'string', default: '10000000' },
    repeat: { type: 'string', default: '1' },
    pass: { type: 'string' },
    file: { type: 'string' },
  },
});

if (values.pass) {
  const result = await runPass(values.pass, values.file ?? '', Number(values.ids));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}

async function main(): Promise<void> {
  const count = Number(values.records);
  const ids = Number(values.ids);
  const repeat = Math.max(1, Number(values.repeat));
  const file = await ensureData(count);
  const size = statSync(file).size;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Dataset validation: ${fmt(count)} ${KIND} records, ${mib(size)} NDJSON (${(size / count).toFixed(0)} B/record)`,
  );
  console.log(`${cpus().length} × ${cpu}, ${mib(totalmem())} RAM, Node ${process.version}`);
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );

  // Alternate the passes so a burst of load from elsewhere hits both; keep each pass's best run.
  const best = new Map<string, PassResult>();
  for (let r = 0; r < repeat; r++) {
    for (const pass of ['baseline', 'ansinh']) {
      const result = child(pass, file, ids);
      const kept = best.get(pass);
      if (!kept || result.seconds < kept.seconds) best.set(pass, result);
    }
  }
  const base = best.get('baseline')!;
  const ansinh = best.get('ansinh')!;
  const rate = (p: PassResult) => p.records / p.seconds;
  const cpuRate = (p: PassResult) => p.records / p.cpuSeconds;
  console.log(
    `${'pass'.padEnd(34)} ${'wall'.padStart(8)} ${'records/s'.padStart(10)} ${'CPU'.padStart(8)} ` +
      `${'records/CPU-s'.padStart(13)} ${'peak RSS'.padStart(9)}`,
  );
  for (const [name, p] of [
    ['readline + JSON.parse (baseline)', base],
    ['ansinh validateDataset', ansinh],
  ] as const) {
    console.log(
      `${name.padEnd(34)} ${`${p.seconds.toFixed(2)} s`.padStart(8)} ${fmt(rate(p)).padStart(10)} ` +
        `${`${p.cpuSeconds.toFixed(2)} s`.padStart(8)} ${fmt(cpuRate(p)).padStart(13)} ${`${p.maxRssMiB} MiB`.padStart(9)}`,
    );
  }
  const ratio = ansinh.seconds / base.seconds;
  const cpuRatio = ansinh.cpuSeconds / base.cpuSeconds;
  console.log(`\nratio ansinh / baseline: ${ratio.toFixed(2)}× wall time, ${cpuRatio.toFixed(2)}× CPU time`);
  if (ansinh.valid !== ansinh.records)
    console.log(`note: ${fmt(ansinh.records - ansinh.valid!)} records were invalid`);

  const index = child('index', '', ids);
  console.log(
    `duplicate index alone: ${fmt(index.ids!)} distinct IDs in ${index.seconds.toFixed(2)} s ` +
      `(${fmt(index.ids! / index.seconds)} IDs/s), ${index.bytesPerId!.toFixed(2)} bytes per ID in the index, ` +
      `peak RSS ${index.maxRssMiB} MiB (${index.rssPerId!.toFixed(2)} bytes per ID above the RSS before)`,
  );

  console.log('\ntargets:');
  const check = (ok: boolean, text: string) => console.log(`  ${ok ? 'met ' : 'MISS'}  ${text}`);
  check(
    rate(ansinh) >= 150_000,
    `≥ 150,000 valid records/s: ${fmt(rate(ansinh))} wall, ${fmt(cpuRate(ansinh))} per CPU-second`,
  );
  check(
    ratio <= 2,
    `validation ≤ 2.0× the JSON.parse-only pass: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU`,
  );
  check(ansinh.maxRssMiB < 200, `peak RSS < 200 MB at ${fmt(count)} records: ${ansinh.maxRssMiB} MiB`);
  check(
    index.bytesPerId! <= 16,
    `≤ 16 bytes per distinct ID at ${fmt(ids)}: ${index.bytesPerId!.toFixed(2)}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

function child(pass: string, file: string, ids: number): PassResult {
  const r = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'bench/dataset.ts'),
      '--pass',
      pass,
      '--file',
      file,
      '--ids',
      String(ids),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`pass ${pass} failed with exit code ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PassResult;
}

async function runPass(pass: string, file: string, ids: number): Promise<PassResult> {
  const maxRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const cpuStart = process.cpuUsage();
  const cpuSeconds = () => {
    const used = process.cpuUsage(cpuStart);
    return (used.user + used.system) / 1e6;
  };
  const started = performance.now();
  if (pass === 'baseline') {
    let records = 0;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.length > 0) {
        JSON.parse(line);
        records++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { pass, records, seconds, cpuSeconds: cpuSeconds(), maxRssMiB: maxRssMiB() };
  }
  if (pass === 'ansinh') {
    const report = await validateDataset(await openAsBlob(file), { kind: KIND, format: 'ndjson' });
    const seconds = (performance.now() - started) / 1000;
    return {
      pass,
      records: report.records,
      valid: report.valid,
      seconds,
      cpuSeconds: cpuSeconds(),
      maxRssMiB: maxRssMiB(),
    };
  }
  if (pass === 'index') {
    // Distinct 12-digit IDs spread over the whole range: i × 999,983 mod 10^12 is a bijection
    // (999,983 is prime, so coprime to 10^12), and i × 999,983 < 2^53 stays exact.
    const rssBefore = process.memoryUsage().rss;
    const index = new PersonalIdIndex();
    let repeated = 0;
    for (let i = 0; i < ids; i++) if (index.add((i * 999_983) % 1e12, 1, 2) !== -1) repeated++;
    const seconds = (performance.now() - started) / 1000;
    if (repeated !== 0 || index.size !== ids) throw new Error(`index lost IDs: ${repeated} false repeats`);
    return {
      pass,
      records: 0,
      ids,
      seconds,
      cpuSeconds: cpuSeconds(),
      maxRssMiB: maxRssMiB(),
      bytesPerId: index.byteLength / index.size,
      // Peak RSS growth per ID: what the process really took, not only what the index counts.
      rssPerId: (process.resourceUsage().maxRSS * 1024 - rssBefore) / ids,
    };
  }
  throw new Error(`unknown pass ${pass}`);
}

/**
 * The cached data file, generated on first use (seeded: the same bytes on every machine). Its name
 * carries a fingerprint of the generator's first records, so a changed generator makes a new file
 * (and the stale one is removed) instead of benchmarking old data.
 */
async function ensureData(count: number): Promise<string> {
  const dir = join(root, '.bench-data');
  let fingerprint = 0x811c9dc5;
  for (const record of generateRecords(KIND, { seed: SEED, count: Math.min(count, 200) })) {
    const text = JSON.stringify(record);
    for (let i = 0; i < text.length; i++)
      fingerprint = Math.imul(fingerprint ^ text.charCodeAt(i), 0x01000193);
  }
  const prefix = `${KIND}-${count}-seed${SEED}-`;
  const file = join(dir, `${prefix}${(fingerprint >>> 0).toString(16).padStart(8, '0')}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(join(dir, name));
  console.log(`generating ${fmt(count)} records into ${file} (once) …`);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let batch = '';
  for (const record of generateRecords(KIND, { seed: SEED, count })) {
    batch += `${JSON.stringify(record)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.end(batch);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  renameSync(partial, file);
  return file;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
