import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cellConverters } from '../../src/dataset/cell-types.js';

const schema = z
  .object({
    schemaVersion: z.literal(1),
    personalId: z.string().regex(/^\d{12}$/),
    provinceCode: z.enum(['01', '79']),
    level: z.union([z.literal(1), z.literal(2)]),
    amount: z.number().int().optional(),
    ratio: z.number().nullable().default(null),
    disabled: z.boolean().optional(),
    programs: z.array(z.string()).optional(),
    idOrCount: z.union([z.string(), z.number()]),
    address: z.object({ wardCode: z.string(), floor: z.number().optional() }).optional(),
    trimmed: z.string().transform((s) => s.trim()),
  })
  .superRefine(() => undefined);

const convert = (path: string, cell: string) => cellConverters(schema)(path.split('.'))(cell);

describe('cellConverters (CSV cells typed by the record schema)', () => {
  it('keeps string fields as written, leading zeros included', () => {
    expect(convert('personalId', '001090000123')).toBe('001090000123');
    expect(convert('provinceCode', '01')).toBe('01');
    expect(convert('idOrCount', '12')).toBe('12');
    expect(convert('address.wardCode', '00001')).toBe('00001');
    expect(convert('trimmed', ' 5 ')).toBe(' 5 ');
  });

  it('gives numbers to numeric fields, literals and wrappers included', () => {
    expect(convert('schemaVersion', '1')).toBe(1);
    expect(convert('level', '2')).toBe(2);
    expect(convert('amount', '540000')).toBe(540000);
    expect(convert('ratio', '-1.5e2')).toBe(-150);
    expect(convert('address.floor', '3')).toBe(3);
  });

  it('leaves a cell that does not fit as a string for the schema to reject', () => {
    expect(convert('amount', '540.000 đ')).toBe('540.000 đ');
    expect(convert('amount', '0x10')).toBe('0x10');
    expect(convert('amount', '007')).toBe('007');
    expect(convert('disabled', 'yes')).toBe('yes');
    expect(convert('programs', 'a;b')).toBe('a;b');
    expect(convert('programs', '[broken')).toBe('[broken');
  });

  it('reads booleans and JSON arrays', () => {
    expect(convert('disabled', 'true')).toBe(true);
    expect(convert('disabled', 'false')).toBe(false);
    expect(convert('programs', '["children","employment"]')).toEqual(['children', 'employment']);
  });

  it('keeps unknown columns as strings', () => {
    expect(convert('nope', '12')).toBe('12');
    expect(convert('address.nope.deeper', '12')).toBe('12');
  });
});
