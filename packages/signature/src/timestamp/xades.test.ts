/**
 * XAdES SignatureTimeStamp on an enveloped XMLDSig edXML signature: the token (from `openssl ts -reply`, or crafted
 * for a fixed genTime) covers the canonicalized ds:SignatureValue and sits in
 * ds:Object/xades:QualifyingProperties/xades:UnsignedProperties/xades:UnsignedSignatureProperties.
 */
import { readFileSync } from 'node:fs';
import { createDocument, serializeEdxml } from '@lienthong/edxml';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { createTrustStore, type TrustStore } from '../pkix';
import { EXC_C14N } from '../xmldsig/algorithms';
import { signEdxml } from '../xmldsig/sign';
import { hasCommand, xmlsec1 } from '../xmldsig/test-support';
import { verifyXmlSignature } from '../xmldsig/verify';
import { TsaLab } from './testkit';
import { canonicalSignatureValue, XADES_NS } from './xades';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const GEN_TIME = new Date('2026-06-01T08:00:00Z');
const AFTER_EXPIRY = new Date('2031-01-01T00:00:00Z');

let pki: TestPki;
let tsa: TsaLab;
let trust: TrustStore;
let liveRevocation: { crls: string[]; ocspResponses: Uint8Array[] };
let fixedRevocation: { crls: string[] };
let signed: string;

beforeAll(() => {
  pki = createTestPki();
  tsa = new TsaLab();
  trust = createTrustStore({ anchors: [pki.root.pem, tsa.certificate('root')] });
  liveRevocation = { crls: [tsa.crl], ocspResponses: [pki.ocsp.validByResponder.der, pki.ocsp.intermediateByRoot.der] };
  fixedRevocation = { crls: [pki.crls.root.pem, pki.crls.intermediate.pem, tsa.crl] };
  const xml = serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2026/05/30' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v thử nghiệm dấu thời gian XAdES',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: 'cong-van.pdf', data: Buffer.from('%PDF-1.4\n% test\n%%EOF\n') }],
    }),
  );
  const leaf = pki.leaves.valid;
  signed = signEdxml(xml, {
    key: readFileSync(leaf.keyPath, 'utf8'),
    certificate: leaf.pem,
    chain: [pki.intermediate.pem],
  }).replace('<ds:Signature ', '<ds:Signature Id="chu-ky-1" ');
}, 120_000);
afterAll(() => tsa?.dispose());

/** The canonicalized ds:SignatureValue of the signed envelope (what the TSA must timestamp). */
function signatureValueBytes(xml: string, algorithm?: string): Uint8Array {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const value = document.getElementsByTagNameNS(DS, 'SignatureValue')[0] as Element;
  return canonicalSignatureValue(value, algorithm ?? 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
}

function withTimestamp(
  token: Uint8Array,
  options: { target?: string; c14n?: string; placement?: 'unsigned-signature-properties' | 'object' } = {},
): string {
  const encapsulated = `<xades:EncapsulatedTimeStamp>${Buffer.from(token).toString('base64')}</xades:EncapsulatedTimeStamp>`;
  const c14n = options.c14n ? `<ds:CanonicalizationMethod Algorithm="${options.c14n}"/>` : '';
  const stamp = `<xades:SignatureTimeStamp Id="dtg-1">${c14n}${encapsulated}</xades:SignatureTimeStamp>`;
  const properties =
    options.placement === 'object'
      ? stamp
      : `<xades:QualifyingProperties Target="${options.target ?? '#chu-ky-1'}"><xades:UnsignedProperties><xades:UnsignedSignatureProperties>${stamp}</xades:UnsignedSignatureProperties></xades:UnsignedProperties></xades:QualifyingProperties>`;
  return signed.replace(
    '</ds:Signature>',
    `<ds:Object xmlns:xades="${XADES_NS}">${properties}</ds:Object></ds:Signature>`,
  );
}

describe('verifyXmlSignature with a XAdES SignatureTimeStamp', () => {
  it('reports a valid timestamp as proof of existence; the token checks out with openssl, the signature with xmlsec1', async () => {
    const data = signatureValueBytes(signed);
    const { token } = tsa.opensslToken(data);
    const xml = withTimestamp(token);
    const at = new Date();
    const result = await verifyXmlSignature(xml, { trust, at, revocation: liveRevocation });
    const signature = result.signatures[0];
    expect(
      result.indication,
      JSON.stringify(
        signature?.checks.filter((c) => !c.passed),
        null,
        1,
      ),
    ).toBe('TOTAL-PASSED');
    expect(signature?.signingTime.timestamp).toBeDefined();
    expect(signature?.signingTime.validatedAt).toBe(at.toISOString());
    expect(signature?.checks.find((check) => check.id === 'timestamp.imprint')?.message.en).toContain(
      'canonicalized ds:SignatureValue',
    );
    expect(result.signedMessage).toBeDefined();
    expect(tsa.opensslVerify(token, data).ok).toBe(true);

    if (hasCommand('xmlsec1')) {
      const file = tsa.lab.write('xades.xml', xml);
      const roots = tsa.lab.write('roots.pem', `${pki.root.pem}`);
      const run = xmlsec1([
        '--verify',
        '--trusted-pem',
        roots,
        '--untrusted-pem',
        pki.intermediate.certificatePath,
        file,
      ]);
      expect(run.status, run.output).toBe(0);
    }
  });

  it('honours the SignatureTimeStamp’s exc-c14n CanonicalizationMethod', async () => {
    const { token } = tsa.opensslToken(signatureValueBytes(signed, EXC_C14N));
    const result = await verifyXmlSignature(withTimestamp(token, { c14n: EXC_C14N }), {
      trust,
      revocation: liveRevocation,
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    // The same token read under the default c14n 1.0 covers other bytes (the root's namespaces are rendered).
    const wrong = await verifyXmlSignature(withTimestamp(token), { trust, revocation: liveRevocation });
    expect(wrong.signatures[0]?.checks.find((check) => check.id === 'timestamp.imprint')?.passed).toBe(false);
  });

  it('a token over other data: the time stays a claim, INDETERMINATE / SIG_CONSTRAINTS_FAILURE, no signed content', async () => {
    const { token } = tsa.opensslToken(new TextEncoder().encode('<ds:SignatureValue>khác</ds:SignatureValue>'));
    const result = await verifyXmlSignature(withTimestamp(token), { trust, revocation: liveRevocation });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(result.signatures[0]?.signingTime.timestamp).toBeUndefined();
    expect(result.signedXml).toBeUndefined();
    expect(result.signedMessage).toBeUndefined();
    expect(result.message.vi).toContain('vẫn chỉ là khai báo');
  });

  it('an untrusted TSA: INDETERMINATE / SIG_CONSTRAINTS_FAILURE', async () => {
    const { token } = tsa.opensslToken(signatureValueBytes(signed));
    const onlyPki = createTrustStore({ anchors: [pki.root.pem] });
    const result = await verifyXmlSignature(withTimestamp(token), { trust: onlyPki, revocation: liveRevocation });
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
  });

  it('never ignores a SignatureTimeStamp it cannot place: wrong Target, or outside UnsignedSignatureProperties', async () => {
    const { token } = tsa.opensslToken(signatureValueBytes(signed));
    for (const xml of [
      withTimestamp(token, { target: '#chu-ky-khac' }),
      withTimestamp(token, { placement: 'object' }),
    ]) {
      const result = await verifyXmlSignature(xml, { trust, revocation: liveRevocation });
      expect(result.indication).toBe('INDETERMINATE');
      expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
      expect(result.signatures[0]?.checks.some((check) => check.id === 'timestamp' && !check.passed)).toBe(true);
    }
  });

  it('a SignatureTimeStamp that cannot be read (not base64, XMLTimeStamp) is a failure, not a crash', async () => {
    const xml = signed.replace(
      '</ds:Signature>',
      `<ds:Object xmlns:xades="${XADES_NS}"><xades:QualifyingProperties Target="#chu-ky-1"><xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp><xades:EncapsulatedTimeStamp>!!không phải base64</xades:EncapsulatedTimeStamp><xades:XMLTimeStamp/></xades:SignatureTimeStamp></xades:UnsignedSignatureProperties></xades:UnsignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>`,
    );
    const result = await verifyXmlSignature(xml, { trust, revocation: liveRevocation });
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    const failed = result.signatures[0]?.checks.filter((check) => check.id === 'timestamp' && !check.passed) ?? [];
    expect(failed.map((check) => check.message.en).join(' ')).toContain('XMLTimeStamp');
  });

  it('an expired signer passes at the proven time of a crafted token (validatedAt = genTime)', async () => {
    const token = tsa.craftedToken(signatureValueBytes(signed), { genTime: GEN_TIME });
    const xml = withTimestamp(token);
    const bare = await verifyXmlSignature(signed, { trust, at: AFTER_EXPIRY, revocation: fixedRevocation });
    expect(bare.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    const result = await verifyXmlSignature(xml, { trust, at: AFTER_EXPIRY, revocation: fixedRevocation });
    expect(
      result.indication,
      JSON.stringify(
        result.signatures[0]?.checks.filter((c) => !c.passed),
        null,
        1,
      ),
    ).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.signingTime).toEqual({
      timestamp: GEN_TIME.toISOString(),
      validatedAt: GEN_TIME.toISOString(),
    });
  });
});

describe('canonicalSignatureValue', () => {
  const xml = [
    '<r:root xmlns="urn:default" xmlns:r="urn:r" xmlns:x="urn:x-outer">',
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:x="urn:x-inner" Id="s">',
    '<SignatureValue Id="v">QUJD\r\nREVG&amp;</SignatureValue>',
    '</Signature></r:root>',
  ].join('');
  const value = () =>
    new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagNameNS(DS, 'SignatureValue')[0] as Element;
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('c14n 1.0 renders every namespace in scope (nearest declaration wins), sorted, with text escaped', () => {
    expect(text(canonicalSignatureValue(value(), 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'))).toBe(
      '<SignatureValue xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:r="urn:r" xmlns:x="urn:x-inner" Id="v">QUJD\nREVG&amp;</SignatureValue>',
    );
  });

  it('exc-c14n renders only the namespaces the element uses', () => {
    expect(text(canonicalSignatureValue(value(), EXC_C14N))).toBe(
      '<SignatureValue xmlns="http://www.w3.org/2000/09/xmldsig#" Id="v">QUJD\nREVG&amp;</SignatureValue>',
    );
  });
});
