/*
 * `lienthong level classify` and `lienthong level stats`, run as the built binary on the catalogues of
 * test/fixtures/level (see SOURCES.md there). JSON outputs are checked against the shipped JSON Schemas.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli';

// Each test starts the binary one or more times; a loaded machine can take seconds per start.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = fileURLToPath(new URL('./fixtures/level/', import.meta.url));
const schemaFile = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = {
  classify: ajv.compile(schemaFile('level-classify.schema.json')),
  stats: ajv.compile(schemaFile('level-stats.schema.json')),
};

/** Parses stdout and checks it against the command's JSON Schema. */
function output(kind: keyof typeof validators, stdout: string) {
  const json = JSON.parse(stdout);
  const validate = validators[kind];
  validate(json);
  expect(validate.errors ?? []).toEqual([]);
  return json;
}

const level = (...args: string[]) => runCli(['level', ...args], { cwd: FIXTURES });

describe('lienthong level classify', () => {
  it('JSON: every imported service with level, category, vendor code and reasons; exit 1 for a catalogue with errors', async () => {
    const run = await level('classify', 'danh-muc.csv', '--date', '2024-12-31', '--format', 'json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const json = output('classify', run.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, date: '2024-12-31', scheme: 'nd42-2022' });
    expect(json.generator.name).toBe('@lienthong/cli');
    expect(json.catalogue).toEqual({
      path: 'danh-muc.csv',
      format: 'csv',
      publisher: null,
      asOf: '2024-12-31',
      valid: false,
      counts: { error: 3, warning: 1, info: 3 },
    });
    expect(json.summary).toEqual({
      services: 5,
      byLevel: { '0': 0, '1': 0, '2': 1, '3': 1, '4': 3 },
      byCategory: { toan_trinh: 2, mot_phan: 2, none: 1 },
    });
    expect(
      json.services.map(
        (s: { procedureCode: string; level: number; category: string; vendorCode: string; tier: string }) => [
          s.procedureCode,
          s.tier,
          s.level,
          s.category,
          s.vendorCode,
        ],
      ),
    ).toEqual([
      ['1.001612', 'tinh', 4, 'toan_trinh', '4'],
      ['2.000633', 'tinh', 3, 'mot_phan', '3'],
      ['2.001009', 'tinh', 2, 'none', '2'],
      ['2.000575', 'huyen', 4, 'toan_trinh', '4'],
      ['1.001193', 'xa', 4, 'mot_phan', '3'],
    ]);
    const [, partly, , , declared] = json.services;
    expect(partly.missingForNextLevel).toEqual(['online-payment-or-no-fee']);
    expect(partly.nextLevel).toBe(4);
    expect(partly.reasons.nd43.vi).toBe(
      'Mức độ 3; để đạt mức độ 4 còn thiếu: thanh toán phí, lệ phí (nếu có) trực tuyến (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP).',
    );
    expect(declared.declared).toEqual({
      nd43Level: null,
      nd42Category: 'toan_trinh',
      vendorCode: null,
      matches: false,
    });
    expect(
      json.findings.map((issue: { ruleId: string; location?: { line?: number } }) => [
        issue.ruleId,
        issue.location?.line ?? null,
      ]),
    ).toEqual([
      ['SL-CAT-CSV-030', 7],
      ['SL-CAT-CSV-030', 7],
      ['SL-CAT-CSV-040', 7],
      ['SL-CAT-CSV-032', 8],
      ['SL-CAT-CSV-040', 8],
      ['SL-CLS-011', 6],
      ['SL-CAT-VAL-008', null],
    ]);
  });

  it('a JSON catalogue without errors: exit 0; the scheme follows --date (NĐ 43 before 2022-08-15)', async () => {
    const run = await level('classify', 'danh-muc.json', '--date', '2021-12-31', '--format', 'json');
    expect(run.code).toBe(0);
    const json = output('classify', run.stdout);
    expect(json.scheme).toBe('nd43-2011');
    expect(json.catalogue).toMatchObject({ format: 'json', asOf: '2025-09-30', valid: true });
    expect(json.catalogue.publisher).toEqual({ name: 'UBND tỉnh Khánh Hòa', code: '000.00.00.H56' });
    expect(json.services.map((s: { scheme: string }) => s.scheme)).toEqual(['nd43-2011', 'nd43-2011', 'nd43-2011']);
    expect(json.services[0].declared).toEqual({
      nd43Level: null,
      nd42Category: 'toan_trinh',
      vendorCode: null,
      matches: true,
    });
  });

  it('text in Vietnamese: each service with its reasons, the findings with their rows, a summary', async () => {
    const run = await level('classify', 'danh-muc.csv', '--date', '2024-12-31');
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Danh mục: danh-muc.csv (CSV) — ngày 2024-12-31, NĐ 42/2022');
    expect(run.stdout).toContain(
      [
        '2. 2.000633 — Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm',
        '   Cơ quan: Sở Công Thương (000.00.07.H56); cấp: tỉnh',
        '   NĐ 42/2022: dịch vụ công trực tuyến một phần (mã mức độ 3); NĐ 43/2011: mức độ 3',
        '   Lý do:',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      '  SL-CAT-CSV-032 lỗi (dòng 8): Dòng 8, cột «Cấp»: «Thôn» không phải cấp hành chính (cần Tỉnh, Huyện, Xã (hoặc tinh, huyen, xa; Cấp tỉnh…; Phường, Thị trấn là cấp xã)).\n',
    );
    expect(lines.at(-2)).toBe(
      'Tổng: 5 dịch vụ — toàn trình 2, một phần 2, chưa trực tuyến 1; mức độ 4: 3, 3: 1, 2: 1, 1: 0, 0: 0; 3 lỗi, 1 cảnh báo, 3 thông tin.',
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('--lang en and --quiet: one line per service, then the errors only', async () => {
    const run = await level('classify', 'danh-muc.csv', '--date', '2024-12-31', '--lang', 'en', '--quiet');
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe(
      '2.000633 — Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm: Decree 42/2022: partly online public service (một phần) (vendor code 3); Decree 43/2011: level 3',
    );
    expect(lines.slice(5).map((line) => line.split(':')[0])).toEqual([
      'SL-CAT-CSV-030 error (line 7)',
      'SL-CAT-CSV-030 error (line 7)',
      'SL-CAT-CSV-032 error (line 8)',
    ]);
  });

  it('invalid JSON is a finding (exit 1), and the JSON output stays valid', async () => {
    const run = await level('classify', 'danh-muc-hong.json', '--date', '2025-01-01', '--format', 'json');
    expect(run.code).toBe(1);
    const json = output('classify', run.stdout);
    expect(json.services).toEqual([]);
    expect(json.findings.map((issue: { ruleId: string }) => issue.ruleId)).toEqual(['SL-CAT-JSON-001']);
  });

  it('colour only in text on a colour terminal, never in JSON', async () => {
    const env = { FORCE_COLOR: '1' };
    const text = await runCli(['level', 'classify', 'danh-muc.csv', '--date', '2024-12-31'], { cwd: FIXTURES, env });
    expect(text.stdout).toContain('\u001b[31mSL-CAT-CSV-032 lỗi (dòng 8)');
    const json = await runCli(['level', 'classify', 'danh-muc.csv', '--date', '2024-12-31', '--format', 'json'], {
      cwd: FIXTURES,
      env,
    });
    expect(json.stdout).not.toContain('\u001b[');
    output('classify', json.stdout);
  });
});

describe('lienthong level stats', () => {
  it('JSON: figures by level × tier and category × tier, indicators by machine name, the targets', async () => {
    const run = await level('stats', 'danh-muc.csv', '--date', '2024-12-31', '--format', 'json');
    expect(run.code).toBe(1);
    const json = output('stats', run.stdout);
    expect(json).toMatchObject({
      schemaVersion: 1,
      date: '2024-12-31',
      schemes: ['nd42-2022'],
      tiers: ['tinh', 'huyen', 'xa'],
    });
    expect(json.overall.total).toBe(5);
    expect(json.byTier.tinh.nd43.byLevel['2']).toEqual({ count: 1, of: 3, percent: 33.33 });
    expect(json.byTier.huyen.nd42.byCategory.toan_trinh).toEqual({ count: 1, of: 1, percent: 100 });
    expect(json.byTier.xa.nd42.byCategory.mot_phan).toEqual({ count: 1, of: 1, percent: 100 });
    expect(json.overall.nd43.atLeast['3']).toEqual({ count: 4, of: 5, percent: 80 });
    expect(json.indicators.dvctt_level4_pct).toMatchObject({
      value: 60,
      numerator: 3,
      denominator: 5,
      unit: 'percent',
    });
    expect(json.indicators.dvctt_level4_pct.byTier.tinh).toEqual({ value: 33.33, numerator: 1, denominator: 3 });
    expect(json.indicators.tthc_total).toMatchObject({ value: 5, numerator: null, denominator: null, unit: 'count' });
    expect(json.indicators.dvctt_toan_trinh_pct).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(json.targets.map((target: { id: string; status: string }) => [target.id, target.status])).toEqual([
      ['NQ17-DVCTT-LEVEL4', 'met'],
      ['NQ17-DVCTT-DVCQG', 'not-computable'],
      ['NQ17-HOSO-TRUC-TUYEN', 'not-computable'],
      ['NQ17-HOSO-MOT-CUA-DIEN-TU', 'not-computable'],
      ['NQ17-CONG-DVC-DI-DONG', 'not-computable'],
      ['NQ17-XAC-THUC-DIEN-TU', 'not-computable'],
      ['DGGQ-CHI-SO-9-DVCTT-LEVEL34', 'met'],
    ]);
    expect(json.targets[0].figure).toEqual({ count: 3, total: 5, percent: 60 });
  });

  it('text: the two tables and the targets; no district tier from 2025-07-01; exit 0 without errors', async () => {
    const run = await level('stats', 'danh-muc.json', '--date', '2025-10-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'Mức độ theo NĐ 43/2011, theo cấp:',
        '  Cấp    | Tổng |  Mức 0 |  Mức 1 |      Mức 2 |      Mức 3 |      Mức 4',
        '  tỉnh   |    2 | 0 (0%) | 0 (0%) |    1 (50%) |    1 (50%) |     0 (0%)',
        '  xã     |    1 | 0 (0%) | 0 (0%) |     0 (0%) |     0 (0%) |   1 (100%)',
        '  Tất cả |    3 | 0 (0%) | 0 (0%) | 1 (33.33%) | 1 (33.33%) | 1 (33.33%)',
        '',
        'Loại dịch vụ theo NĐ 42/2022, theo cấp:',
        '  Cấp    | Tổng | Toàn trình |   Một phần | Chưa trực tuyến',
        '  tỉnh   |    2 |     0 (0%) |    1 (50%) |         1 (50%)',
        '  xã     |    1 |   1 (100%) |     0 (0%) |          0 (0%)',
        '  Tất cả |    3 | 1 (33.33%) | 1 (33.33%) |      1 (33.33%)',
      ].join('\n'),
    );
    expect(run.stdout).toContain('  Tỷ lệ DVCTT mức độ 4 (dvctt_level4_pct): 33.33% (1/3)\n');
    expect(run.stdout).toContain(
      '  Đạt — NQ17-DVCTT-LEVEL4: Tỷ lệ DVCTT mức độ 4: 33,33% (1/3), đạt chỉ tiêu ≥ 30% DVCTT ở mức độ 4 của Nghị quyết 17/NQ-CP ngày 07/3/2019 (mục tiêu 2019–2020).\n',
    );
    const english = await level('stats', 'danh-muc.json', '--date', '2025-10-01', '--lang', 'en');
    expect(english.stdout).toContain('  Tier     | Total | Toàn trình |   Một phần | Not online\n');
    expect(english.stdout).toContain('  Met — NQ17-DVCTT-LEVEL4: ');
  });
});

describe('lienthong level: usage and I/O errors (exit 2, one line)', () => {
  const cases: [string, string[], string][] = [
    [
      'a missing catalogue',
      ['classify', 'khong-co.csv'],
      'lienthong: không tìm thấy tệp khong-co.csv (FILE_NOT_FOUND)\n',
    ],
    [
      'a folder',
      ['stats', '.', '--date', '2024-12-31'],
      'lienthong: . là một thư mục, không phải tệp (FILE_UNREADABLE)\n',
    ],
    [
      'a day that does not exist',
      ['classify', 'danh-muc.csv', '--date', '2024-02-30'],
      'lienthong: --date «2024-02-30» không hợp lệ: cần một ngày có thật, viết YYYY-MM-DD (giờ Việt Nam), ví dụ 2024-12-31. (INVALID_OPTION_VALUE)\n',
    ],
    [
      'an unknown format',
      ['stats', 'danh-muc.csv', '--format', 'junit'],
      'lienthong: --format phải là một trong text, json, không phải "junit" (INVALID_OPTION_VALUE)\n',
    ],
    [
      'no catalogue',
      ['stats'],
      'lienthong: thiếu <danh-muc.csv|danh-muc.json>; xem lienthong level stats --help (MISSING_ARGUMENT)\n',
    ],
  ];
  for (const [name, args, stderr] of cases) {
    it(name, async () => {
      const run = await level(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(stderr);
    });
  }

  it('--format json with an unreadable file: still a valid document, the failure as a finding (exit 2)', async () => {
    const classify = await level('classify', 'khong-co.csv', '--date', '2024-12-31', '--format', 'json');
    expect(classify.code).toBe(2);
    expect(classify.stderr).toBe('lienthong: không tìm thấy tệp khong-co.csv (FILE_NOT_FOUND)\n');
    const json = output('classify', classify.stdout);
    expect(json.catalogue).toMatchObject({ path: 'khong-co.csv', format: 'csv', valid: false });
    expect(json.services).toEqual([]);
    expect(json.findings.map((issue: { ruleId: string; severity: string }) => [issue.ruleId, issue.severity])).toEqual([
      ['CLI-IO-001', 'error'],
    ]);
    const stats = await level('stats', 'khong-co.json', '--date', '2024-12-31', '--format', 'json');
    expect(stats.code).toBe(2);
    const figures = output('stats', stats.stdout);
    expect(figures.overall.total).toBe(0);
    expect(figures.findings[0].ruleId).toBe('CLI-IO-001');
  });

  it('--help shows the options and examples (exit 0)', async () => {
    const classify = await level('classify', '--help');
    expect(classify.code).toBe(0);
    expect(classify.stdout).toContain('lienthong level classify danh-muc.csv --date 2024-12-31');
    const stats = await level('stats', '--help', '--lang', 'en');
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('Catalogue statistics by level × tier and category × tier');
  });
});
