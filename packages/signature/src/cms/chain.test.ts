/**
 * verifyCms with the certificate layer: the shared test PKI (test/pki.ts: root → intermediate → leaves, CRLs and
 * OCSP responses with fixed dates) signs CMS through signCmsDetached, and the path outcome — validity, key usage,
 * revocation from supplied or CMS-embedded CRLs and from OCSP — becomes the signature's indication.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, type TestCertificate, type TestPki } from '../../test/pki';
import { createTrustStore } from '../pkix';
import { children, encode, raw, readTlv, type Tlv } from './der';
import { signCmsDetached, verifyCms } from './index';
import { opensslStatus } from './testkit';

const openssl = opensslStatus();

/** The same ContentInfo with a `crls` field ([1] IMPLICIT) after the certificates (unsigned data, like them). */
function withEmbeddedCrls(cms: Uint8Array, crls: readonly Uint8Array[]): Uint8Array {
  const outer = readTlv(cms, 0, cms.length);
  const [type, explicit] = children(cms, outer) as [Tlv, Tlv];
  const signedData = children(cms, explicit)[0] as Tlv;
  const parts: Uint8Array[] = [];
  for (const part of children(cms, signedData)) {
    parts.push(raw(cms, part));
    if (part.id === 0xa0) parts.push(encode(0xa1, ...crls));
  }
  return encode(0x30, raw(cms, type), encode(0xa0, encode(0x30, ...parts)));
}

describe.skipIf(!openssl.available)('verifyCms — certification path and revocation (test PKI)', () => {
  let pki: TestPki;
  let trust: ReturnType<typeof createTrustStore>;
  const content = new TextEncoder().encode('Tờ trình số 7/TTr-STC\n');
  const sign = (leaf: TestCertificate) =>
    signCmsDetached(content, {
      key: readFileSync(leaf.keyPath, 'utf8'),
      certificate: leaf.pem,
      chain: [pki.intermediate.pem],
      signingTime: TEST_PKI_AT,
    });

  beforeAll(() => {
    pki = createTestPki();
    trust = createTrustStore({ anchors: [pki.root.pem] });
  }, 180_000);

  it('passes with revocation checked against supplied CRLs, and reports the evidence', async () => {
    const result = await verifyCms(sign(pki.leaves.valid), {
      trust,
      content,
      at: TEST_PKI_AT,
      revocation: { crls: [pki.crls.root.der, pki.crls.intermediate.der] },
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    const [signature] = result.signatures;
    expect(signature?.chain).toHaveLength(3);
    expect(signature?.revocation.map((evidence) => [evidence.source, evidence.status])).toEqual([
      ['crl', 'good'],
      ['crl', 'good'],
    ]);
    expect(signature?.signer?.identifiers.map((identifier) => identifier.type)).toContain('CCCD');
  });

  it('requires revocation data by default: without it, INDETERMINATE/TRY_LATER', async () => {
    const result = await verifyCms(sign(pki.leaves.valid), { trust, content, at: TEST_PKI_AT });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
  });

  it('uses CRLs embedded in the CMS: a revoked signer is TOTAL-FAILED/REVOKED', async () => {
    const cms = withEmbeddedCrls(sign(pki.leaves.revoked), [pki.crls.root.der, pki.crls.intermediate.der]);
    const result = await verifyCms(cms, { trust, content, at: TEST_PKI_AT });
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'REVOKED' });
    expect(result.signatures[0]?.checks.find((check) => check.id === 'cms.signature')?.passed).toBe(true);
    const good = withEmbeddedCrls(sign(pki.leaves.valid), [pki.crls.root.der, pki.crls.intermediate.der]);
    expect((await verifyCms(good, { trust, content, at: TEST_PKI_AT })).indication).toBe('TOTAL-PASSED');
  });

  it('uses supplied OCSP responses', async () => {
    const result = await verifyCms(sign(pki.leaves.revoked), {
      trust,
      content,
      at: TEST_PKI_AT,
      revocation: { ocspResponses: [pki.ocsp.revokedByResponder.der], crls: [pki.crls.root.der] },
    });
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'REVOKED' });
  });

  it('maps the path outcome: not yet valid, expired, encipherment-only, untrusted root', async () => {
    const outcome = async (leaf: TestCertificate) => {
      const result = await verifyCms(sign(leaf), { trust, content, at: TEST_PKI_AT, revocationPolicy: 'skip' });
      return [result.indication, result.subIndication];
    };
    expect(await outcome(pki.leaves.notYetValid)).toEqual(['TOTAL-FAILED', 'NOT_YET_VALID']);
    expect(await outcome(pki.leaves.expired)).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    expect(await outcome(pki.leaves.enciphermentOnly)).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    expect(await outcome(pki.leaves.underUntrustedRoot)).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(await outcome(pki.leaves.ecP256)).toEqual(['TOTAL-PASSED', null]);
  });

  it('a hash failure is reported before the path is even looked at', async () => {
    const result = await verifyCms(sign(pki.leaves.revoked), {
      trust,
      content: content.subarray(1),
      at: TEST_PKI_AT,
      revocation: { crls: [pki.crls.root.der, pki.crls.intermediate.der] },
    });
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
    expect(result.signatures[0]?.chain).toEqual([]);
  });
});
