import type { Lang } from '../i18n.js';

/** The formats `validateDataset` reads. */
export type DatasetFormat = 'ndjson' | 'csv' | 'json';

/** One example of an issue: where it is and what it says (personal IDs masked). */
export interface DatasetIssueExample {
  /** Line the record starts on (1-based); for a household without head, its first record's line. */
  readonly line: number;
  /** Path of the field inside the record; empty for a problem of the whole record or file. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The quality report of one dataset. Plain data, JSON-serialisable as it is.
 *
 * `records` = `valid` + `invalid` always: a line that cannot be read (malformed JSON, invalid
 * UTF-8, over the size limit, wrong number of CSV columns) is an invalid record carrying its
 * issue. `issues` counts issues, not records: one record may carry several, and problems of the
 * file itself (`DATASET_EMPTY`, a truncated array) are counted there without being records.
 */
export interface DatasetReport {
  readonly kind: string;
  readonly format: DatasetFormat;
  readonly lang: Lang;
  /** True when every record is valid and the file itself has no problem (and is not empty). */
  readonly ok: boolean;
  readonly records: number;
  readonly valid: number;
  readonly invalid: number;
  /** Issue code → number of occurrences. */
  readonly issues: Readonly<Record<string, number>>;
  /** Issue code → its first examples, in file order (up to `maxExamples` per code). */
  readonly examples: Readonly<Record<string, readonly DatasetIssueExample[]>>;
  /**
   * Dotted field path → share of records (0..1, four decimals) in which the field is present and non-empty
   * (not null, not "", not an empty array or object). Fields in the order first seen.
   */
  readonly completeness: Readonly<Record<string, number>>;
  readonly bytes: number;
  readonly durationMs: number;
}

/** Fields tracked for completeness at most: a file of random keys must not grow memory without bound. */
export const MAX_COMPLETENESS_FIELDS = 1000;

interface FieldNode {
  present: number;
  children: Level | undefined;
}

/**
 * The fields of one object level. `keys`/`nodes` remember the previous record's keys in order:
 * records of one dataset nearly always list the same keys in the same order, so a key is
 * usually matched by one identity comparison instead of a map lookup.
 */
interface Level {
  readonly map: Map<string, FieldNode>;
  readonly keys: string[];
  readonly nodes: (FieldNode | undefined)[];
}

const newLevel = (): Level => ({ map: new Map(), keys: [], nodes: [] });

/**
 * Counts, per field path, the records where the field is present and non-empty. Fields are a
 * tree of nodes keyed by property name, so counting a record walks its properties without
 * building a single path string.
 */
export class CompletenessCounter {
  private readonly root = newLevel();
  private fields = 0;

  count(record: unknown): void {
    if (isPlainObject(record)) this.walk(record, this.root);
  }

  /** Shares per dotted path, given the number of records. */
  shares(records: number): Record<string, number> {
    const out: Record<string, number> = {};
    const visit = (level: Level, prefix: string) => {
      for (const [name, node] of level.map) {
        const path = prefix + name;
        out[path] = records === 0 ? 0 : Math.round((node.present / records) * 10_000) / 10_000;
        if (node.children) visit(node.children, `${path}.`);
      }
    };
    visit(this.root, '');
    return out;
  }

  private walk(object: Record<string, unknown>, level: Level): void {
    let i = 0;
    for (const key in object) {
      let node: FieldNode | undefined;
      if (level.keys[i] === key) {
        node = level.nodes[i];
      } else {
        node = level.map.get(key);
        if (node === undefined && this.fields < MAX_COMPLETENESS_FIELDS) {
          this.fields++;
          node = { present: 0, children: undefined };
          level.map.set(key, node);
        }
        level.keys[i] = key;
        level.nodes[i] = node;
      }
      i++;
      if (node === undefined) continue; // past the field limit
      const value = object[key];
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) {
        if (value.length > 0) node.present++;
      } else if (typeof value === 'object') {
        if (!hasOwnKeys(value)) continue;
        node.present++;
        if (node.children === undefined) node.children = newLevel();
        this.walk(value as Record<string, unknown>, node.children);
      } else {
        node.present++;
      }
    }
  }
}

function hasOwnKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Masks every run of 9 or more digits (personal IDs, legacy IDs, insurance numbers) to its first
 * and last three digits: `001090000123` → `001******123`. Report messages pass through this, so
 * neither a report nor a log built from it carries an identifier in clear.
 *
 * @example maskIdentifiers('ID 001090000123 twice') // 'ID 001******123 twice'
 */
export function maskIdentifiers(text: string): string {
  return text.replace(
    /\d{9,}/g,
    (digits) => `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`,
  );
}
