import { type Bilingual, type Lang, localize } from '../i18n.js';
import { type DatasetReport, maskIdentifiers } from './report.js';

const TEXT = {
  title: {
    vi: 'Báo cáo chất lượng tập dữ liệu: {kind} ({format})',
    en: 'Dataset quality report: {kind} ({format})',
  },
  passed: { vi: 'Kết quả: ĐẠT, mọi bản ghi đều hợp lệ.', en: 'Result: PASSED, every record is valid.' },
  failed: {
    vi: 'Kết quả: KHÔNG ĐẠT, {invalid} bản ghi không hợp lệ.',
    en: 'Result: FAILED, {invalid} invalid records.',
  },
  fileFailed: {
    vi: 'Kết quả: KHÔNG ĐẠT, tệp có vấn đề (xem bên dưới).',
    en: 'Result: FAILED, the file itself has problems (see below).',
  },
  counts: {
    vi: 'Bản ghi: {records} · hợp lệ: {valid} · không hợp lệ: {invalid}',
    en: 'Records: {records} · valid: {valid} · invalid: {invalid}',
  },
  size: {
    vi: 'Dung lượng: {bytes} · thời gian: {seconds} s · {rate} bản ghi/s',
    en: 'Size: {bytes} · time: {seconds} s · {rate} records/s',
  },
  issues: { vi: 'Vấn đề theo mã (số lần gặp):', en: 'Issues by code (occurrences):' },
  line: { vi: 'dòng {line}', en: 'line {line}' },
  more: { vi: '… và {count} trường hợp khác', en: '… and {count} more' },
  completeness: {
    vi: 'Độ đầy đủ theo trường (tỷ lệ bản ghi có giá trị):',
    en: 'Completeness per field (share of records with a value):',
  },
  masked: {
    vi: 'Số định danh trong báo cáo được che một phần.',
    en: 'Identifiers in this report are partly masked.',
  },
} as const satisfies Record<string, Bilingual>;

/**
 * Renders a {@link DatasetReport} as readable text in Vietnamese (default) or English: the verdict,
 * counts, issues by code with their first examples (line, field, message) and completeness per
 * field. Digit runs that may be identifiers are masked again here, so text built from a report
 * that came from elsewhere is safe to log too.
 *
 * @example
 * const report = await validateDataset(file, { kind: 'social-assistance', format: 'ndjson' });
 * console.log(formatReport(report, 'en'));
 */
export function formatReport(report: DatasetReport, lang: Lang = 'vi'): string {
  const t = (key: keyof typeof TEXT, params?: Record<string, unknown>) => localize(TEXT[key], lang, params);
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US');
  const decimal = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const seconds = report.durationMs / 1000;
  const lines = [
    t('title', { kind: report.kind, format: report.format }),
    report.ok
      ? t('passed')
      : report.invalid > 0
        ? t('failed', { invalid: number.format(report.invalid) })
        : t('fileFailed'),
    t('counts', {
      records: number.format(report.records),
      valid: number.format(report.valid),
      invalid: number.format(report.invalid),
    }),
    t('size', {
      bytes: formatBytes(report.bytes, decimal),
      seconds: decimal.format(seconds),
      rate: number.format(seconds > 0 ? Math.round(report.records / seconds) : report.records),
    }),
  ];

  const codes = Object.entries(report.issues).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (codes.length > 0) {
    const width = Math.max(...codes.map(([code]) => code.length));
    lines.push('', t('issues'));
    for (const [code, count] of codes) {
      lines.push(`  ${code.padEnd(width)}  ${number.format(count).padStart(9)}`);
      const examples = report.examples[code] ?? [];
      for (const example of examples) {
        const where = [
          t('line', { line: example.line }),
          ...(example.path.length ? [example.path.join('.')] : []),
        ];
        lines.push(`    ${where.join(' · ')}: ${maskIdentifiers(example.message)}`);
      }
      if (count > examples.length && examples.length > 0) {
        lines.push(`    ${t('more', { count: number.format(count - examples.length) })}`);
      }
    }
  }

  const fields = Object.entries(report.completeness);
  if (fields.length > 0) {
    const width = Math.max(...fields.map(([field]) => field.length));
    lines.push('', t('completeness'));
    for (const [field, share] of fields) {
      lines.push(`  ${field.padEnd(width)}  ${decimal.format(share * 100).padStart(5)} %`);
    }
  }
  lines.push('', t('masked'));
  return `${lines.join('\n')}\n`;
}

function formatBytes(bytes: number, decimal: Intl.NumberFormat): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KiB`;
  if (bytes < 1024 ** 3) return `${decimal.format(bytes / 1024 ** 2)} MiB`;
  return `${decimal.format(bytes / 1024 ** 3)} GiB`;
}
