import { type Lang, localize } from '../i18n.js';
import type { Issue } from '../issue.js';
import { type CellConverter, CsvReader } from './csv.js';
import { HouseholdIndex } from './household-index.js';
import { NEW_ID, PersonalIdIndex, personalIdToNumber } from './id-index.js';
import { JsonArrayReader } from './json-array.js';
import { DATASET_MESSAGES, type DatasetIssueCode } from './messages.js';
import { NdjsonReader } from './ndjson.js';
import { type DatasetReader, type RecordSink, WithoutBom } from './reader.js';
import {
  CompletenessCounter,
  type DatasetFormat,
  type DatasetIssueExample,
  type DatasetReport,
  maskIdentifiers,
} from './report.js';
import { type DatasetSource, sourceChunks, sourceSize } from './source.js';

/** Progress of a running validation, reported at most every `progressIntervalMs`. */
export interface DatasetProgress {
  readonly records: number;
  readonly bytes: number;
  /** Known when the source is a Blob/File. */
  readonly totalBytes?: number;
}

/**
 * A record validator: the shape `createRecordValidator` returns. Warnings (facts the sources mark
 * uncertain) are counted and shown, never a reason to call a record invalid.
 */
export type RecordCheck = (
  data: unknown,
) =>
  | { readonly ok: true; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Everything a validation run needs, resolved from the public options. */
export interface ValidationSettings {
  readonly kind: string;
  /** How messages name the programme ("Trợ giúp xã hội"); the kind itself when absent. */
  readonly programmeName?: string;
  readonly format: DatasetFormat;
  readonly lang: Lang;
  readonly validate: RecordCheck;
  /** Tag 1..15 of the programme whose cross-record rules apply; 0 for kinds without them. */
  readonly programme: number;
  readonly mapping?: Readonly<Record<string, string>>;
  readonly converterFor: (path: readonly string[]) => CellConverter;
  readonly maxExamples: number;
  readonly onProgress?: (progress: DatasetProgress) => void;
  readonly progressIntervalMs: number;
  readonly signal?: AbortSignal;
}

/** Reads `source` with the format's reader, validates every record and builds the report. */
export async function runValidation(
  source: DatasetSource,
  settings: ValidationSettings,
): Promise<DatasetReport> {
  const started = performance.now();
  const totalBytes = sourceSize(source);
  const run = new Validation(settings);
  const reader = new WithoutBom(createReader(run, settings));
  const { onProgress, progressIntervalMs, signal } = settings;
  signal?.throwIfAborted();
  let bytes = 0;
  let lastProgress = Date.now();
  for await (const chunk of sourceChunks(source)) {
    signal?.throwIfAborted();
    reader.push(chunk);
    bytes += chunk.length;
    if (onProgress) {
      const now = Date.now();
      if (now - lastProgress >= progressIntervalMs) {
        lastProgress = now;
        onProgress(progress(run.records, bytes, totalBytes));
      }
    }
  }
  reader.end();
  onProgress?.(progress(run.records, bytes, totalBytes));
  return run.report(bytes, performance.now() - started);
}

function progress(records: number, bytes: number, totalBytes: number | undefined): DatasetProgress {
  return totalBytes === undefined ? { records, bytes } : { records, bytes, totalBytes };
}

function createReader(sink: RecordSink, settings: ValidationSettings): DatasetReader {
  switch (settings.format) {
    case 'ndjson':
      return new NdjsonReader(sink);
    case 'json':
      return new JsonArrayReader(sink);
    case 'csv':
      return new CsvReader(sink, {
        converterFor: settings.converterFor,
        ...(settings.mapping ? { mapping: settings.mapping } : {}),
      });
  }
}

/**
 * One validation run: counts, examples, completeness and the cross-record indexes. Nothing of a
 * record outlives its `record` call except its personal ID in the packed index and its household
 * in the household index.
 */
class Validation implements RecordSink {
  records = 0;
  private valid = 0;
  private invalid = 0;
  private fileIssues = 0;
  private readonly counts = new Map<string, number>();
  private readonly examples = new Map<string, DatasetIssueExample[]>();
  private readonly completeness = new CompletenessCounter();
  private readonly ids: PersonalIdIndex | undefined;
  private readonly households: HouseholdIndex | undefined;

  constructor(private readonly settings: ValidationSettings) {
    if (settings.programme > 0) {
      this.ids = new PersonalIdIndex();
      this.households = new HouseholdIndex();
    }
  }

  record(value: unknown, line: number): void {
    this.records++;
    this.completeness.count(value);
    const result = this.settings.validate(value);
    let valid = true;
    if (!result.ok) {
      for (const issue of result.issues) {
        if (issue.severity !== 'warning') valid = false;
        this.noteIssue(issue, line);
      }
    } else if (result.warnings !== undefined && result.warnings.length > 0) {
      for (const warning of result.warnings) this.noteIssue(warning, line);
    }
    if (this.ids !== undefined && typeof value === 'object' && value !== null) {
      valid = this.crossRecord(value as Record<string, unknown>, line, valid);
    }
    if (valid) this.valid++;
    else this.invalid++;
  }

  unreadable(code: DatasetIssueCode, line: number, params?: Readonly<Record<string, unknown>>): void {
    this.records++;
    this.invalid++;
    if (this.tally(code)) this.example(code, { line, path: [], message: this.message(code, params) });
  }

  fileIssue(code: DatasetIssueCode, line: number, params?: Readonly<Record<string, unknown>>): void {
    this.fileIssues++;
    if (this.tally(code)) this.example(code, { line, path: [], message: this.message(code, params) });
  }

  report(bytes: number, durationMs: number): DatasetReport {
    this.finishHouseholds();
    if (this.records === 0) this.fileIssue('DATASET_EMPTY', 1);
    return {
      kind: this.settings.kind,
      format: this.settings.format,
      lang: this.settings.lang,
      ok: this.invalid === 0 && this.fileIssues === 0,
      records: this.records,
      valid: this.valid,
      invalid: this.invalid,
      issues: Object.fromEntries(this.counts),
      examples: Object.fromEntries(this.examples),
      completeness: this.completeness.shares(this.records),
      bytes,
      durationMs: Math.round(durationMs * 10) / 10,
    };
  }

  /**
   * Duplicate personal ID and enrolment in two provinces (charged to the later record), and
   * household membership. Applies to every record whose `personalId` is 12 digits, valid or not:
   * a duplicate is a duplicate even in a record with other mistakes. `valid` is the record's
   * validity so far; returns it with these rules applied.
   */
  private crossRecord(record: Record<string, unknown>, line: number, valid: boolean): boolean {
    const id = personalIdToNumber(record.personalId);
    if (id >= 0) {
      const province = provinceTag(record.provinceCode);
      const first = this.ids!.add(id, this.settings.programme, province);
      if (first !== NEW_ID) {
        valid = false;
        const twoProvinces = first !== 0 && province !== 0 && first !== province;
        const code = twoProvinces ? 'ENROLLED_IN_TWO_PROVINCES' : 'DUPLICATE_PERSONAL_ID';
        if (this.tally(code)) {
          const path = twoProvinces ? ['provinceCode'] : ['personalId'];
          const message = this.message(code, {
            id: record.personalId,
            kind: this.settings.programmeName ?? this.settings.kind,
            first: provinceCodeOf(first),
            second: provinceCodeOf(province),
          });
          this.example(code, { line, path, message });
        }
      }
    }
    const household = record.householdId;
    if (typeof household === 'string' && household !== '') {
      this.households!.add(household, line, record.relationToHead === 'head', valid);
    }
    return valid;
  }

  /**
   * Households without head are known only at the end. Each is charged to its first record: a
   * first record counted valid becomes invalid, so records = valid + invalid still holds.
   */
  private finishHouseholds(): void {
    if (this.households === undefined) return;
    const lines: number[] = [];
    const max = this.settings.maxExamples;
    this.households.withoutHead((line, firstRecordValid) => {
      if (firstRecordValid) {
        this.valid--;
        this.invalid++;
      }
      this.counts.set('HOUSEHOLD_WITHOUT_HEAD', (this.counts.get('HOUSEHOLD_WITHOUT_HEAD') ?? 0) + 1);
      // Keep the `max` smallest lines: the report lists the first households of the file.
      if (lines.length < max || line < lines[lines.length - 1]!) {
        let at = lines.length;
        while (at > 0 && lines[at - 1]! > line) at--;
        lines.splice(at, 0, line);
        if (lines.length > max) lines.pop();
      }
    });
    for (const line of lines) {
      this.example('HOUSEHOLD_WITHOUT_HEAD', {
        line,
        path: ['householdId'],
        message: this.message('HOUSEHOLD_WITHOUT_HEAD', { line }),
      });
    }
  }

  private noteIssue(issue: Issue, line: number): void {
    if (this.tally(issue.code)) this.example(issue.code, { line, path: issue.path, message: issue.message });
  }

  /** Counts one occurrence of `code`; true when an example of it is still wanted. */
  private tally(code: string): boolean {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    return count <= this.settings.maxExamples;
  }

  private example(code: string, example: DatasetIssueExample): void {
    const masked = { ...example, message: maskIdentifiers(example.message) };
    const list = this.examples.get(code);
    if (list) list.push(masked);
    else this.examples.set(code, [masked]);
  }

  private message(code: DatasetIssueCode, params?: Readonly<Record<string, unknown>>): string {
    return localize(DATASET_MESSAGES[code], this.settings.lang, params);
  }
}

/** `provinceCode` "01".."99" → 1..100 (code + 1); anything else → 0, unknown. */
function provinceTag(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 2) return 0;
  const tens = value.charCodeAt(0) - 48;
  const units = value.charCodeAt(1) - 48;
  if (tens < 0 || tens > 9 || units < 0 || units > 9) return 0;
  return tens * 10 + units + 1;
}

function provinceCodeOf(tag: number): string {
  return tag === 0 ? '?' : String(tag - 1).padStart(2, '0');
}
