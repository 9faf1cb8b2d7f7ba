/**
 * The examples of README.md, run. Each test holds the code of one README example, with the generated test PKI
 * (test/pki.ts) standing in for real signers and a stubbed `fetch` standing in for the OCSP, CRL and TSA servers;
 * the bundled Vietnamese roots are loaded for real. The text samples of the README are compared with what the code
 * prints, and every name, sub-indication, result field and error code the README must document is looked for in
 * it, so the documentation cannot drift from the package unnoticed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createDocument, decodeAttachment, serializeEdxml } from '@lienthong/edxml';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPki, type TestPki } from '../test/pki';
import * as browserEntry from './browser';
import * as packageEntry from './index';
import {
  AttachmentResultSchema,
  addSignatureTimestamp,
  buildOcspRequest,
  cmsSignatureValue,
  createTimestampRequest,
  createTrustStore,
  FileResultSchema,
  formatVerificationText,
  InputErrorSchema,
  type PdfVerification,
  parseCertificate,
  type RevocationInputs,
  readTimestampResponse,
  SignatureError,
  type SignatureResult,
  SignatureResultSchema,
  SubIndicationSchema,
  signCmsAttached,
  signCmsDetached,
  signEdxml,
  type TrustStore,
  toVerificationReportJson,
  VerificationResultSchema,
  VIETNAMESE_ROOTS,
  verify,
  verifyCms,
  verifyFile,
  verifyPdf,
  verifyXmlSignature,
} from './index';
import { appendIncrement, PdfBuilder, streamBody } from './pdf/testkit';
import { Pkcs12Lab } from './pkcs12/test-support';
import { TsaLab } from './timestamp/testkit';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const SCHEMA = JSON.parse(
  readFileSync(new URL('../schema/verification-report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** The validation time of the examples ("now" for them): inside the test PKI's CRL window (2026-05-01 – 07-01). */
const NOW = new Date('2026-06-01T03:00:00Z');
const PASSWORD = 'Mật khẩu 123';
const TSA_URL = 'https://tsa.example.com/tsr';

/** The fenced block that follows `<!-- sample: name -->` in the README. */
function sample(name: string): string {
  const marker = `<!-- sample: ${name} -->`;
  const at = README.indexOf(marker);
  expect(at, `README has ${marker}`).toBeGreaterThanOrEqual(0);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!block) throw new Error(`no text block after ${marker}`);
  return block[1] as string;
}

/** What differs from one run to the next: the temporary folder, and the date of OCSP responses (made with the PKI). */
function stable(text: string, folder: string): string {
  return text.replaceAll(`${folder}/`, '').replace(/\(OCSP, \d\d\/\d\d\/\d{4}\)/g, '(OCSP, …)');
}

let pki: TestPki;
let dir: string;
let p12Lab: Pkcs12Lab;
let tsa: TsaLab;
/** The files the examples read, by the names the README gives them. */
const file = (name: string) => join(dir, name);
const text = (path: string) => readFileSync(path, 'utf8');

/** The network the examples reach through `fetch`: OCSP and CRL servers of the test PKI, and a TSA. */
function network(): typeof fetch {
  const parsed = (der: Uint8Array) => {
    const result = parseCertificate(der);
    if (!result.ok) throw new Error(result.reason.en);
    return result.certificate;
  };
  const intermediate = parsed(pki.intermediate.der);
  const askedFor = (leaf: Uint8Array) => Buffer.from(buildOcspRequest(parsed(leaf), intermediate));
  const routes: Record<string, (body: Uint8Array | undefined) => Uint8Array | undefined> = {
    // The rewritten host: the test leaves name http://ocsp.ca.ptc, as older VGCA certificates do.
    'http://ocsp.ca.gov.vn': (body) =>
      body && askedFor(pki.leaves.valid.der).equals(body) ? pki.ocsp.validByResponder.der : undefined,
    'http://ocsp.test.lienthong.vn/root': () => pki.ocsp.intermediateByRoot.der,
    'http://ca.test.lienthong.vn/crl/root.crl': () => pki.crls.root.der,
    'http://ca.test.lienthong.vn/crl/intermediate.crl': () => pki.crls.intermediate.der,
    [TSA_URL]: (body) => (body ? tsa.opensslReply(body) : undefined),
  };
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const body = init?.body instanceof Uint8Array ? init.body : undefined;
    const answer = routes[String(url)]?.(body);
    return answer ? new Response(answer) : new Response(null, { status: 404 });
  }) as typeof fetch;
}

beforeAll(() => {
  pki = createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'lienthong-readme-'));
  p12Lab = new Pkcs12Lab(pki);
  tsa = new TsaLab();
  // The files of the examples.
  writeFileSync(file('van-thu.key'), text(pki.leaves.organisation.keyPath));
  writeFileSync(file('van-thu.crt'), pki.leaves.organisation.pem);
  writeFileSync(file('ca-trung-gian.crt'), pki.intermediate.pem);
  writeFileSync(
    file('chu-ky.p12'),
    p12Lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate], password: PASSWORD }),
  );
  const person = {
    key: text(pki.leaves.valid.keyPath),
    certificate: pki.leaves.valid.pem,
    chain: [pki.intermediate.pem],
  };
  const seal = {
    key: text(file('van-thu.key')),
    certificate: pki.leaves.organisation.pem,
    chain: [pki.intermediate.pem],
  };
  const pdf = new PdfBuilder({ text: 'Cong van so 12/UBND-TH' })
    .sign({ ...person, signingTime: new Date('2026-05-15T02:30:00Z'), docMdp: 2, fieldName: 'NguoiKy' })
    .sign({ ...seal, signingTime: new Date('2026-05-15T02:45:00Z'), fieldName: 'DauCoQuan' })
    .bytes();
  writeFileSync(file('cong-van.pdf'), pdf);
  // The same PDF with its page text replaced in an incremental update after both signatures.
  writeFileSync(
    file('cong-van-sua.pdf'),
    appendIncrement(pdf, [{ num: 4, body: streamBody('BT /F1 18 Tf 72 760 Td (Cong van so 13/UBND-TH) Tj ET') }]),
  );
  writeFileSync(file('bao-cao.pdf'), new PdfBuilder({ text: 'Bao cao quy II/2026' }).bytes());
  writeFileSync(file('to-trinh.docx.p7m'), signCmsAttached(new TextEncoder().encode('Tờ trình số 7/TTr-UBND'), person));
  const unsigned = serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2026/05/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình triển khai dịch vụ công trực tuyến',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: 'cong-van.pdf', data: pdf }],
    }),
  );
  writeFileSync(file('cong-van.unsigned.edxml'), unsigned);
  writeFileSync(file('cong-van.edxml'), signEdxml(unsigned, seal));
}, 120_000);

afterAll(() => {
  p12Lab?.dispose();
  tsa?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs an example with `fetch` reaching the test servers, at NOW unless `realTime`. */
function environment(options: { realTime?: boolean } = {}): void {
  vi.stubGlobal('fetch', network());
  if (!options.realTime) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  }
}

/** README "Quick start": the trust store and the revocation hook, as written there. */
function quickStartSetup(): { trust: TrustStore; revocation: RevocationInputs } {
  const trust = createTrustStore({ vietnameseRoots: ['vgca-root-g2', 'vn-national-root'] });
  const revocation: RevocationInputs = {
    urlRewrites: { 'http://ocsp.ca.ptc': 'http://ocsp.ca.gov.vn' },
    fetch: async (url, kind, request) => {
      const response = await fetch(url, {
        ...(kind === 'ocsp'
          ? { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: request }
          : {}),
        signal: AbortSignal.timeout(10_000),
      });
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
  };
  // The bundled roots are the real ones; the signers of the examples chain to the test PKI's root instead.
  expect(trust.anchors.map((anchor) => anchor.fingerprintSha256)).toEqual([
    VIETNAMESE_ROOTS['vgca-root-g2'].sha256,
    VIETNAMESE_ROOTS['vn-national-root'].sha256,
  ]);
  return {
    trust: createTrustStore({ vietnameseRoots: ['vgca-root-g2', 'vn-national-root'], anchors: [pki.root.pem] }),
    revocation,
  };
}

describe('README: quick start', () => {
  it('verifies an envelope from the axis and prints the Vietnamese text shown in the README', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();

    const result = await verifyFile(file('cong-van.edxml'), { trust, revocation });
    const printed = formatVerificationText(result);

    expect(result.indication).toBe('TOTAL-PASSED');
    expect(stable(printed, dir)).toBe(stable(sample('quick-start'), dir));
    // Only the rewritten host answers OCSP requests for this signer.
    expect(printed).toContain('Nguyễn Văn A: chưa bị thu hồi (OCSP');
    // `verify` on bytes gives the same result.
    const fromBytes = await verify(readFileSync(file('cong-van.edxml')), {
      trust,
      revocation,
      subject: 'cong-van.edxml',
    });
    expect(fromBytes.indication).toBe('TOTAL-PASSED');
    expect(formatVerificationText(result, { lang: 'en' })).toContain('RESULT: VALID (TOTAL-PASSED)');
  });

  it('reads what was signed from the signed bytes, never from the input', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();

    const envelope = await verifyXmlSignature(readFileSync(file('cong-van.edxml')), { trust, revocation });
    const names: string[] = [];
    if (envelope.indication === 'TOTAL-PASSED' && envelope.signedMessage?.kind === 'document') {
      const message = envelope.signedMessage;
      expect(message.header.subject).toBe('V/v báo cáo tình hình triển khai dịch vụ công trực tuyến');
      expect(message.header.from.organId).toBe('000.00.00.H41');
      for (const attachment of message.attachments) {
        const decoded = decodeAttachment(attachment);
        if (decoded.ok) names.push(basename(decoded.name ?? 'tep-dinh-kem'));
        if (decoded.ok) expect(Buffer.from(decoded.data).equals(readFileSync(file('cong-van.pdf')))).toBe(true);
      }
    }
    expect(names).toEqual(['cong-van.pdf']);
    expect(envelope.signedBytes).toBeInstanceOf(Uint8Array);
    expect(envelope.signedXml).toContain('edXMLEnvelope');
    expect(envelope.signedXml).not.toContain('SignatureValue');

    // A changed envelope hands out nothing.
    const changed = text(file('cong-van.edxml')).replace('UBND tỉnh Nghệ An', 'UBND tỉnh Hà Tĩnh');
    const refused = await verifyXmlSignature(changed, { trust, revocation });
    expect([refused.indication, refused.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    expect(refused.signedMessage).toBeUndefined();
    expect(refused.signedBytes).toBeUndefined();
  });
});

describe('README: signing', () => {
  it('signs an envelope from PEM and from a .p12, and a detached CMS', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();
    const unsigned = readFileSync(file('cong-van.unsigned.edxml'), 'utf8');

    const signed = signEdxml(unsigned, {
      key: readFileSync(file('van-thu.key'), 'utf8'),
      certificate: readFileSync(file('van-thu.crt'), 'utf8'),
      chain: [readFileSync(file('ca-trung-gian.crt'), 'utf8')],
    });
    const fromP12 = signEdxml(unsigned, { pkcs12: readFileSync(file('chu-ky.p12')), password: 'Mật khẩu 123' });

    const report = readFileSync(file('bao-cao.pdf'));
    const p7s = signCmsDetached(report, { pkcs12: readFileSync(file('chu-ky.p12')), password: 'Mật khẩu 123' });
    writeFileSync(file('bao-cao.pdf.p7s'), p7s);

    for (const xml of [signed, fromP12]) {
      expect(xml.indexOf('<ds:Signature')).toBeGreaterThan(xml.indexOf('<edXML:edXMLHeader'));
      expect(xml.indexOf('<ds:Signature')).toBeLessThan(xml.indexOf('</edXML:edXMLHeader>'));
      expect((await verifyXmlSignature(xml, { trust, revocation })).indication).toBe('TOTAL-PASSED');
    }
    const cms = await verifyCms(p7s, { content: report, trust, revocation });
    expect(cms.indication).toBe('TOTAL-PASSED');
    expect(cms.signatures[0]?.signer?.subject.text).toContain('CN=Nguyễn Văn A');
  });

  it('adds a timestamp from a TSA (createTimestampRequest → TSA → readTimestampResponse → addSignatureTimestamp)', async () => {
    // `openssl ts -reply` stamps the real current time: the example runs at the real time.
    environment({ realTime: true });
    const { revocation } = quickStartSetup();
    const report = readFileSync(file('bao-cao.pdf'));
    const p7s = signCmsDetached(report, { pkcs12: readFileSync(file('chu-ky.p12')), password: 'Mật khẩu 123' });

    const request = createTimestampRequest(cmsSignatureValue(p7s));
    const reply = await fetch(TSA_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: request.request,
    });
    const response = readTimestampResponse(new Uint8Array(await reply.arrayBuffer()), request);
    if (!response.ok) throw new Error(response.message.vi);
    writeFileSync(file('bao-cao.pdf.p7s'), addSignatureTimestamp(p7s, response.token));

    // The TSA's root is a trust anchor too, and its certificate needs revocation data like a signer's.
    const trust = createTrustStore({ anchors: [pki.root.pem, tsa.certificate('root')] });
    const result = await verifyCms(readFileSync(file('bao-cao.pdf.p7s')), {
      content: report,
      trust,
      revocation: { ...revocation, crls: [tsa.crl] },
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    const signature = result.signatures[0];
    expect(signature?.signingTime.timestamp).toBeDefined();
    expect(signature?.checks.find((check) => check.id === 'timestamp.poe')?.passed).toBe(true);
  });
});

describe('README: verifying each format', () => {
  it('verifyPdf: per-signature details, coverage and changes after signing, as printed in the README', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    for (const name of ['cong-van.pdf', 'cong-van-sua.pdf']) {
      const pdf = await verifyPdf(readFileSync(file(name)), { trust, revocation });
      const verdict = (r: SignatureResult | PdfVerification) =>
        [r.indication, r.subIndication].filter(Boolean).join('/');
      log(`${name}: ${verdict(pdf)} (${pdf.revisions} revisions)`);
      pdf.signatures.forEach((signature, i) => {
        const details = pdf.details[i];
        log(`  ${details?.fieldName} (${details?.subFilter}, revision ${details?.revision}): ${verdict(signature)}`);
        log(`    ${signature.coverage?.kind}: ${signature.coverage?.description}`);
        for (const change of details?.changesAfterSigning ?? [])
          log(`    ${change.allowed ? 'allowed' : 'NOT ALLOWED'} ${change.kind}: ${change.detail}`);
      });
    }
    expect(`${lines.map((line) => line.trimEnd()).join('\n')}\n`).toBe(sample('pdf'));
  });

  it('verifyCms: detached, attached, and by content digest', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();
    const report = readFileSync(file('bao-cao.pdf'));
    writeFileSync(
      file('bao-cao.pdf.p7s'),
      signCmsDetached(report, { pkcs12: readFileSync(file('chu-ky.p12')), password: PASSWORD }),
    );

    const detached = await verifyCms(readFileSync(file('bao-cao.pdf.p7s')), {
      content: readFileSync(file('bao-cao.pdf')),
      trust,
      revocation,
    });
    const attached = await verifyCms(readFileSync(file('to-trinh.docx.p7m')), { trust, revocation });
    if (attached.indication === 'TOTAL-PASSED' && attached.signedContent)
      writeFileSync(file('to-trinh.docx'), attached.signedContent);

    async function hashFile(path: string, algorithm: string): Promise<Uint8Array> {
      const hash = createHash(algorithm);
      for await (const chunk of createReadStream(path)) hash.update(chunk);
      return hash.digest();
    }
    const byDigest = await verifyCms(readFileSync(file('bao-cao.pdf.p7s')), {
      contentDigest: (algorithm) => hashFile(file('bao-cao.pdf'), algorithm),
      trust,
      revocation,
    });

    expect([detached.indication, attached.indication, byDigest.indication]).toEqual([
      'TOTAL-PASSED',
      'TOTAL-PASSED',
      'TOTAL-PASSED',
    ]);
    expect(readFileSync(file('to-trinh.docx'), 'utf8')).toBe('Tờ trình số 7/TTr-UBND');
    expect(detached.signatures[0]?.coverage?.kind).toBe('detached-content');
    expect(attached.signatures[0]?.coverage?.kind).toBe('attached-content');
    expect(byDigest.signedContent).toBeUndefined();
    // Without its content a detached signature proves nothing.
    const alone = await verifyCms(readFileSync(file('bao-cao.pdf.p7s')), { trust, revocation });
    expect([alone.indication, alone.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
  });
});

describe('README: the JSON report', () => {
  it('is schemaVersion 1 and valid against the shipped JSON Schema', async () => {
    environment();
    const { trust, revocation } = quickStartSetup();
    const result = await verifyFile(file('cong-van.edxml'), { trust, revocation });
    const json = toVerificationReportJson([result], { pretty: true });

    const report = JSON.parse(json);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const valid = ajv.compile(SCHEMA);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary).toEqual({
      indication: 'TOTAL-PASSED',
      reports: 1,
      passed: 1,
      failed: 0,
      indeterminate: 0,
      errors: 0,
    });
    // Every key of the README's excerpt is a key of the real report.
    const excerpt = sample('json');
    for (const key of excerpt.matchAll(/"([A-Za-z]+)":/g)) expect(json).toContain(`"${key[1]}":`);
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./verification-report.schema.json']).toBe('./schema/verification-report.schema.json');
  });
});

describe('README: errors', () => {
  it('throws SignatureError for programmer errors only, with the codes the README lists', async () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof SignatureError) return error.code;
        throw error;
      }
      return undefined;
    };
    const unsigned = readFileSync(file('cong-van.unsigned.edxml'), 'utf8');
    expect(code(() => createTrustStore({ vietnameseRoots: ['vgca-root-g3' as 'vgca-root-g2'] }))).toBe(
      'UNKNOWN_TRUST_ANCHOR',
    );
    expect(code(() => signEdxml(unsigned, { pkcs12: readFileSync(file('chu-ky.p12')), password: 'sai' }))).toBe(
      'PKCS12_BAD_PASSWORD',
    );
    expect(code(() => signEdxml(unsigned, { key: text(file('van-thu.key')), certificate: pki.leaves.valid.pem }))).toBe(
      'KEY_UNUSABLE',
    );
    await expect(verify(new Uint8Array(0), {} as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Bad input is a result, not an exception.
    const garbage = await verify(new TextEncoder().encode('không phải chữ ký'), { trust: createTrustStore() });
    expect([garbage.indication, garbage.subIndication, garbage.format]).toEqual([
      'INDETERMINATE',
      'FORMAT_FAILURE',
      'unknown',
    ]);
    let caught: unknown;
    try {
      signEdxml(unsigned, { pkcs12: readFileSync(file('chu-ky.p12')), password: 'sai' });
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof SignatureError && caught.text?.vi).toMatch(/mật khẩu/i);
  });
});

describe('README: completeness', () => {
  /** Names imported in the README's TypeScript examples from `module`. */
  function importedNames(module: string): string[] {
    const names = new Set<string>();
    const pattern = new RegExp(`import \\{([^}]*)\\} from '${module.replace('/', '\\/')}'`, 'g');
    for (const match of README.matchAll(pattern))
      for (const part of (match[1] as string).split(','))
        if (part.trim() !== '' && !part.trim().startsWith('type ')) names.add(part.trim());
    return [...names];
  }

  it('imports only names the entries export', () => {
    const main = importedNames('@lienthong/signature');
    const browser = importedNames('@lienthong/signature/browser');
    expect(main.length).toBeGreaterThan(10);
    expect(browser.length).toBeGreaterThan(0);
    for (const name of main) expect(packageEntry, name).toHaveProperty(name);
    for (const name of browser) expect(browserEntry, name).toHaveProperty(name);
  });

  it('explains every sub-indication, every result field and every error code', () => {
    for (const subIndication of SubIndicationSchema.options) expect(README).toContain(`| \`${subIndication}\``);
    for (const schema of [
      SignatureResultSchema,
      FileResultSchema,
      VerificationResultSchema,
      AttachmentResultSchema,
      InputErrorSchema,
    ])
      for (const field of Object.keys(schema.shape)) expect(README, field).toContain(`\`${field}\``);
    const errors = readFileSync(new URL('./errors.ts', import.meta.url), 'utf8');
    const codes = [...errors.matchAll(/\| '([A-Z0-9_]+)'/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(8);
    for (const errorCode of codes) expect(README).toContain(`| \`${errorCode}\``);
    expect(README).toContain('## Benchmarks');
    for (const bench of ['(a) XMLDSig', '(b) CMS detached', '(c) PDF', '(d) 50 MB signed edXML'])
      expect(README).toContain(`| ${bench}`);
  });
});
