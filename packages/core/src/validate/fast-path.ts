import * as z from 'zod';
import { fastFieldOf, rulesOf } from '../schemas/fields.js';
import { isIsoDate } from '../schemas/text.js';

/**
 * A predicate that is true only when zod would accept `value` AND its parsed output would equal
 * `value` as it stands (nothing to strip, normalise or default). The validator then hands back the
 * input itself: no output object is built, nothing is allocated, no zod machinery runs. When the
 * predicate is false the zod parser decides and builds the issues, so a false is always safe; a
 * wrong true is not, hence the rule of this module: every construct mirrors what zod's own check
 * does, and anything else makes {@link fastPath} give up on the whole schema. The tests compare
 * the predicate with `safeParse` on generated, planted and randomly mutated records.
 *
 * The predicate is generated JavaScript (one straight-line function per object, as zod's own
 * `z.compile` does): a tree of closures costs a megamorphic call per check, which on a 25-field
 * record is as much as the JSON.parse it follows. Where code generation is not allowed (a strict
 * Content-Security-Policy) there is no fast path and zod validates everything.
 */
export type FastCheck = (value: unknown) => boolean;

class Unsupported extends Error {}

type Def = Record<string, unknown> & { type: string; checks?: readonly z.core.$ZodCheck[] };

// String formats whose zod check is exactly a test of `def.pattern`.
const PATTERN_FORMATS = new Set(['date', 'datetime', 'time', 'uuid', 'regex']);

/** Rules report through `ctx.addIssue`; on the fast path a failed rule only sets this flag. */
interface FlagContext {
  failed: boolean;
  addIssue(): void;
}

function pushIssue(this: { issues: unknown[] }, issue: unknown): void {
  this.issues.push(issue);
}

/** Collects the generated functions and the constants they use (passed in as arguments). */
class Emitter {
  readonly constants: unknown[] = [];
  readonly names: string[] = [];
  private readonly constantIndex = new Map<unknown, string>();
  readonly functions: string[] = [];
  private readonly functionIndex = new Map<z.core.$ZodType, string>();

  constructor() {
    const flag: FlagContext = {
      failed: false,
      addIssue() {
        flag.failed = true;
      },
    };
    this.constant(flag, 'flag');
  }

  /** The argument name under which `value` reaches the generated code. */
  constant(value: unknown, name = `c${this.constants.length}`): string {
    const known = this.constantIndex.get(value);
    if (known !== undefined) return known;
    this.constants.push(value);
    this.names.push(name);
    this.constantIndex.set(value, name);
    return name;
  }

  /** Name of a generated function `(x) => boolean` for an object, array or union schema. */
  fn(schema: z.core.$ZodType, body: (x: string) => string): string {
    const known = this.functionIndex.get(schema);
    if (known !== undefined) return known;
    const name = `f${this.functionIndex.size}`;
    this.functionIndex.set(schema, name);
    this.functions.push(`function ${name}(x) {\n${body('x')}\n}`);
    return name;
  }
}

/** A boolean JS expression testing check `check` on the value in variable `x`. */
function checkExpr(e: Emitter, check: z.core.$ZodCheck, x: string): string {
  const def = check._zod.def as unknown as Record<string, unknown> & { check: string; when?: unknown };
  switch (def.check) {
    case 'min_length': {
      // zod measures strings in code points: a string of 2·min units certainly has min of them.
      const min = Number(def.minimum);
      const cpl = e.constant(z.core.util.codePointLength, 'cpl');
      return `(typeof ${x} === "string" ? (${x}.length >= ${2 * min} || ${cpl}(${x}) >= ${min}) : ${x}.length >= ${min})`;
    }
    case 'max_length': {
      const max = Number(def.maximum);
      const cpl = e.constant(z.core.util.codePointLength, 'cpl');
      return `(${x}.length <= ${max} || (typeof ${x} === "string" && ${cpl}(${x}) <= ${max}))`;
    }
    case 'length_equals': {
      const cpl = e.constant(z.core.util.codePointLength, 'cpl');
      return `((typeof ${x} === "string" ? ${cpl}(${x}) : ${x}.length) === ${Number(def.length)})`;
    }
    case 'greater_than':
    case 'less_than': {
      if (typeof def.value !== 'number' || Number.isNaN(def.value)) throw new Unsupported();
      const op = def.check === 'greater_than' ? (def.inclusive ? '>=' : '>') : def.inclusive ? '<=' : '<';
      return `(${x} ${op} ${def.value})`;
    }
    case 'multiple_of': {
      if (typeof def.value !== 'number') throw new Unsupported();
      const fsr = e.constant(z.core.util.floatSafeRemainder, 'fsr');
      return `(${fsr}(${x}, ${def.value}) === 0)`;
    }
    case 'number_format':
      if (def.format !== 'safeint') throw new Unsupported();
      return `Number.isSafeInteger(${x})`;
    case 'string_format': {
      const pattern = def.pattern;
      if (!PATTERN_FORMATS.has(def.format as string) || !(pattern instanceof RegExp)) throw new Unsupported();
      // The date pattern as a loop: same language, a third of the time (tested against the regex).
      if (def.format === 'date' && pattern.source === z.core.regexes.date.source)
        return `${e.constant(isIsoDate, 'isIsoDate')}(${x})`;
      const re = e.constant(pattern);
      return pattern.global || pattern.sticky
        ? `(${re}.lastIndex = 0, ${re}.test(${x}))`
        : `${re}.test(${x})`;
    }
    case 'overwrite':
      // Only a value the transform leaves as it is keeps "output equals input".
      return `(${e.constant(def.tx)}(${x}) === ${x})`;
    case 'custom': {
      if (def.when !== undefined) throw new Unsupported();
      const rules = rulesOf(check);
      if (rules !== undefined) {
        return `(flag.failed = false, ${e.constant(rules)}(${x}, flag), !flag.failed)`;
      }
      if (typeof def.fn === 'function') {
        // Only a plain `true` counts: any other truthy result (a promise, which zod rejects in a
        // sync parse, or a non-boolean) is left to zod.
        return `(${e.constant(def.fn)}(${x}) === true)`;
      }
      const run = check._zod.check as (payload: unknown) => unknown;
      const generic = (value: unknown): boolean => {
        const payload = { value, issues: [] as unknown[], addIssue: pushIssue };
        const r = run(payload);
        return !(r instanceof Promise) && payload.issues.length === 0 && payload.value === value;
      };
      return `${e.constant(generic)}(${x})`;
    }
    default:
      throw new Unsupported();
  }
}

/** A boolean JS expression: `x` is valid for `schema` and parses to itself. */
function expr(e: Emitter, schema: z.core.$ZodType, x: string): string {
  const def = schema._zod.def as unknown as Def;
  const single = fastFieldOf(schema);
  if (single !== undefined) return `(${e.constant(single)}(${x}) === true)`;
  let base: string;
  switch (def.type) {
    case 'string':
      base = `typeof ${x} === "string"`;
      break;
    case 'number':
      base = `typeof ${x} === "number" && Number.isFinite(${x})`;
      break;
    case 'boolean':
      base = `typeof ${x} === "boolean"`;
      break;
    case 'literal': {
      const values = def.values as readonly unknown[];
      if (!values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
        throw new Unsupported();
      }
      base = values.map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ');
      break;
    }
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      // A handful of values compare faster inline than through a Set.
      base =
        values.length <= 8 && values.every((v) => typeof v === 'string' || typeof v === 'number')
          ? values.map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ')
          : `${e.constant(new Set(values))}.has(${x})`;
      break;
    }
    case 'optional':
      base = `(${x} === undefined || ${expr(e, def.innerType as z.core.$ZodType, x)})`;
      break;
    case 'array':
      base = `${arrayFn(e, schema, def)}(${x})`;
      break;
    case 'object':
      base = `${objectFn(e, schema, def)}(${x})`;
      break;
    case 'union':
      base = `${unionFn(e, schema, def)}(${x})`;
      break;
    default:
      throw new Unsupported();
  }
  const parts = [`(${base})`];
  // A schema that is itself a check (z.iso.date(), z.int(), z.uuid()) runs its own check first.
  if (schema._zod.traits.has('$ZodCheck')) parts.push(checkExpr(e, schema as unknown as z.core.$ZodCheck, x));
  for (const check of def.checks ?? []) parts.push(checkExpr(e, check, x));
  return parts.join(' && ');
}

function arrayFn(e: Emitter, schema: z.core.$ZodType, def: Def): string {
  const element = def.element as z.core.$ZodType;
  return e.fn(schema, (x) => {
    const item = expr(e, element, 'y');
    return `  if (!Array.isArray(${x})) return false;\n  for (let i = 0; i < ${x}.length; i++) { const y = ${x}[i]; if (!(${item})) return false; }\n  return true;`;
  });
}

function objectFn(e: Emitter, schema: z.core.$ZodType, def: Def): string {
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const catchall = def.catchall as z.core.$ZodType | undefined;
  // Strict objects reject unknown keys, stripping ones drop them (then output ≠ input): either way
  // an unknown key goes to zod. Other catchalls are not modelled.
  if (catchall !== undefined && catchall._zod.def.type !== 'never') throw new Unsupported();
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) throw new Unsupported();
  return e.fn(schema, (x) => {
    const lines = [
      `  if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) return false;`,
      '  let n = 0;',
      '  let v;',
    ];
    for (const key of keys) {
      const prop = shape[key] as z.core.$ZodType;
      const k = JSON.stringify(key);
      const optional = prop._zod.def.type === 'optional';
      const inner = optional ? ((prop._zod.def as unknown as Def).innerType as z.core.$ZodType) : prop;
      const test = expr(e, inner, 'v');
      lines.push(`  v = ${x}[${k}];`);
      // An explicit `undefined` would come back as a key of the output: leave that to zod.
      lines.push(
        optional
          ? `  if (v !== undefined) { if (!(${test})) return false; n++; } else if (${k} in ${x}) return false;`
          : `  if (v === undefined || !(${test})) return false; n++;`,
      );
    }
    lines.push(`  for (const _ in ${x}) n--;`);
    lines.push('  return n === 0;');
    return lines.join('\n');
  });
}

function unionFn(e: Emitter, schema: z.core.$ZodType, def: Def): string {
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string') throw new Unsupported();
  const branches: string[] = [];
  const seen = new Set<unknown>();
  for (const option of def.options as z.core.$ZodType[]) {
    const optionDef = option._zod.def as unknown as Def;
    if (optionDef.type !== 'object') throw new Unsupported();
    const tag = (optionDef.shape as Record<string, z.core.$ZodType>)[discriminator]?._zod.def as unknown as
      | Def
      | undefined;
    if (tag?.type !== 'literal') throw new Unsupported();
    const values = tag.values as unknown[];
    for (const v of values) {
      if (seen.has(v) || !(typeof v === 'string' || typeof v === 'number')) throw new Unsupported();
      seen.add(v);
    }
    const test = expr(e, option, 'x');
    branches.push(`  if (${values.map((v) => `d === ${JSON.stringify(v)}`).join(' || ')}) return ${test};`);
  }
  return e.fn(schema, (x) =>
    [
      `  if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) return false;`,
      `  const d = ${x}[${JSON.stringify(discriminator)}];`,
      ...branches,
      '  return false;',
    ].join('\n'),
  );
}

/**
 * The fast predicate of `schema`, or undefined when the schema uses a construct this module does
 * not model or the runtime forbids code generation (then zod validates everything).
 */
export function fastPath(schema: z.core.$ZodType): FastCheck | undefined {
  try {
    const e = new Emitter();
    const top = expr(e, schema, 'x');
    const body = `${e.functions.join('\n')}\nreturn function fast(x) { return ${top}; };`;
    const factory = new Function(...e.names, body) as (...args: unknown[]) => FastCheck;
    return factory(...e.constants);
  } catch (error) {
    if (error instanceof Unsupported || error instanceof EvalError) return undefined;
    throw error;
  }
}
