/**
 * signCmsDetached / signCmsAttached: the structure they write (DER, sorted signed attributes, the four CAdES-BES
 * attributes), round trips through verifyCms for every supported key and digest, and SignatureError for every
 * programmer error. Keys and certificates are made by the openssl CLI in a temporary directory.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { createTrustStore } from '../pkix';
import { children, encode, raw, readOid, readTime, readTlv, type Tlv, value } from './der';
import { signCmsAttached, signCmsDetached, verifyCms } from './index';
import { OID } from './oids';
import { parseSignedData } from './parse';
import { OpensslLab, opensslStatus } from './testkit';

const openssl = opensslStatus();

describe.skipIf(!openssl.available)('signCmsDetached / signCmsAttached', () => {
  let lab: OpensslLab;
  const pem: Record<string, string> = {};
  const key = (name: string): string => lab.text(`${name}.key`);
  const content = new TextEncoder().encode('Quyết định số 45/QĐ-UBND\n');
  const signingTime = new Date('2026-11-20T08:30:00Z');

  beforeAll(() => {
    lab = new OpensslLab();
    pem.rsa = lab.selfSigned('rsa', 'rsa:2048');
    pem.ec = lab.selfSigned('ec', 'ec:P-256');
    pem.ec521 = lab.selfSigned('ec521', 'ec:P-521');
    pem.pss = lab.selfSigned('pss', 'rsa-pss:2048');
    pem.weak = lab.selfSigned('weak', 'rsa:1024');
    pem.k1 = lab.selfSigned('k1', 'ec:secp256k1');
    lab.must(['rsa', '-in', 'rsa.key', '-traditional', '-out', 'rsa-pkcs1.key']);
    lab.must(['pkcs8', '-topk8', '-in', 'rsa.key', '-passout', 'pass:secret', '-out', 'rsa-encrypted.key']);
  }, 60_000);
  afterAll(() => lab?.dispose());

  const trustFor = (name: string) => createTrustStore({ anchors: [pem[name] as string] });

  it('writes a DER SignedData v1 with content-type, signing-time, message-digest and signing-certificate-v2', () => {
    const cms = signCmsDetached(content, { key: key('rsa'), certificate: pem.rsa as string, signingTime });
    const structure = parseSignedData(cms);
    expect(structure).toMatchObject({ version: 1, eContentType: OID.data, eContent: undefined });
    expect(structure.certificates).toHaveLength(1);
    const [signer] = structure.signerInfos;
    expect(signer?.version).toBe(1);
    expect(signer?.sid.kind).toBe('issuerAndSerialNumber');
    const attributes = signer?.signedAttrs?.attributes ?? [];
    expect(attributes.map((attribute) => attribute.oid).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort(),
    );
    // DER SET OF: elements in ascending order of their encodings.
    const encodings = attributes.map((attribute) => Buffer.from(attribute.encoded));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    const attributeValue = (oid: string): Tlv =>
      attributes.find((attribute) => attribute.oid === oid)?.values[0] as Tlv;
    expect(readTime(cms, attributeValue(OID.signingTime))).toEqual(signingTime);
    expect(Buffer.from(value(cms, attributeValue(OID.messageDigest)))).toEqual(
      createHash('sha256').update(content).digest(),
    );
    expect(readOid(cms, attributeValue(OID.contentType))).toBe(OID.data);
    // ESSCertIDv2 with the default hash (SHA-256) omits hashAlgorithm.
    const ess = attributeValue(OID.signingCertificateV2);
    const certId = children(cms, children(cms, children(cms, ess)[0] as Tlv)[0] as Tlv);
    expect(certId[0]?.id).toBe(0x04);
    expect(Buffer.from(value(cms, certId[0] as Tlv))).toEqual(
      createHash('sha256')
        .update(structure.certificates[0] as Uint8Array)
        .digest(),
    );
    // The whole output is canonical DER: re-reading the outer element consumes every byte.
    expect(readTlv(cms, 0, cms.length).end).toBe(cms.length);
    expect(raw(cms, readTlv(cms, 0, cms.length))).toEqual(cms);
  });

  it.each([
    ['rsa', {}, 'RSASSA-PKCS1-v1_5 (RSA 2048)', 'SHA-256'],
    ['rsa', { pss: true }, 'RSASSA-PSS (MGF1 SHA-256, salt 32) (RSA 2048)', 'SHA-256'],
    ['rsa', { digest: 'sha512' }, 'RSASSA-PKCS1-v1_5 (RSA 2048)', 'SHA-512'],
    ['pss', {}, 'RSASSA-PSS (MGF1 SHA-256, salt 32) (RSA 2048)', 'SHA-256'],
    ['ec', {}, 'ECDSA (EC P-256)', 'SHA-256'],
    ['ec521', { digest: 'sha512' }, 'ECDSA (EC P-521)', 'SHA-512'],
  ] as const)('round trip %s %o → %s', async (name, extra, algorithm, digest) => {
    const options = { key: key(name), certificate: pem[name] as string, signingTime, ...extra };
    const trust = trustFor(name);
    const detached = await verifyCms(signCmsDetached(content, options), { trust, content, revocationPolicy: 'skip' });
    expect(detached.indication).toBe('TOTAL-PASSED');
    expect(detached.signatures[0]?.algorithms).toEqual({ digest, signature: algorithm });
    expect(detached.signatures[0]?.signingTime.claimed).toBe(signingTime.toISOString());
    const attached = await verifyCms(signCmsAttached(content, options), { trust, revocationPolicy: 'skip' });
    expect(attached.indication).toBe('TOTAL-PASSED');
    expect(attached.signedContent).toEqual(content);
  });

  it('reads PKCS#1 ("RSA PRIVATE KEY") keys and embeds the chain', async () => {
    const cms = signCmsDetached(content, {
      key: lab.text('rsa-pkcs1.key'),
      certificate: pem.rsa as string,
      chain: [`${pem.ec}${pem.ec521}`],
    });
    expect(parseSignedData(cms).certificates).toHaveLength(3);
    const result = await verifyCms(cms, { trust: trustFor('rsa'), content, revocationPolicy: 'skip' });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('verifies signed attributes stored out of DER order (signed as the sorted SET), as OpenSSL does', async () => {
    const cms = signCmsDetached(content, { key: key('rsa'), certificate: pem.rsa as string });
    const attrs = parseSignedData(cms).signerInfos[0]?.signedAttrs;
    if (!attrs) throw new Error('no signed attributes');
    const reversed = encode(0xa0, ...[...attrs.attributes].reverse().map((attribute) => attribute.encoded));
    expect(reversed.length).toBe(attrs.encoded.length);
    const at = Buffer.from(cms).indexOf(Buffer.from(attrs.encoded));
    const shuffled = new Uint8Array(cms);
    shuffled.set(reversed, at);
    const trust = trustFor('rsa');
    expect((await verifyCms(shuffled, { trust, content, revocationPolicy: 'skip' })).indication).toBe('TOTAL-PASSED');
    // A real change inside the attributes still fails: a digit of the signing time.
    const time = attrs.attributes.find((attribute) => attribute.oid === OID.signingTime)?.encoded as Uint8Array;
    const digit = Buffer.from(shuffled).indexOf(Buffer.from(time)) + time.length - 2;
    shuffled[digit] = (shuffled[digit] as number) ^ 1;
    const broken = await verifyCms(shuffled, { trust, content, revocationPolicy: 'skip' });
    expect(broken).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
  });

  it('signs empty content', async () => {
    const empty = new Uint8Array(0);
    const cms = signCmsDetached(empty, { key: key('ec'), certificate: pem.ec as string });
    const result = await verifyCms(cms, { trust: trustFor('ec'), content: empty, revocationPolicy: 'skip' });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('throws SignatureError for programmer errors', () => {
    const expectError = (run: () => unknown, code: string) => {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        expect((error as SignatureError).code).toBe(code);
      }
    };
    const rsa = { key: key('rsa'), certificate: pem.rsa as string };
    expectError(() => signCmsDetached('text' as never, rsa), 'INVALID_ARGUMENT');
    expectError(() => signCmsDetached(content, { ...rsa, key: key('ec') }), 'KEY_UNUSABLE'); // not the cert's key
    expectError(() => signCmsDetached(content, { key: key('weak'), certificate: pem.weak as string }), 'KEY_UNUSABLE');
    expectError(() => signCmsDetached(content, { key: key('k1'), certificate: pem.k1 as string }), 'KEY_UNUSABLE');
    expectError(
      () => signCmsDetached(content, { key: key('ec'), certificate: pem.ec as string, pss: true }),
      'INVALID_ARGUMENT',
    );
    expectError(() => signCmsDetached(content, { ...rsa, key: lab.text('rsa-encrypted.key') }), 'KEY_UNUSABLE');
    expectError(() => signCmsDetached(content, { ...rsa, key: 'not a key' }), 'KEY_UNUSABLE');
    expectError(() => signCmsDetached(content, { ...rsa, certificate: 'not a certificate' }), 'INVALID_ARGUMENT');
    expectError(() => signCmsDetached(content, { ...rsa, certificate: `${pem.rsa}${pem.ec}` }), 'INVALID_ARGUMENT');
    expectError(() => signCmsDetached(content, { ...rsa, digest: 'sha1' as never }), 'INVALID_ARGUMENT');
    expectError(() => signCmsDetached(content, { ...rsa, signingTime: new Date(Number.NaN) }), 'INVALID_ARGUMENT');
    expectError(() => signCmsDetached(content, { ...rsa, chain: ['garbage'] }), 'INVALID_ARGUMENT');
  });
});
