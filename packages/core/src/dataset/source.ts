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
    yield* readStream(source.stream());
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

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield bytesOf(next.value);
    }
  } finally {
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
