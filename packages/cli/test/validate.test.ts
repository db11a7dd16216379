import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'ansinh-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const an = {
  schemaVersion: 1,
  personalId: '001090000123',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-01',
  sex: 'male',
};
const binh = {
  ...an,
  personalId: '079195000456',
  fullName: 'Trần Thị Bình',
  dateOfBirth: '1995-02-28',
  sex: 'female',
};
// The personal ID says male, born 1990; the record says female: invalid.
const mismatch = { ...an, sex: 'female' };

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const lines = (...records: object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('ansinh validate', () => {
  it('exits 0 and prints a passing report when every record is valid (kind from the file name)', async () => {
    const r = await runCli(['validate', file('person-ok.ndjson', lines(an, binh)), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dataset quality report: person (ndjson)');
    expect(r.stdout).toContain('Result: PASSED');
    expect(r.stdout).toContain('Records: 2 · valid: 2 · invalid: 0');
    expect(r.stderr).toBe(''); // not a terminal: no progress bar
  });

  it('exits 1 with one JSON report object under --json, identifiers masked', async () => {
    const path = file('people.ndjson', `${lines(an, mismatch)}{oops\n`);
    const r = await runCli(['validate', path, '--kind', 'person', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ records: 3, valid: 1, invalid: 2, ok: false });
    expect(report.issues.DATASET_MALFORMED_JSON).toBe(1);
    expect(
      Object.values(report.issues as Record<string, number>).reduce((a, b) => a + b),
    ).toBeGreaterThanOrEqual(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).not.toMatch(/\d{9,}/);
  });

  it('prints the text report in Vietnamese by default, without identifiers in clear', async () => {
    const r = await runCli(['validate', file('person-bad.ndjson', lines(an, mismatch))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Kết quả: KHÔNG ĐẠT, 1 bản ghi không hợp lệ.');
    expect(r.stdout).not.toMatch(/\d{9,}/);
  });

  it("maps a CSV export's own column headers onto fields with --mapping", async () => {
    const csv = file(
      'person-own-headers.csv',
      'Phiên bản,Số định danh,Họ và tên,Ngày sinh,Giới tính\r\n1,001090000123,Nguyễn Văn An,1990-05-01,male\r\n',
    );
    const mapping = file(
      'columns.json',
      JSON.stringify({
        'Phiên bản': 'schemaVersion',
        'Số định danh': 'personalId',
        'Họ và tên': 'fullName',
        'Ngày sinh': 'dateOfBirth',
        'Giới tính': 'sex',
      }),
    );
    const mapped = await runCli(['validate', csv, '--kind', 'person', '--mapping', mapping, '--json']);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ records: 1, valid: 1, invalid: 0 });
    expect(mapped.code).toBe(0);
    // Without the mapping the same file lacks every required field.
    const unmapped = await runCli(['validate', csv, '--kind', 'person', '--json']);
    expect(unmapped.code).toBe(1);
    expect(JSON.parse(unmapped.stdout).issues.REQUIRED).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', '{', /is not JSON/],
    ['an array', '["fullName"]', /must be a JSON object/],
    ['a non-string path', '{"Họ và tên": 3}', /must be a non-empty string/],
  ])('rejects a --mapping file that is %s (exit 2)', async (_name, content, message) => {
    const csv = file('person-m.csv', 'schemaVersion\r\n1\r\n');
    const r = await runCli(['validate', csv, '--kind', 'person', '--mapping', file('bad-map.json', content)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('rejects --mapping for a format other than CSV (exit 2)', async () => {
    const r = await runCli([
      'validate',
      file('person-map.ndjson', lines(an)),
      '--mapping',
      file('map-ok.json', '{"a":"fullName"}'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CSV files only');
  });

  it('reads CSV (format from the extension) and JSON arrays', async () => {
    const csv = file(
      'person.csv',
      '\uFEFFschemaVersion,personalId,fullName,dateOfBirth,sex\r\n1,001090000123,"Nguyễn Văn An",1990-05-01,male\r\n',
    );
    const r = await runCli(['validate', csv, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'csv', records: 1, valid: 1 });
    expect(r.code).toBe(0);
    const json = await runCli(['validate', file('person-array.json', JSON.stringify([an, binh])), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'json', records: 2, valid: 2 });
  });

  it('reads standard input with -', async () => {
    const r = await runCli(['validate', '-', '--kind', 'person', '--format', 'ndjson', '--json'], {
      stdin: lines(an, an),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 2, valid: 2 });
  });

  it('exits 1 for an empty file', async () => {
    const r = await runCli(['validate', file('person-empty.ndjson', ''), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      records: 0,
      valid: 0,
      invalid: 0,
      issues: { DATASET_EMPTY: 1 },
    });
  });

  it('exits 2 on usage and I/O errors', async () => {
    const ok = file('person-usage.ndjson', lines(an));
    const cases: [string[], RegExp][] = [
      [['validate', join(dir, 'missing.ndjson'), '--kind', 'person'], /ENOENT|no such file/],
      [['validate', ok, '--kind', 'pets'], /unknown --kind "pets"/],
      [['validate', file('data.ndjson', lines(an))], /cannot tell the record kind/],
      [['validate', file('person.txt', lines(an))], /cannot tell the format/],
      [['validate', ok, '--format', 'xml'], /--format must be one of/],
      [['validate', ok, '--lang', 'fr'], /--lang must be vi or en/],
      [['validate', ok, '--bogus'], /Unknown option/],
      [['validate'], /exactly one FILE/],
      [['validate', dir, '--kind', 'person', '--format', 'ndjson'], /is not a file/],
      [['validate', '-', '--kind', 'person'], /cannot tell the format/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('has --help with an example and the privacy note', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Example:');
    expect(r.stdout).toContain('masked');
  });

  it('draws a progress bar on stderr only when it is a terminal', async () => {
    const many = file('person-many.ndjson', lines(...Array.from({ length: 3000 }, () => an)));
    const out = new PassThrough();
    const err = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    const errChunks: string[] = [];
    err.on('data', (c: Buffer) => errChunks.push(c.toString()));
    out.resume();
    const code = await main(['validate', many, '--json'], {
      stdin: process.stdin,
      stdout: out,
      stderr: err,
      cwd: dir,
      env: {},
    });
    expect(code).toBe(0);
    const drawn = errChunks.join('');
    expect(drawn).toMatch(/\r\[[#.]{24}\] 100% 3,000 records · [\d,]+ rec\/s/);
    expect(drawn.endsWith('\r\x1b[K')).toBe(true); // the bar is erased before the report
  });

  it('validates what `ansinh generate` writes, NDJSON and CSV alike', async () => {
    const reports = [];
    for (const format of ['ndjson', 'csv']) {
      const out = join(dir, `social-assistance-generated.${format}`);
      const gen = await runCli([
        'generate',
        '--kind',
        'social-assistance',
        '--count',
        '2000',
        '--seed',
        '11',
        '--error-rate',
        '0.05',
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(gen.code).toBe(0);
      const r = await runCli(['validate', out, '--json']);
      expect(r.code).toBe(1);
      reports.push(JSON.parse(r.stdout));
    }
    const [ndjson, csv] = reports;
    expect(ndjson).toMatchObject({ records: 2000, format: 'ndjson' });
    expect(ndjson.invalid).toBeGreaterThan(0);
    expect(csv).toMatchObject({ records: ndjson.records, valid: ndjson.valid, invalid: ndjson.invalid });
    expect(csv.issues).toEqual(ndjson.issues);
  });

  it('runs as the real binary', () => {
    const path = file('person-bin.ndjson', lines(an, mismatch));
    const r = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'validate', path, '--json'],
      { cwd: join(import.meta.dirname, '../../..'), encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 2, valid: 1, invalid: 1 });
    expect(r.stderr).toBe('');
  });
});
