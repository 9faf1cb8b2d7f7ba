import { createDocument, createStatus, parseEdxml, serializeEdxml, validateEdxml } from '@lienthong/edxml';
import { DOMParser, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { createTrustStore, type TrustStore } from '../pkix';
import { signEdxml } from './sign';
import { type Credential, fixture, TestPki } from './test-support';
import { verifyXmlSignature } from './verify';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EDXML = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

let pki: TestPki;
let signer: Credential;
let trust: TrustStore;

beforeAll(() => {
  pki = new TestPki();
  signer = pki.selfSigned('sign-test', '/C=VN/O=UBND tỉnh Nghệ An/CN=Văn thư UBND tỉnh/UID=MST:2900325526');
  trust = createTrustStore({ anchors: [signer.certificate] });
});
afterAll(() => pki?.dispose());

function documentXml(subject = 'V/v báo cáo tình hình triển khai'): string {
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject,
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: 'cong-van.pdf', data: Buffer.from('%PDF-1.4\n% test\n%%EOF\n') }],
    }),
  );
}

function children(element: Element): Element[] {
  const out: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) out.push(child as Element);
  return out;
}

describe('signEdxml', () => {
  it('writes an enveloped XMLDSig signature as the last child of edXMLHeader, in its own ds: prefix', () => {
    const root = pki.rootCa('sign-root');
    const intermediate = pki.issue(root, 'sign-intermediate', { ca: true });
    const leaf = pki.issue(intermediate, 'sign-leaf');
    const signed = signEdxml(documentXml(), {
      key: leaf.key,
      certificate: leaf.certificate,
      chain: [intermediate.certificate],
    });
    const doc = new DOMParser().parseFromString(signed, 'text/xml');
    const header = doc.getElementsByTagNameNS(EDXML, 'edXMLHeader')[0] as Element;
    const signature = children(header).at(-1) as Element;
    expect([signature.namespaceURI, signature.prefix, signature.localName]).toEqual([DS, 'ds', 'Signature']);
    expect(doc.getElementsByTagNameNS(DS, 'Signature')).toHaveLength(1);
    const [signedInfo, signatureValue, keyInfo, extra] = children(signature);
    expect(signedInfo?.localName).toBe('SignedInfo');
    expect(signatureValue?.localName).toBe('SignatureValue');
    expect(keyInfo?.localName).toBe('KeyInfo');
    expect(extra).toBeUndefined();
    const [c14n, method, reference, more] = children(signedInfo as Element);
    expect(c14n?.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/10/xml-exc-c14n#');
    expect(method?.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(more).toBeUndefined();
    expect(reference?.getAttribute('URI')).toBe('');
    const [transforms, digestMethod] = children(reference as Element);
    expect(children(transforms as Element).map((t) => t.getAttribute('Algorithm'))).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
    expect(digestMethod?.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmlenc#sha256');
    const certificates = doc.getElementsByTagNameNS(DS, 'X509Certificate');
    expect(certificates).toHaveLength(2);
    const pemBody = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
    expect(certificates[0]?.textContent).toBe(pemBody(leaf.certificate));
    expect(certificates[1]?.textContent).toBe(pemBody(intermediate.certificate));
  });

  it('signs documents that verify, still parse with @lienthong/edxml and validate structurally', async () => {
    const unsigned = documentXml();
    const signed = signEdxml(unsigned, { key: signer.key, certificate: signer.certificate });
    const verified = await verifyXmlSignature(signed, { trust, revocationPolicy: 'skip' });
    expect(verified.indication).toBe('TOTAL-PASSED');
    expect(verified.signatures[0]?.signer?.identifiers).toEqual([
      { type: 'MST', value: '2900325526', source: 'UID=MST:2900325526' },
    ]);

    const read = parseEdxml(signed);
    expect(read.message?.signature).toMatchObject({ localName: 'Signature', namespace: DS });
    const { signature: _signature, ...withoutSignature } = read.message as NonNullable<typeof read.message>;
    expect(withoutSignature).toEqual(parseEdxml(unsigned).message);
    const validated = validateEdxml(signed, { mode: 'strict' });
    expect(validated.report.valid).toBe(true);
    expect(validated.report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    // The message handed back was read from the signed bytes and equals the unsigned input's.
    expect(verified.signedMessage).toEqual(parseEdxml(unsigned).message);
  });

  it('signs a status message and an envelope whose root is edXMLEnvelope', async () => {
    const about = createDocument({
      from: { organId: '000.00.00.H41' },
      to: [{ organId: '000.00.00.G22' }],
      code: { codeNumber: '1', codeNotation: 'UBND' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'x',
      signerInfo: { fullName: 'A' },
    });
    const status = serializeEdxml(createStatus({ code: '03', from: { organId: '000.00.00.G22' }, about }));
    const signedStatus = signEdxml(status, { key: signer.key, certificate: signer.certificate });
    const verified = await verifyXmlSignature(signedStatus, { trust, revocationPolicy: 'skip' });
    expect(verified.indication).toBe('TOTAL-PASSED');
    expect(verified.signedMessage?.kind).toBe('status');

    const envelopeOnly = fixture('generated/edxml-like-enveloped-rsa-sha256.xml')
      .toString('utf8')
      .replace(/<Signature[\s\S]*<\/Signature>/, '');
    const signedEnvelope = signEdxml(envelopeOnly, { key: signer.key, certificate: signer.certificate });
    expect(signedEnvelope).toMatch(/<\/ds:Signature><\/edXMLHeader>/);
    const envelopeResult = await verifyXmlSignature(signedEnvelope, { trust, revocationPolicy: 'skip' });
    expect(envelopeResult.indication).toBe('TOTAL-PASSED');
  });

  it('is deterministic (RSA PKCS#1 v1.5) and round-trips any subject text (property)', async () => {
    const unsigned = documentXml();
    const once = signEdxml(unsigned, { key: signer.key, certificate: signer.certificate });
    expect(signEdxml(unsigned, { key: signer.key, certificate: signer.certificate })).toBe(once);
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 60, unit: 'grapheme' })
          .filter((s) => s.trim() === s && s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/u.test(s)),
        async (subject) => {
          const signed = signEdxml(documentXml(subject), { key: signer.key, certificate: signer.certificate });
          const result = await verifyXmlSignature(signed, { trust, revocationPolicy: 'skip' });
          expect(result.indication).toBe('TOTAL-PASSED');
          expect(result.signedMessage?.kind === 'document' && result.signedMessage.header.subject).toBe(subject);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('throws SignatureError for what the caller must fix', () => {
    const xml = documentXml();
    const ec = pki.selfSigned('ec-signer', '/CN=ec', 'ec');
    const weak = pki.selfSigned('weak-signer', '/CN=weak', 'rsa', 1024);
    const other = pki.selfSigned('other-signer');
    const signed = signEdxml(xml, { key: signer.key, certificate: signer.certificate });
    const expectCode = (run: () => unknown, code: string) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        expect((error as SignatureError).code).toBe(code);
        return;
      }
      throw new Error('expected a SignatureError');
    };
    const options = { key: signer.key, certificate: signer.certificate };
    expectCode(() => signEdxml(42 as unknown as string, options), 'INVALID_ARGUMENT');
    expectCode(() => signEdxml(xml, undefined as never), 'INVALID_ARGUMENT');
    expectCode(() => signEdxml(xml, { key: 'not a key', certificate: signer.certificate }), 'KEY_UNUSABLE');
    expectCode(() => signEdxml(xml, { key: signer.key, certificate: 'not a certificate' }), 'INVALID_ARGUMENT');
    expectCode(() => signEdxml(xml, { key: signer.key, certificate: other.certificate }), 'KEY_UNUSABLE');
    expectCode(() => signEdxml(xml, { key: ec.key, certificate: ec.certificate }), 'KEY_UNUSABLE');
    expectCode(() => signEdxml(xml, { key: weak.key, certificate: weak.certificate }), 'KEY_UNUSABLE');
    expectCode(() => signEdxml(xml, { ...options, chain: ['junk'] }), 'INVALID_ARGUMENT');
    expectCode(() => signEdxml(signed, options), 'INVALID_ARGUMENT');
    expectCode(() => signEdxml('<a/>', options), 'INVALID_ARGUMENT');
    expectCode(
      () => signEdxml('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>', options),
      'INVALID_ARGUMENT',
    );
    expectCode(
      () => signEdxml(`<!DOCTYPE x [<!ENTITY e "e">]>${xml.replace(/^<\?xml[^>]*\?>/, '')}`, options),
      'INVALID_ARGUMENT',
    );
    expectCode(() => signEdxml(xml.slice(0, 500), options), 'INVALID_ARGUMENT');
    const vnptPlaceholder = xml.replace(
      '</edXML:edXMLHeader>',
      '<Signature xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/></edXML:edXMLHeader>',
    );
    expectCode(() => signEdxml(vnptPlaceholder, options), 'INVALID_ARGUMENT');
  });
});
