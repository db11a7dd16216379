import { CoreError } from '../errors.js';
import { localize } from '../i18n.js';
import { isRecordKind, RECORD_KINDS, type RecordKind } from '../schemas/kinds.js';
import { buildClean, type JsonRecord } from './build.js';
import { generationContext } from './context.js';
import { type PlantedMistake, plantMistake } from './mistakes.js';
import type { Seed } from './prng.js';

export interface GenerateOptions {
  /** Same seed, same records, on every platform. An integer or any string. */
  readonly seed: Seed;
  /** How many records. */
  readonly count: number;
  /** Share of records (0…1) that get one planted mistake; 0 by default. */
  readonly errorRate?: number;
  /** Index of the first record (to generate a dataset in slices); 0 by default. */
  readonly start?: number;
}

/** A generated record with its position and, if one was planted, its mistake. */
export interface LabelledRecord {
  readonly index: number;
  readonly record: JsonRecord;
  readonly planted?: PlantedMistake;
}

const GENERATE_ERRORS = {
  UNKNOWN_KIND: {
    vi: 'Loại bản ghi "{kind}" không tồn tại; các loại hợp lệ: {kinds}.',
    en: 'There is no record kind "{kind}"; the kinds are: {kinds}.',
  },
  INVALID_OPTION: {
    vi: 'Tùy chọn {option} không hợp lệ: {rule}.',
    en: 'Invalid option {option}: {rule}.',
  },
} as const;

function fail(code: keyof typeof GENERATE_ERRORS, params: Record<string, unknown>): CoreError {
  return new CoreError(code, {
    vi: localize(GENERATE_ERRORS[code], 'vi', params),
    en: localize(GENERATE_ERRORS[code], 'en', params),
  });
}

function checkKind(kind: unknown): asserts kind is RecordKind {
  if (!isRecordKind(kind)) throw fail('UNKNOWN_KIND', { kind: String(kind), kinds: RECORD_KINDS.join(', ') });
}

function checkIndex(value: number, option: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw fail('INVALID_OPTION', { option, rule: 'integer ≥ 0' });
}

function checkRate(rate: number): void {
  if (!(rate >= 0 && rate <= 1)) throw fail('INVALID_OPTION', { option: 'errorRate', rule: '0 … 1' });
}

/**
 * Generates records of `kind` with their planted mistakes, lazily: one record per iteration step,
 * never the whole list. See {@link generateRecords}.
 *
 * @throws CoreError `UNKNOWN_KIND`, `INVALID_OPTION`.
 * @example
 * for (const { record, planted } of generateLabelledRecords('social-assistance', { seed: 7, count: 100, errorRate: 0.1 })) {
 *   if (planted) console.log(planted.index, planted.mistake, planted.code);
 * }
 */
export function generateLabelledRecords(
  kind: RecordKind,
  options: GenerateOptions,
): Iterable<LabelledRecord> {
  checkKind(kind);
  const start = options.start ?? 0;
  const errorRate = options.errorRate ?? 0;
  checkIndex(options.count, 'count');
  checkIndex(start, 'start');
  checkRate(errorRate);
  const ctx = generationContext(kind, options.seed);
  return {
    *[Symbol.iterator]() {
      for (let index = start; index < start + options.count; index++) {
        const record = buildClean(ctx, index);
        const planted = plantMistake(ctx, index, record, errorRate);
        yield planted === undefined ? { index, record } : { index, record, planted };
      }
    },
  };
}

/**
 * Generates `count` synthetic records of `kind`: realistic (Vietnamese names with diacritics,
 * personal IDs consistent with date of birth, sex and province, real codes, allowances of base
 * level × coefficient, households with one head) and deterministic (same seed, same records).
 * With `errorRate`, that share of records carries one planted mistake (see `MISTAKES`;
 * {@link generateLabelledRecords} says which). Lazy: iterate it, do not collect millions.
 *
 * @throws CoreError `UNKNOWN_KIND`, `INVALID_OPTION`.
 * @example
 * for (const record of generateRecords('health-insurance', { seed: 42, count: 1000 })) {
 *   out.write(`${JSON.stringify(record)}\n`);
 * }
 */
export function generateRecords(kind: RecordKind, options: GenerateOptions): Iterable<JsonRecord> {
  const labelled = generateLabelledRecords(kind, options);
  return {
    *[Symbol.iterator]() {
      for (const item of labelled) yield item.record;
    },
  };
}

/**
 * Record `index` of the stream `generateRecords(kind, { seed, errorRate })` would produce,
 * without generating the ones before it.
 *
 * @example generateRecord('card', 1, 0) // the first card of seed 1
 */
export function generateRecord(
  kind: RecordKind,
  seed: Seed,
  index: number,
  options: { readonly errorRate?: number } = {},
): JsonRecord {
  checkKind(kind);
  checkIndex(index, 'index');
  const errorRate = options.errorRate ?? 0;
  checkRate(errorRate);
  const ctx = generationContext(kind, seed);
  const record = buildClean(ctx, index);
  plantMistake(ctx, index, record, errorRate);
  return record;
}
