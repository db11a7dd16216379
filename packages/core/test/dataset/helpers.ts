import type { DatasetFormat, DatasetReport } from '../../src/dataset/report.js';
import { runValidation, type ValidationSettings } from '../../src/dataset/validation.js';
import type { Result } from '../../src/issue.js';

/**
 * A stand-in record validator for reader tests, independent of the schemas: a record is an
 * object whose `name` is a non-empty string.
 */
export function nameRequired(data: unknown): Result<unknown> {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const name = (data as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return { ok: true, value: data };
    return { ok: false, issues: [{ path: ['name'], code: 'NAME_REQUIRED', message: 'name required' }] };
  }
  return { ok: false, issues: [{ path: [], code: 'NOT_AN_OBJECT', message: 'not an object' }] };
}

/** Chunks `bytes` at the given cut points (sorted, deduplicated, inside the array). */
export function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.slice(from, p));
    from = p;
  }
  chunks.push(bytes.slice(from));
  return chunks;
}

export async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Runs the reader/report pipeline with the stand-in validator over `input`, cut into `chunks`. */
export function runOn(
  input: string | Uint8Array,
  format: DatasetFormat,
  overrides: Partial<ValidationSettings> = {},
  cuts: readonly number[] = [],
): Promise<DatasetReport> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  return runValidation(iterate(cut(bytes, cuts)), {
    kind: 'test',
    format,
    lang: 'en',
    validate: nameRequired,
    programme: 1,
    converterFor: () => (cell) => cell,
    maxExamples: 5,
    progressIntervalMs: 100,
    ...overrides,
  });
}

/** The report without its timing, for comparing two runs. */
export function timeless(report: DatasetReport): Omit<DatasetReport, 'durationMs'> {
  const { durationMs: _, ...rest } = report;
  return rest;
}

/** Every example line of `code`. */
export function linesOf(report: DatasetReport, code: string): number[] {
  return (report.examples[code] ?? []).map((e) => e.line);
}
