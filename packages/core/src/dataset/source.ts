import { CoreError } from '../errors.js';

/**
 * Where a dataset's bytes come from: a web `ReadableStream` (`fetch` body, `Blob.stream()`), any
 * async iterable of byte chunks (Node streams are), or a `Blob` (a browser `File`; in Node,
 * `fs.openAsBlob(path)`), whose size then gives progress a total.
 */
export type DatasetSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Blob;

/** The source's size in bytes when it is known up front (a Blob). */
export function sourceSize(source: DatasetSource): number | undefined {
  return isBlob(source) ? source.size : undefined;
}

/**
 * The source as an async iterable of byte chunks. Leaving the loop early (break, throw) cancels
 * the underlying stream, so an aborted validation does not keep a file open.
 */
export async function* sourceChunks(source: DatasetSource): AsyncGenerator<Uint8Array> {
  if (isBlob(source)) {
    yield* readBlob(source);
  } else if (isReadableStream(source)) {
    yield* readStream(source);
  } else if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
    for await (const chunk of source) yield bytesOf(chunk);
  } else {
    throw new CoreError('DATASET_BAD_SOURCE', {
      vi: 'Nguồn dữ liệu phải là ReadableStream, async iterable các khối byte, hoặc Blob.',
      en: 'The dataset source must be a ReadableStream, an async iterable of byte chunks, or a Blob.',
    });
  }
}

/** Bytes read from a Blob at a time: one slice is read while the previous one is validated. */
const BLOB_SLICE = 1 << 20;

/**
 * A Blob in 1 MiB slices, the next one always being read while the caller works on the current
 * one (`Blob.stream()` reads 64 KiB at a time and only when asked, which leaves the thread idle
 * between chunks). A slice's read advances only while the caller awaits, so fewer, larger slices
 * leave the thread idle less often: 1 MiB waited about a quarter as long as 256 KiB.
 */
async function* readBlob(blob: Blob): AsyncGenerator<Uint8Array> {
  const read = (at: number) => blob.slice(at, Math.min(at + BLOB_SLICE, blob.size)).arrayBuffer();
  let next = blob.size > 0 ? read(0) : undefined;
  try {
    for (let at = 0; next !== undefined; at += BLOB_SLICE) {
      const bytes = new Uint8Array(await next);
      next = at + BLOB_SLICE < blob.size ? read(at + BLOB_SLICE) : undefined;
      yield bytes;
    }
  } finally {
    // Left early (aborted): nobody awaits the slice being read, so its failure must not go unhandled.
    next?.catch(() => undefined);
  }
}

/** A web stream, with the next chunk requested before the current one is handed out. */
async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  let pending = reader.read();
  try {
    for (;;) {
      const next = await pending;
      if (next.done) {
        done = true;
        return;
      }
      pending = reader.read();
      yield bytesOf(next.value);
    }
  } finally {
    pending.catch(() => undefined);
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new CoreError('DATASET_BAD_SOURCE', {
    vi: 'Nguồn dữ liệu phải cho ra các khối byte (Uint8Array), không phải chuỗi hay đối tượng.',
    en: 'The dataset source must yield byte chunks (Uint8Array), not strings or objects.',
  });
}

// Duck-typed rather than `instanceof Blob`: a Blob from another realm (an iframe, a polyfill,
// undici's File) is still a Blob.
function isBlob(source: unknown): source is Blob {
  return (
    source !== null &&
    typeof source === 'object' &&
    typeof (source as { stream?: unknown }).stream === 'function' &&
    typeof (source as { size?: unknown }).size === 'number'
  );
}

function isReadableStream(source: unknown): source is ReadableStream<Uint8Array> {
  return (
    source !== null &&
    typeof source === 'object' &&
    typeof (source as { getReader?: unknown }).getReader === 'function'
  );
}
