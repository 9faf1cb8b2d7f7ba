import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CLI_BINARY, runCli } from './run-cli';
import {
  INVALID_DOCUMENT,
  NOT_XML,
  temporaryDirectory,
  VALID_DOCUMENT,
  VALID_STATUS,
  validateReportDocument,
  writeText,
} from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface JsonReport {
  subject: string;
  valid: boolean;
  issues: { ruleId: string; severity: string; message: { vi: string; en: string } }[];
  counts: { error: number; warning: number; info: number };
}

function parseDocument(stdout: string): { valid: boolean; generator: { name: string }; reports: JsonReport[] } {
  const document = JSON.parse(stdout);
  expect(validateReportDocument(document), JSON.stringify(validateReportDocument.errors)).toBe(true);
  return document;
}

describe('lienthong edxml validate', () => {
  it('exit 0 when every file is valid (warnings allowed)', async () => {
    const run = await runCli(['edxml', 'validate', VALID_DOCUMENT, VALID_STATUS, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('VALID  ');
    expect(run.stdout).toContain('0 errors, 5 warnings, 1 info');
    expect(run.stdout).toContain('Summary: VALID — 2 subjects (2 valid, 0 invalid)');
  });

  it('exit 1 when a file is invalid; the JSON report follows the published schema', async () => {
    const run = await runCli(['edxml', 'validate', VALID_DOCUMENT, INVALID_DOCUMENT, '--format', 'json']);
    expect(run.code).toBe(1);
    const document = parseDocument(run.stdout);
    expect(document.valid).toBe(false);
    expect(document.generator.name).toBe('@lienthong/cli');
    expect(document.reports.map((report) => report.valid)).toEqual([true, false]);
    expect(document.reports[1]?.counts).toEqual({ error: 4, warning: 3, info: 0 });
    expect(document.reports[1]?.issues.filter((issue) => issue.ruleId === 'EDXML-HDR-011')).toHaveLength(3);
  });

  it('a file that is not XML is invalid (exit 1), one report with the reason', async () => {
    const run = await runCli(['edxml', 'validate', NOT_XML, '--format', 'json']);
    expect(run.code).toBe(1);
    const [report] = parseDocument(run.stdout).reports;
    expect(report?.issues.map((issue) => issue.ruleId)).toEqual(['EDXML-XML-005', 'EDXML-XML-004', 'REPORT-STEP-002']);
  });

  it('--strict turns tolerated quirks into errors', async () => {
    const tolerant = await runCli(['edxml', 'validate', VALID_DOCUMENT, '--format', 'json']);
    const strict = await runCli(['edxml', 'validate', VALID_DOCUMENT, '--strict', '--format', 'json']);
    expect(tolerant.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(parseDocument(strict.stdout).reports[0]?.counts.error).toBeGreaterThan(0);
  });

  it('a missing file and an unmatched glob: still valid JSON with an error report each, stderr lines, exit 2', async () => {
    const run = await runCli([
      'edxml',
      'validate',
      VALID_DOCUMENT,
      'missing.edxml',
      'nowhere/*.edxml',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'lienthong: file not found: missing.edxml (FILE_NOT_FOUND)\n' +
        'lienthong: no file matches the pattern nowhere/*.edxml (NO_FILES_MATCHED)\n',
    );
    const document = parseDocument(run.stdout);
    expect(document.reports.map((report) => [report.subject, report.valid])).toEqual([
      [VALID_DOCUMENT, true],
      ['missing.edxml', false],
      ['nowhere/*.edxml', false],
    ]);
    expect(document.reports[1]?.issues.map((issue) => issue.ruleId)).toEqual(['CLI-IO-001']);
    expect(document.reports[2]?.issues.map((issue) => issue.ruleId)).toEqual(['CLI-IO-002']);
    expect(document.reports[1]?.issues[0]?.message).toEqual({
      vi: 'Không kiểm tra được: không tìm thấy tệp missing.edxml',
      en: 'Not checked: file not found: missing.edxml',
    });
  });

  it('a directory is reported as unreadable, exit 2', async () => {
    const directory = temporaryDirectory();
    const run = await runCli(['edxml', 'validate', directory, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lienthong: ${directory} is a directory, not a file (FILE_UNREADABLE)\n`);
    expect(run.stdout).toContain('CLI-IO-001');
  });

  it('expands globs itself, relative to the working directory, sorted', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'in', 'sub'), { recursive: true });
    copyFileSync(VALID_STATUS, join(directory, 'in', 'b.edxml'));
    copyFileSync(VALID_DOCUMENT, join(directory, 'in', 'sub', 'a.edxml'));
    writeText(join(directory, 'in', 'notes.txt'), 'not matched');
    const run = await runCli(['edxml', 'validate', 'in/**/*.edxml', '--format', 'json'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(parseDocument(run.stdout).reports.map((report) => report.subject)).toEqual(['in/b.edxml', 'in/sub/a.edxml']);
  });

  it('--format junit and sarif', async () => {
    const junit = await runCli(['edxml', 'validate', INVALID_DOCUMENT, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout.startsWith('<?xml')).toBe(true);
    expect(junit.stdout).toContain('<testsuite name="');
    execFileSync('xmllint', ['--noout', '-'], { input: junit.stdout });
    const sarif = await runCli([
      'edxml',
      'validate',
      INVALID_DOCUMENT,
      'missing.edxml',
      '--format',
      'sarif',
      '--lang',
      'en',
    ]);
    expect(sarif.code).toBe(2);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('lienthong');
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('CLI-IO-001');
  });

  it('--quiet prints only invalid reports (nothing when all are valid)', async () => {
    expect(await runCli(['edxml', 'validate', VALID_DOCUMENT, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const run = await runCli(['edxml', 'validate', VALID_DOCUMENT, INVALID_DOCUMENT, '-q', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(VALID_DOCUMENT);
    expect(run.stdout).toContain(`INVALID  ${INVALID_DOCUMENT}`);
  });

  it('colour only when asked for a terminal, never with --format json or --no-color or NO_COLOR', async () => {
    const ESC = '\u001b[';
    expect((await runCli(['edxml', 'validate', INVALID_DOCUMENT])).stdout).not.toContain(ESC);
    expect((await runCli(['edxml', 'validate', INVALID_DOCUMENT], { env: { FORCE_COLOR: '1' } })).stdout).toContain(
      ESC,
    );
    expect(
      (await runCli(['edxml', 'validate', INVALID_DOCUMENT, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(ESC);
    expect(
      (await runCli(['edxml', 'validate', INVALID_DOCUMENT, '--format', 'json'], { env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(ESC);
    expect(
      (await runCli(['edxml', 'validate', INVALID_DOCUMENT], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
    ).toContain(ESC); // FORCE_COLOR wins over NO_COLOR, as @lienthong/report's shouldUseColor documents
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a real terminal: colour for text, none for --format json', () => {
    const onTerminal = (args: string) =>
      spawnSync('script', ['-qec', `node "${CLI_BINARY}" edxml validate "${INVALID_DOCUMENT}" ${args}`, '/dev/null'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      }).stdout;
    expect(onTerminal('')).toContain('\u001b[');
    expect(onTerminal('--no-color')).not.toContain('\u001b[');
    const json = onTerminal('--format json');
    expect(json).not.toContain('\u001b[');
    expect(validateReportDocument(JSON.parse(json))).toBe(true);
  });

  it('a reader closing the pipe early (| head) is not an error: no stack, the exit code is kept', () => {
    const directory = temporaryDirectory();
    // Enough output (about 10 KB of JSON per report) to overflow the pipe buffer after head has gone.
    for (let index = 0; index < 60; index++) copyFileSync(VALID_STATUS, join(directory, `s${index}.edxml`));
    const output = execFileSync(
      'bash',
      [
        '-c',
        `node "${CLI_BINARY}" edxml validate '*.edxml' --format json 2>err.txt | head -c 20 >/dev/null; echo "rc=\${PIPESTATUS[0]}"; cat err.txt`,
      ],
      { cwd: directory, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(output).toBe('rc=0\n');
  });
});
