import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  compileSchema,
  HOA_BINH,
  LAM_DONG,
  SON_LA,
  validateCompareOutput,
  writeBrokenJson,
  writeSonLa2019,
  writeTooLarge,
} from './indicators-support';
import { runCli } from './run-cli';
import { temporaryDirectory, validateReportDocument } from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ANSI = '\u001b[';

interface JsonReport {
  subject: string;
  valid: boolean;
  issues: { ruleId: string; severity: string; message: { vi: string; en: string } }[];
  counts: { error: number; warning: number; info: number };
}

function reportDocument(stdout: string): { valid: boolean; generator: { name: string }; reports: JsonReport[] } {
  const document = JSON.parse(stdout);
  expect(validateReportDocument(document), JSON.stringify(validateReportDocument.errors)).toBe(true);
  return document;
}

interface CompareRow {
  indicator: string;
  tier: string | null;
  direction: string;
  reason: string | null;
  delta: number | null;
  deltaUnit: string | null;
  relativeDeltaPct: number | null;
  a: { value: unknown } | null;
  b: { value: unknown } | null;
}

interface CompareOutput {
  schemaVersion: number;
  generator: { name: string };
  inputs: Record<'a' | 'b', { file: string; valid: boolean; comparable: boolean; issues: { ruleId: string }[] }>;
  comparison: {
    kind: string;
    summary: Record<string, number>;
    rows: CompareRow[];
  } | null;
}

function compareOutput(stdout: string): CompareOutput {
  const output = JSON.parse(stdout);
  expect(validateCompareOutput(output), JSON.stringify(validateCompareOutput.errors)).toBe(true);
  return output;
}

const row = (output: CompareOutput, indicator: string, tier: string | null = null) =>
  output.comparison?.rows.find((candidate) => candidate.indicator === indicator && candidate.tier === tier);

describe('lienthong indicators validate', () => {
  it('exit 0 when every report is valid (warnings allowed); text in Vietnamese', async () => {
    const run = await runCli(
      ['indicators', 'validate', SON_LA, HOA_BINH, LAM_DONG].map((path) => basename(path)),
      {
        cwd: dirname(SON_LA),
      },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('HỢP LỆ  son-la-2018.report.json  0 lỗi, 0 cảnh báo, 0 thông tin');
    expect(run.stdout).toContain('HỢP LỆ  hoa-binh-2019.report.json  0 lỗi, 3 cảnh báo, 1 thông tin');
    expect(run.stdout).toContain('Tổng kết: HỢP LỆ — 3 đối tượng (3 hợp lệ, 0 không hợp lệ); 0 lỗi, 3 cảnh báo');
    expect(run.stdout).not.toContain(ANSI);
  });

  it('JSON: the report document of @lienthong/report, valid against its schema, with the real findings', async () => {
    const run = await runCli(['indicators', 'validate', SON_LA, HOA_BINH, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const document = reportDocument(run.stdout);
    expect(document.generator.name).toBe('@lienthong/cli');
    expect(document.valid).toBe(true);
    expect(document.reports.map((report) => report.subject)).toEqual([SON_LA, HOA_BINH]);
    const hoaBinh = document.reports[1];
    expect(hoaBinh?.counts).toEqual({ error: 0, warning: 3, info: 1 });
    const warnings = hoaBinh?.issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.ruleId);
    expect(warnings).toEqual(expect.arrayContaining(['IND-SUM-012', 'IND-PCT-001']));
  });

  it('--strict: warnings become errors, exit 1', async () => {
    const run = await runCli(['indicators', 'validate', HOA_BINH, '--strict', '--format', 'json']);
    expect(run.code).toBe(1);
    const [report] = reportDocument(run.stdout).reports;
    expect(report?.valid).toBe(false);
    expect(report?.counts).toEqual({ error: 3, warning: 0, info: 1 });
  });

  it('a file that is not JSON is invalid (exit 1): one report with the located syntax error', async () => {
    const broken = writeBrokenJson(temporaryDirectory());
    const run = await runCli(['indicators', 'validate', SON_LA, broken, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(1);
    const document = reportDocument(run.stdout);
    expect(document.reports.map((report) => report.valid)).toEqual([true, false]);
    const [issue] = document.reports[1]?.issues ?? [];
    expect(issue?.ruleId).toBe('IND-PARSE-004');
    expect(issue?.message.en).toContain('line 3, column 1');
  });

  it('a file over 16 MiB is refused from its size (IND-PARSE-001), exit 1', async () => {
    const huge = writeTooLarge(temporaryDirectory());
    const run = await runCli(['indicators', 'validate', huge, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(1);
    const [report] = reportDocument(run.stdout).reports;
    expect(report?.issues.map((issue) => issue.ruleId)).toEqual(['IND-PARSE-001']);
    expect(report?.issues[0]?.message.en).toBe(
      'The report is 17,825,792 bytes, over the limit of 16,777,216 bytes; it is not read.',
    );
  });

  it('a missing file, a folder and an unmatched glob: still valid JSON with an error report each, exit 2', async () => {
    const directory = temporaryDirectory();
    const run = await runCli(
      ['indicators', 'validate', SON_LA, 'missing.json', '.', 'nowhere/*.json', '--format', 'json', '--lang', 'en'],
      { cwd: directory },
    );
    expect(run.code).toBe(2);
    const document = reportDocument(run.stdout);
    expect(document.reports.map((report) => [report.subject, report.issues.map((issue) => issue.ruleId)])).toEqual([
      [SON_LA, []],
      ['missing.json', ['CLI-IO-001']],
      ['.', ['CLI-IO-001']],
      ['nowhere/*.json', ['CLI-IO-002']],
    ]);
    expect(run.stderr.split('\n')).toEqual([
      'lienthong: file not found: missing.json (FILE_NOT_FOUND)',
      'lienthong: . is a directory, not a file (FILE_UNREADABLE)',
      'lienthong: no file matches the pattern nowhere/*.json (NO_FILES_MATCHED)',
      '',
    ]);
  });

  it('globs are expanded by the command, matches sorted', async () => {
    const fixtures = join(SON_LA, '..');
    const run = await runCli(['indicators', 'validate', '*.report.json', '--format', 'json'], { cwd: fixtures });
    expect(run.code).toBe(0);
    expect(reportDocument(run.stdout).reports.map((report) => report.subject)).toEqual([
      'hoa-binh-2019.report.json',
      'lam-dong-2017.report.json',
      'son-la-2018.report.json',
    ]);
  });

  it('JUnit: one test suite per file; SARIF 2.1.0 with the findings', async () => {
    const junit = await runCli(['indicators', 'validate', SON_LA, HOA_BINH, '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(junit.stdout.startsWith('<?xml')).toBe(true);
    expect(junit.stdout.match(/<testsuite /g)).toHaveLength(2);
    const sarif = await runCli(['indicators', 'validate', HOA_BINH, '--format', 'sarif', '--lang', 'en']);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('lienthong');
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(
      expect.arrayContaining(['IND-SUM-012', 'IND-PCT-001']),
    );
  });

  it('--quiet prints only the invalid reports (nothing when all are valid)', async () => {
    const allValid = await runCli(['indicators', 'validate', SON_LA, HOA_BINH, '--quiet']);
    expect(allValid.code).toBe(0);
    expect(allValid.stdout).toBe('');
    const broken = writeBrokenJson(temporaryDirectory());
    const oneInvalid = await runCli(['indicators', 'validate', SON_LA, broken, '-q', '--lang', 'en']);
    expect(oneInvalid.code).toBe(1);
    expect(oneInvalid.stdout).toContain('INVALID  ');
    expect(oneInvalid.stdout).not.toContain('son-la-2018');
  });

  it('colour only for text (FORCE_COLOR), never with --format json or --no-color', async () => {
    const env = { FORCE_COLOR: '1' };
    expect((await runCli(['indicators', 'validate', HOA_BINH], { env })).stdout).toContain(ANSI);
    expect((await runCli(['indicators', 'validate', HOA_BINH, '--no-color'], { env })).stdout).not.toContain(ANSI);
    const json = await runCli(['indicators', 'validate', HOA_BINH, '--format', 'json'], { env });
    expect(json.stdout).not.toContain(ANSI);
    reportDocument(json.stdout);
  });

  it('usage errors: exit 2, one line, no stack trace', async () => {
    const noFile = await runCli(['indicators', 'validate', '--lang', 'en']);
    expect(noFile.code).toBe(2);
    expect(noFile.stdout).toBe('');
    const badFormat = await runCli(['indicators', 'validate', SON_LA, '--format', 'xml', '--lang', 'en']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toBe(
      'lienthong: --format must be one of text, json, junit, sarif, not "xml" (INVALID_OPTION_VALUE)\n',
    );
  });

  it('--help: usage, options, examples and exit codes, exit 0', async () => {
    const run = await runCli(['indicators', 'validate', '--help', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lienthong indicators validate <report.json or globs…>');
    expect(run.stdout).toContain('--strict');
    expect(run.stdout).toContain('lienthong indicators validate son-la-2018.report.json');
    expect(run.stdout).toContain('Exit codes:');
  });
});

describe('lienthong indicators render', () => {
  it('writes HTML with the findings of the validation, exit 0; refuses to overwrite without --force', async () => {
    const directory = temporaryDirectory();
    const first = await runCli(['indicators', 'render', HOA_BINH, '--out', 'hoa-binh.html'], { cwd: directory });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Đã ghi hoa-binh.html\n');
    const html = readFileSync(join(directory, 'hoa-binh.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Tỉnh Hòa Bình');
    expect(html).toContain('IND-SUM-012');

    const again = await runCli(['indicators', 'render', HOA_BINH, '--out', 'hoa-binh.html', '--lang', 'en'], {
      cwd: directory,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('lienthong: hoa-binh.html already exists; use --force to overwrite it (FILE_EXISTS)\n');

    const forced = await runCli(['indicators', 'render', SON_LA, '--out', 'hoa-binh.html', '--force', '-q'], {
      cwd: directory,
    });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(readFileSync(join(directory, 'hoa-binh.html'), 'utf8')).toContain('Tỉnh Sơn La');
  });

  it('Markdown from the .md extension, or on stdout with --out -', async () => {
    const directory = temporaryDirectory();
    const file = await runCli(['indicators', 'render', SON_LA, '--out', 'son-la.md', '--lang', 'en'], {
      cwd: directory,
    });
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('Wrote son-la.md\n');
    const markdown = readFileSync(join(directory, 'son-la.md'), 'utf8');
    expect(markdown.startsWith('# Indicator report: Tỉnh Sơn La, 2018\n')).toBe(true);

    const stdout = await runCli(['indicators', 'render', SON_LA, '--out', '-', '--lang', 'en']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(markdown);

    const html = await runCli(['indicators', 'render', SON_LA, '--out', '-', '--format', 'html']);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('--derive adds the values computed from the stated ones, marked as derived', async () => {
    const stated = await runCli(['indicators', 'render', SON_LA, '--out', '-']);
    const derived = await runCli(['indicators', 'render', SON_LA, '--out', '-', '--derive']);
    expect(stated.stdout).not.toContain('| tính toán |');
    expect(derived.stdout).toContain('| tính toán |');
    expect(derived.stdout.length).toBeGreaterThan(stated.stdout.length);
  });

  it('a file that is not an indicator report: one line, nothing written, exit 1', async () => {
    const directory = temporaryDirectory();
    const broken = writeBrokenJson(directory);
    const run = await runCli(['indicators', 'render', broken, '--out', 'out.html', '--lang', 'en'], { cwd: directory });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `lienthong: ${broken} is not a readable indicator report: JSON syntax error at line 3, column 1: found the character «}» where a property name in double quotes was expected. [IND-PARSE-004] (NOT_INDICATOR_REPORT)\n`,
    );
    expect(existsSync(join(directory, 'out.html'))).toBe(false);
  });

  it('I/O and usage errors: exit 2, one line, no stack trace', async () => {
    const directory = temporaryDirectory();
    const missing = await runCli(['indicators', 'render', 'missing.json', '--out', 'x.html', '--lang', 'en'], {
      cwd: directory,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lienthong: file not found: missing.json (FILE_NOT_FOUND)\n');

    const noOut = await runCli(['indicators', 'render', SON_LA, '--lang', 'en']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe(
      'lienthong: missing --out <file.html|file.md|->; see lienthong indicators render --help (MISSING_ARGUMENT)\n',
    );

    const unknownExtension = await runCli(['indicators', 'render', SON_LA, '--out', 'x.pdf', '--lang', 'en'], {
      cwd: directory,
    });
    expect(unknownExtension.code).toBe(2);
    expect(unknownExtension.stderr).toContain('(INVALID_OPTION_VALUE)');

    const noFolder = await runCli(['indicators', 'render', SON_LA, '--out', 'no/such/x.html', '--lang', 'en'], {
      cwd: directory,
    });
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toBe(
      'lienthong: cannot write no/such/x.html: its folder does not exist (FILE_WRITE_FAILED)\n',
    );
    expect(noFolder.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help with examples', async () => {
    const run = await runCli(['indicators', 'render', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lienthong indicators render son-la-2018.report.json --out son-la-2018.html');
    expect(run.stdout).toContain('--derive');
  });
});

describe('lienthong indicators compare', () => {
  it('JSON: over time, deltas and directions, valid against the shipped schema; exit 0', async () => {
    const sonLa2019 = writeSonLa2019(temporaryDirectory());
    const run = await runCli(['indicators', 'compare', SON_LA, sonLa2019, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const output = compareOutput(run.stdout);
    expect(output.schemaVersion).toBe(1);
    expect(output.generator.name).toBe('@lienthong/cli');
    expect(output.inputs.a).toMatchObject({ file: SON_LA, valid: true, comparable: true });
    expect(output.comparison?.kind).toBe('over_time');
    expect(row(output, 'dvctt_level3_count')).toMatchObject({
      direction: 'up',
      delta: 30,
      deltaUnit: 'unit',
      relativeDeltaPct: 33.33,
      a: { value: 90 },
      b: { value: 120 },
    });
    expect(row(output, 'dvctt_level3_count', 'tinh')).toMatchObject({ direction: 'same', delta: 0 });
    expect(row(output, 'may_tinh_staff_coverage_pct')).toMatchObject({
      direction: 'down',
      delta: -1.5,
      deltaUnit: 'percentage_points',
      relativeDeltaPct: null,
    });
    expect(row(output, 'truc_lien_thong_ket_noi')).toMatchObject({ direction: 'only_a', b: null });
    expect(row(output, 'dvctt_all_levels_count')).toMatchObject({
      direction: 'not_comparable',
      reason: 'several_values',
    });
    const summary = output.comparison?.summary ?? {};
    expect(Object.values(summary).reduce((sum, count) => sum + count, 0)).toBe(output.comparison?.rows.length);
    expect(summary).toMatchObject({ up: 1, down: 1, only_a: 1, only_b: 0, not_comparable: 1 });
  });

  it('text: an aligned table with numbers written the Vietnamese or the English way', async () => {
    const sonLa2019 = writeSonLa2019(temporaryDirectory());
    const vi = await runCli(['indicators', 'compare', SON_LA, sonLa2019]);
    expect(vi.code).toBe(0);
    const lines = vi.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Loại so sánh: cùng đơn vị, hai kỳ',
      'A: Tỉnh Sơn La, năm 2018',
      'B: Tỉnh Sơn La, năm 2019',
    ]);
    const header = lines[4] ?? '';
    const level3 = lines.find((line) => line.startsWith('Số DVCTT mức độ 3  ') && line.includes('toàn đơn vị'));
    expect(level3).toMatch(/ 90 +120 +\+30 +\+33,33% +tăng$/);
    const coverage = lines.find((line) => line.includes(' 98,5%'));
    expect(coverage).toMatch(/100% +98,5% +-1,5 điểm % + giảm$/);
    // Aligned: the A column ends at the same place on every row.
    const endOfA = header.indexOf('A ') + 1;
    expect(level3?.[endOfA - 1]).toBe('0');
    expect(lines.at(-2)).toMatch(/^Tổng: \d+ số liệu — tăng 1, giảm 1, /);

    const en = await runCli(['indicators', 'compare', SON_LA, sonLa2019, '--lang', 'en']);
    expect(en.stdout).toMatch(/ 1,696 /);
    expect(en.stdout).toMatch(/\+33\.33% +up\n/);
    expect(en.stdout).toMatch(/-1\.5 pp +down\n/);
  });

  it('--quiet: the table only; colour only on text', async () => {
    const sonLa2019 = writeSonLa2019(temporaryDirectory());
    const quiet = await runCli(['indicators', 'compare', SON_LA, sonLa2019, '--quiet', '--lang', 'en']);
    expect(quiet.stdout.startsWith('Indicator ')).toBe(true);
    expect(quiet.stdout).not.toContain('Total:');
    const env = { FORCE_COLOR: '1' };
    expect((await runCli(['indicators', 'compare', SON_LA, sonLa2019], { env })).stdout).toContain(ANSI);
    const json = await runCli(['indicators', 'compare', SON_LA, sonLa2019, '--format', 'json'], { env });
    expect(json.stdout).not.toContain(ANSI);
    compareOutput(json.stdout);
  });

  it('Markdown and HTML, to stdout or to --out (format from the extension, --force to overwrite)', async () => {
    const directory = temporaryDirectory();
    const markdown = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('Tỉnh Sơn La');
    expect(markdown.stdout).toContain('| --- |');
    const html = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, '--out', 'so-sanh.html'], { cwd: directory });
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('Đã ghi so-sanh.html\n');
    expect(readFileSync(join(directory, 'so-sanh.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    const again = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, '--out', 'so-sanh.html'], {
      cwd: directory,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('(FILE_EXISTS)');
    const forced = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, '-o', 'so-sanh.html', '--force', '-q'], {
      cwd: directory,
    });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
  });

  it('a report that cannot be read as one: exit 1, still valid JSON (comparison null) and one stderr line', async () => {
    const broken = writeBrokenJson(temporaryDirectory());
    const run = await runCli(['indicators', 'compare', SON_LA, broken, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(1);
    const output = compareOutput(run.stdout);
    expect(output.comparison).toBeNull();
    expect(output.inputs.b).toMatchObject({ valid: false, comparable: false, issues: [{ ruleId: 'IND-PARSE-004' }] });
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/is not a readable indicator report: .* \[IND-PARSE-004\] \(NOT_INDICATOR_REPORT\)\n$/);
    const text = await runCli(['indicators', 'compare', SON_LA, broken]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
  });

  it('a missing file: exit 2, still valid JSON with CLI-IO-001', async () => {
    const directory = temporaryDirectory();
    const run = await runCli(['indicators', 'compare', 'missing.json', SON_LA, '--format', 'json', '--lang', 'en'], {
      cwd: directory,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lienthong: file not found: missing.json (FILE_NOT_FOUND)\n');
    const output = compareOutput(run.stdout);
    expect(output.inputs.a).toMatchObject({
      file: 'missing.json',
      comparable: false,
      issues: [{ ruleId: 'CLI-IO-001' }],
    });
    expect(output.comparison).toBeNull();
  });

  it('usage errors: exit 2', async () => {
    const one = await runCli(['indicators', 'compare', SON_LA, '--lang', 'en']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('(MISSING_ARGUMENT)');
    const three = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, LAM_DONG]);
    expect(three.code).toBe(2);
    const badFormat = await runCli(['indicators', 'compare', SON_LA, HOA_BINH, '--format', 'csv']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('(INVALID_OPTION_VALUE)');
  });

  it('--help with examples', async () => {
    const run = await runCli(['indicators', 'compare', '--help', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lienthong indicators compare <a.json> <b.json>');
    expect(run.stdout).toContain('lienthong indicators compare a.report.json b.report.json --out so-sanh.html');
  });
});

describe('lienthong indicators schema', () => {
  const shipped = readFileSync(createRequire(import.meta.url).resolve('@lienthong/indicators/schema.json'), 'utf8');

  it('prints the JSON Schema shipped by @lienthong/indicators, byte for byte; the seeds satisfy it', async () => {
    const run = await runCli(['indicators', 'schema']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(shipped);
    const validate = compileSchema(JSON.parse(run.stdout));
    for (const seed of [SON_LA, HOA_BINH, LAM_DONG])
      expect(validate(JSON.parse(readFileSync(seed, 'utf8'))), seed).toBe(true);
  });

  it('takes no argument (exit 2); --help exit 0', async () => {
    const extra = await runCli(['indicators', 'schema', 'x.json']);
    expect(extra.code).toBe(2);
    expect(extra.stdout).toBe('');
    const help = await runCli(['indicators', 'schema', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lienthong indicators schema > indicator-report.schema.json');
  });
});

describe('lienthong indicators (group)', () => {
  it('lists the four commands', async () => {
    const run = await runCli(['indicators', '--help', '--lang', 'en']);
    expect(run.code).toBe(0);
    for (const name of ['validate', 'render', 'compare', 'schema']) expect(run.stdout).toContain(`indicators ${name} `);
  });
});
