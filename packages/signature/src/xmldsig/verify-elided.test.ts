/*
 * verifyXmlSignature reads long plain text runs without putting them in the DOM (elided-text.ts). These tests
 * check that this reading and the whole-DOM reading give the same verification — indication, checks, messages,
 * signed bytes and message — on the fixtures, on generated documents signed by xml-crypto with each allowed
 * canonicalization, on large edXML envelopes, and on envelopes signed by xmlsec1.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument, parseEdxml, serializeEdxml } from '@lienthong/edxml';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { createTrustStore, type TrustStore } from '../pkix';
import { C14N, C14N_WITH_COMMENTS, ENVELOPED_SIGNATURE, EXC_C14N, EXC_C14N_WITH_COMMENTS } from './algorithms';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './document';
import { isElidedXml, readXmlEliding } from './elided-text';
import { signEdxml } from './sign';
import { type Credential, fixture, hasCommand, TestPki, xmlsec1, xmlsecTemplate } from './test-support';
import {
  type VerifyXmlSignatureOptions,
  verifyXmlSignature,
  verifyXmlSignatureReading,
  type XmlSignatureVerification,
} from './verify';
import { randomDocument } from './xml-arbitrary';

const LIMITS = { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH };
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const AT = new Date('2027-01-01T00:00:00Z');

/** Everything a caller can read from a verification, with the lazy views computed. */
function observable(result: XmlSignatureVerification) {
  return {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    signatures: result.signatures,
    signedXml: result.signedXml,
    signedBytes:
      result.signedBytes === undefined ? undefined : createHash('sha256').update(result.signedBytes).digest('hex'),
    signedReferences: result.signedReferences,
    signedMessage: result.signedMessage,
  };
}

/** Verifies through the whole DOM and through the skeleton (every plain run elided, and the default). */
async function expectSameVerification(
  xml: string | Uint8Array,
  options: VerifyXmlSignatureOptions,
): Promise<XmlSignatureVerification> {
  const whole = await verifyXmlSignatureReading(xml, options, 'whole-dom');
  const everyRun = await verifyXmlSignatureReading(xml, options, { minElidedBytes: 1 });
  const byDefault = await verifyXmlSignature(xml, options);
  const expected = observable(whole);
  expect(observable(everyRun)).toEqual(expected);
  expect(observable(byDefault)).toEqual(expected);
  if (whole.signedXml !== undefined)
    expect(Buffer.from(whole.signedBytes as Uint8Array).toString('utf8')).toBe(whole.signedXml);
  return everyRun;
}

function elidedRuns(xml: string | Uint8Array, minElidedBytes?: number): number {
  const read = readXmlEliding(xml, LIMITS, minElidedBytes === undefined ? {} : { minElidedBytes });
  return isElidedXml(read) ? (read.elided?.runs.length ?? 0) : 0;
}

let pki: TestPki;
let signer: Credential;
let trust: TrustStore;
/**
 * One validation time for every reading of a document (messages quote it), taken a minute after the
 * certificate is made: openssl rounds its notBefore up to the next second.
 */
let NOW: Date;

beforeAll(() => {
  pki = new TestPki();
  signer = pki.selfSigned('elided-signer', '/C=VN/O=Sở Thông tin và Truyền thông/CN=Văn thư/UID=MST:0101234567');
  trust = createTrustStore({ anchors: [signer.certificate] });
  NOW = new Date(Date.now() + 60_000);
});
afterAll(() => pki?.dispose());

function envelope(attachment: Buffer, subject = 'V/v thử nghiệm văn bản lớn'): string {
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject,
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [
        { name: 'cong-van.pdf', data: attachment },
        { name: 'phu-luc.pdf', data: Buffer.from('%PDF-1.4\n% phụ lục\n%%EOF\n') },
      ],
    }),
  );
}

function pdfOf(size: number): Buffer {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 2654435761) >>> 24;
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), body, Buffer.from('\n%%EOF\n')]);
}

describe('the skeleton reading and the whole-DOM reading agree', () => {
  it('on the signed fixtures, whatever the options', async () => {
    const generated = fixture('generated/edxml-like-enveloped-rsa-sha256.xml');
    const generatedTrust = createTrustStore({ anchors: [fixture('generated/test-signer-selfsigned.pem')] });
    for (const at of [AT, new Date('2026-06-01T00:00:00Z')])
      await expectSameVerification(generated, { trust: generatedTrust, at });
    const vectors: [string, string][] = [
      ['valid_signature.xml', 'client_public.pem'],
      ['valid_signature_utf8.xml', 'client_public.pem'],
      ['invalid_signature-changed_content.xml', 'client_public.pem'],
      ['invalid_signature-signature_value.xml', 'client_public.pem'],
      ['valid_saml_signature_wrapping.xml', 'feide_public.pem'],
      ['valid_saml_with_digest_comment.xml', 'feide_public.pem'],
      ['saml_multiple_signed_info_nodes.xml', 'feide_public.pem'],
      ['saml_wrapped_signed_info_node.xml', 'feide_public.pem'],
    ];
    for (const [name, pem] of vectors)
      for (const extra of [{}, { allowSha1: true, coverage: { allowIdReferences: true } } as const])
        await expectSameVerification(fixture(`xml-crypto/${name}`), {
          trust: createTrustStore({ anchors: [fixture(`xml-crypto/${pem}`)] }),
          at: AT,
          ...extra,
        });
  });

  it('on a 1.4 MB edXML envelope: TOTAL-PASSED, the attachment kept out of the DOM, signed bytes and message from the signed bytes', async () => {
    const attachment = pdfOf(1024 * 1024);
    const unsigned = envelope(attachment);
    const signed = signEdxml(unsigned, { key: signer.key, certificate: signer.certificate });
    const bytes = Buffer.from(signed, 'utf8');
    expect(elidedRuns(bytes)).toBe(1); // the attachment (the small one and the certificate stay in the skeleton)
    const result = await expectSameVerification(bytes, { trust, at: NOW, revocationPolicy: 'skip' });
    expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
    expect(result.signedMessage).toEqual(parseEdxml(unsigned).message);
    expect(Buffer.from(result.signedBytes as Uint8Array).includes(attachment.toString('base64'))).toBe(true);

    // One base64 character changed deep inside the attachment: the digest fails, through both readings.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(attachment.subarray(0, 3000).toString('base64')) + 1_000_000;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const failed = await expectSameVerification(tampered, { trust, at: NOW, revocationPolicy: 'skip' });
    expect([failed.indication, failed.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    // A character XML forbids, inside the run: refused before any signature processing, as before.
    tampered[at] = 0x01;
    const refused = await expectSameVerification(tampered, { trust, at: NOW, revocationPolicy: 'skip' });
    expect([refused.indication, refused.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    // A byte that is not UTF-8, inside the run.
    tampered[at] = 0xff;
    const notUtf8 = await expectSameVerification(tampered, { trust, at: NOW, revocationPolicy: 'skip' });
    expect(notUtf8.message.en).toContain('UTF-8');
  }, 30_000);

  it('on generated documents signed by xml-crypto with exc-c14n, c14n and their WithComments variants (property)', async () => {
    const withComments = { trust, at: NOW, revocationPolicy: 'skip', allowWithComments: true } as const;
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(
        randomDocument(),
        fc.constantFrom(EXC_C14N, C14N, EXC_C14N_WITH_COMMENTS, C14N_WITH_COMMENTS),
        async (xml, transform) => {
          const signing = new SignedXml({
            privateKey: signer.key,
            publicCert: signer.certificate,
            signatureAlgorithm: RSA_SHA256,
            canonicalizationAlgorithm: EXC_C14N,
          });
          signing.addReference({
            xpath: '/*',
            transforms: [ENVELOPED_SIGNATURE, transform],
            digestAlgorithm: SHA256,
            isEmptyUri: true,
          });
          let signed: string;
          try {
            signing.computeSignature(xml, { prefix: 'ds' });
            signed = signing.getSignedXml();
          } catch {
            return; // xml-crypto cannot sign it (a processing instruction without data, for one).
          }
          const result = await expectSameVerification(signed, withComments);
          if (result.indication === 'TOTAL-PASSED') passed++;
        },
      ),
      { numRuns: 40 },
    );
    // Most generated documents are signable and verify (the rest: duplicate IDs, a second Signature, …).
    expect(passed).toBeGreaterThan(20);
  }, 60_000);
});

const XMLSEC1 = hasCommand('xmlsec1') || Boolean(process.env.CI);

describe.runIf(XMLSEC1)('xmlsec1 signs large envelopes, we verify through the skeleton', () => {
  function signWithXmlsec(unsigned: string, transform: string): Buffer {
    const template = unsigned.replace(
      '</edXML:edXMLHeader>',
      `${xmlsecTemplate(RSA_SHA256).replace(`<ds:Transform Algorithm="${EXC_C14N}"/>`, `<ds:Transform Algorithm="${transform}"/>`)}</edXML:edXMLHeader>`,
    );
    const name = `large-${Math.random().toString(36).slice(2)}`;
    const input = pki.file(`${name}.xml`, template);
    const output = join(pki.dir, `${name}.signed.xml`);
    const run = xmlsec1(['--sign', '--privkey-pem', `${signer.keyPath},${signer.certPath}`, '--output', output, input]);
    expect(run.status, run.output).toBe(0);
    return readFileSync(output);
  }

  it('with exc-c14n and inclusive c14n, base64 wrapped or not, and long Vietnamese text', async () => {
    const attachment = pdfOf(600 * 1024);
    const unsigned = envelope(attachment, `V/v ${'thử nghiệm liên thông văn bản điện tử '.repeat(60)}`);
    const wrapped = unsigned.replace(attachment.toString('base64'), (base64) =>
      (base64.match(/.{1,76}/g) ?? []).join('\n'),
    );
    expect(wrapped).not.toBe(unsigned);
    for (const document of [unsigned, wrapped])
      for (const transform of [EXC_C14N, C14N]) {
        const signed = signWithXmlsec(document, transform);
        expect(elidedRuns(signed)).toBe(2); // the attachment and the subject
        const result = await expectSameVerification(signed, { trust, at: NOW, revocationPolicy: 'skip' });
        expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
        expect(result.signedMessage).toEqual(parseEdxml(document).message);
      }
  }, 60_000);
});
