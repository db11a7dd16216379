import type { CellConverter } from './csv.js';

/**
 * How CSV cells get their JSON types: from the record schema. The leaf schema at a column's
 * field path decides, once per column:
 * - a field that accepts strings keeps the cell as written (so `"01"` stays `"01"`);
 * - a field that accepts only numbers (including numeric literals such as `schemaVersion: 1`)
 *   gets `Number(cell)` when the cell is a decimal number;
 * - a field that accepts only booleans gets `true`/`false` from `true`/`false`;
 * - an array or object field gets `JSON.parse(cell)` when the cell is JSON text;
 * - anything else, and any cell that does not fit, stays a string, for the schema to reject with
 *   its own message.
 * Empty cells never reach a converter: they leave the field absent.
 */
export function cellConverters(schema: unknown): (path: readonly string[]) => CellConverter {
  return (path) => {
    let node: unknown = schema;
    for (const key of path) {
      node = childOf(node, key);
      if (node === undefined) return asString;
    }
    const accepts = acceptedTypes(node, 0);
    if (accepts.has('string') || accepts.has('any')) return asString;
    if (accepts.has('structured')) return asJson;
    if (accepts.has('number')) return asNumber;
    if (accepts.has('boolean')) return asBoolean;
    return asString;
  };
}

const asString: CellConverter = (cell) => cell;

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const asNumber: CellConverter = (cell) => (NUMBER.test(cell) ? Number(cell) : cell);

const asBoolean: CellConverter = (cell) => (cell === 'true' ? true : cell === 'false' ? false : cell);

const asJson: CellConverter = (cell) => {
  const first = cell.charCodeAt(0);
  if (first !== 0x5b && first !== 0x7b) return cell;
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
};

type Accepted = 'string' | 'number' | 'boolean' | 'structured' | 'any';

interface Def {
  type?: string;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: readonly unknown[];
  values?: readonly unknown[];
  entries?: Readonly<Record<string, unknown>>;
  shape?: Readonly<Record<string, unknown>>;
  element?: unknown;
  getter?: () => unknown;
  left?: unknown;
  right?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: Def } } | undefined)?._zod;
  return zod?.def;
}

/** Schema wrappers that do not change the accepted JSON type. */
function unwrap(schema: unknown, depth: number): unknown {
  const def = defOf(schema);
  if (!def || depth > 20) return schema;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType, depth + 1);
    case 'pipe':
      return unwrap(def.in, depth + 1);
    case 'lazy':
      return def.getter ? unwrap(def.getter(), depth + 1) : schema;
    default:
      return schema;
  }
}

function childOf(schema: unknown, key: string): unknown {
  const node = unwrap(schema, 0);
  const def = defOf(node);
  if (!def) return undefined;
  if (def.type === 'object') return def.shape?.[key];
  if (def.type === 'array' && /^\d+$/.test(key)) return def.element;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const child = childOf(option, key);
      if (child !== undefined) return child;
    }
  }
  if (def.type === 'intersection') return childOf(def.left, key) ?? childOf(def.right, key);
  return undefined;
}

function acceptedTypes(schema: unknown, depth: number): Set<Accepted> {
  const out = new Set<Accepted>();
  const node = unwrap(schema, 0);
  const def = defOf(node);
  if (!def || depth > 20) {
    out.add('any');
    return out;
  }
  switch (def.type) {
    case 'string':
    case 'date':
    case 'template_literal':
      out.add('string');
      break;
    case 'number':
    case 'int':
    case 'bigint':
      out.add('number');
      break;
    case 'boolean':
      out.add('boolean');
      break;
    case 'object':
    case 'array':
    case 'record':
    case 'tuple':
    case 'map':
    case 'set':
      out.add('structured');
      break;
    case 'enum':
      for (const value of Object.values(def.entries ?? {})) out.add(typeOfValue(value));
      break;
    case 'literal':
      for (const value of def.values ?? []) out.add(typeOfValue(value));
      break;
    case 'union':
      for (const option of def.options ?? []) for (const t of acceptedTypes(option, depth + 1)) out.add(t);
      break;
    case 'intersection':
      for (const t of acceptedTypes(def.left, depth + 1)) out.add(t);
      break;
    default:
      out.add('any');
  }
  return out;
}

function typeOfValue(value: unknown): Accepted {
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'any';
}
