import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  exportJsonSchemas,
  isProgramKind,
  PROGRAM_RECORD_KINDS,
  PROGRAMS,
  RECORD_KINDS,
  RECORD_SCHEMAS,
  recordJsonSchema,
} from '../../src/index.js';

const docs = join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'schemas');

describe('record kinds', () => {
  it('are person, address, household, the nine programmes, card, payment order and envelope', () => {
    expect(RECORD_KINDS).toEqual([
      'person',
      'address',
      'household',
      ...PROGRAMS.map((p) => p.code),
      'card',
      'payment-order',
      'envelope',
    ]);
    expect(PROGRAM_RECORD_KINDS).toEqual(PROGRAMS.map((p) => p.code));
  });

  it.each(PROGRAM_RECORD_KINDS)('%s carries the fields the dataset rules read', (kind) => {
    const shape = (RECORD_SCHEMAS[kind] as unknown as z.ZodObject)._zod.def.shape;
    expect(shape.personalId).toBeDefined();
    expect(shape.provinceCode).toBeDefined();
    expect(shape.householdId).toBeDefined();
    expect(shape.relationToHead).toBeDefined();
    expect(isProgramKind(kind)).toBe(true);
  });

  it.each(RECORD_KINDS)(
    "%s compiles with z.compile (the validator's path for records to normalise)",
    (kind) => {
      expect(() => z.compile(RECORD_SCHEMAS[kind] as z.ZodType, { strict: true })).not.toThrow();
    },
  );

  it.each(RECORD_KINDS)('%s has schemaVersion 1 and rejects any other version', (kind) => {
    const json = recordJsonSchema(kind) as {
      properties?: Record<string, { const?: unknown }>;
      oneOf?: unknown[];
    };
    const options = (json.oneOf ?? (json as { anyOf?: unknown[] }).anyOf ?? [json]) as {
      properties: Record<string, { const?: unknown }>;
    }[];
    for (const option of options) expect(option.properties.schemaVersion?.const).toBe(1);
  });
});

describe('sensitive fields', () => {
  const sensitive = (kind: (typeof RECORD_KINDS)[number]) => {
    const found: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema['x-ansinh-sensitive'] === true) {
        found.push(path);
        expect(schema.description, path).toMatch(
          /Sensitive personal data under the Law on Personal Data Protection/,
        );
      }
      for (const [key, value] of Object.entries(schema))
        walk(value, key === 'properties' ? path : `${path}/${key}`);
    };
    walk(recordJsonSchema(kind), '');
    return found.join(' ');
  };

  it('marks ethnicity, disability, HIV-implying groups, health and financial data', () => {
    expect(sensitive('person')).toContain('ethnicCode');
    expect(sensitive('social-assistance')).toMatch(
      /beneficiaryGroup.*disabilityLevel|disabilityLevel.*beneficiaryGroup/,
    );
    expect(sensitive('meritorious-services')).toContain('incapacityPercent');
    expect(sensitive('health-insurance')).toContain('group');
    expect(sensitive('children')).toContain('protectionCategory');
    expect(sensitive('poverty-reduction')).toContain('deprivations');
    expect(sensitive('payment-order')).toContain('account');
    expect(sensitive('social-assistance')).toContain('paymentAccount');
    expect(sensitive('vocational-training')).toContain('targetGroup');
    // Every kind's sensitive marks carry the note in words too (asserted inside the walk).
    for (const kind of RECORD_KINDS) sensitive(kind);
  });
});

describe('JSON Schema export', () => {
  it('produces draft 2020-12 schemas with an $id for every kind, and an index', () => {
    const files = exportJsonSchemas();
    expect([...files.keys()].sort()).toEqual(
      [...RECORD_KINDS.map((k) => `${k}.schema.json`), 'index.json'].sort(),
    );
    for (const kind of RECORD_KINDS) {
      const schema = JSON.parse(files.get(`${kind}.schema.json`)!);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`urn:ansinh:schema:${kind}:v1`);
      expect(typeof schema.title).toBe('string');
    }
    const index = JSON.parse(files.get('index.json')!);
    expect(index.kinds.map((k: { kind: string }) => k.kind)).toEqual(RECORD_KINDS);
  });

  it('rejects unknown fields the way the validator does (strict objects)', () => {
    for (const kind of RECORD_KINDS) {
      const json = recordJsonSchema(kind) as {
        additionalProperties?: unknown;
        oneOf?: { additionalProperties?: unknown }[];
      };
      for (const option of json.oneOf ?? [json]) expect(option.additionalProperties, kind).toBe(false);
    }
  });

  it('lists code-list enums in code order', () => {
    const json = recordJsonSchema('person') as { properties: Record<string, { enum?: string[] }> };
    const codes = json.properties.ethnicCode!.enum!;
    expect(codes[0]).toBe('01');
    expect(codes).toHaveLength(54);
    expect([...codes].sort()).toEqual(codes);
  });

  it('matches the committed files in docs/schemas (run `pnpm schemas` after changing a schema)', () => {
    const files = exportJsonSchemas();
    const committed = readdirSync(docs).filter((f) => f.endsWith('.json'));
    const stale = [
      ...[...files.keys()].filter(
        (name) => !committed.includes(name) || readFileSync(join(docs, name), 'utf8') !== files.get(name),
      ),
      ...committed.filter((name) => !files.has(name)),
    ];
    expect(stale, 'docs/schemas is stale: run `pnpm schemas` and commit the result').toEqual([]);
  });
});
