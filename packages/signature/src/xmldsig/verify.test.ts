import { createPublicKey, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument, parseEdxml, serializeEdxml } from '@lienthong/edxml';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { SignatureError } from '../errors';
import { SignatureResultSchema } from '../model/result';
import { createTrustStore, type TrustStore } from '../pkix';
import { runXmlCrypto } from './crypto';
import { DEFAULT_MAX_BYTES, isIntakeFailure, readXml } from './document';
import { signEdxml } from './sign';
import { examineSignature, locateSignatures } from './structure';
import { type Credential, EDXML_CORPUS, fixture, TestPki } from './test-support';
import { verifyXmlSignature, type XmlSignatureVerification } from './verify';

/** Inside the validity of the generated corpus certificate (2026-11-22 03:20:25 to 2027-11-22 03:20:25 UTC). */
const AT = new Date('2027-01-01T00:00:00Z');
const GENERATED = fixture('generated/edxml-like-enveloped-rsa-sha256.xml');
const GENERATED_SIGNER = fixture('generated/test-signer-selfsigned.pem').toString('utf8');
const GENERATED_TRUST = createTrustStore({ anchors: [GENERATED_SIGNER] });

const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

function expectNeverPassed(result: XmlSignatureVerification): void {
  expect(result.indication).not.toBe('TOTAL-PASSED');
  expect(result.signedXml).toBeUndefined();
  expect(result.signedMessage).toBeUndefined();
  expect(result.signedReferences).toBeUndefined();
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  for (const signature of result.signatures) SignatureResultSchema.parse(signature);
}

function failedCheckIds(result: XmlSignatureVerification): string[] {
  return result.signatures.flatMap((signature) => signature.checks.filter((c) => !c.passed).map((c) => c.id));
}

let pki: TestPki;
let signer: Credential;
let trust: TrustStore;

/** A ~10 KB edXML document built with @lienthong/edxml, unsigned. */
function sampleEdxml(subject = 'V/v báo cáo tình hình triển khai'): string {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]);
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject,
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: '12-UBND-TH.pdf', data: pdf }],
    }),
  );
}

beforeAll(() => {
  pki = new TestPki();
  signer = pki.selfSigned('signer', '/C=VN/O=Sở Thông tin và Truyền thông/CN=Văn thư/UID=MST:0101234567');
  trust = createTrustStore({ anchors: [signer.certificate] });
});
afterAll(() => pki?.dispose());

describe('the generated edXML-like envelope (corpus)', () => {
  it('is TOTAL-PASSED at a pinned time with its self-signed certificate as the anchor', async () => {
    const result = await verifyXmlSignature(GENERATED, { trust: GENERATED_TRUST, at: AT });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.subIndication).toBeNull();
    const [signature] = result.signatures;
    expect(result.signatures).toHaveLength(1);
    SignatureResultSchema.parse(signature);
    expect(signature?.format).toBe('xmldsig');
    expect(signature?.signer?.identifiers).toEqual([
      { type: 'MST', value: '0101234567', source: 'UID=MST:0101234567' },
    ]);
    expect(signature?.chain.map((entry) => entry.source)).toEqual(['trust-anchor']);
    expect(signature?.coverage?.kind).toBe('whole-document');
    expect(signature?.algorithms).toEqual({ digest: 'SHA-256', signature: 'RSA-SHA256' });
    expect(signature?.legacy).toBe(false);
    expect(signature?.signingTime.validatedAt).toBe(AT.toISOString());
    expect(result.message.vi).toContain('Test Signer');
    // The coverage is said in each message's own language.
    expect(result.message.vi).toMatch(/URI="" — toàn bộ (gói tin edXML|tài liệu).*, trừ chữ ký/);
    expect(result.message.vi).not.toMatch(/whole|except/);
    expect(result.message.en).toMatch(/URI="" — the whole .*, except the signature/);
    // The signed bytes: the canonical document without its signature.
    expect(result.signedReferences).toHaveLength(1);
    expect(result.signedXml).toBe(result.signedReferences?.[0]);
    expect(result.signedXml).toContain('<Subject>Về việc thử nghiệm ký số</Subject>');
    expect(result.signedXml).not.toContain('Signature');
    // The root is edXMLEnvelope, not edXML: not a message @lienthong/edxml reads, so no signedMessage.
    expect(result.signedMessage).toBeUndefined();
  });

  it('accepts the same bytes as a string', async () => {
    const result = await verifyXmlSignature(GENERATED.toString('utf8'), { trust: GENERATED_TRUST, at: AT });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('is not passed outside the certificate validity, or without the anchor', async () => {
    const early = await verifyXmlSignature(GENERATED, { trust: GENERATED_TRUST, at: new Date('2026-06-01T00:00:00Z') });
    expect([early.indication, early.subIndication]).toEqual(['TOTAL-FAILED', 'NOT_YET_VALID']);
    const late = await verifyXmlSignature(GENERATED, { trust: GENERATED_TRUST, at: new Date('2028-01-01T00:00:00Z') });
    expect([late.indication, late.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    const none = await verifyXmlSignature(GENERATED, { trust: createTrustStore({}), at: AT });
    expect([none.indication, none.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    const national = await verifyXmlSignature(GENERATED, {
      trust: createTrustStore({ vietnameseRoots: ['vn-national-root', 'vgca-root-g2'] }),
      at: AT,
    });
    expect([national.indication, national.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    for (const result of [early, late, none, national]) expectNeverPassed(result);
  });

  it('is not passed after any single-bit change of any byte (bit 0), and never throws', async () => {
    const outcomes = new Map<string, number>();
    for (let offset = 0; offset < GENERATED.length; offset++) {
      const changed = Buffer.from(GENERATED);
      changed[offset] = (changed[offset] as number) ^ 0x01;
      const result = await verifyXmlSignature(changed, { trust: GENERATED_TRUST, at: AT });
      expect(result.indication, `byte ${offset}`).not.toBe('TOTAL-PASSED');
      const key = `${result.indication}/${result.subIndication}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    // Content changes are caught by the digest, SignedInfo changes by the signature value.
    expect(outcomes.get('TOTAL-FAILED/HASH_FAILURE')).toBeGreaterThan(2000);
    expect(outcomes.get('TOTAL-FAILED/SIG_CRYPTO_FAILURE')).toBeGreaterThan(100);
  }, 120_000);

  it('refuses a NUL byte inside a tag (a DOM parser would read it as a space)', async () => {
    const changed = Buffer.from(GENERATED);
    changed[3586] = 0; // the space in <Reference URI="">
    const result = await verifyXmlSignature(changed, { trust: GENERATED_TRUST, at: AT });
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
  });

  it('is not passed after any replacement of one byte by another (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: GENERATED.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (offset, delta) => {
          const changed = Buffer.from(GENERATED);
          const before = changed[offset] as number;
          const after = (before + delta) % 256;
          // Whitespace for whitespace (a space for a tab between attributes, CR for LF) is the same XML.
          const whitespace = [0x09, 0x0a, 0x0d, 0x20];
          fc.pre(!(whitespace.includes(before) && whitespace.includes(after)));
          changed[offset] = after;
          const result = await verifyXmlSignature(changed, { trust: GENERATED_TRUST, at: AT });
          expect(result.indication).not.toBe('TOTAL-PASSED');
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('is not passed when the text content is changed, whatever the change (property)', async () => {
    const text = GENERATED.toString('utf8');
    const start = text.indexOf('<Subject>') + '<Subject>'.length;
    const original = 'Về việc thử nghiệm ký số';
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 40 }).filter((s) => s !== original && !/[<&\r]/.test(s)),
        async (subject) => {
          const changed = text.slice(0, start) + subject + text.slice(start + original.length);
          const result = await verifyXmlSignature(changed, { trust: GENERATED_TRUST, at: AT });
          expect(result.indication).not.toBe('TOTAL-PASSED');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('KeyInfo substitution: re-signed with another self-signed certificate is INDETERMINATE (untrusted)', async () => {
    const attacker = pki.selfSigned(
      'attacker',
      '/C=VN/ST=Hà Nội/L=Hà Nội/O=Test Org/CN=Test Signer/UID=MST:0101234567',
    );
    const unsigned = GENERATED.toString('utf8').replace(/<Signature[\s\S]*<\/Signature>/, '');
    const resigned = new SignedXml({
      privateKey: attacker.key,
      publicCert: attacker.certificate,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC_C14N,
    });
    resigned.addReference({
      xpath: '/*',
      transforms: [ENVELOPED, EXC_C14N],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      isEmptyUri: true,
    });
    resigned.computeSignature(unsigned.replace('Về việc thử nghiệm ký số', 'Về việc chuyển tiền'));
    const forged = resigned.getSignedXml();
    const result = await verifyXmlSignature(forged, { trust: GENERATED_TRUST, at: AT });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(result.signatures[0]?.signer?.fingerprintSha256).not.toBe(GENERATED_TRUST.anchors[0]?.fingerprintSha256);
    expectNeverPassed(result);

    // Keeping the trusted certificate in KeyInfo but signing with another key fails the signature value.
    const trustedCertBase64 = /<X509Certificate>([^<]+)</.exec(GENERATED.toString('utf8'))?.[1] as string;
    const swapped = forged.replace(/<X509Certificate>[^<]+</, `<X509Certificate>${trustedCertBase64}<`);
    const mixed = await verifyXmlSignature(swapped, { trust: GENERATED_TRUST, at: AT });
    expect([mixed.indication, mixed.subIndication]).toEqual(['TOTAL-FAILED', 'SIG_CRYPTO_FAILURE']);
  });
});

describe('xml-crypto corpus vectors (MIT, node-saml/xml-crypto test/static)', () => {
  const X = (name: string) => fixture(`xml-crypto/${name}`);
  const anchor = (pem: string) => createTrustStore({ anchors: [X(pem).toString('utf8')] });
  const legacy = { allowSha1: true, coverage: { allowIdReferences: true } } as const;

  /** The crypto layer alone, with the vector's key pinned as SOURCES.md records (policy: SHA-1 and ID references allowed). */
  function cryptoLayer(name: string, keyFile: string) {
    const parsed = readXml(X(name), { maxBytes: DEFAULT_MAX_BYTES, maxDepth: 64 });
    if (isIntakeFailure(parsed)) return { intake: parsed };
    const located = locateSignatures(parsed);
    const examined = examineSignature(parsed, located, located.xmldsig[0] as never, {
      ...legacy,
      allowWithComments: false,
    });
    if (!examined.model) return { findings: examined.findings.filter((f) => !f.passed) };
    const pem = X(keyFile).toString('utf8');
    const key = pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
    return {
      outcome: runXmlCrypto(parsed, examined.model, key, {
        allowSha1: true,
        allowWithComments: false,
        minRsaBits: 1024,
      }),
    };
  }

  it('the crypto layer reproduces the expected xml-crypto outcomes (pinned key)', () => {
    const valid = cryptoLayer('valid_signature.xml', 'client_public.pem').outcome;
    expect(valid?.kind).toBe('passed');
    expect(valid?.kind === 'passed' && valid.signedReferences).toHaveLength(3);
    const utf8 = cryptoLayer('valid_signature_utf8.xml', 'client_public.pem').outcome;
    expect(utf8?.kind === 'passed' && utf8.signedReferences).toHaveLength(1);
    expect(cryptoLayer('invalid_signature-changed_content.xml', 'client_public.pem').outcome?.kind).toBe(
      'digest-mismatch',
    );
    expect(cryptoLayer('invalid_signature-signature_value.xml', 'client_public.pem').outcome?.kind).toBe(
      'bad-signature',
    );
  });

  it('the attack vectors are refused by our policy before xml-crypto runs', () => {
    expect(cryptoLayer('valid_saml_signature_wrapping.xml', 'feide_public.pem').intake?.id).toBe('xml-duplicate-id');
    expect(cryptoLayer('valid_saml_with_digest_comment.xml', 'feide_public.pem').findings?.map((f) => f.id)).toEqual([
      'xmldsig-digest-value',
    ]);
    expect(
      cryptoLayer('saml_multiple_signed_info_nodes.xml', 'saml_external_ns.pem').findings?.map((f) => f.id),
    ).toContain('xmldsig-signedinfo');
    expect(
      cryptoLayer('saml_wrapped_signed_info_node.xml', 'saml_external_ns.pem').findings?.map((f) => f.id),
    ).toContain('xmldsig-signedinfo');
  });

  it('saml_wrapped_signed_info_node: bare xml-crypto accepts it as SOURCES.md says (1 signed ref, not the wrapped one); we refuse it', async () => {
    const xml = X('saml_wrapped_signed_info_node.xml').toString('utf8');
    const bare = new SignedXml({ publicCert: X('saml_external_ns.pem').toString('utf8') });
    const { DOMParser } = await import('@xmldom/xmldom');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signatureNode = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
    bare.loadSignature(signatureNode as never);
    expect(bare.checkSignature(xml)).toBe(true);
    const refs = bare.getSignedReferences();
    expect(refs).toHaveLength(1);
    expect(refs[0]).not.toContain('OUR_CUSTOM_ID');
    const ours = await verifyXmlSignature(xml, { trust: anchor('feide_public.pem'), at: AT, ...legacy });
    expect([ours.indication, ours.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    expect(failedCheckIds(ours)).toContain('xmldsig-signedinfo');
  });

  const table: [string, string, object, string, string, string][] = [
    [
      'valid_signature.xml',
      'client_public.pem',
      {},
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signature-algorithm',
    ],
    [
      'valid_signature.xml',
      'client_public.pem',
      legacy,
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signer-key',
    ],
    [
      'valid_signature_utf8.xml',
      'client_public.pem',
      {},
      'INDETERMINATE',
      'SIG_CONSTRAINTS_FAILURE',
      'xmldsig-coverage',
    ],
    [
      'valid_signature_utf8.xml',
      'client_public.pem',
      legacy,
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signer-key',
    ],
    [
      'invalid_signature-changed_content.xml',
      'client_public.pem',
      {},
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signature-algorithm',
    ],
    [
      'invalid_signature-signature_value.xml',
      'client_public.pem',
      {},
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signature-algorithm',
    ],
    ['valid_saml_signature_wrapping.xml', 'feide_public.pem', legacy, 'INDETERMINATE', 'FORMAT_FAILURE', ''],
    [
      'valid_saml_with_digest_comment.xml',
      'feide_public.pem',
      legacy,
      'INDETERMINATE',
      'FORMAT_FAILURE',
      'xmldsig-digest-value',
    ],
    [
      'valid_saml_with_digest_comment.xml',
      'feide_public.pem',
      {},
      'INDETERMINATE',
      'FORMAT_FAILURE',
      'xmldsig-digest-value',
    ],
    [
      'saml_multiple_signed_info_nodes.xml',
      'feide_public.pem',
      legacy,
      'INDETERMINATE',
      'FORMAT_FAILURE',
      'xmldsig-signedinfo',
    ],
    [
      'saml_wrapped_signed_info_node.xml',
      'feide_public.pem',
      legacy,
      'INDETERMINATE',
      'FORMAT_FAILURE',
      'xmldsig-signedinfo',
    ],
  ];
  it.each(table)('%s %j → %s/%s under our policy', async (name, pem, options, indication, subIndication, check) => {
    const result = await verifyXmlSignature(X(name), { trust: anchor(pem), at: AT, ...options });
    expect([result.indication, result.subIndication]).toEqual([indication, subIndication]);
    if (check) expect(failedCheckIds(result)).toContain(check);
    expectNeverPassed(result);
  });

  describe('the same shapes re-signed at test time with an RSA-2048 key (rsa-sha1, three ID references)', () => {
    let legacyTrust: TrustStore;
    let signed: string;
    beforeAll(() => {
      const legacySigner = pki.selfSigned('legacy-signer');
      legacyTrust = createTrustStore({ anchors: [legacySigner.certificate] });
      const content =
        '<root><x xmlns="ns" Id="_0"/><y z_attr="value" a_attr1="foo" Id="_1"/><z><ns:w ns:attr="value" xmlns:ns="myns" Id="_2"/></z></root>';
      const sig = new SignedXml({
        privateKey: legacySigner.key,
        publicCert: legacySigner.certificate,
        signatureAlgorithm: RSA_SHA1,
        canonicalizationAlgorithm: EXC_C14N,
      });
      for (const id of ['_0', '_1', '_2'])
        sig.addReference({ xpath: `//*[@Id='${id}']`, transforms: [EXC_C14N], digestAlgorithm: SHA1 });
      sig.computeSignature(content);
      signed = sig.getSignedXml();
    });

    it('is refused by default (SHA-1), and passes as legacy with allowSha1 and ID coverage', async () => {
      const refused = await verifyXmlSignature(signed, { trust: legacyTrust, at: new Date() });
      expect([refused.indication, refused.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
      const sha1Only = await verifyXmlSignature(signed, { trust: legacyTrust, at: new Date(), allowSha1: true });
      expect([sha1Only.indication, sha1Only.subIndication]).toEqual(['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE']);
      const passed = await verifyXmlSignature(signed, { trust: legacyTrust, at: new Date(), ...legacy });
      expect(passed.indication).toBe('TOTAL-PASSED');
      expect(passed.signatures[0]?.legacy).toBe(true);
      expect(passed.signatures[0]?.algorithms).toEqual({ digest: 'SHA-1', signature: 'RSA-SHA1' });
      expect(passed.signatures[0]?.coverage?.kind).toBe('references');
      expect(passed.signedReferences).toEqual([
        '<x xmlns="ns" Id="_0"></x>',
        '<y Id="_1" a_attr1="foo" z_attr="value"></y>',
        '<ns:w xmlns:ns="myns" Id="_2" ns:attr="value"></ns:w>',
      ]);
      expect(passed.signedXml).toBeUndefined();
    });

    it('changed content → TOTAL-FAILED/HASH_FAILURE; changed SignatureValue → TOTAL-FAILED/SIG_CRYPTO_FAILURE', async () => {
      const changed = signed.replace('z_attr="value"', 'z_attr="valuf"');
      const hash = await verifyXmlSignature(changed, { trust: legacyTrust, at: new Date(), ...legacy });
      expect([hash.indication, hash.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
      expect(hash.message.en).toContain('#_1');
      const value = /<SignatureValue>([^<]+)</.exec(signed)?.[1] as string;
      const flipped = Buffer.from(value, 'base64');
      flipped[10] = (flipped[10] as number) ^ 0xff;
      const badValue = signed.replace(value, flipped.toString('base64'));
      const sig = await verifyXmlSignature(badValue, { trust: legacyTrust, at: new Date(), ...legacy });
      expect([sig.indication, sig.subIndication]).toEqual(['TOTAL-FAILED', 'SIG_CRYPTO_FAILURE']);
      for (const result of [hash, sig]) expectNeverPassed(result);
    });
  });
});

describe('edXML SDK samples (packages/edxml/test/fixtures/corpus)', () => {
  const files = readdirSync(EDXML_CORPUS).filter((name) => /\.(edxml|xml)$/.test(name));
  const nationalTrust = createTrustStore({ vietnameseRoots: ['vn-national-root', 'vgca-root-g2'] });

  it.each(files)('%s is never TOTAL-PASSED, never throws, and says why', async (name) => {
    const bytes = readFileSync(join(EDXML_CORPUS, name));
    for (const allowSha1 of [false, true]) {
      const result = await verifyXmlSignature(bytes, { trust: nationalTrust, at: AT, allowSha1 });
      expectNeverPassed(result);
      const text = bytes.toString('utf8');
      if (/<Signature>|<Signature xmlns="http:\/\/www\.mic\.gov\.vn/.test(text)) {
        // VNPT SDK output: Signature in the edXML namespace.
        expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
        expect(result.message.en).toContain('instead of XMLDSig');
        expect(result.message.vi).toContain('không gian tên');
        expect(failedCheckIds(result)).toEqual(['xmldsig-namespace']);
      } else if (!text.includes('Signature')) {
        expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
      }
    }
  });

  it('the XMLDSig-namespace signed sample: not namespace-well-formed as published; with its prefixes declared, SHA-1, untrusted, then a digest mismatch', async () => {
    const raw = readFileSync(join(EDXML_CORPUS, 'vpcp-sdk_edoc_signed-sample.edxml'));
    const asPublished = await verifyXmlSignature(raw, { trust: nationalTrust, at: AT, allowSha1: true });
    expect([asPublished.indication, asPublished.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    expect(asPublished.message.en).toContain('namespace-well-formed');

    const declared = raw
      .toString('utf8')
      .replace(
        '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
        '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:xlink="http://www.w3.org/1999/xlink">',
      );
    const sha1 = await verifyXmlSignature(declared, { trust: nationalTrust, at: AT });
    expect([sha1.indication, sha1.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
    const untrusted = await verifyXmlSignature(declared, { trust: nationalTrust, at: AT, allowSha1: true });
    expect([untrusted.indication, untrusted.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(untrusted.message.en).toContain('VNPT Certification Authority');
    // Even trusting its own (VNPT, 2017–2018) certificate at a time it was valid, the placeholder does not verify.
    const certificate = /<X509Certificate>([^<]+)</.exec(declared)?.[1] as string;
    const own = createTrustStore({ anchors: [Buffer.from(certificate, 'base64')] });
    const placeholder = await verifyXmlSignature(declared, {
      trust: own,
      at: new Date('2018-05-15T00:00:00Z'),
      allowSha1: true,
      revocationPolicy: 'skip',
    });
    expect([placeholder.indication, placeholder.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    for (const result of [sha1, untrusted, placeholder]) expectNeverPassed(result);
  });
});

describe('a signed edXML document (signEdxml, key made at test time)', () => {
  let unsigned: string;
  let signed: string;
  beforeAll(() => {
    unsigned = sampleEdxml();
    signed = signEdxml(unsigned, { key: signer.key, certificate: signer.certificate });
  });

  it('passes, and signedMessage is read from the signed bytes', async () => {
    const result = await verifyXmlSignature(signed, { trust, revocationPolicy: 'skip' });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signedMessage).toEqual(parseEdxml(unsigned).message);
    expect(result.signatures[0]?.signer?.subject.text).toContain('Văn thư');
  });

  it('reads what was signed, not what was added around it: a changed header fails', async () => {
    const changed = signed.replace('V/v báo cáo tình hình triển khai', 'V/v chuyển kinh phí');
    const result = await verifyXmlSignature(changed, { trust, revocationPolicy: 'skip' });
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    expectNeverPassed(result);
  });

  it('a trace header appended by the axis after signing breaks a URI="" signature (signatures.md §1.5)', async () => {
    const traced = signed.replace(
      '</edXML:TraceHeaderList>',
      '<edXML:TraceHeader><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Timestamp>2025/01/16 08:00:00</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>',
    );
    expect(traced).not.toBe(signed);
    const result = await verifyXmlSignature(traced, { trust, revocationPolicy: 'skip' });
    expect(result.subIndication).toBe('HASH_FAILURE');
  });

  it('revocation: required by default (TRY_LATER without evidence for a CA-issued signer), good with a CRL, REVOKED when listed', async () => {
    const root = pki.rootCa('root-for-revocation');
    const leaf = pki.issue(root, 'leaf-for-revocation');
    const revoked = pki.issue(root, 'revoked-leaf');
    const rootTrust = createTrustStore({ anchors: [root.certificate] });
    const good = signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate });
    const bad = signEdxml(unsigned, { key: revoked.key, certificate: revoked.certificate });
    const later = new Date(Date.now() + 60_000);

    const noEvidence = await verifyXmlSignature(good, { trust: rootTrust, at: later });
    expect([noEvidence.indication, noEvidence.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    const crl = pki.crl(root, [revoked]);
    const withCrl = await verifyXmlSignature(good, { trust: rootTrust, at: later, revocation: { crls: [crl] } });
    expect(withCrl.indication).toBe('TOTAL-PASSED');
    expect(withCrl.signatures[0]?.revocation[0]).toMatchObject({ source: 'crl', status: 'good' });
    expect(withCrl.signatures[0]?.chain.map((entry) => entry.source)).toEqual(['embedded', 'trust-anchor']);
    const isRevoked = await verifyXmlSignature(bad, { trust: rootTrust, at: later, revocation: { crls: [crl] } });
    expect([isRevoked.indication, isRevoked.subIndication]).toEqual(['TOTAL-FAILED', 'REVOKED']);
    const ifAvailable = await verifyXmlSignature(good, {
      trust: rootTrust,
      at: later,
      revocationPolicy: 'if-available',
    });
    expect(ifAvailable.indication).toBe('TOTAL-PASSED');
  });

  it('builds the path through an intermediate carried in KeyInfo or supplied by the caller', async () => {
    const root = pki.rootCa('root-for-chain');
    const intermediate = pki.issue(root, 'intermediate', { ca: true });
    const leaf = pki.issue(intermediate, 'leaf-under-intermediate');
    const rootTrust = createTrustStore({ anchors: [root.certificate] });
    const withChain = signEdxml(unsigned, {
      key: leaf.key,
      certificate: leaf.certificate,
      chain: [intermediate.certificate],
    });
    const result = await verifyXmlSignature(withChain, { trust: rootTrust, revocationPolicy: 'skip' });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.chain.map((entry) => entry.source)).toEqual(['embedded', 'embedded', 'trust-anchor']);

    const leafOnly = signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate });
    const missing = await verifyXmlSignature(leafOnly, { trust: rootTrust, revocationPolicy: 'skip' });
    expect(missing.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const supplied = await verifyXmlSignature(leafOnly, {
      trust: rootTrust,
      revocationPolicy: 'skip',
      intermediates: [intermediate.certificate],
    });
    expect(supplied.indication).toBe('TOTAL-PASSED');
    expect(supplied.signatures[0]?.chain.map((entry) => entry.source)).toEqual([
      'embedded',
      'supplied',
      'trust-anchor',
    ]);
  });

  it('ID references (edXMLEnvelope by Id) pass only under the explicit coverage policy, and say what they cover', async () => {
    const sig = new SignedXml({
      privateKey: signer.key,
      publicCert: signer.certificate,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC_C14N,
    });
    sig.addReference({
      xpath: "//*[local-name(.)='edXMLEnvelope']",
      transforms: [ENVELOPED, EXC_C14N],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sig.computeSignature(unsigned, {
      prefix: 'ds',
      location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' },
    });
    const byId = sig.getSignedXml();
    const refused = await verifyXmlSignature(byId, { trust, revocationPolicy: 'skip' });
    expect([refused.indication, refused.subIndication]).toEqual(['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE']);
    expect(refused.message.en).toContain('allowIdReferences');
    const allowed = await verifyXmlSignature(byId, {
      trust,
      revocationPolicy: 'skip',
      coverage: { allowIdReferences: true },
    });
    expect(allowed.indication, allowed.message.en).toBe('TOTAL-PASSED');
    expect(allowed.signatures[0]?.coverage).toEqual({ kind: 'references', description: 'URI="#_0" → <edXMLEnvelope>' });
    // What was signed is the envelope only: the attachments outside it are not in the signed bytes.
    expect(allowed.signedXml?.startsWith('<edXML:edXMLEnvelope')).toBe(true);
    expect(allowed.signedXml).not.toContain('AttachmentEncoded');
    // A second element with the same Id (wrapping) is refused before anything else.
    const wrapped = byId.replace('<AttachmentEncoded>', '<AttachmentEncoded><edXML:edXMLEnvelope Id="_0"/>');
    const refusedWrap = await verifyXmlSignature(wrapped, { trust, coverage: { allowIdReferences: true } });
    expect([refusedWrap.indication, refusedWrap.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
  });

  it('never lets a trusted intermediate or root sign in place of the leaf: the KeyInfo leaf is the signer', async () => {
    const root = pki.rootCa('root-for-order');
    const leaf = pki.issue(root, 'leaf-for-order');
    // KeyInfo carries the root first and the leaf second; the signer is the certificate that issued no other.
    const doc = signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate, chain: [root.certificate] });
    const reordered = doc.replace(
      /(<ds:X509Certificate>[^<]+<\/ds:X509Certificate>)(<ds:X509Certificate>[^<]+<\/ds:X509Certificate>)/,
      '$2$1',
    );
    expect(reordered).not.toBe(doc);
    const result = await verifyXmlSignature(reordered, {
      trust: createTrustStore({ anchors: [root.certificate] }),
      revocationPolicy: 'skip',
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.signer?.subject.text).toContain('leaf-for-order');
  });
});

describe('input that never reaches the crypto', () => {
  let signed: string;
  beforeAll(() => {
    signed = signEdxml(sampleEdxml(), { key: signer.key, certificate: signer.certificate });
  });
  const verify = (xml: string | Uint8Array, extra: object = {}) =>
    verifyXmlSignature(xml, { trust, revocationPolicy: 'skip', ...extra });

  const cases: [string, (s: string) => string, string, string][] = [
    [
      'a DOCTYPE',
      (s) => s.replace('<edXML ', '<!DOCTYPE edXML [<!ENTITY a "b">]><edXML '),
      'FORMAT_FAILURE',
      'xml-doctype',
    ],
    [
      'an external entity',
      (s) => s.replace('<edXML ', '<!DOCTYPE edXML SYSTEM "file:///etc/passwd"><edXML '),
      'FORMAT_FAILURE',
      'xml-doctype',
    ],
    [
      'a duplicate Id (wrapping)',
      (s) => s.replace('<edXML:From>', '<edXML:From Id="x"><edXML:x Id="x"/>'),
      'FORMAT_FAILURE',
      'xml-duplicate-id',
    ],
    [
      'a second signature',
      (s) => s.replace(/(<ds:Signature[\s\S]*<\/ds:Signature>)/, '$1$1'),
      'FORMAT_FAILURE',
      'xmldsig-count',
    ],
    [
      'a signature inside MessageHeader',
      (s) => {
        const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(s)?.[0] as string;
        return s.replace(signature, '').replace('</edXML:MessageHeader>', `${signature}</edXML:MessageHeader>`);
      },
      'FORMAT_FAILURE',
      'xmldsig-placement',
    ],
    [
      'a signature that is not the last child of edXMLHeader',
      (s) => {
        const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(s)?.[0] as string;
        return s.replace(signature, '').replace('<edXML:TraceHeaderList>', `${signature}<edXML:TraceHeaderList>`);
      },
      'FORMAT_FAILURE',
      'xmldsig-placement',
    ],
    [
      'a comment inside SignatureValue',
      (s) => s.replace('<ds:SignatureValue>', '<ds:SignatureValue><!--x-->'),
      'FORMAT_FAILURE',
      'xmldsig-signature-value',
    ],
    [
      'a comment inside DigestValue (CVE-2025-29775)',
      (s) => s.replace('<ds:DigestValue>', '<ds:DigestValue><!--AAAA-->'),
      'FORMAT_FAILURE',
      'xmldsig-digest-value',
    ],
    [
      'non-canonical base64 in DigestValue',
      (s) =>
        s.replace(
          /(<ds:DigestValue>[^<]{42})(.)=/,
          (_m, head: string, last: string) => `${head}${String.fromCharCode(last.charCodeAt(0) ^ 1)}=`,
        ),
      'FORMAT_FAILURE',
      'xmldsig-digest-value',
    ],
    [
      'a second SignedInfo (CVE-2025-29774)',
      (s) => s.replace(/(<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>)/, '$1$1'),
      'FORMAT_FAILURE',
      'xmldsig-signedinfo',
    ],
    [
      'an unknown element inside Signature',
      (s) => s.replace('<ds:SignatureValue>', '<ds:Foo/><ds:SignatureValue>'),
      'FORMAT_FAILURE',
      'xmldsig-structure',
    ],
    [
      'an element inside SignedInfo',
      (s) => s.replace('<ds:SignatureMethod', '<Evil/><ds:SignatureMethod'),
      'FORMAT_FAILURE',
      'xmldsig-structure',
    ],
    [
      'HMACOutputLength',
      (s) =>
        s.replace(
          /<ds:SignatureMethod Algorithm="([^"]+)"\s*\/>/,
          '<ds:SignatureMethod Algorithm="$1"><ds:HMACOutputLength>8</ds:HMACOutputLength></ds:SignatureMethod>',
        ),
      'FORMAT_FAILURE',
      'xmldsig-structure',
    ],
    [
      'an XPath transform',
      (s) =>
        s.replace(
          `<ds:Transform Algorithm="${EXC_C14N}"/>`,
          '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>',
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-transforms',
    ],
    [
      'an XSLT transform',
      (s) =>
        s.replace(
          `<ds:Transform Algorithm="${EXC_C14N}"/>`,
          '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"/>',
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-transforms',
    ],
    [
      'three transforms',
      (s) =>
        s.replace(
          `<ds:Transform Algorithm="${EXC_C14N}"/>`,
          `<ds:Transform Algorithm="${EXC_C14N}"/><ds:Transform Algorithm="${EXC_C14N}"/>`,
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-transforms',
    ],
    [
      'a WithComments transform',
      (s) =>
        s.replace(`<ds:Transform Algorithm="${EXC_C14N}"/>`, `<ds:Transform Algorithm="${EXC_C14N}WithComments"/>`),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-transforms',
    ],
    [
      "the SDK's wrong exc-c14n URI",
      (s) =>
        s.replace(
          `<ds:Transform Algorithm="${EXC_C14N}"/>`,
          '<ds:Transform Algorithm="http://www.w3.org/TR/xml-exc-c14n#"/>',
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-transforms',
    ],
    [
      'c14n 1.1 for SignedInfo',
      (s) =>
        s.replace(
          `<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/>`,
          '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>',
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-canonicalization',
    ],
    [
      'HMAC-SHA1',
      (s) =>
        s.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1'),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signature-algorithm',
    ],
    [
      'RSA-MD5',
      (s) =>
        s.replace(
          'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
          'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
        ),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-signature-algorithm',
    ],
    [
      'an MD5 digest',
      (s) => s.replace('http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmldsig-more#md5'),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-digest-algorithm',
    ],
    [
      'a SHA-1 digest',
      (s) => s.replace('http://www.w3.org/2001/04/xmlenc#sha256', SHA1),
      'CRYPTO_CONSTRAINTS_FAILURE',
      'xmldsig-digest-algorithm',
    ],
    [
      'an external Reference URI',
      (s) => s.replace('URI=""', 'URI="http://example.com/evil.xml"'),
      'SIG_CONSTRAINTS_FAILURE',
      'xmldsig-reference-uri',
    ],
    [
      'an xpointer Reference URI',
      (s) => s.replace('URI=""', 'URI="#xpointer(/)"'),
      'SIG_CONSTRAINTS_FAILURE',
      'xmldsig-reference-uri',
    ],
    ['a Reference without URI', (s) => s.replace('URI=""', ''), 'SIG_CONSTRAINTS_FAILURE', 'xmldsig-reference-uri'],
    [
      'an ID reference under the whole-document policy',
      (s) => s.replace('URI=""', 'URI="#h"').replace('<edXML:edXMLHeader>', '<edXML:edXMLHeader Id="h">'),
      'SIG_CONSTRAINTS_FAILURE',
      'xmldsig-coverage',
    ],
    [
      'URI="" without the enveloped-signature transform',
      (s) => s.replace(`<ds:Transform Algorithm="${ENVELOPED}"/>`, ''),
      'SIG_CONSTRAINTS_FAILURE',
      'xmldsig-coverage',
    ],
    [
      'a KeyInfo certificate that is not one',
      (s) => s.replace(/<ds:X509Certificate>[^<]+</, '<ds:X509Certificate>AAAA<'),
      'NO_SIGNING_CERTIFICATE_FOUND',
      'xmldsig-keyinfo',
    ],
    [
      'a SignatureMethod that does not fit the key',
      (s) =>
        s.replace(
          'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
          'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
        ),
      'SIG_CRYPTO_FAILURE',
      'xmldsig-signer-key',
    ],
  ];
  it.each(cases)('%s → %s', async (_name, mutate, subIndication, check) => {
    const mutated = mutate(signed);
    expect(mutated).not.toBe(signed);
    const result = await verify(mutated);
    expect(result.subIndication).toBe(subIndication);
    if (check.startsWith('xml-'))
      expect(result.signatures).toEqual([]); // refused before looking for signatures
    else expect(failedCheckIds(result)).toContain(check);
    expectNeverPassed(result);
  });

  it('refuses oversized input before parsing, whatever its form', async () => {
    const small = { maxBytes: 1000 };
    for (const input of [signed, Buffer.from(signed), 'x'.repeat(5000)]) {
      const result = await verify(input, small);
      expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
      expect(result.message.en).toContain('over the limit');
    }
  });

  it('refuses non-UTF-8 input and other declared encodings', async () => {
    const latin1 = await verify(Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
    expect(latin1.message.en).toContain('UTF-8');
    const declared = await verify('<?xml version="1.0" encoding="ISO-8859-1"?><a/>');
    expect(declared.message.en).toContain('ISO-8859-1');
  });

  it('refuses deep nesting', async () => {
    const deep = `${'<a>'.repeat(200)}${'</a>'.repeat(200)}`;
    const result = await verify(deep);
    expect(result.message.en).toContain('deeper than 64');
    const veryDeep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect((await verify(veryDeep)).subIndication).toBe('FORMAT_FAILURE');
  });

  it('says when there is no signature at all', async () => {
    const result = await verify(sampleEdxml());
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    expect(result.signatures).toEqual([]);
  });

  it('reports a VNPT-style signature (edXML namespace) as a non-standard format', async () => {
    const vnpt = signed
      .replace(
        /<ds:Signature xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/,
        '<Signature xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
      )
      .replace(/<(\/?)ds:/g, '<$1');
    const result = await verify(vnpt);
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    expect(failedCheckIds(result)).toEqual(['xmldsig-namespace']);
  });

  it('gives a result for input cut inside a markup declaration (`<!`, `<![CDATA`), never an exception', async () => {
    for (const input of ['<!', '<a><!', '<a><![CDA', '<a><![CDATA[x', '<a>text<!-']) {
      const result = await verify(input);
      expectNeverPassed(result);
      expect(result.subIndication, input).toBe('FORMAT_FAILURE');
    }
  });

  it('never throws and never passes on arbitrary text or bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (input) => {
        expectNeverPassed(await verify(input));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never passes when the signature element is cut anywhere (property)', async () => {
    const start = signed.indexOf('<ds:Signature');
    const end = signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 40 }), async (at, length) => {
        expectNeverPassed(await verify(signed.slice(0, at) + signed.slice(at + length)));
      }),
      { numRuns: 200 },
    );
  });

  it('throws SignatureError only for programmer errors', async () => {
    const bad: [unknown, unknown][] = [
      [42, { trust }],
      [signed, undefined],
      [signed, { trust: {} }],
      [signed, { trust, at: new Date('x') }],
      [signed, { trust, maxBytes: -1 }],
      [signed, { trust, coverage: 'anything' }],
      [signed, { trust, revocationPolicy: 'never' }],
    ];
    for (const [input, options] of bad)
      await expect(verifyXmlSignature(input as string, options as never)).rejects.toBeInstanceOf(SignatureError);
  });
});

describe('algorithms beyond RSA-SHA256 (signed by xml-crypto at test time)', () => {
  function signWith(credential: Credential, signatureAlgorithm: string, transforms: string[] = [ENVELOPED, EXC_C14N]) {
    const sig = new SignedXml({
      privateKey: credential.key,
      publicCert: credential.certificate,
      signatureAlgorithm,
      canonicalizationAlgorithm: EXC_C14N,
    });
    sig.addReference({
      xpath: '/*',
      transforms,
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      isEmptyUri: true,
    });
    sig.computeSignature(sampleEdxml());
    return sig.getSignedXml();
  }

  it('RSASSA-PSS (sha256-rsa-MGF1) and RSA-SHA512 pass', async () => {
    for (const method of [
      'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
    ]) {
      const result = await verifyXmlSignature(signWith(signer, method), { trust, revocationPolicy: 'skip' });
      expect(result.indication, method).toBe('TOTAL-PASSED');
    }
  });

  it('exc-c14n#WithComments transforms pass only when allowed', async () => {
    const doc = signWith(signer, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', [
      ENVELOPED,
      `${EXC_C14N}WithComments`,
    ]);
    const refused = await verifyXmlSignature(doc, { trust, revocationPolicy: 'skip' });
    expect(refused.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
    const allowed = await verifyXmlSignature(doc, { trust, revocationPolicy: 'skip', allowWithComments: true });
    expect(allowed.indication).toBe('TOTAL-PASSED');
  });

  it('a signer key below 2048 bits is refused (CRYPTO_CONSTRAINTS_FAILURE)', async () => {
    const weak = pki.selfSigned('weak', '/CN=weak', 'rsa', 1024);
    const result = await verifyXmlSignature(signWith(weak, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'), {
      trust: createTrustStore({ anchors: [weak.certificate] }),
      revocationPolicy: 'skip',
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
  });

  it('without KeyInfo the signer is found among the trust anchors only', async () => {
    const sig = new SignedXml({
      privateKey: signer.key,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC_C14N,
    });
    sig.addReference({
      xpath: '/*',
      transforms: [ENVELOPED, EXC_C14N],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      isEmptyUri: true,
    });
    sig.computeSignature(sampleEdxml());
    const bare = sig.getSignedXml();
    expect(bare).not.toContain('KeyInfo');
    const other = pki.selfSigned('other-anchor');
    const found = await verifyXmlSignature(bare, {
      trust: createTrustStore({ anchors: [other.certificate, signer.certificate] }),
      revocationPolicy: 'skip',
    });
    expect(found.indication).toBe('TOTAL-PASSED');
    expect(found.signatures[0]?.signer?.subject.text).toContain('Văn thư');
    const notFound = await verifyXmlSignature(bare, {
      trust: createTrustStore({ anchors: [other.certificate] }),
      revocationPolicy: 'skip',
    });
    expect([notFound.indication, notFound.subIndication]).toEqual(['TOTAL-FAILED', 'SIG_CRYPTO_FAILURE']);
    const twoWrong = await verifyXmlSignature(bare, {
      trust: createTrustStore({ anchors: [other.certificate, pki.selfSigned('third').certificate] }),
      revocationPolicy: 'skip',
    });
    expect([twoWrong.indication, twoWrong.subIndication]).toEqual(['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']);
    const empty = await verifyXmlSignature(bare, { trust: createTrustStore({}) });
    expect(empty.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
  });
});
