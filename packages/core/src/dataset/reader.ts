import type { DatasetIssueCode } from './messages.js';

/** Longest record (NDJSON line, CSV row, JSON array element) read, in bytes: 1 MiB. */
export const MAX_RECORD_BYTES = 1_048_576;

/**
 * Where a reader delivers what it finds, synchronously and in file order. Push-style on purpose:
 * no promise, array or iterator result per record on the hot path.
 */
export interface RecordSink {
  /** A record candidate (parsed JSON value, or the object built from a CSV row) starting at `line`. */
  record(value: unknown, line: number): void;
  /** An item that could not be read: it counts as one invalid record carrying this issue. */
  unreadable(code: DatasetIssueCode, line: number, params?: Readonly<Record<string, unknown>>): void;
  /** A problem of the file itself that belongs to no record (an empty file, a missing `]`). */
  fileIssue(code: DatasetIssueCode, line: number, params?: Readonly<Record<string, unknown>>): void;
}

/** A format's byte-level reader: bytes go in chunk by chunk, records come out through the sink. */
export interface DatasetReader {
  push(chunk: Uint8Array): void;
  /** The input is complete: flush the last record and report what is left open. */
  end(): void;
}

/**
 * Decodes UTF-8 strictly and parses JSON, reporting either problem as an unreadable record.
 * One decoder is reused for the whole file.
 */
export function parseJsonBytes(
  bytes: Uint8Array,
  line: number,
  decoder: TextDecoder,
  sink: RecordSink,
): void {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    sink.unreadable('DATASET_INVALID_UTF8', line, { line });
    return;
  }
  parseJsonText(text, line, sink);
}

/** Parses one record's JSON text, reporting a syntax error as an unreadable record. */
export function parseJsonText(text: string, line: number, sink: RecordSink): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sink.unreadable('DATASET_MALFORMED_JSON', line, { line, column: jsonErrorColumn(error, text) });
    return;
  }
  sink.record(value, line);
}

/**
 * The 1-based character where JSON.parse stopped. Taken from the engine's message (V8 says "at
 * position N" or names the unexpected token); the message itself is never shown, as it quotes the
 * record's text, personal IDs included.
 */
function jsonErrorColumn(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]) + 1;
  if (/end of (JSON )?input|Unterminated/i.test(message)) return text.length + 1;
  const token = /Unexpected token '?(.)/.exec(message);
  if (token) return text.indexOf(token[1]!) + 1 || 1;
  return 1;
}

/** Whether bytes [start, end) are only JSON whitespace (a blank line). */
export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  }
  return true;
}

/** Whether characters [start, end) of `text` are only JSON whitespace. */
export function isBlankText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/** A growable byte buffer for the part of a record that spans chunks. */
export class ByteBuffer {
  bytes = new Uint8Array(4096);
  length = 0;

  append(source: Uint8Array, start: number, end: number): void {
    const needed = this.length + (end - start);
    if (needed > this.bytes.length) {
      const next = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    this.bytes.set(source.subarray(start, end), this.length);
    this.length = needed;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  /** Empties the buffer; a buffer grown by one huge record shrinks back so it does not stay large. */
  clear(): void {
    this.length = 0;
    if (this.bytes.length > 65536) this.bytes = new Uint8Array(4096);
  }
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Drops a UTF-8 byte order mark at the very start of the input (however the first chunks are cut)
 * and passes everything else on unchanged. A BOM anywhere else is data, and so an error.
 */
export class WithoutBom implements DatasetReader {
  private matched = 0;
  private decided = false;

  constructor(private readonly inner: DatasetReader) {}

  push(chunk: Uint8Array): void {
    if (this.decided) {
      this.inner.push(chunk);
      return;
    }
    let i = 0;
    while (this.matched < 3 && i < chunk.length && chunk[i] === BOM[this.matched]) {
      this.matched++;
      i++;
    }
    if (this.matched < 3 && i === chunk.length) return; // so far a BOM prefix: wait for more bytes
    this.decided = true;
    if (this.matched < 3 && this.matched > 0) this.inner.push(BOM.subarray(0, this.matched));
    if (i < chunk.length) this.inner.push(i === 0 ? chunk : chunk.subarray(i));
  }

  end(): void {
    if (!this.decided && this.matched > 0) this.inner.push(BOM.subarray(0, this.matched));
    this.inner.end();
  }
}
