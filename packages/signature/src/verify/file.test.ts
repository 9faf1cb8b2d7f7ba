import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { VerificationResultSchema } from '../model/result';
import { FIXTURES as PDF_FIXTURES } from '../pdf/testkit';
import { verifyFile } from './file';
import { type Material, material } from './test-support';

let m: Material;
let directory: string;
beforeAll(() => {
  m = material();
  directory = mkdtempSync(join(tmpdir(), 'lienthong-verify-file-'));
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('verifyFile', () => {
  it('reads a file and verifies it by content; the subject is the path', async () => {
    const path = join(directory, 'khong-phai-pdf.txt'); // the name does not matter, the bytes do
    writeFileSync(path, m.signedPdf);
    const result = VerificationResultSchema.parse(await verifyFile(path, m.options));
    expect([result.subject, result.format, result.indication, result.error]).toEqual([
      path,
      'pdf',
      'TOTAL-PASSED',
      null,
    ]);
    const named = await verifyFile(path, { ...m.options, subject: 'cong-van.pdf' });
    expect(named.subject).toBe('cong-van.pdf');
  });

  it('reads a corpus fixture the same as verify() would', async () => {
    const result = await verifyFile(join(PDF_FIXTURES, 'signed-tampered.pdf'), m.options);
    expect([result.format, result.indication]).toEqual(['pdf', 'TOTAL-FAILED']);
  });

  it('turns I/O failures into results with a typed error, never exceptions', async () => {
    const missing = await verifyFile(join(directory, 'missing.pdf'), m.options);
    expect([missing.indication, missing.subIndication, missing.error?.code]).toEqual([
      'INDETERMINATE',
      null,
      'not-found',
    ]);
    expect(missing.message.vi).toContain('Không tìm thấy tệp');
    expect(missing.error?.detail).toContain('ENOENT');
    const throughFile = await verifyFile(join(directory, 'khong-phai-pdf.txt', 'x'), m.options);
    expect(throughFile.error?.code).toBe('not-found');
    const folder = await verifyFile(directory, m.options);
    expect([folder.error?.code, folder.format]).toEqual(['not-a-file', 'unknown']);
    for (const result of [missing, throughFile, folder]) VerificationResultSchema.parse(result);
  });

  it('does not open a FIFO (it would block): not a file', async () => {
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await verifyFile(fifo, m.options);
    expect(result.error?.code).toBe('not-a-file');
  });

  it('refuses a file over maxBytes from its size, before reading it', async () => {
    const path = join(directory, 'big.pdf');
    writeFileSync(path, m.signedPdf);
    const result = await verifyFile(path, { ...m.options, maxBytes: m.signedPdf.length - 1 });
    expect([result.error?.code, result.indication]).toEqual(['too-large', 'INDETERMINATE']);
    expect(result.message.en).toContain('is too large');
    const exact = await verifyFile(path, { ...m.options, maxBytes: m.signedPdf.length });
    expect(exact.indication).toBe('TOTAL-PASSED');
  });

  it('reports a permission failure as such (when not running as root)', async () => {
    const path = join(directory, 'locked.pdf');
    writeFileSync(path, m.signedPdf, { mode: 0o000 });
    const result = await verifyFile(path, m.options);
    if (process.getuid?.() === 0)
      expect(result.indication).toBe('TOTAL-PASSED'); // root reads anything
    else expect(result.error?.code).toBe('permission-denied');
  });

  it('throws SignatureError only for invalid arguments', async () => {
    await expect(verifyFile('', m.options)).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyFile(42 as unknown as string, m.options)).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyFile(join(directory, 'x'), undefined as never)).rejects.toBeInstanceOf(SignatureError);
  });
});

describe('the browser boundary', () => {
  it('keeps node: imports out of every verify module but file.ts, and the core never imports file.ts', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const modules = readdirSync(here).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'test-support.ts',
    );
    expect(modules).toContain('file.ts');
    for (const name of modules) {
      const source = readFileSync(join(here, name), 'utf8');
      if (name !== 'file.ts') {
        expect(source, name).not.toMatch(/from 'node:/);
        expect(source, name).not.toMatch(/from '\.\/file'/);
      }
    }
  });
});
