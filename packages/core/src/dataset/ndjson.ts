import {
  ByteBuffer,
  type DatasetReader,
  isBlank,
  isBlankText,
  MAX_RECORD_BYTES,
  parseJsonBytes,
  parseJsonText,
  type RecordSink,
} from './reader.js';

const DECODE_SPAN = 65536;

/**
 * Newline-delimited JSON: one record per line, split on the byte 0x0A (which never occurs inside
 * a multi-byte UTF-8 character), so a line is decoded only once it is complete and a chunk
 * boundary can fall anywhere. `\r\n` endings are accepted. Blank lines carry no record and are
 * passed over. A line longer than {@link MAX_RECORD_BYTES} is reported as soon as it passes the
 * limit and its remaining bytes are dropped, never buffered.
 */
export class NdjsonReader implements DatasetReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly pending = new ByteBuffer();
  /** The current line is over the limit and already reported: drop bytes until its end. */
  private skipping = false;
  private line = 1;

  constructor(private readonly sink: RecordSink) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.skipping || this.pending.length > 0) {
      // First the end of the line that began in an earlier chunk.
      const newline = chunk.indexOf(0x0a);
      if (newline === -1) {
        this.keep(chunk, 0, chunk.length);
        return;
      }
      if (this.skipping) {
        this.skipping = false;
      } else {
        this.keep(chunk, 0, newline);
        if (!this.skipping) this.emit(this.pending.view());
        this.skipping = false;
        this.pending.clear();
      }
      this.line++;
      start = newline + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    while (start <= last) {
      // The complete lines of the chunk, in spans of about 64 KiB: decoded in one call when valid
      // UTF-8 and unable to hold an over-long line (a decoder call per line costs more than the
      // decoding, and decoding is fastest on spans that fit the cache); otherwise line by line,
      // which finds the exact lines at fault.
      let end = last;
      if (last - start > DECODE_SPAN) {
        end = chunk.lastIndexOf(0x0a, start + DECODE_SPAN);
        if (end < start) end = chunk.indexOf(0x0a, start + DECODE_SPAN); // one line longer than the span
      }
      if (end - start > MAX_RECORD_BYTES || !this.emitDecoded(chunk.subarray(start, end))) {
        this.emitEach(chunk, start, end);
      }
      start = end + 1;
    }
    this.keep(chunk, start, chunk.length);
  }

  end(): void {
    if (!this.skipping && this.pending.length > 0) this.emit(this.pending.view());
    this.pending.clear();
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
    this.sink.unreadable('DATASET_LINE_TOO_LONG', this.line, { line: this.line, limit: MAX_RECORD_BYTES });
  }

  /** Emits the lines of `bytes` (each ending in `\n`, the last one's newline just past the end). */
  private emitDecoded(bytes: Uint8Array): boolean {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      return false;
    }
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      let to = newline === -1 ? text.length : newline;
      if (to > from && text.charCodeAt(to - 1) === 0x0d) to--;
      if (to > from && (text.charCodeAt(from) === 0x7b || !isBlankText(text, from, to))) {
        parseJsonText(text.slice(from, to), this.line, this.sink);
      }
      this.line++;
      if (newline === -1) return true;
      from = newline + 1;
    }
  }

  /** Emits the lines of `chunk` from `start` to the newline at `last`, decoding each alone. */
  private emitEach(chunk: Uint8Array, start: number, last: number): void {
    while (start <= last) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline - start > MAX_RECORD_BYTES) this.tooLong();
      else this.emit(chunk.subarray(start, newline));
      this.line++;
      start = newline + 1;
    }
  }

  private emit(bytes: Uint8Array): void {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    // A record line starts with `{`; only anything else needs the blank-line scan.
    if (end === 0 || (bytes[0] !== 0x7b && isBlank(bytes, 0, end))) return;
    parseJsonBytes(end === bytes.length ? bytes : bytes.subarray(0, end), this.line, this.decoder, this.sink);
  }
}
