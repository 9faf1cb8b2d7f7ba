import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument, serializeEdxmlToBytes } from '@lienthong/edxml';
import { describe, expect, it, vi } from 'vitest';
import { CLI_BINARY, runCli } from './run-cli';
import { NOT_XML, temporaryDirectory, VALID_DOCUMENT } from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function envelopeWith(attachments: { name: string; data: Uint8Array }[]): Uint8Array {
  return serializeEdxmlToBytes(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { date: '2025/01/15', place: 'Nghệ An' },
      subject: 'V/v thử tách tệp',
      attachments,
    }),
  );
}

describe('lienthong edxml extract', () => {
  it('writes each attachment, opening a one-file ZIP wrapper into the file the sender attached; exit 0', async () => {
    const out = join(temporaryDirectory(), 'dinh-kem');
    const run = await runCli(['edxml', 'extract', VALID_DOCUMENT, '--out', out, '--lang', 'en']);
    expect(run).toEqual({
      code: 0,
      stdout: `${join(out, '1761211722949_TestTrucLienThong.pdf')}  11,229 bytes (unzipped from its ZIP wrapper)\n`,
      stderr: '',
    });
    const pdf = readFileSync(join(out, '1761211722949_TestTrucLienThong.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(11229);
  });

  it('refuses to overwrite without --force (exit 2), overwrites with it', async () => {
    const out = temporaryDirectory();
    expect((await runCli(['edxml', 'extract', VALID_DOCUMENT, '--out', out, '-q'])).code).toBe(0);
    const again = await runCli(['edxml', 'extract', VALID_DOCUMENT, '--out', out, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `lienthong: ${join(out, '1761211722949_TestTrucLienThong.pdf')} already exists; use --force to overwrite it (FILE_EXISTS)\n`,
    );
    expect(await runCli(['edxml', 'extract', VALID_DOCUMENT, '--out', out, '--force', '--quiet'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('never writes outside --out: a name with a path is skipped with one line, exit 1', async () => {
    const directory = temporaryDirectory();
    const envelope = join(directory, 'hostile.edxml');
    writeFileSync(
      envelope,
      envelopeWith([
        { name: '../escaped.txt', data: new TextEncoder().encode('should not escape') },
        { name: 'ok.txt', data: new TextEncoder().encode('fine') },
        { name: 'ok.txt', data: new TextEncoder().encode('second') },
      ]),
    );
    const out = join(directory, 'out');
    const run = await runCli(['edxml', 'extract', envelope, '--out', out, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'lienthong: skipped attachment 1 "../escaped.txt": the name contains a path separator (/ or \\) (UNSAFE_NAME)\n',
    );
    expect(existsSync(join(directory, 'escaped.txt'))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['ok-2.txt', 'ok.txt']);
    expect(readFileSync(join(out, 'ok.txt'), 'utf8')).toBe('fine');
    expect(readFileSync(join(out, 'ok-2.txt'), 'utf8')).toBe('second');
  });

  it('streams a large envelope (16 MB) byte for byte, with no progress bar when stderr is not a terminal', async () => {
    const directory = temporaryDirectory();
    const data = randomBytes(12 * 1024 * 1024);
    const envelope = join(directory, 'big.edxml');
    writeFileSync(envelope, envelopeWith([{ name: 'data.bin', data }]));
    const run = await runCli(['edxml', 'extract', envelope, '--out', join(directory, 'out'), '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(sha256(readFileSync(join(directory, 'out', 'data.bin')))).toBe(sha256(data));
  });

  // `script` (util-linux, part of every Debian) gives the command a terminal, as a user's shell would.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('draws a progress bar on stderr when it is a terminal and the envelope is over 10 MB', () => {
    const directory = temporaryDirectory();
    const envelope = join(directory, 'big.edxml');
    writeFileSync(envelope, envelopeWith([{ name: 'data.bin', data: randomBytes(12 * 1024 * 1024) }]));
    const command = `node "${CLI_BINARY}" edxml extract "${envelope}" --out "${join(directory, 'out')}" --lang en`;
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toContain('\r[########################] 100%  16.0 MB/16.0 MB');
    expect(terminal.stdout).toContain('\r\u001b[2K');
  });

  it('a file that is not edXML: exit 1; a missing file or no --out: exit 2', async () => {
    const out = temporaryDirectory();
    const notEdxml = await runCli(['edxml', 'extract', NOT_XML, '--out', out, '--lang', 'en']);
    expect(notEdxml.code).toBe(1);
    expect(notEdxml.stderr).toBe(
      `lienthong: ${NOT_XML} is not a readable edXML envelope; see lienthong edxml validate ${NOT_XML} (NOT_EDXML)\n`,
    );
    expect(await runCli(['edxml', 'extract', 'missing.edxml', '--out', out, '--lang', 'en'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: file not found: missing.edxml (FILE_NOT_FOUND)\n',
    });
    const fileInTheWay = join(out, 'a-file');
    writeFileSync(fileInTheWay, '');
    expect(
      await runCli(['edxml', 'extract', VALID_DOCUMENT, '--out', join(fileInTheWay, 'sub'), '--lang', 'en']),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: `lienthong: cannot write ${join(fileInTheWay, 'sub')}: part of the path is a file, not a folder (FILE_WRITE_FAILED)\n`,
    });
    expect(await runCli(['edxml', 'extract', VALID_DOCUMENT, '--lang', 'en'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: missing --out <dir>; see lienthong edxml extract --help (MISSING_ARGUMENT)\n',
    });
  });
});
