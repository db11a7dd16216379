import { ByteBuffer, type DatasetReader, MAX_RECORD_BYTES, type RecordSink } from './reader.js';

/** Turns one CSV cell (never empty: empty cells are absent fields) into the field's value. */
export type CellConverter = (cell: string) => unknown;

/** Options of the CSV reader. */
export interface CsvReaderOptions {
  /** Header name → dotted field path (`address.provinceCode`); unmapped headers are paths as written. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** The converter for a field path (its segments), chosen once per column when the header is read. */
  readonly converterFor: (path: readonly string[]) => CellConverter;
}

// Byte-level states of the RFC 4180 record splitter.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a `"` seen inside a quoted field: an escaped quote or the closing one

interface Column {
  readonly path: readonly string[];
  readonly convert: CellConverter;
}

/**
 * CSV per RFC 4180: a header row, `,` separators, fields optionally in double quotes with `""`
 * for a quote and line breaks allowed inside quotes; `\n` or `\r\n` line ends. Records are split
 * at byte level (quotes, commas and newlines are ASCII, so a chunk boundary may fall anywhere,
 * even inside a multi-byte character), then decoded strictly as UTF-8 and split into fields.
 *
 * Each data row becomes an object: the header (after `mapping`) gives every column a field path,
 * dotted for nested fields (`address.provinceCode` → `{ address: { provinceCode } }`); an empty
 * cell leaves its field absent; the other cells pass through the column's converter. Empty lines
 * carry no record and are passed over. The line number of a record is the line it starts on.
 */
export class CsvReader implements DatasetReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly pending = new ByteBuffer();
  private readonly fields: string[] = [];
  private columns: readonly Column[] | undefined;
  private state = FIELD_START;
  private skipping = false;
  /** Line the current record starts on, and the line the scanner is on. */
  private recordLine = 1;
  private line = 1;

  constructor(
    private readonly sink: RecordSink,
    private readonly options: CsvReaderOptions,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    let state = this.state;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) {
        if (state === QUOTED) {
          this.line++;
          continue;
        }
        this.state = FIELD_START;
        this.finish(chunk, start, i);
        state = FIELD_START;
        start = i + 1;
      } else if (b === 0x22) {
        state =
          state === FIELD_START
            ? QUOTED
            : state === QUOTED
              ? QUOTE_IN_QUOTED
              : state === QUOTE_IN_QUOTED
                ? QUOTED
                : UNQUOTED;
      } else if (b === 0x2c) {
        if (state !== QUOTED) state = FIELD_START;
      } else if (state === FIELD_START || state === QUOTE_IN_QUOTED) {
        state = UNQUOTED;
      }
    }
    this.state = state;
    this.keep(chunk, start, chunk.length);
  }

  end(): void {
    if (this.skipping) {
      this.skipping = false;
    } else if (this.pending.length > 0) {
      // The last record has no final newline; inside an unclosed quote it is malformed.
      const unclosed = this.state === QUOTED;
      const bytes = this.pending.view();
      if (unclosed) this.sink.unreadable('DATASET_MALFORMED_CSV', this.recordLine, { line: this.recordLine });
      else this.row(bytes);
    }
    this.pending.clear();
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    if (this.skipping || start === end) return;
    if (this.pending.length + (end - start) > MAX_RECORD_BYTES) {
      this.sink.unreadable('DATASET_LINE_TOO_LONG', this.recordLine, {
        line: this.recordLine,
        limit: MAX_RECORD_BYTES,
      });
      this.skipping = true;
      this.pending.clear();
      return;
    }
    this.pending.append(chunk, start, end);
  }

  /** A record ended at `end` (its newline) in `chunk`. */
  private finish(chunk: Uint8Array, start: number, end: number): void {
    if (this.skipping) {
      this.skipping = false;
    } else if (this.pending.length > 0) {
      this.keep(chunk, start, end);
      if (!this.skipping) this.row(this.pending.view());
      this.skipping = false;
      this.pending.clear();
    } else if (end - start > MAX_RECORD_BYTES) {
      this.sink.unreadable('DATASET_LINE_TOO_LONG', this.recordLine, {
        line: this.recordLine,
        limit: MAX_RECORD_BYTES,
      });
    } else {
      this.row(chunk.subarray(start, end));
    }
    this.line++;
    this.recordLine = this.line;
  }

  private row(bytes: Uint8Array): void {
    let length = bytes.length;
    if (length > 0 && bytes[length - 1] === 0x0d) length--;
    if (length === 0) return; // an empty line
    const line = this.recordLine;
    let text: string;
    try {
      text = this.decoder.decode(length === bytes.length ? bytes : bytes.subarray(0, length));
    } catch {
      this.sink.unreadable('DATASET_INVALID_UTF8', line, { line });
      return;
    }
    const fields = this.fields;
    if (!splitRecord(text, fields)) {
      this.sink.unreadable('DATASET_MALFORMED_CSV', line, { line });
      return;
    }
    const columns = this.columns;
    if (columns === undefined) {
      this.header(fields, line);
      return;
    }
    if (fields.length !== columns.length) {
      const params = { line, found: fields.length, expected: columns.length };
      this.sink.unreadable(
        fields.length < columns.length ? 'DATASET_CSV_MISSING_COLUMNS' : 'DATASET_CSV_EXTRA_COLUMNS',
        line,
        params,
      );
      return;
    }
    const record: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const cell = fields[c]!;
      if (cell === '') continue;
      const column = columns[c]!;
      const path = column.path;
      let target = record;
      for (let p = 0; p < path.length - 1; p++) {
        const key = path[p]!;
        let next = Object.hasOwn(target, key) ? target[key] : undefined;
        if (typeof next !== 'object' || next === null) {
          next = {};
          setOwn(target, key, next);
        }
        target = next as Record<string, unknown>;
      }
      setOwn(target, path[path.length - 1]!, column.convert(cell));
    }
    this.sink.record(record, line);
  }

  private header(names: readonly string[], line: number): void {
    const seen = new Set<string>();
    const columns: Column[] = [];
    for (const raw of names) {
      const name = raw.trim();
      if (seen.has(name)) this.sink.fileIssue('DATASET_CSV_DUPLICATE_COLUMN', line, { column: name });
      seen.add(name);
      const path = (this.options.mapping?.[name] ?? name).split('.');
      columns.push({ path, convert: this.options.converterFor(path) });
    }
    this.columns = columns;
  }
}

/**
 * Sets an own data property, as JSON.parse does: a header named `__proto__` or
 * `constructor.prototype.x` must create a field, not reach an object's prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * Splits one CSV record (without its line end) into `out`, unquoting fields. Returns false when
 * a quote is misplaced: text after a closing quote, a quote inside an unquoted field, or a quote
 * never closed.
 */
export function splitRecord(text: string, out: string[]): boolean {
  out.length = 0;
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text.charCodeAt(i) === 0x22) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return false;
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 0x22) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      out.push(value);
      if (i === n) return true;
      if (text.charCodeAt(i) !== 0x2c) return false;
      i++;
    } else {
      let comma = text.indexOf(',', i);
      if (comma === -1) comma = n;
      const value = text.slice(i, comma);
      if (value.includes('"')) return false;
      out.push(value);
      if (comma === n) return true;
      i = comma + 1;
    }
  }
}
