import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/index.js';
import { iterate, utf8 } from './helpers.js';

const an = {
  schemaVersion: 1,
  personalId: '001090000123',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-01',
  sex: 'male',
};

const source = (text: string) => iterate([utf8(text)]);

describe('validateDataset', () => {
  it('validates each record against the schema of its kind, messages in the chosen language', async () => {
    const text = `${JSON.stringify(an)}\n${JSON.stringify({ ...an, dateOfBirth: '1991-05-01' })}\n`;
    const r = await validateDataset(source(text), { kind: 'person', format: 'ndjson', lang: 'en' });
    expect(r).toMatchObject({
      kind: 'person',
      format: 'ndjson',
      lang: 'en',
      records: 2,
      valid: 1,
      invalid: 1,
    });
    const [code] = Object.keys(r.issues);
    expect(code).toMatch(/^PERSONAL_ID_/);
    expect(r.examples[code!]![0]!.line).toBe(2);
  });

  it('types CSV cells by the schema and follows a header mapping', async () => {
    const csv =
      'Phiên bản,Số định danh,Họ và tên,Ngày sinh,Giới tính\n1,001090000123,Nguyễn Văn An,1990-05-01,male\n';
    const mapping = {
      'Phiên bản': 'schemaVersion',
      'Số định danh': 'personalId',
      'Họ và tên': 'fullName',
      'Ngày sinh': 'dateOfBirth',
      'Giới tính': 'sex',
    };
    const r = await validateDataset(source(csv), { kind: 'person', format: 'csv', mapping });
    expect(r).toMatchObject({ records: 1, valid: 1, ok: true });
  });

  it('rejects an unknown kind or format with a typed error', async () => {
    await expect(
      validateDataset(source(''), { kind: 'pets' as 'person', format: 'ndjson' }),
    ).rejects.toMatchObject({ code: 'DATASET_UNKNOWN_KIND' });
    await expect(
      validateDataset(source(''), { kind: 'person', format: 'xml' as 'csv' }),
    ).rejects.toMatchObject({ code: 'DATASET_UNKNOWN_FORMAT' });
  });

  it('applies the cross-record rules to programme kinds only', async () => {
    const twice = `${JSON.stringify(an)}\n${JSON.stringify(an)}\n`;
    const person = await validateDataset(source(twice), { kind: 'person', format: 'ndjson' });
    expect(person.issues.DUPLICATE_PERSONAL_ID).toBeUndefined();
    const programme = await validateDataset(source(twice), { kind: 'social-assistance', format: 'ndjson' });
    expect(programme.issues.DUPLICATE_PERSONAL_ID).toBe(1);
    expect(programme.examples.DUPLICATE_PERSONAL_ID![0]!.message).toBe(
      'Số định danh cá nhân 001******123 đã xuất hiện trước đó trong chương trình "Trợ giúp xã hội".',
    );
  });
});
