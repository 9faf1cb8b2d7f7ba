import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../src/commands';
import { runCli } from './run-cli';
import { NOT_XML, temporaryDirectory } from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('lienthong (framework)', () => {
  it('--help lists every command, in Vietnamese by default, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Các lệnh:');
    expect(run.stdout).toContain('lienthong <lệnh> … [tùy chọn]');
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.path.join(' ')}`);
    expect(run.stdout).toContain('  edxml validate');
  });

  it('--lang en and LIENTHONG_LANG=en switch the language; --lang wins', async () => {
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('Commands:');
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('lienthong <command> … [options]');
    expect((await runCli(['--help'], { env: { LIENTHONG_LANG: 'en' } })).stdout).toContain('Commands:');
    expect((await runCli(['--help', '--lang=vi'], { env: { LIENTHONG_LANG: 'en' } })).stdout).toContain('Các lệnh:');
  });

  it('every command has --help with usage, options and examples in both languages', async () => {
    for (const command of COMMANDS) {
      for (const lang of ['vi', 'en'] as const) {
        const run = await runCli([...command.path, '--help', '--lang', lang]);
        expect(run.code, command.path.join(' ')).toBe(0);
        expect(run.stdout).toContain(`lienthong ${command.usage}`);
        expect(run.stdout).toContain(lang === 'vi' ? 'Ví dụ:' : 'Examples:');
        expect(run.stdout).toContain(command.examples[0]?.command ?? '(no example)');
        expect(run.stdout).toContain('--quiet');
      }
    }
  });

  it('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('no command: the overview on stderr, exit 2; a group alone lists its commands, exit 2', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Các lệnh:');
    const group = await runCli(['edxml', '--lang', 'en']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('  edxml inspect');
  });

  it('an unknown command is one line with a suggestion, exit 2', async () => {
    const run = await runCli(['edxml', 'valdate', 'x.edxml', '--lang', 'en']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lienthong: unknown command: "edxml valdate"; did you mean "lienthong edxml validate"? (UNKNOWN_COMMAND)\n',
    });
    const vi = await runCli(['xyz']);
    expect(vi.stderr).toBe(
      'lienthong: lệnh không tồn tại: "xyz"; xem danh sách lệnh: lienthong --help (UNKNOWN_COMMAND)\n',
    );
  });

  it('an unknown option, a missing value and a bad --lang are one line each, exit 2', async () => {
    expect(await runCli(['edxml', 'validate', NOT_XML, '--bogus', '--lang', 'en'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: unknown option: --bogus; see lienthong edxml validate --help (UNKNOWN_OPTION)\n',
    });
    expect((await runCli(['edxml', 'validate', NOT_XML, '--format'])).stderr).toBe(
      'lienthong: tùy chọn --format cần một giá trị (INVALID_OPTION_VALUE)\n',
    );
    expect((await runCli(['edxml', 'validate', NOT_XML, '--format', 'xml'])).stderr).toBe(
      'lienthong: --format phải là một trong text, json, junit, sarif, không phải "xml" (INVALID_OPTION_VALUE)\n',
    );
    expect(await runCli(['--lang', 'fr', 'edxml', 'validate', NOT_XML])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: --lang phải là vi hoặc en, không phải "fr" (INVALID_OPTION_VALUE)\n',
    });
  });

  it('a missing argument is one line, exit 2', async () => {
    expect(await runCli(['edxml', 'inspect', '--lang', 'en'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: missing <file>; see lienthong edxml inspect --help (MISSING_ARGUMENT)\n',
    });
    expect((await runCli(['edxml', 'inspect', 'a', 'b', '--lang', 'en'])).stderr).toBe(
      'lienthong: unexpected argument "b"; see lienthong edxml inspect --help (USAGE)\n',
    );
  });

  it('errors carry no stack trace unless --debug', async () => {
    const plain = await runCli(['edxml', 'inspect', 'missing.edxml', '--lang', 'en']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('lienthong: file not found: missing.edxml (FILE_NOT_FOUND)\n');
    const debug = await runCli(['edxml', 'extract', 'missing.edxml', '--out', temporaryDirectory(), '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe('lienthong: không tìm thấy tệp missing.edxml (FILE_NOT_FOUND)');
    expect(debug.stderr).toMatch(/\n {4}at /);
  });
});
