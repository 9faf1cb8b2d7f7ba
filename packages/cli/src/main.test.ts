import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, type CliIO, type CommandDefinition, EXIT } from './framework/command';
import { runCli } from './main';

function memoryIO(): { io: CliIO; stdout: () => string; stderr: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  return {
    io: { stdout, stderr, cwd: process.cwd(), env: {} },
    stdout: () => Buffer.concat(chunks.stdout).toString('utf8'),
    stderr: () => Buffer.concat(chunks.stderr).toString('utf8'),
  };
}

function command(run: CommandDefinition['run']): CommandDefinition {
  return {
    path: ['test', 'run'],
    summary: { vi: 'Lệnh thử', en: 'Test command' },
    usage: 'test run',
    options: { name: { type: 'string' } },
    optionHelp: { name: { vi: 'Tên', en: 'Name' } },
    positionals: { min: 0, max: 0, names: '' },
    examples: [],
    run,
  };
}

describe('runCli (in process)', () => {
  it('passes options and context to the command and returns its exit code', async () => {
    const memory = memoryIO();
    const code = await runCli(['test', 'run', '--name', 'x', '--lang', 'en', '-q'], memory.io, [
      command(async ({ values }, context) => {
        await new Promise<void>((resolve) =>
          context.io.stdout.write(`${values.name} ${context.lang} ${context.quiet}`, () => resolve()),
        );
        return EXIT.failed;
      }),
    ]);
    expect(code).toBe(1);
    expect(memory.stdout()).toBe('x en true');
  });

  it('an unexpected exception is one line, exit 2; the stack only with --debug', async () => {
    const failing = command(async () => {
      throw new TypeError('boom\nsecond line');
    });
    const plain = memoryIO();
    expect(await runCli(['test', 'run', '--lang', 'en'], plain.io, [failing])).toBe(2);
    expect(plain.stderr()).toBe('lienthong: internal error: boom; run again with --debug for details (INTERNAL)\n');
    const debug = memoryIO();
    expect(await runCli(['test', 'run', '--debug'], debug.io, [failing])).toBe(2);
    expect(debug.stderr().split('\n')[0]).toBe('lienthong: lỗi nội bộ: boom (INTERNAL)');
    expect(debug.stderr()).toContain('TypeError: boom');
    expect(debug.stderr()).toMatch(/\n {4}at /);
  });

  it('a CliError is its localized message and code, exit 2', async () => {
    const memory = memoryIO();
    const failing = command(async () => {
      throw new CliError('FILE_WRITE_FAILED', { vi: 'không ghi được', en: 'cannot write' });
    });
    expect(await runCli(['test', 'run'], memory.io, [failing])).toBe(2);
    expect(memory.stderr()).toBe('lienthong: không ghi được (FILE_WRITE_FAILED)\n');
  });
});
