import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type DatasetFormat,
  type DatasetProgress,
  type DatasetReport,
  type DatasetSource,
  formatReport,
  type Lang,
  RECORD_KINDS,
  type RecordKind,
  validateDataset,
} from '@ansinh/core';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, UsageError } from '../command.js';

const FORMATS: readonly DatasetFormat[] = ['ndjson', 'csv', 'json'];
const EXTENSIONS: Readonly<Record<string, DatasetFormat>> = {
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.json': 'json',
};

const help = `Usage: ansinh validate FILE [--kind KIND] [--format ndjson|csv|json] [--mapping MAP.json] [--lang vi|en] [--json]

Validates a dataset against the national social security data standard, streaming: every record
against its schema, plus the rules across records (duplicate personal ID within the programme,
one person enrolled in two provinces, household without head), and prints a quality report.

  FILE             the dataset; - reads standard input
  --kind KIND      record kind (${RECORD_KINDS.join(', ')}).
                   Default: the kind the file name starts with, e.g. social-assistance-2025.ndjson
  --format FORMAT  ndjson, csv (header row, dotted column names for nested fields) or json (an
                   array of records). Default: from the extension (.ndjson/.jsonl, .csv, .json)
  --mapping FILE   CSV only: a JSON object mapping your column headers to field paths, for a file
                   exported with its own column names, e.g. {"Họ và tên": "fullName",
                   "Mã tỉnh": "address.provinceCode"}; headers not listed are field paths as written
  --lang vi|en     language of the report (default vi)
  --json           print the report as one JSON object instead of text

A progress bar (records/s, ETA when the size is known) is drawn on stderr only when stderr is a
terminal. Personal IDs never appear in clear in the report or on the terminal: they are masked
to their first and last three digits (001******123).

Exit codes: 0 every record is valid, 1 some record or the file itself is invalid,
2 usage or I/O error (missing file, unknown kind or format).

Example:
  ansinh generate --kind social-assistance --count 1000 --seed 1 --out social-assistance.ndjson
  ansinh validate social-assistance.ndjson --lang en
  cat people.csv | ansinh validate - --kind social-assistance --format csv --json
  ansinh validate tro-giup.csv --kind social-assistance --mapping columns.json
`;

export const validateCommand: Command = {
  name: ['validate'],
  summary: 'Validate a dataset (NDJSON, CSV, JSON) and print a quality report',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parse(argv);
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for standard input)');
    const file = positionals[0]!;
    const lang = values.lang;
    if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang must be vi or en, not "${lang}"`);
    const format = chooseFormat(file, values.format);
    const kind = chooseKind(file, values.kind);
    const mapping = values.mapping === undefined ? undefined : await readMapping(values.mapping, format, io);

    const source = await open(file, io);
    const bar = io.stderr.isTTY ? new ProgressBar(io.stderr) : undefined;
    let report: DatasetReport;
    try {
      report = await validateDataset(source, {
        kind,
        format,
        lang,
        ...(mapping ? { mapping } : {}),
        ...(bar ? { onProgress: (p: DatasetProgress) => bar.draw(p) } : {}),
      });
    } finally {
      bar?.clear();
    }
    io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report, lang as Lang));
    return report.ok ? EXIT_OK : EXIT_INVALID;
  },
};

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        format: { type: 'string' },
        mapping: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // node:util reports an unknown or malformed option as a TypeError: a usage mistake here.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function chooseFormat(file: string, given: string | undefined): DatasetFormat {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${given}"`);
    }
    return given as DatasetFormat;
  }
  const inferred = file === '-' ? undefined : EXTENSIONS[extname(file).toLowerCase()];
  if (inferred === undefined) {
    throw new UsageError(`cannot tell the format of "${file}" from its extension: give --format`);
  }
  return inferred;
}

function chooseKind(file: string, given: string | undefined): RecordKind {
  if (given !== undefined) {
    if (!(RECORD_KINDS as readonly string[]).includes(given)) {
      throw new UsageError(`unknown --kind "${given}"; kinds: ${RECORD_KINDS.join(', ')}`);
    }
    return given as RecordKind;
  }
  const name = file === '-' ? '' : basename(file).toLowerCase();
  // Longest first, so "social-insurance" is not taken for a shorter kind it starts with.
  const found = [...RECORD_KINDS]
    .sort((a, b) => b.length - a.length)
    .find((kind) => name.startsWith(kind) && /^($|[^a-z])/.test(name.slice(kind.length)));
  if (found === undefined) {
    throw new UsageError(`cannot tell the record kind from the file name "${file}": give --kind`);
  }
  return found;
}

/** Reads the --mapping file: a JSON object of header → dotted field path, nothing else. */
async function readMapping(
  file: string,
  format: DatasetFormat,
  io: CommandIO,
): Promise<Record<string, string>> {
  if (format !== 'csv') throw new UsageError('--mapping applies to CSV files only (their column headers)');
  const text = await readFile(resolve(io.cwd, file), 'utf8'); // a missing file: ENOENT, exit 2
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--mapping ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new UsageError(`--mapping ${file} must be a JSON object of column header → field path`);
  }
  for (const [header, path] of Object.entries(mapping)) {
    if (typeof path !== 'string' || path === '') {
      throw new UsageError(`--mapping ${file}: the field path for "${header}" must be a non-empty string`);
    }
  }
  return mapping as Record<string, string>;
}

async function open(file: string, io: CommandIO): Promise<DatasetSource> {
  if (file === '-') return io.stdin as AsyncIterable<Uint8Array>;
  const path = resolve(io.cwd, file);
  const info = await stat(path); // a missing file fails here with ENOENT: exit 2
  if (!info.isFile()) throw new UsageError(`"${file}" is not a file`);
  return openAsBlob(path);
}

/** A one-line progress bar on a terminal, redrawn in place. */
class ProgressBar {
  private readonly started = Date.now();
  private drawn = false;

  constructor(private readonly out: CommandIO['stderr']) {}

  draw(progress: DatasetProgress): void {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = Math.round(progress.records / seconds);
    const parts = [
      `${progress.records.toLocaleString('en-US')} records`,
      `${rate.toLocaleString('en-US')} rec/s`,
    ];
    let bar = '';
    if (progress.totalBytes) {
      const share = Math.min(progress.bytes / progress.totalBytes, 1);
      const width = 24;
      const filled = Math.round(share * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% `;
      const bytesPerSecond = progress.bytes / seconds;
      if (share > 0 && share < 1)
        parts.push(`ETA ${formatDuration((progress.totalBytes - progress.bytes) / bytesPerSecond)}`);
    } else {
      parts.push(`${(progress.bytes / 1024 ** 2).toFixed(1)} MiB`);
    }
    const line = `${bar}${parts.join(' · ')}`;
    const columns = this.out.columns ?? 80;
    this.out.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
  }
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
