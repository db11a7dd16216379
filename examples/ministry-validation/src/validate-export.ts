import { openAsBlob } from 'node:fs';
import { type DatasetReport, type Lang, validateDataset } from '@ansinh/core';
import { COLUMNS } from './columns.js';

/** Validates the province's CSV export, as it is, against the national social-assistance record. */
export async function validateExport(path: string, lang: Lang = 'vi'): Promise<DatasetReport> {
  return validateDataset(await openAsBlob(path), {
    kind: 'social-assistance',
    format: 'csv',
    mapping: COLUMNS,
    lang,
  });
}
