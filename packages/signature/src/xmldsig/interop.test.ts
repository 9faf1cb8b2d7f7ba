/*
 * Interop with xmlsec1 (Debian package xmlsec1, libxmlsec1 + OpenSSL), an implementation independent of
 * xml-crypto: envelopes xmlsec1 signs verify with us, envelopes signEdxml writes verify with xmlsec1, and
 * both refuse the same tampering. Without xmlsec1 the tests are skipped with the reason printed — except in
 * CI, where .ci/run installs it and its absence fails the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument, parseEdxml, serializeEdxml } from '@lienthong/edxml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore } from '../pkix';
import { signEdxml } from './sign';
import { type Credential, FIXTURES, hasCommand, TestPki, xmlsec1, xmlsecTemplate } from './test-support';
import { verifyXmlSignature } from './verify';

const XMLSEC1 = hasCommand('xmlsec1');
const IN_CI = Boolean(process.env.CI);
const RUN = XMLSEC1 || IN_CI;
const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';

if (!RUN)
  console.warn('[xmldsig] xmlsec1 not found: interop tests skipped (apt-get install xmlsec1; CI fails instead).');

function unsignedEdxml(): string {
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v thử nghiệm liên thông chữ ký số',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: 'cong-van.pdf', data: Buffer.from('%PDF-1.4\n% xmlsec1 interop\n%%EOF\n') }],
    }),
  );
}

if (!RUN)
  describe('xmlsec1 interop', () => {
    it.skip('skipped: xmlsec1 is not installed (apt-get install xmlsec1)', () => {});
  });

describe.runIf(RUN)('xmlsec1 interop', () => {
  let pki: TestPki;
  let selfSigned: Credential;
  let unsigned: string;

  beforeAll(() => {
    pki = new TestPki();
    selfSigned = pki.selfSigned('xmlsec-signer', '/C=VN/O=Văn phòng Chính phủ/CN=Văn thư VPCP/UID=MST:0101234567');
    unsigned = unsignedEdxml();
  });
  afterAll(() => pki?.dispose());

  it('xmlsec1 is installed (CI installs it through .ci/run)', () => {
    expect(XMLSEC1, 'xmlsec1 is missing: apt-get install xmlsec1').toBe(true);
  });

  /** Signs `unsigned` with xmlsec1 from a template placed as the last child of edXMLHeader. */
  function signWithXmlsec(credential: Credential, chain: Credential[], signatureMethod: string, digestMethod?: string) {
    const template = unsigned.replace(
      '</edXML:edXMLHeader>',
      `${xmlsecTemplate(signatureMethod, digestMethod)}</edXML:edXMLHeader>`,
    );
    const name = `tmpl-${Math.random().toString(36).slice(2)}`;
    const input = pki.file(`${name}.xml`, template);
    const output = join(pki.dir, `${name}.signed.xml`);
    const keys = [credential.keyPath, credential.certPath, ...chain.map((c) => c.certPath)].join(',');
    const run = xmlsec1(['--sign', '--privkey-pem', keys, '--output', output, input]);
    expect(run.status, run.output).toBe(0);
    return readFileSync(output, 'utf8');
  }

  describe('xmlsec1 signs, we verify', () => {
    it('RSA-SHA256 with a self-signed certificate', async () => {
      const signed = signWithXmlsec(selfSigned, [], `${MORE}rsa-sha256`);
      const result = await verifyXmlSignature(signed, {
        trust: createTrustStore({ anchors: [selfSigned.certificate] }),
        revocationPolicy: 'skip',
      });
      expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
      expect(result.signedMessage).toEqual(parseEdxml(unsigned).message);
      expect(result.signatures[0]?.signer?.identifiers[0]).toMatchObject({ type: 'MST', value: '0101234567' });
    });

    it('RSA-SHA256 by a leaf under an intermediate, chain in KeyInfo, root as the anchor, revocation from a CRL', async () => {
      const root = pki.rootCa('xmlsec-root');
      const intermediate = pki.issue(root, 'xmlsec-intermediate', { ca: true });
      const leaf = pki.issue(intermediate, 'xmlsec-leaf');
      const signed = signWithXmlsec(leaf, [intermediate], `${MORE}rsa-sha256`);
      const result = await verifyXmlSignature(signed, {
        trust: createTrustStore({ anchors: [root.certificate] }),
        at: new Date(Date.now() + 60_000),
        revocation: { crls: [pki.crl(root), pki.crl(intermediate)] },
      });
      expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
      expect(result.signatures[0]?.chain).toHaveLength(3);
      expect(result.signatures[0]?.revocation.map((r) => r.status)).toEqual(['good', 'good']);
    });

    it('ECDSA-SHA256 (P-256), RSA-SHA384/SHA-384 and RSA-SHA512/SHA-512', async () => {
      const ec = pki.selfSigned('xmlsec-ec', '/C=VN/CN=EC signer', 'ec');
      const cases: [Credential, string, string | undefined, string][] = [
        [ec, `${MORE}ecdsa-sha256`, undefined, 'ECDSA-SHA256'],
        [selfSigned, `${MORE}rsa-sha384`, `${MORE}sha384`, 'RSA-SHA384'],
        [selfSigned, `${MORE}rsa-sha512`, 'http://www.w3.org/2001/04/xmlenc#sha512', 'RSA-SHA512'],
      ];
      for (const [credential, method, digest, label] of cases) {
        const signed = signWithXmlsec(credential, [], method, digest);
        const result = await verifyXmlSignature(signed, {
          trust: createTrustStore({ anchors: [credential.certificate] }),
          revocationPolicy: 'skip',
        });
        expect(result.indication, `${label}: ${result.message.en}`).toBe('TOTAL-PASSED');
        expect(result.signatures[0]?.algorithms.signature).toBe(label);
      }
    });

    it('RSA-SHA1: refused by default, accepted as legacy with allowSha1', async () => {
      const signed = signWithXmlsec(
        selfSigned,
        [],
        'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
        'http://www.w3.org/2000/09/xmldsig#sha1',
      );
      const trust = createTrustStore({ anchors: [selfSigned.certificate] });
      const refused = await verifyXmlSignature(signed, { trust, revocationPolicy: 'skip' });
      expect([refused.indication, refused.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
      const accepted = await verifyXmlSignature(signed, { trust, revocationPolicy: 'skip', allowSha1: true });
      expect(accepted.indication).toBe('TOTAL-PASSED');
      expect(accepted.signatures[0]?.legacy).toBe(true);
    });

    it('CRLF line endings (as Windows tools write them) verify with both', async () => {
      const signed = signWithXmlsec(selfSigned, [], `${MORE}rsa-sha256`).replace(/\n/g, '\r\n');
      expect(signed).toContain('\r\n');
      const path = pki.file('crlf.xml', signed);
      expect(xmlsec1(['--verify', '--trusted-pem', selfSigned.certPath, path]).status).toBe(0);
      const result = await verifyXmlSignature(Buffer.from(signed), {
        trust: createTrustStore({ anchors: [selfSigned.certificate] }),
        revocationPolicy: 'skip',
      });
      expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
    });

    it('both refuse the same tampering', async () => {
      const signed = signWithXmlsec(selfSigned, [], `${MORE}rsa-sha256`);
      const tampered = signed.replace('V/v thử nghiệm liên thông chữ ký số', 'V/v thử nghiệm liên thông chữ ký sổ');
      const path = pki.file('tampered.xml', tampered);
      expect(xmlsec1(['--verify', '--trusted-pem', selfSigned.certPath, path]).status).not.toBe(0);
      const result = await verifyXmlSignature(tampered, {
        trust: createTrustStore({ anchors: [selfSigned.certificate] }),
        revocationPolicy: 'skip',
      });
      expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    });
  });

  describe('signEdxml signs, xmlsec1 verifies', () => {
    it('with the signer certificate trusted, or its public key given', () => {
      const signed = signEdxml(unsigned, { key: selfSigned.key, certificate: selfSigned.certificate });
      const path = pki.file('ours.xml', signed);
      const trusted = xmlsec1(['--verify', '--trusted-pem', selfSigned.certPath, path]);
      expect(trusted.status, trusted.output).toBe(0);
      expect(trusted.output).toContain('OK');
      expect(trusted.output).toContain('SignedInfo References (ok/all): 1/1');
      const pinned = xmlsec1(['--verify', '--pubkey-cert-pem', selfSigned.certPath, path]);
      expect(pinned.status, pinned.output).toBe(0);
    });

    it('with the chain in KeyInfo and only the root trusted', () => {
      const root = pki.rootCa('ours-root');
      const intermediate = pki.issue(root, 'ours-intermediate', { ca: true });
      const leaf = pki.issue(intermediate, 'ours-leaf');
      const signed = signEdxml(unsigned, {
        key: leaf.key,
        certificate: leaf.certificate,
        chain: [intermediate.certificate],
      });
      const path = pki.file('ours-chain.xml', signed);
      const run = xmlsec1(['--verify', '--trusted-pem', root.certPath, path]);
      expect(run.status, run.output).toBe(0);
      // Without the intermediate, xmlsec1 cannot build the chain either.
      const leafOnly = pki.file(
        'ours-leaf-only.xml',
        signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate }),
      );
      expect(xmlsec1(['--verify', '--trusted-pem', root.certPath, leafOnly]).status).not.toBe(0);
    });

    it('and refuses what we refuse after tampering', () => {
      const signed = signEdxml(unsigned, { key: selfSigned.key, certificate: selfSigned.certificate });
      const tampered = pki.file('ours-tampered.xml', signed.replace('Nguyễn Văn A', 'Nguyễn Văn B'));
      expect(xmlsec1(['--verify', '--trusted-pem', selfSigned.certPath, tampered]).status).not.toBe(0);
    });
  });

  it('agrees on the corpus envelope at the pinned time and outside the certificate validity', async () => {
    const file = join(FIXTURES, 'generated/edxml-like-enveloped-rsa-sha256.xml');
    const anchor = join(FIXTURES, 'generated/test-signer-selfsigned.pem');
    const inside = xmlsec1(['--verify', '--trusted-pem', anchor, '--verification-time', '2027-01-01+00:00:00', file]);
    expect(inside.status, inside.output).toBe(0);
    const before = xmlsec1(['--verify', '--trusted-pem', anchor, '--verification-time', '2026-01-01+00:00:00', file]);
    expect(before.status).not.toBe(0);
    const trust = createTrustStore({ files: [anchor] });
    expect(
      (await verifyXmlSignature(readFileSync(file), { trust, at: new Date('2027-01-01T00:00:00Z') })).indication,
    ).toBe('TOTAL-PASSED');
    expect(
      (await verifyXmlSignature(readFileSync(file), { trust, at: new Date('2026-01-01T00:00:00Z') })).indication,
    ).not.toBe('TOTAL-PASSED');
  });
});
