import { PROGRAMS } from '../codes/index.js';
import { CoreError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { isRecordKind, RECORD_SCHEMAS, type RecordKind } from '../schemas/index.js';
import { createRecordValidator } from '../validate/index.js';
import { cellConverters } from './cell-types.js';
import type { DatasetFormat, DatasetReport } from './report.js';
import type { DatasetSource } from './source.js';
import { type DatasetProgress, runValidation } from './validation.js';

/** Options of {@link validateDataset}. */
export interface ValidateDatasetOptions {
  /** The kind of every record in the dataset. Programme kinds also get the cross-record rules. */
  readonly kind: RecordKind;
  readonly format: DatasetFormat;
  /** Language of the report's messages (default `vi`). */
  readonly lang?: Lang;
  /**
   * CSV only: header name → dotted field path (`{ 'Họ và tên': 'name', 'Tỉnh': 'address.provinceCode' }`).
   * Headers not listed are field paths as written (`ansinh generate --format csv` writes them so).
   */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Examples kept per issue code (default 5). */
  readonly maxExamples?: number;
  /** Called with progress at most every `progressIntervalMs` (default 200 ms), and once at the end. */
  readonly onProgress?: (progress: DatasetProgress) => void;
  readonly progressIntervalMs?: number;
  /** Stops the validation: the promise rejects with the signal's reason and the source is cancelled. */
  readonly signal?: AbortSignal;
}

/**
 * Validates a dataset as it streams in and returns its quality report: each record against the
 * schema of `kind`, and, for programme kinds, the rules across records (duplicate personal ID
 * within the programme, one person enrolled in two provinces, household without head). Memory does
 * not grow with the file except for the packed duplicate index (10 to 12.5 bytes per distinct
 * personal ID) and household index; no record is kept.
 *
 * Reads NDJSON, CSV (header row, RFC 4180 quoting, UTF-8 with or without BOM, cells typed by the
 * schema: see `cellConverters`) and JSON arrays (one element at a time). A record over 1 MiB, a
 * malformed line or invalid UTF-8 is an invalid record with its issue and line number; the report
 * always has `records === valid + invalid`.
 *
 * @example
 * import { openAsBlob } from 'node:fs';
 * const report = await validateDataset(await openAsBlob('social-assistance.ndjson'), {
 *   kind: 'social-assistance',
 *   format: 'ndjson',
 *   lang: 'en',
 * });
 * console.log(report.records, report.invalid, report.issues);
 */
export function validateDataset(
  source: DatasetSource,
  options: ValidateDatasetOptions,
): Promise<DatasetReport> {
  const { kind, format } = options;
  if (!isRecordKind(kind)) {
    return Promise.reject(
      new CoreError('DATASET_UNKNOWN_KIND', {
        vi: `Loại bản ghi không xác định: "${kind}".`,
        en: `Unknown record kind: "${kind}".`,
      }),
    );
  }
  if (format !== 'ndjson' && format !== 'csv' && format !== 'json') {
    return Promise.reject(
      new CoreError('DATASET_UNKNOWN_FORMAT', {
        vi: `Định dạng không được hỗ trợ: "${format}" (ndjson, csv, json).`,
        en: `Unsupported format: "${format}" (ndjson, csv, json).`,
      }),
    );
  }
  const lang = options.lang ?? 'vi';
  const program = PROGRAMS.find((p) => p.code === kind);
  return runValidation(source, {
    kind,
    ...(program ? { programmeName: program[lang] } : {}),
    format,
    lang,
    validate: createRecordValidator(kind, { lang }),
    programme: program?.id ?? 0,
    converterFor: cellConverters(RECORD_SCHEMAS[kind]),
    maxExamples: options.maxExamples ?? 5,
    progressIntervalMs: options.progressIntervalMs ?? 200,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
