// Writes data/tro-giup-xa-hoi.csv: 200 synthetic records (5% with planted mistakes) under the
// province's Vietnamese column names. Rerun after changing the generator or the columns.
import { writeFileSync } from 'node:fs';
import { generateRecords } from '@ansinh/core';
import { COLUMNS } from './columns.js';

const headers = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const cell = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const get = (record: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      record,
    );

const lines = [headers.map(cell).join(',')];
for (const record of generateRecords('social-assistance', { seed: 2026, count: 200, errorRate: 0.05 })) {
  lines.push(headers.map((h) => cell(get(record as Record<string, unknown>, COLUMNS[h]))).join(','));
}
writeFileSync(new URL('../data/tro-giup-xa-hoi.csv', import.meta.url), `\uFEFF${lines.join('\r\n')}\r\n`);
