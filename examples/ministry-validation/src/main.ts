// Usage: pnpm start [FILE.csv]   (ANSINH_LANG=en for English)
// Prints the quality report; exits 1 when any record is invalid, so it can gate an exchange job.
import { formatReport } from '@ansinh/core';
import { validateExport } from './validate-export.js';

const file = process.argv[2] ?? 'data/tro-giup-xa-hoi.csv';
const lang = process.env.ANSINH_LANG === 'en' ? 'en' : 'vi';
const report = await validateExport(file, lang);
process.stdout.write(formatReport(report, lang));
process.exitCode = report.ok ? 0 : 1;
