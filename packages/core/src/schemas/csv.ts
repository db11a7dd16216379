import type * as z from 'zod';
import type { RecordKind } from './kinds.js';
import { RECORD_SCHEMAS } from './registry.js';

/**
 * The flat (CSV) form of a record kind, the mapping both `ansinh generate --format csv` and the
 * dataset validator's CSV reader use:
 * - one column per leaf field, named by its dotted path: nested objects are flattened
 *   (`address.provinceCode`); the options of a discriminated union share their columns (an
 *   address of either scheme fills `address.scheme`, `address.provinceCode`, `address.districtCode`…);
 * - a list is one column holding the JSON text of the list (`["nutrition","sanitation"]`,
 *   household `members` as a JSON array of objects);
 * - an empty cell is an absent field; numbers and booleans are written as JSON (`500000`,
 *   `true`); text as it is, quoted per RFC 4180 when it holds `,`, `"` or a line break.
 * Columns follow the schema's field order, so the header is known before the first record.
 */
export interface CsvColumn {
  /** Dotted path, also the header text. */
  readonly name: string;
  readonly path: readonly string[];
  /** `json` for lists, whose cell is JSON text. */
  readonly type: 'text' | 'json';
}

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
};

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as unknown as Def;
}

function collect(
  schema: z.core.$ZodType,
  path: readonly string[],
  out: CsvColumn[],
  seen: Set<string>,
): void {
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType) {
    collect(def.innerType, path, out, seen);
    return;
  }
  if (def.type === 'object' && def.shape && path.length < 8) {
    for (const [key, child] of Object.entries(def.shape)) collect(child, [...path, key], out, seen);
    return;
  }
  if (def.type === 'union' && def.options?.every((o) => defOf(o).type === 'object')) {
    for (const option of def.options) collect(option, path, out, seen);
    return;
  }
  const name = path.join('.');
  if (seen.has(name)) return;
  seen.add(name);
  out.push({ name, path, type: def.type === 'array' || def.type === 'object' ? 'json' : 'text' });
}

const columnsByKind = new Map<RecordKind, readonly CsvColumn[]>();

/**
 * The CSV columns of `kind`, in schema order.
 *
 * @example csvColumns('person').map((c) => c.name) // ['schemaVersion', 'personalId', …, 'address.scheme', …]
 */
export function csvColumns(kind: RecordKind): readonly CsvColumn[] {
  let columns = columnsByKind.get(kind);
  if (columns === undefined) {
    const out: CsvColumn[] = [];
    collect(RECORD_SCHEMAS[kind] as z.core.$ZodType, [], out, new Set());
    columns = out;
    columnsByKind.set(kind, columns);
  }
  return columns;
}

/** A CSV field, quoted when it has to be (RFC 4180). */
export function csvField(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** One CSV line (without line end) from cell texts. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',');
}

const nameSets = new WeakMap<readonly CsvColumn[], ReadonlySet<string>>();

function columnNames(columns: readonly CsvColumn[]): ReadonlySet<string> {
  let names = nameSets.get(columns);
  if (names === undefined) {
    names = new Set(columns.map((c) => c.name));
    nameSets.set(columns, names);
  }
  return names;
}

function cellText(value: unknown, type: 'text' | 'json'): string {
  if (value === undefined || value === null) return '';
  if (type === 'json' || (typeof value === 'object' && value !== null)) return JSON.stringify(value);
  return String(value);
}

/**
 * The cells of `record` for `columns` (see {@link csvColumns}), plus the dotted paths of any
 * values no column holds, so that a caller never drops data without knowing.
 *
 * @example
 * const columns = csvColumns('person');
 * const { cells } = recordCells(columns, record);
 * out.write(`${csvLine(cells)}\n`);
 */
export function recordCells(
  columns: readonly CsvColumn[],
  record: Readonly<Record<string, unknown>>,
): { cells: string[]; uncovered: string[] } {
  const cells: string[] = [];
  for (const column of columns) {
    let value: unknown = record;
    for (const key of column.path) {
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    cells.push(cellText(value, column.type));
  }
  const names = columnNames(columns);
  const uncovered: string[] = [];
  const walk = (value: Readonly<Record<string, unknown>>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      if (names.has(name)) continue;
      if (child !== null && typeof child === 'object' && !Array.isArray(child))
        walk(child as Record<string, unknown>, name);
      else uncovered.push(name);
    }
  };
  walk(record, '');
  return { cells, uncovered };
}
