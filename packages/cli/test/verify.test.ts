/*
 * `lienthong verify`, run as the built binary. The signed material is made at test time with the signature
 * package's throw-away test PKI (openssl) and its signing functions: an edXML envelope carrying a signed PDF and a
 * detached CMS, a signed PDF, a detached CMS — each valid, tampered, or verified without a trust anchor.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCmsDetached, signEdxml } from '@lienthong/signature';
import verificationReportSchema from '@lienthong/signature/verification-report.schema.json' with { type: 'json' };
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PdfBuilder } from '../../signature/src/pdf/testkit';
import { envelope } from '../../signature/src/verify/test-support';
import { createTestPki, type TestPki } from '../../signature/test/pki';
import { runCli } from './run-cli';

// Each test starts the binary one or more times; a loaded machine can take seconds per start.
vi.setConfig({ testTimeout: 60_000 });

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateReport = ajv.compile(verificationReportSchema);

/** Parses stdout as a verification report and checks it against the shipped JSON Schema. */
function report(stdout: string) {
  const json = JSON.parse(stdout);
  const valid = validateReport(json);
  expect(validateReport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return json;
}

// TEST_PKI_AT (2026-06-01T00:00:00Z), written in Vietnam time without a zone.
const AT = ['--at', '2026-06-01T07:00:00'];
const SIGNING_TIME = new Date('2026-05-15T03:00:00Z');

let pki: TestPki;
let dir: string;
let trust: string[];
let revocation: string[];

beforeAll(() => {
  pki = createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'lienthong-cli-verify-'));
  trust = ['--trust', pki.root.certificatePath];
  revocation = ['--crl', pki.crls.root.path, '--crl', pki.crls.intermediate.derPath];
  const signer = {
    key: readFileSync(pki.leaves.valid.keyPath, 'utf8'),
    certificate: pki.leaves.valid.pem,
    chain: [pki.intermediate.pem],
  };
  const pdf = new PdfBuilder({ text: 'Cong van so 12/UBND-TH' })
    .sign({ ...signer, signingTime: SIGNING_TIME, reason: 'Ky ban hanh' })
    .bytes();
  const text = new TextEncoder().encode('Báo cáo tình hình triển khai dịch vụ công trực tuyến quý II/2026.\n');
  const p7s = signCmsDetached(text, { ...signer, signingTime: SIGNING_TIME });
  const document = envelope([
    { name: 'cong-van.pdf', data: pdf },
    { name: 'bao-cao.txt', data: text },
    { name: 'bao-cao.txt.p7s', data: p7s },
  ]);
  const signed = signEdxml(document, signer);
  const tamperedPdf = new Uint8Array(pdf);
  const at = Buffer.from(pdf).indexOf('Cong van so 12');
  tamperedPdf.set(new TextEncoder().encode('Cong van so 13'), at);
  writeFileSync(join(dir, 'cong-van.edxml'), signed);
  writeFileSync(join(dir, 'cong-van-sua.edxml'), signed.replace('V/v báo cáo tình hình', 'V/v báo cáo tình trạng'));
  writeFileSync(join(dir, 'cong-van.pdf'), pdf);
  writeFileSync(join(dir, 'cong-van-sua.pdf'), tamperedPdf);
  writeFileSync(join(dir, 'bao-cao.txt'), text);
  writeFileSync(join(dir, 'bao-cao.txt.p7s'), p7s);
  // The same signature without the intermediate CA inside: it must come from --certs.
  writeFileSync(
    join(dir, 'khong-kem-ca.p7s'),
    signCmsDetached(text, { ...signer, chain: [], signingTime: SIGNING_TIME }),
  );
  writeFileSync(join(dir, 'ghi-chu.txt'), 'Không có chữ ký.\n');
}, 180_000);

const verify = (...args: string[]) => runCli(['verify', ...args], { cwd: dir });

describe('lienthong verify: exit codes and the JSON report', () => {
  it('exit 0: an edXML envelope and its attachments, all TOTAL-PASSED under --trust', async () => {
    const run = await verify('cong-van.edxml', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = report(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.generator.name).toBe('@lienthong/cli');
    expect(json.summary).toEqual({
      indication: 'TOTAL-PASSED',
      reports: 1,
      passed: 1,
      failed: 0,
      indeterminate: 0,
      errors: 0,
    });
    const [file] = json.reports;
    expect(file).toMatchObject({
      subject: 'cong-van.edxml',
      format: 'edxml',
      indication: 'TOTAL-PASSED',
      subIndication: null,
    });
    expect(file.validatedAt).toBe('2026-06-01T00:00:00.000Z');
    const [signature] = file.signatures;
    expect(signature).toMatchObject({ format: 'xmldsig', indication: 'TOTAL-PASSED', subIndication: null });
    expect(signature.signer.commonName).toBe('Nguyễn Văn A');
    expect(signature.signer.identifiers.map((id: { type: string }) => id.type)).toEqual(
      expect.arrayContaining(['MST', 'CCCD', 'MNS']),
    );
    expect(signature.signingTime.validatedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(signature.coverage.kind).toBe('whole-document');
    expect(file.attachments.map((a: { name: string; status: string }) => [a.name, a.status])).toEqual([
      ['cong-van.pdf', 'verified'],
      ['bao-cao.txt', 'not-applicable'],
      ['bao-cao.txt.p7s', 'verified'],
    ]);
    expect(file.attachments[0].result.format).toBe('pdf');
    expect(file.attachments[0].result.indication).toBe('TOTAL-PASSED');
    expect(file.attachments[2].result.format).toBe('cms');
  });

  it('exit 1: an envelope changed after signing is TOTAL-FAILED/HASH_FAILURE', async () => {
    const run = await verify('cong-van-sua.edxml', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(run.code).toBe(1);
    const [file] = report(run.stdout).reports;
    expect([file.indication, file.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
  });

  it('exit 3: without a trust anchor the signature is INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const run = await verify('cong-van.pdf', ...revocation, ...AT, '--format', 'json');
    expect(run.code).toBe(3);
    const [file] = report(run.stdout).reports;
    expect(file).toMatchObject({
      format: 'pdf',
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
  });

  it('exit 0 for a signed PDF and 1 for the same PDF with its page text changed', async () => {
    const valid = await verify('cong-van.pdf', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(valid.code).toBe(0);
    const [file] = report(valid.stdout).reports;
    expect(file).toMatchObject({ format: 'pdf', indication: 'TOTAL-PASSED' });
    expect(file.signatures).toHaveLength(1);
    expect(file.signatures[0].signingTime.claimed).toBe('2026-05-15T03:00:00.000Z');

    const tampered = await verify('cong-van-sua.pdf', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(tampered.code).toBe(1);
    const [changed] = report(tampered.stdout).reports;
    expect([changed.indication, changed.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
  });

  it('a detached CMS verifies with --detached (exit 0) and is SIGNED_DATA_NOT_FOUND without it (exit 3)', async () => {
    const withContent = await verify(
      'bao-cao.txt.p7s',
      '--detached',
      'bao-cao.txt',
      ...trust,
      ...revocation,
      ...AT,
      '--format',
      'json',
    );
    expect(withContent.code).toBe(0);
    const [file] = report(withContent.stdout).reports;
    expect(file).toMatchObject({ format: 'cms', indication: 'TOTAL-PASSED' });
    expect(file.signatures[0].coverage.kind).toBe('detached-content');

    const without = await verify('bao-cao.txt.p7s', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(without.code).toBe(3);
    expect(report(without.stdout).reports[0].subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('--revocation skip: no CRL needed; the default (require) without revocation data is TRY_LATER (exit 3)', async () => {
    const skip = await verify('cong-van.pdf', ...trust, ...AT, '--revocation', 'skip', '--format', 'json');
    expect(skip.code).toBe(0);
    const required = await verify('cong-van.pdf', ...trust, ...AT, '--format', 'json');
    expect(required.code).toBe(3);
    expect(report(required.stdout).reports[0].subIndication).toBe('TRY_LATER');
  });

  it('--ocsp responses stand in for CRLs; --certs supplies an intermediate the signature lacks', async () => {
    const ocsp = ['--ocsp', pki.ocsp.validByResponder.path, '--ocsp', pki.ocsp.intermediateByRoot.path];
    const byOcsp = await verify('cong-van.pdf', ...trust, ...ocsp, ...AT, '--format', 'json');
    expect(byOcsp.code).toBe(0);
    const [signature] = report(byOcsp.stdout).reports[0].signatures;
    expect(
      signature.revocation.map((entry: { source: string; status: string }) => [entry.source, entry.status]),
    ).toEqual([
      ['ocsp', 'good'],
      ['ocsp', 'good'],
    ]);

    const detached = ['--detached', 'bao-cao.txt', ...trust, ...revocation, ...AT, '--format', 'json'];
    const lacking = await verify('khong-kem-ca.p7s', ...detached);
    expect(lacking.code).toBe(3);
    expect(report(lacking.stdout).reports[0].subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const supplied = await verify('khong-kem-ca.p7s', ...detached, '--certs', pki.intermediate.certificatePath);
    expect(supplied.code).toBe(0);
    const chain = report(supplied.stdout).reports[0].signatures[0].chain;
    expect(chain.map((entry: { source: string }) => entry.source)).toEqual(['embedded', 'supplied', 'trust-anchor']);
  });

  it('--trust-vn-roots trusts the bundled Vietnamese roots only: the test PKI does not chain to them (exit 3)', async () => {
    const run = await verify('cong-van.pdf', '--trust-vn-roots', ...revocation, ...AT, '--format', 'json');
    expect(run.code).toBe(3);
    expect(report(run.stdout).reports[0].subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const both = await verify('cong-van.pdf', '--trust-vn-roots', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(both.code).toBe(0);
  });

  it('a file that is no signature format is INDETERMINATE/FORMAT_FAILURE (exit 3)', async () => {
    const run = await verify('ghi-chu.txt', ...trust, ...AT, '--format', 'json');
    expect(run.code).toBe(3);
    expect(report(run.stdout).reports[0]).toMatchObject({
      format: 'unknown',
      indication: 'INDETERMINATE',
      subIndication: 'FORMAT_FAILURE',
    });
  });

  it('exit 2: a missing file is one line on stderr and, in JSON, a report with its error', async () => {
    const run = await verify('khong-co.pdf', ...trust, ...AT, '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toBe('lienthong: Không tìm thấy tệp «khong-co.pdf» (FILE_NOT_FOUND)\n');
    const json = report(run.stdout);
    expect(json.summary).toMatchObject({ indication: 'INDETERMINATE', reports: 1, errors: 1 });
    expect(json.reports[0]).toMatchObject({
      subject: 'khong-co.pdf',
      indication: 'INDETERMINATE',
      subIndication: null,
    });
    expect(json.reports[0].error.code).toBe('not-found');
  });

  it('several files: one report each, in order; the exit code is 2 when one could not be read', async () => {
    const run = await verify(
      'cong-van.pdf',
      'khong-co.pdf',
      'cong-van-sua.pdf',
      ...trust,
      ...revocation,
      ...AT,
      '--format',
      'json',
    );
    expect(run.code).toBe(2);
    const json = report(run.stdout);
    expect(json.reports.map((r: { subject: string; indication: string }) => [r.subject, r.indication])).toEqual([
      ['cong-van.pdf', 'TOTAL-PASSED'],
      ['khong-co.pdf', 'INDETERMINATE'],
      ['cong-van-sua.pdf', 'TOTAL-FAILED'],
    ]);
    expect(json.summary).toMatchObject({
      indication: 'TOTAL-FAILED',
      reports: 3,
      passed: 1,
      failed: 1,
      indeterminate: 1,
      errors: 1,
    });
  });

  it('several files without an unreadable one: the worst indication decides (TOTAL-FAILED → 1)', async () => {
    const run = await verify(
      'cong-van.pdf',
      'cong-van-sua.pdf',
      'ghi-chu.txt',
      ...trust,
      ...revocation,
      ...AT,
      '--format',
      'json',
    );
    expect(run.code).toBe(1);
    expect(report(run.stdout).reports).toHaveLength(3);
  });

  it('globs are expanded by the CLI, matches sorted', async () => {
    const run = await verify('cong-van*.pdf', ...trust, ...revocation, ...AT, '--format', 'json');
    expect(run.code).toBe(1);
    expect(report(run.stdout).reports.map((r: { subject: string }) => r.subject)).toEqual([
      'cong-van-sua.pdf',
      'cong-van.pdf',
    ]);
  });
});

describe('lienthong verify: text and JUnit', () => {
  it('text in Vietnamese by default, without colour when stdout is not a TTY', async () => {
    const run = await verify('cong-van.edxml', ...trust, ...revocation, ...AT);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('KẾT QUẢ: HỢP LỆ (TOTAL-PASSED) — cong-van.edxml');
    expect(lines[1]).toBe('Định dạng: phong bì edXML (QCVN 102:2016)');
    expect(lines[2]).toBe('Thời điểm kiểm tra: 01/06/2026 07:00:00 (giờ Việt Nam)');
    expect(run.stdout).toContain('  Người ký: Nguyễn Văn A — UBND tỉnh Nghệ An\n');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('--lang en gives English text; --quiet one verdict line per file', async () => {
    const english = await verify('cong-van-sua.pdf', ...trust, ...revocation, ...AT, '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.stdout.split('\n')[0]).toBe('RESULT: INVALID (TOTAL-FAILED/HASH_FAILURE) — cong-van-sua.pdf');

    const quiet = await verify('cong-van.pdf', 'cong-van-sua.pdf', ...trust, ...revocation, ...AT, '--quiet');
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe(
      'KẾT QUẢ: HỢP LỆ (TOTAL-PASSED) — cong-van.pdf\nKẾT QUẢ: KHÔNG HỢP LỆ (TOTAL-FAILED/HASH_FAILURE) — cong-van-sua.pdf\n',
    );
  });

  it('colour on a forced-colour terminal for text, never for JSON', async () => {
    const text = await runCli(['verify', 'cong-van.pdf', ...trust, ...revocation, ...AT], {
      cwd: dir,
      env: { FORCE_COLOR: '1' },
    });
    expect(text.stdout.split('\n')[0]).toBe('\u001b[32mKẾT QUẢ: HỢP LỆ (TOTAL-PASSED) — cong-van.pdf\u001b[39m');
    const json = await runCli(['verify', 'cong-van.pdf', ...trust, ...revocation, ...AT, '--format', 'json'], {
      cwd: dir,
      env: { FORCE_COLOR: '1' },
    });
    expect(json.stdout).not.toContain('\u001b[');
    report(json.stdout);
  });

  it('JUnit: one testsuite per file, one testcase per signature (attachments included)', async () => {
    const run = await verify(
      'cong-van.edxml',
      'cong-van-sua.pdf',
      'khong-co.pdf',
      ...trust,
      ...revocation,
      ...AT,
      '--format',
      'junit',
    );
    expect(run.code).toBe(2);
    const xml = run.stdout;
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lienthong verify" tests="5" failures="1" errors="1">',
      ),
    ).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="cong-van.edxml" tests="3" failures="0" errors="0"');
    expect(xml).toContain('name="chữ ký 1/1 (xmldsig) — Nguyễn Văn A"/>');
    expect(xml).toContain('name="tệp đính kèm 1 cong-van.pdf: chữ ký 1/1 (pdf) — Nguyễn Văn A"/>');
    expect(xml).toContain('name="tệp đính kèm 3 bao-cao.txt.p7s: chữ ký 1/1 (cms) — Nguyễn Văn A"/>');
    expect(xml).toContain('<testsuite name="cong-van-sua.pdf" tests="1" failures="1" errors="0"');
    expect(xml).toContain('<failure type="TOTAL-FAILED/HASH_FAILURE"');
    expect(xml).toContain('<testsuite name="khong-co.pdf" tests="1" failures="0" errors="1"');
    expect(xml).toMatch(
      /<testcase classname="khong-co\.pdf" name="tệp">\n {6}<error type="INDETERMINATE" message="[^"]*khong-co\.pdf/,
    );
  });
});

describe('lienthong verify: usage errors (exit 2, one line, no stack trace)', () => {
  const usage: [string, string[], RegExp][] = [
    ['no file', [], /\(MISSING_ARGUMENT\)\n$/],
    ['an unknown format', ['cong-van.pdf', '--format', 'xml'], /--format .*xml.* \(INVALID_OPTION_VALUE\)\n$/],
    ['an invalid --at', ['cong-van.pdf', '--at', '2026-02-30'], /--at «2026-02-30» .* \(INVALID_OPTION_VALUE\)\n$/],
    [
      'an invalid --revocation',
      ['cong-van.pdf', '--revocation', 'never'],
      /--revocation «never» .* \(INVALID_OPTION_VALUE\)\n$/,
    ],
    ['--detached with two files', ['a.p7s', 'b.p7s', '--detached', 'bao-cao.txt'], /--detached .* \(USAGE\)\n$/],
    ['a missing --trust file', ['cong-van.pdf', '--trust', 'khong-co.pem'], /khong-co\.pem \(FILE_NOT_FOUND\)\n$/],
    [
      'a --trust file that is no certificate',
      ['cong-van.pdf', '--trust', 'ghi-chu.txt'],
      /--trust .* \(FILE_UNREADABLE\)\n$/,
    ],
    ['a missing --crl file', ['cong-van.pdf', '--crl', 'khong-co.crl'], /khong-co\.crl \(FILE_NOT_FOUND\)\n$/],
    [
      'a missing --detached file',
      ['bao-cao.txt.p7s', '--detached', 'khong-co.txt'],
      /khong-co\.txt \(FILE_NOT_FOUND\)\n$/,
    ],
    ['an unknown option', ['cong-van.pdf', '--trusted', 'x'], /\(UNKNOWN_OPTION\)\n$/],
  ];
  for (const [name, args, message] of usage) {
    it(name, async () => {
      const run = await verify(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toMatch(/^lienthong: /);
      expect(run.stderr).toMatch(message);
    });
  }

  it('--debug adds the stack trace', async () => {
    const run = await verify('cong-van.pdf', '--at', 'hôm qua', '--debug');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lienthong: --at «hôm qua» .*\n.*CliError/s);
  });

  it('--help lists the options with examples (exit 0)', async () => {
    const run = await verify('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--trust-vn-roots');
    expect(run.stdout).toContain('lienthong verify cong-van.edxml --trust-vn-roots --crl cpcag2.crl');
    const english = await verify('--help', '--lang', 'en');
    expect(english.stdout).toContain('Verify the digital signatures of edXML/XML, PDF and CMS');
  });
});
