import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  csvColumns,
  csvLine,
  generateLabelledRecords,
  isRecordKind,
  MISTAKES,
  PLANTED_EXTRA_FIELD,
  RECORD_KINDS,
  type RecordKind,
  recordCells,
} from '@ansinh/core';
import { type Command, type CommandIO, EXIT_OK, UsageError } from '../command.js';

const help = `Usage: ansinh generate --kind KIND [--count N] [--seed S] [--error-rate R]
                       [--format ndjson|csv] [--out FILE] [--planted FILE]

Writes synthetic records of one kind: realistic (Vietnamese names, personal IDs consistent with
date of birth, sex and province, real province, ethnic and group codes, allowances of base level
× coefficient, households with one head) and deterministic (the same seed gives the same records
on every machine). Streams: any count runs in constant memory.

  --kind KIND        ${RECORD_KINDS.join(', ')}
  --count N          number of records (default 10)
  --seed S           integer seed (default 1)
  --error-rate R     share of records (0 to 1) that get one planted mistake (default 0); see below
  --format FORMAT    ndjson (one JSON object per line, the default) or csv: a header row, one
                     column per field, nested fields flattened with dotted names
                     (address.provinceCode), lists as JSON text in one cell, empty cell = absent.
                     \`ansinh validate\` reads this CSV back with the same mapping.
                     Default: csv when --out ends in .csv
  --out FILE         write to FILE instead of standard output
  --planted FILE     also write the planted mistakes to FILE, one JSON object per line:
                     {"index","mistake","code","scope","path","relatedIndex"?}

Planted mistakes (each names the issue code that must find it; "dataset" ones are valid records
that only the dataset's cross-record rules catch):
${Object.entries(MISTAKES)
  .map(([name, m]) => `  ${name.padEnd(26)} ${m.code}${m.scope === 'dataset' ? ' (dataset)' : ''}`)
  .join('\n')}
With --format csv and --error-rate above 0 the header gets a "${PLANTED_EXTRA_FIELD}" column for the
planted unknown field.

Exit codes: 0 written, 2 usage or I/O error (unknown kind, bad number).

Examples:
  ansinh generate --kind social-assistance --count 1000000 --seed 7 --out sa.ndjson
  ansinh generate --kind household --count 100 --seed 1 --error-rate 0.1 --format csv --out hh.csv
  ansinh generate --kind card --count 1 --seed 3 > card.json   # claims for ansinh issue --claims
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        kind: { type: 'string' },
        count: { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        'error-rate': { type: 'string', default: '0' },
        format: { type: 'string' },
        out: { type: 'string' },
        planted: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A non-negative safe integer written in decimal digits, or a usage error. */
function integerOption(text: string, option: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${option} must be a whole number ≥ 0, not "${text}"`);
  }
  return value;
}

/** Writes text in chunks of about 64 KiB, waiting for 'drain' when the stream asks to. */
class ChunkedWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async line(text: string): Promise<void> {
    this.buffer.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) {
      await new Promise<void>((done, fail) => {
        const onError = (error: Error) => fail(error);
        this.out.once('error', onError);
        this.out.once('drain', () => {
          this.out.off('error', onError);
          done();
        });
      });
    }
  }
}

function openFile(path: string): Promise<Writable> {
  return new Promise((done, fail) => {
    const stream = createWriteStream(path);
    stream.once('open', () => done(stream));
    stream.once('error', fail);
  });
}

function closeFile(stream: Writable): Promise<void> {
  return new Promise((done, fail) => {
    stream.once('error', fail);
    stream.end(() => done());
  });
}

export const generateCommand: Command = {
  name: ['generate'],
  summary: 'Write deterministic synthetic records (NDJSON or CSV), optionally with planted mistakes',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parse(argv);
    if (values.kind === undefined) throw new UsageError('--kind KIND is required');
    if (!isRecordKind(values.kind)) {
      throw new UsageError(`unknown kind "${values.kind}"; the kinds are: ${RECORD_KINDS.join(', ')}`);
    }
    const kind: RecordKind = values.kind;
    const count = integerOption(values.count, '--count');
    const seed = integerOption(values.seed, '--seed');
    const errorRate = Number(values['error-rate']);
    if (!/^\d*\.?\d+$/.test(values['error-rate']) || !(errorRate >= 0 && errorRate <= 1)) {
      throw new UsageError(`--error-rate must be a number from 0 to 1, not "${values['error-rate']}"`);
    }
    const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
    if (format !== 'ndjson' && format !== 'csv')
      throw new UsageError(`--format must be ndjson or csv, not "${format}"`);

    const file = values.out === undefined ? undefined : await openFile(resolve(io.cwd, values.out));
    const plantedFile =
      values.planted === undefined ? undefined : await openFile(resolve(io.cwd, values.planted));
    try {
      const out = new ChunkedWriter(file ?? io.stdout);
      const plantedOut = plantedFile === undefined ? undefined : new ChunkedWriter(plantedFile);
      const columns = csvColumns(kind);
      // The planted unknown field needs a column of its own, or CSV would silently drop it.
      const header =
        errorRate > 0 ? [...columns.map((c) => c.name), PLANTED_EXTRA_FIELD] : columns.map((c) => c.name);
      if (format === 'csv') await out.line(csvLine(header));
      for (const { record, planted } of generateLabelledRecords(kind, { seed, count, errorRate })) {
        if (format === 'csv') {
          const { cells, uncovered } = recordCells(columns, record);
          if (errorRate > 0)
            cells.push(record[PLANTED_EXTRA_FIELD] === undefined ? '' : String(record[PLANTED_EXTRA_FIELD]));
          const lost = uncovered.filter((name) => name !== PLANTED_EXTRA_FIELD);
          if (lost.length > 0) throw new Error(`record fields without a CSV column: ${lost.join(', ')}`);
          await out.line(csvLine(cells));
        } else {
          await out.line(JSON.stringify(record));
        }
        if (planted !== undefined && plantedOut !== undefined) await plantedOut.line(JSON.stringify(planted));
      }
      await out.flush();
      await plantedOut?.flush();
    } finally {
      if (file !== undefined) await closeFile(file);
      if (plantedFile !== undefined) await closeFile(plantedFile);
    }
    return EXIT_OK;
  },
};
