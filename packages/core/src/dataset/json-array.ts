import {
  ByteBuffer,
  type DatasetReader,
  MAX_RECORD_BYTES,
  parseJsonBytes,
  type RecordSink,
} from './reader.js';

// Where the scanner is in the top-level array.
const BEFORE_ARRAY = 0;
const FIRST_ELEMENT = 1; // after `[`: an element or `]`
const NEXT_ELEMENT = 2; // after `,`: an element
const AFTER_ELEMENT = 3; // `,` or `]`
const IN_ELEMENT = 4;
const AFTER_ARRAY = 5;
const IGNORING = 6; // not an array, or trailing data reported: the rest is not read

// What kind of element is being scanned.
const NESTED = 0; // object or array: ends when its brackets balance
const STRING = 1; // ends at its closing quote
const BARE = 2; // number, true, false, null: ends before a delimiter

/**
 * A JSON array of records, read one element at a time: a byte-level tokenizer tracks strings,
 * escapes and bracket depth to find where each top-level element starts and ends, and only that
 * element is decoded and parsed. The file is never held whole, and a malformed element costs only
 * itself: scanning resumes after it. Line numbers are those of each element's first byte.
 */
export class JsonArrayReader implements DatasetReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly pending = new ByteBuffer();
  private state = BEFORE_ARRAY;
  private element = NESTED;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private skipping = false;
  private line = 1;
  private elementLine = 1;

  constructor(private readonly sink: RecordSink) {}

  push(chunk: Uint8Array): void {
    let start = -1; // start of the current element within this chunk, when it began here
    if (this.state === IN_ELEMENT) start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.state === IN_ELEMENT) {
        if (b === 0x0a) this.line++;
        if (this.element === BARE) {
          if (b === 0x2c || b === 0x5d || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
            this.complete(chunk, start, i);
            this.state = AFTER_ELEMENT;
            i--; // the delimiter is read again as such
            if (b === 0x0a) this.line--;
          }
          continue;
        }
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (b === 0x5c) this.escaped = true;
          else if (b === 0x22) {
            this.inString = false;
            if (this.element === STRING) {
              this.complete(chunk, start, i + 1);
              this.state = AFTER_ELEMENT;
            }
          }
        } else if (b === 0x22) {
          this.inString = true;
        } else if (b === 0x7b || b === 0x5b) {
          this.depth++;
        } else if (b === 0x7d || b === 0x5d) {
          if (--this.depth === 0) {
            this.complete(chunk, start, i + 1);
            this.state = AFTER_ELEMENT;
          }
        }
        continue;
      }
      if (b === 0x0a) {
        this.line++;
        continue;
      }
      if (b === 0x20 || b === 0x09 || b === 0x0d || this.state === IGNORING) continue;
      switch (this.state) {
        case BEFORE_ARRAY:
          if (b === 0x5b) {
            this.state = FIRST_ELEMENT;
          } else {
            this.sink.unreadable('DATASET_NOT_AN_ARRAY', this.line, {
              line: this.line,
              found: describeByte(b),
            });
            this.state = IGNORING;
          }
          break;
        case FIRST_ELEMENT:
        case NEXT_ELEMENT:
          if (b === 0x5d) {
            if (this.state === NEXT_ELEMENT) this.malformed(); // a trailing comma
            this.state = AFTER_ARRAY;
          } else if (b === 0x2c) {
            this.malformed(); // an empty element
          } else {
            start = i;
            this.begin(b);
            i--; // the first byte is scanned again inside the element
          }
          break;
        case AFTER_ELEMENT:
          if (b === 0x2c) this.state = NEXT_ELEMENT;
          else if (b === 0x5d) this.state = AFTER_ARRAY;
          else {
            this.malformed(); // a missing comma: read on from this element
            start = i;
            this.begin(b);
            i--;
          }
          break;
        case AFTER_ARRAY:
          this.sink.fileIssue('DATASET_TRAILING_DATA', this.line, { line: this.line });
          this.state = IGNORING;
          break;
      }
    }
    if (this.state === IN_ELEMENT) this.keep(chunk, start, chunk.length);
  }

  end(): void {
    const line = this.line;
    if (this.state === IN_ELEMENT) {
      if (this.element === BARE && !this.skipping) {
        this.complete(new Uint8Array(0), 0, 0);
        this.sink.fileIssue('DATASET_TRUNCATED_JSON', line, { line });
      } else if (!this.skipping) {
        this.sink.unreadable('DATASET_TRUNCATED_JSON', this.elementLine, { line });
      }
    } else if (this.state === FIRST_ELEMENT || this.state === NEXT_ELEMENT || this.state === AFTER_ELEMENT) {
      this.sink.fileIssue('DATASET_TRUNCATED_JSON', line, { line });
    }
    this.pending.clear();
  }

  /** Starts an element whose first byte is `b` (scanned again by the element loop). */
  private begin(b: number): void {
    this.state = IN_ELEMENT;
    this.element = b === 0x7b || b === 0x5b ? NESTED : b === 0x22 ? STRING : BARE;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.skipping = false;
    this.elementLine = this.line;
    this.pending.clear();
  }

  /** The element ends at `end` (exclusive) of `chunk`; it began at `start`, or in an earlier chunk. */
  private complete(chunk: Uint8Array, start: number, end: number): void {
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    if (this.pending.length > 0) {
      this.keep(chunk, 0, end);
      if (!this.skipping) parseJsonBytes(this.pending.view(), this.elementLine, this.decoder, this.sink);
      this.skipping = false;
      this.pending.clear();
    } else if (end - start > MAX_RECORD_BYTES) {
      this.tooLong();
    } else {
      parseJsonBytes(chunk.subarray(start, end), this.elementLine, this.decoder, this.sink);
    }
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    if (this.skipping || start === end) return;
    if (this.pending.length + (end - start) > MAX_RECORD_BYTES) {
      this.tooLong();
      this.skipping = true;
      this.pending.clear();
      return;
    }
    this.pending.append(chunk, start, end);
  }

  private tooLong(): void {
    const line = this.elementLine;
    this.sink.unreadable('DATASET_LINE_TOO_LONG', line, { line, limit: MAX_RECORD_BYTES });
  }

  private malformed(): void {
    this.sink.fileIssue('DATASET_MALFORMED_JSON', this.line, { line: this.line, column: 1 });
  }
}

/** How the first byte of a non-array JSON file is named in the message. */
function describeByte(b: number): string {
  if (b === 0x7b) return '"{"';
  if (b >= 0x21 && b < 0x7f) return `"${String.fromCharCode(b)}"`;
  return `0x${b.toString(16).padStart(2, '0')}`;
}
