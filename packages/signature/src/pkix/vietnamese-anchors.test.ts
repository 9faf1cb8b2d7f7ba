import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from './certificate';
import { validatePath } from './path';
import { createTrustStore } from './trust-store';

/*
 * The real Vietnamese hierarchies, as `openssl verify` sees them (shared/corpus/signatures/SOURCES.md):
 * cpcag2.pem chains to rootcag2.pem, vnpt-ca-sha2.pem to vnrca256.pem. The intermediates are validated as
 * the certificate under test, at a pinned time inside every validity period.
 */

const AT = new Date('2026-06-01T00:00:00Z');

function fixture(name: string) {
  const parsed = parseCertificate(readFileSync(new URL(`../../test/fixtures/pkix/${name}`, import.meta.url)));
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.certificate;
}

describe('real Vietnamese trust anchors', () => {
  const cases = [
    ['cpcag2.pem', 'vgca-root-g2', 'CN=RootCA chuyên dùng Chính phủ G2, O=Ban Cơ yếu Chính phủ, C=VN'],
    [
      'vnpt-ca-sha2.pem',
      'vn-national-root',
      'CN=Vietnam National Root CA, OU=National Centre of Digital Signature Authentication, O=Ministry of Information and Communications, C=VN',
    ],
  ] as const;

  it.each(cases)('%s chains to the bundled %s root (revocation skipped)', async (file, root, anchorText) => {
    const result = await validatePath(fixture(file), {
      trust: createTrustStore({ vietnameseRoots: [root] }),
      at: AT,
      revocationPolicy: 'skip',
      purpose: 'any', // like `openssl verify`: the certificate under test is a CA, not a signer
      leafSource: 'supplied',
    });
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-PASSED', null]);
    expect(result.chain.map((entry) => entry.source)).toEqual(['supplied', 'trust-anchor']);
    expect(result.chain.at(-1)?.subject.text).toBe(anchorText);
  });

  it.each(cases)('%s without a CRL under revocationPolicy require is INDETERMINATE / TRY_LATER', async (file, root) => {
    const result = await validatePath(fixture(file), {
      trust: createTrustStore({ vietnameseRoots: [root] }),
      at: AT,
      purpose: 'any',
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(result.revocation).toEqual([
      { certificateFingerprintSha256: fixture(file).fingerprintSha256, source: 'none', status: 'unknown' },
    ]);
  });

  it('as a signer, the VGCA intermediate fails on key usage (it may only sign certificates and CRLs)', async () => {
    const result = await validatePath(fixture('cpcag2.pem'), {
      trust: createTrustStore({ vietnameseRoots: ['vgca-root-g2'] }),
      at: AT,
      revocationPolicy: 'skip',
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
  });

  it('does not chain across the two hierarchies, nor without naming a root', async () => {
    const crossed = await validatePath(fixture('cpcag2.pem'), {
      trust: createTrustStore({ vietnameseRoots: ['vn-national-root'] }),
      at: AT,
      revocationPolicy: 'skip',
    });
    expect(crossed.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const unnamed = await validatePath(fixture('vnpt-ca-sha2.pem'), {
      trust: createTrustStore({}),
      at: AT,
      revocationPolicy: 'skip',
    });
    expect(unnamed.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('VNPT-CA SHA2 is outside its validity after 2029-08-30', async () => {
    const result = await validatePath(fixture('vnpt-ca-sha2.pem'), {
      trust: createTrustStore({ vietnameseRoots: ['vn-national-root'] }),
      at: new Date('2030-01-01T00:00:00Z'),
      revocationPolicy: 'skip',
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });
});
