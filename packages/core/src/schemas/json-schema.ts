import * as z from 'zod';
import { SCHEMA_VERSION } from './fields.js';
import { RECORD_KINDS, type RecordKind } from './kinds.js';
import { RECORD_SCHEMAS } from './registry.js';

/** The `$id` of a kind's JSON Schema: a URN, stable across hosts. */
export function jsonSchemaId(kind: RecordKind): string {
  return `urn:ansinh:schema:${kind}:v${SCHEMA_VERSION}`;
}

type Json = Record<string, unknown>;

/** Visits every sub-schema object of a JSON Schema. */
function visit(node: unknown, fn: (schema: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  fn(node as Json);
  for (const value of Object.values(node)) visit(value, fn);
}

// Code lists whose codes are digit strings ("01" … "96") come out of zod in JavaScript's
// integer-key order ("10" before "01"); readers expect the list order.
function sortDigitEnums(schema: Json): void {
  const values = schema.enum;
  if (Array.isArray(values) && values.every((v) => typeof v === 'string' && /^\d+$/.test(v))) {
    values.sort();
  }
}

// `cardSchema` (owned by the card module) strips unknown keys and checks dates with a refinement;
// the card record validator rejects unknown keys, so its JSON Schema says so, and names the
// date format the refinement enforces.
function enrichCard(schema: Json): void {
  const properties = schema.properties as Record<string, Json>;
  schema.additionalProperties = false;
  properties.dateOfBirth = { ...properties.dateOfBirth, format: 'date' };
  properties.name = { ...properties.name, minLength: 1, maxLength: 80 };
  const hi = properties.healthInsurance as Json;
  hi.additionalProperties = false;
  const hiProperties = hi.properties as Record<string, Json>;
  hiProperties.validFrom = { ...hiProperties.validFrom, format: 'date' };
  hiProperties.validTo = { ...hiProperties.validTo, format: 'date' };
}

/**
 * The JSON Schema (draft 2020-12) of a record kind, generated from its zod schema (input side:
 * what a sender must produce). Rules JSON Schema cannot state (personal ID against date of birth,
 * amounts against coefficients, date order…) are listed by issue code under `x-ansinh-rules`;
 * sensitive fields carry `x-ansinh-sensitive: true`.
 *
 * @example JSON.stringify(recordJsonSchema('household'), null, 2)
 */
export function recordJsonSchema(kind: RecordKind): Json {
  const generated = z.toJSONSchema(RECORD_SCHEMAS[kind] as z.core.$ZodType, {
    target: 'draft-2020-12',
    io: 'input',
  }) as Json;
  const { $schema, ...rest } = generated;
  const schema: Json = { $schema, $id: jsonSchemaId(kind), ...rest };
  visit(schema, sortDigitEnums);
  if (kind === 'card') enrichCard(schema);
  return schema;
}

/**
 * Every kind's JSON Schema as file contents, keyed by file name (`<kind>.schema.json`), plus an
 * `index.json` listing them. `scripts/export-schemas.ts` and `ansinh schema export` write these;
 * a test checks the committed copies under `docs/schemas/` against them.
 */
export function exportJsonSchemas(): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  const index: Json[] = [];
  for (const kind of RECORD_KINDS) {
    const schema = recordJsonSchema(kind);
    const file = `${kind}.schema.json`;
    files.set(file, `${JSON.stringify(schema, null, 2)}\n`);
    index.push({ kind, file, $id: schema.$id, title: schema.title, description: schema.description });
  }
  const indexDoc = {
    $comment: 'Generated from the zod schemas of @ansinh/core by `pnpm schemas`; do not edit.',
    schemaVersion: SCHEMA_VERSION,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    kinds: index,
  };
  files.set('index.json', `${JSON.stringify(indexDoc, null, 2)}\n`);
  return files;
}
