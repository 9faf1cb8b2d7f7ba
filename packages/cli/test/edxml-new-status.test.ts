import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTrustStore, verifyXmlSignature } from '@lienthong/signature';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli';
import { createTestSigner, NOT_XML, type TestSigner, temporaryDirectory, VALID_STATUS } from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let directory: string;
let signer: TestSigner;
let pdfPath: string;

beforeAll(() => {
  directory = temporaryDirectory();
  signer = createTestSigner(directory);
  pdfPath = join(directory, '12-UBND-TH.pdf');
  writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
});

const DOCUMENT_OPTIONS = [
  '--from',
  '000.00.00.H41=UBND tỉnh Nghệ An',
  '--to',
  '000.00.00.G22=Văn phòng Chính phủ',
  '--to',
  '000.00.01.H41',
  '--code',
  '12/UBND-TH',
  '--subject',
  'V/v báo cáo tình hình triển khai',
  '--type',
  '1=Công văn',
  '--date',
  '2025/01/15',
  '--place',
  'Nghệ An',
  '--signer',
  'Nguyễn Văn A',
];

async function expectValidEnvelope(path: string): Promise<void> {
  execFileSync('xmllint', ['--noout', path]);
  const validation = await runCli(['edxml', 'validate', path, '--strict', '--format', 'json']);
  expect(validation.code, validation.stdout).toBe(0);
}

async function verifySignature(path: string): Promise<string> {
  const verification = await verifyXmlSignature(readFileSync(path), {
    trust: createTrustStore({ anchors: [readFileSync(signer.certificatePath, 'utf8')] }),
    revocationPolicy: 'skip',
  });
  return verification.indication;
}

describe('lienthong edxml new', () => {
  it('writes a document that passes edxml validate --strict and xmllint; the inspect output shows what was asked', async () => {
    const out = join(directory, 'new.edxml');
    const run = await runCli(['edxml', 'new', ...DOCUMENT_OPTIONS, '--attach', pdfPath, '--out', out, '--lang', 'en']);
    expect(run).toEqual({ code: 0, stdout: `Wrote ${out}\n`, stderr: '' });
    await expectValidEnvelope(out);
    const inspected = JSON.parse((await runCli(['edxml', 'inspect', out, '--format', 'json'])).stdout);
    expect(inspected.header).toMatchObject({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      documentId: '000.00.00.H41,2025/01/15,12/UBND-TH',
      code: '12/UBND-TH',
      subject: 'V/v báo cáo tình hình triển khai',
      documentType: 'Công văn',
      promulgationPlace: 'Nghệ An',
      promulgationDate: '2025/01/15',
      signer: 'Nguyễn Văn A',
    });
    expect(inspected.recipients).toEqual([
      { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
      { organId: '000.00.01.H41' },
    ]);
    expect(inspected.attachments).toEqual([
      expect.objectContaining({
        name: '12-UBND-TH.pdf',
        contentType: 'application/pdf',
        detectedType: 'pdf',
        size: 77,
      }),
    ]);
    expect(inspected.signed).toBe(false);
  });

  it('without --out the envelope goes to stdout', async () => {
    const run = await runCli(['edxml', 'new', ...DOCUMENT_OPTIONS]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    expect(run.stdout).toContain('<edXML:Subject>V/v báo cáo tình hình triển khai</edXML:Subject>');
  });

  it('signs with --key/--cert: the signature verifies', async () => {
    const out = join(directory, 'signed-pem.edxml');
    const run = await runCli([
      'edxml',
      'new',
      ...DOCUMENT_OPTIONS,
      '--attach',
      pdfPath,
      '--out',
      out,
      '--key',
      signer.keyPath,
      '--cert',
      signer.certificatePath,
    ]);
    expect(run).toEqual({ code: 0, stdout: `Đã ghi ${out}, đã ký số\n`, stderr: '' });
    await expectValidEnvelope(out);
    expect(await verifySignature(out)).toBe('TOTAL-PASSED');
  });

  it('signs with --p12, the password from LIENTHONG_P12_PASSWORD', async () => {
    const out = join(directory, 'signed-p12.edxml');
    const run = await runCli(['edxml', 'new', ...DOCUMENT_OPTIONS, '--out', out, '--p12', signer.p12Path], {
      env: { LIENTHONG_P12_PASSWORD: signer.p12Password },
    });
    expect(run.code).toBe(0);
    await expectValidEnvelope(out);
    expect(await verifySignature(out)).toBe('TOTAL-PASSED');
  });

  it('usage errors are one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [
        ['--from', '000.00.00.H41', '--code', '1/A', '--subject', 'x'],
        'lienthong: missing --to; see lienthong edxml new --help (MISSING_ARGUMENT)',
      ],
      [
        ['--from', '000.00.00.H41', '--to', '000.00.00.G22', '--code', '12', '--subject', 'x'],
        'lienthong: --code must be NUMBER/NOTATION (e.g. 12/UBND-TH), not "12" (INVALID_OPTION_VALUE)',
      ],
      [
        [...DOCUMENT_OPTIONS, '--date', '15/01/2025'],
        'lienthong: --date must be yyyy/MM/dd (e.g. 2025/01/15), not "15/01/2025" (INVALID_OPTION_VALUE)',
      ],
      [[...DOCUMENT_OPTIONS, '--attach', 'missing.pdf'], 'lienthong: file not found: missing.pdf (FILE_NOT_FOUND)'],
      [[...DOCUMENT_OPTIONS, '--key', 'k.pem'], 'lienthong: --key and --cert go together (MISSING_ARGUMENT)'],
      [
        [...DOCUMENT_OPTIONS, '--p12', 'x.p12'],
        'lienthong: missing the .p12 password: --password or the LIENTHONG_P12_PASSWORD variable (MISSING_ARGUMENT)',
      ],
    ];
    cases.push(
      [
        ['--from', '000.00.00.H41', '--to', '000.00.00.G22', '--code', '1/A', '--subject', 'a\u0001b'],
        'lienthong: cannot build the envelope: a value holds a control character XML cannot carry (INVALID_OPTION_VALUE)',
      ],
      [
        [...DOCUMENT_OPTIONS, '--out', '/nonexistent-lienthong-dir/x.edxml'],
        'lienthong: cannot write /nonexistent-lienthong-dir/x.edxml: its folder does not exist (FILE_WRITE_FAILED)',
      ],
    );
    for (const [args, line] of cases) {
      const run = await runCli(['edxml', 'new', ...args, '--lang', 'en']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: `${line}\n` });
    }
  });

  it('a wrong .p12 password: one line, exit 2', async () => {
    const run = await runCli([
      'edxml',
      'new',
      ...DOCUMENT_OPTIONS,
      '--p12',
      signer.p12Path,
      '--password',
      'sai',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lienthong: cannot sign: .+ \(SIGNING_FAILED\)\n$/);
  });

  it('an envelope that would be invalid is not written: the report on stderr, exit 1', async () => {
    const out = join(directory, 'invalid.edxml');
    const run = await runCli([
      'edxml',
      'new',
      ...DOCUMENT_OPTIONS,
      '--date',
      '2025/02/30',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('EDXML-HDR-012');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('lienthong edxml status', () => {
  let document: string;
  beforeAll(async () => {
    document = join(directory, 'to-answer.edxml');
    expect((await runCli(['edxml', 'new', ...DOCUMENT_OPTIONS, '--out', document])).code).toBe(0);
  });

  it('writes a valid 03 reply from the first recipient, answering the document', async () => {
    const out = join(directory, 'status-03.edxml');
    const run = await runCli(['edxml', 'status', '--reply-to', document, '--code', '03', '--out', out, '-q']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    await expectValidEnvelope(out);
    const inspected = JSON.parse((await runCli(['edxml', 'inspect', out, '--format', 'json'])).stdout);
    expect(inspected).toMatchObject({
      kind: 'status',
      header: {
        from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
        responseFor: [{ documentId: '000.00.00.H41,2025/01/15,12/UBND-TH' }],
      },
      status: { code: '03', label: { vi: 'Đã tiếp nhận', en: 'Accepted' }, description: 'Đã tiếp nhận' },
    });
  });

  it('a signed 02 rejection with its reason and another sender', async () => {
    const out = join(directory, 'status-02.edxml');
    const run = await runCli([
      'edxml',
      'status',
      '--reply-to',
      document,
      '--code',
      '02',
      '--description',
      'Sai thẩm quyền',
      '--from',
      '000.00.01.H41',
      '--out',
      out,
      '--key',
      signer.keyPath,
      '--cert',
      signer.certificatePath,
    ]);
    expect(run.code).toBe(0);
    await expectValidEnvelope(out);
    expect(await verifySignature(out)).toBe('TOTAL-PASSED');
    const inspected = JSON.parse((await runCli(['edxml', 'inspect', out, '--format', 'json'])).stdout);
    expect(inspected.header.from).toEqual({ organId: '000.00.01.H41' });
    expect(inspected.status.description).toBe('Sai thẩm quyền');
  });

  it('exit 1 when --reply-to is not a document (a status, not XML); exit 2 for usage errors', async () => {
    for (const file of [VALID_STATUS, NOT_XML]) {
      const run = await runCli(['edxml', 'status', '--reply-to', file, '--code', '03', '--lang', 'en']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `lienthong: ${file} is not a readable edXML document; see lienthong edxml validate ${file} (NOT_EDXML_DOCUMENT)\n`,
      );
    }
    const cases: [string[], string][] = [
      [
        ['--reply-to', document, '--code', '07'],
        'lienthong: --code must be one of 01, 02, 03, 04, 05, 06, 13, 15, 16, not "07" (INVALID_OPTION_VALUE)',
      ],
      [
        ['--reply-to', document, '--code', '13'],
        'lienthong: status 13 (Retrieval requested) needs --description giving the reason (MISSING_ARGUMENT)',
      ],
      [['--code', '03'], 'lienthong: missing --reply-to; see lienthong edxml status --help (MISSING_ARGUMENT)'],
      [['--reply-to', 'missing.edxml', '--code', '03'], 'lienthong: file not found: missing.edxml (FILE_NOT_FOUND)'],
    ];
    for (const [args, line] of cases) {
      const run = await runCli(['edxml', 'status', ...args, '--lang', 'en']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: `${line}\n` });
    }
  });
});
