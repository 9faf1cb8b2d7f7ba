import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPki,
  TEST_PKI_AFTER_CRL_NEXT_UPDATE,
  TEST_PKI_AT,
  type TestCertificate,
  type TestPki,
} from '../../test/pki';
import {
  ChainEntrySchema,
  CheckSchema,
  type Indication,
  RevocationEvidenceSchema,
  type SubIndication,
} from '../model/result';
import { type ParsedCertificate, parseCertificate } from './certificate';
import { type PathValidationOptions, type PathValidationResult, validatePath } from './path';
import { createTrustStore, type TrustStore } from './trust-store';

function parsed(item: TestCertificate): ParsedCertificate {
  const result = parseCertificate(item.der);
  if (!result.ok) throw new Error(result.reason.en);
  return result.certificate;
}

function expectWellFormed(result: PathValidationResult): void {
  for (const entry of result.chain) ChainEntrySchema.parse(entry);
  for (const evidence of result.revocation) RevocationEvidenceSchema.parse(evidence);
  for (const check of result.checks) CheckSchema.parse(check);
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  expect(result.ok).toBe(result.indication === 'TOTAL-PASSED');
}

let pki: TestPki;
let trust: TrustStore;
let intermediates: PathValidationOptions['intermediates'];
let revocation: PathValidationOptions['revocation'];

beforeAll(() => {
  pki = createTestPki();
  trust = createTrustStore({ anchors: [pki.root.pem] });
  intermediates = [
    pki.intermediate,
    pki.caWithoutKeyCertSign,
    pki.subCaBeyondPathLength,
    pki.notCa,
    pki.revokedCa,
    pki.untrustedRoot,
    pki.impostorRoot,
  ].map((item) => ({ certificate: parsed(item), source: 'embedded' as const }));
  revocation = { crls: [pki.crls.root.der, pki.crls.intermediate.pem, pki.crls.revokedCa.der] };
}, 180_000);

async function validate(
  leaf: TestCertificate,
  extra: Partial<PathValidationOptions> = {},
): Promise<PathValidationResult> {
  const result = await validatePath(parsed(leaf), { trust, intermediates, at: TEST_PKI_AT, revocation, ...extra });
  expectWellFormed(result);
  return result;
}

describe('validatePath on every test-PKI variant (revocation required, CRLs supplied)', () => {
  const cases: [keyof TestPki['leaves'], Indication, SubIndication | null, string?][] = [
    ['valid', 'TOTAL-PASSED', null],
    ['organisation', 'TOTAL-PASSED', null],
    ['ecP256', 'TOTAL-PASSED', null],
    ['rsaPssSigned', 'TOTAL-PASSED', null],
    ['revokedAfterAt', 'TOTAL-PASSED', null],
    ['expired', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'pkix.validity'],
    ['notYetValid', 'TOTAL-FAILED', 'NOT_YET_VALID', 'pkix.validity'],
    ['revoked', 'TOTAL-FAILED', 'REVOKED', 'pkix.revocation'],
    ['onHold', 'TOTAL-FAILED', 'REVOKED', 'pkix.revocation'],
    ['enciphermentOnly', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'pkix.signer-key-usage'],
    ['unknownCriticalExtension', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'pkix.critical-extensions'],
    ['sha1Signed', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 'pkix.signature-algorithm'],
    ['rsa1024', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 'pkix.public-key'],
    ['underCaWithoutKeyCertSign', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'pkix.key-cert-sign'],
    ['underPathLengthViolation', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'pkix.path-length'],
    ['underNotCa', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'pkix.basic-constraints'],
    ['underRevokedCa', 'INDETERMINATE', 'REVOKED_CA_NO_POE', 'pkix.revocation'],
    ['underUntrustedRoot', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', 'pkix.chain'],
    ['underImpostorRoot', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', 'pkix.chain'],
  ];
  it.each(cases)('%s → %s / %s', async (name, indication, subIndication, failedCheck) => {
    const result = await validate(pki.leaves[name]);
    expect({ indication: result.indication, subIndication: result.subIndication }).toEqual({
      indication,
      subIndication,
    });
    if (failedCheck) {
      const failed = result.checks.find((check) => !check.passed && check.id === failedCheck);
      expect(failed?.message).toEqual(result.message);
    }
  });

  it('reports the path signer first with each certificate’s source, and evidence for each non-anchor', async () => {
    const result = await validate(pki.leaves.valid);
    const commonName = (entry: (typeof result.chain)[number]) =>
      entry.subject.attributes.find((attribute) => attribute.name === 'CN')?.value;
    expect(result.chain.map((entry) => [commonName(entry), entry.source])).toEqual([
      ['Nguyễn Văn A', 'embedded'],
      ['CA phục vụ các cơ quan Nhà nước (thử nghiệm)', 'embedded'],
      ['Lienthong Test Root CA', 'trust-anchor'],
    ]);
    expect(result.checks.every((check) => check.passed)).toBe(true);
    expect(result.chain[0]?.identifiers.map((identifier) => identifier.type)).toEqual(['MST', 'CCCD', 'MNS']);
    expect(result.revocation).toEqual([
      expect.objectContaining({
        source: 'crl',
        status: 'good',
        certificateFingerprintSha256: result.chain[0]?.fingerprintSha256,
      }),
      expect.objectContaining({
        source: 'crl',
        status: 'good',
        certificateFingerprintSha256: result.chain[1]?.fingerprintSha256,
      }),
    ]);
    expect(result.legacy).toBe(false);
  });

  it('records the revocation reason and time for revoked, on-hold and later-revoked certificates', async () => {
    const revoked = await validate(pki.leaves.revoked);
    expect(revoked.revocation[0]).toMatchObject({
      status: 'revoked',
      reason: 'keyCompromise',
      revokedAt: '2026-03-01T00:00:00.000Z',
    });
    const onHold = await validate(pki.leaves.onHold);
    expect(onHold.revocation[0]).toMatchObject({ status: 'revoked', reason: 'certificateHold' });
    expect(onHold.message.en).toContain('suspended (certificateHold)');
    expect(onHold.message.vi).toContain('tạm dừng');
    const later = await validate(pki.leaves.revokedAfterAt);
    expect(later.revocation[0]).toMatchObject({
      status: 'revoked',
      reason: 'superseded',
      revokedAt: '2026-09-01T00:00:00.000Z',
    });
    expect(await validate(pki.leaves.revokedAfterAt, { at: new Date('2026-09-02T00:00:00Z') })).toMatchObject({
      indication: 'INDETERMINATE', // the CRL's nextUpdate (2026-07-01) is before that time
      subIndication: 'TRY_LATER',
    });
  });

  it('an expired signer gives EXPIRED when a timestamp proves the validation time', async () => {
    const result = await validate(pki.leaves.expired, { timeProof: 'timestamp' });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'EXPIRED']);
  });

  it('accepts SHA-1 certificate signatures only with allowSha1, and says so', async () => {
    const result = await validate(pki.leaves.sha1Signed, { allowSha1: true });
    expect([result.indication, result.legacy]).toEqual(['TOTAL-PASSED', true]);
    expect(
      result.checks.some((check) => check.id === 'pkix.signature-algorithm' && check.message.en.includes('legacy')),
    ).toBe(true);
  });

  it('checks the purpose: a TSA needs id-kp-timeStamping', async () => {
    expect((await validate(pki.leaves.timestamping, { purpose: 'timestamping' })).indication).toBe('TOTAL-PASSED');
    const plain = await validate(pki.leaves.valid, { purpose: 'timestamping' });
    expect([plain.subIndication, plain.checks.find((check) => !check.passed)?.id]).toEqual([
      'CHAIN_CONSTRAINTS_FAILURE',
      'pkix.signer-purpose',
    ]);
  });
});

describe('trust', () => {
  it('never trusts a root because it arrived with the signature', async () => {
    const result = await validatePath(parsed(pki.leaves.valid), {
      trust: createTrustStore(),
      intermediates: [pki.intermediate.der, { certificate: pki.root.pem, source: 'embedded' }],
      at: TEST_PKI_AT,
      revocation,
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(result.chain.map((entry) => entry.source)).toEqual(['embedded', 'supplied', 'embedded']);
    expect(result.message.en).toContain('not a configured trust anchor');
  });

  it('says which issuer is missing when no intermediate is given', async () => {
    const result = await validatePath(parsed(pki.leaves.valid), { trust, at: TEST_PKI_AT, revocation });
    expect(result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(result.message.en).toContain('CA phục vụ các cơ quan Nhà nước (thử nghiệm)');
  });

  it('explains an impostor root: same name as the anchor, other key', async () => {
    const result = await validate(pki.leaves.underImpostorRoot);
    expect(result.checks.some((check) => check.id === 'pkix.chain-candidate' && !check.passed)).toBe(true);
    expect(result.message.en).toContain('another key');
  });

  it('tries every candidate issuer: the first one with the name fails, the next one succeeds', async () => {
    const both = createTrustStore({ anchors: [pki.root.pem, pki.impostorRoot.pem] });
    const result = await validate(pki.leaves.underImpostorRoot, { trust: both, revocationPolicy: 'skip' });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.chain.at(-1)?.fingerprintSha256).toBe(parsed(pki.impostorRoot).fingerprintSha256);
  });

  it('stops at eight certificates: a leaf under eight CAs has no path; one under five has', async () => {
    const deep = { intermediates: pki.deepCas.map((ca) => ca.der), revocationPolicy: 'skip' as const };
    const tooDeep = await validate(pki.leaves.underDeepChain, deep);
    expect(tooDeep.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(tooDeep.chain).toHaveLength(8);
    const fifth = await validatePath(parsed(pki.deepCas[4] as TestCertificate), {
      trust,
      at: TEST_PKI_AT,
      purpose: 'any',
      ...deep,
    });
    expect([fifth.indication, fifth.chain.length]).toEqual(['TOTAL-PASSED', 6]);
  });

  it('terminates on a cross-certification loop, and uses the loop CA once it is trusted', async () => {
    const loop = { intermediates: [pki.loopCaX.der, pki.loopCaY.der], revocationPolicy: 'skip' as const };
    const untrusted = await validate(pki.leaves.underLoop, loop);
    expect(untrusted.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    // The longest path explored is the leaf and the two loop CAs, each once: the search never went round the loop.
    expect(untrusted.chain).toHaveLength(3);
    expect(new Set(untrusted.chain.map((entry) => entry.fingerprintSha256)).size).toBe(3);
    const trusted = await validate(pki.leaves.underLoop, {
      ...loop,
      trust: createTrustStore({ anchors: [pki.loopCaYSelfSigned.pem] }),
    });
    expect(trusted.indication).toBe('TOTAL-PASSED');
    expect(trusted.chain.map((entry) => entry.source)).toEqual(['embedded', 'supplied', 'trust-anchor']);
  });

  it('accepts a leaf that is itself a configured anchor, with nothing to revoke', async () => {
    const result = await validate(pki.leaves.valid, { trust: createTrustStore({ anchors: [pki.leaves.valid.der] }) });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.chain.map((entry) => entry.source)).toEqual(['trust-anchor']);
    expect(result.revocation).toEqual([]);
  });

  it('accepts intermediates as bytes or PEM and reports ones that do not parse', async () => {
    const result = await validatePath(parsed(pki.leaves.valid), {
      trust,
      intermediates: [Uint8Array.of(1, 2, 3), pki.intermediate.pem, pki.intermediate.der],
      at: TEST_PKI_AT,
      revocation,
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.chain.map((entry) => entry.source)).toEqual(['embedded', 'supplied', 'trust-anchor']);
    // In a passing result, notes about ignored inputs are kept but do not read as failures.
    expect(result.checks[0]).toMatchObject({ id: 'pkix.intermediate', passed: true });
    expect(result.checks[0]?.message.en).toMatch(/^Did not affect the outcome — Intermediate certificate #1 ignored/);
  });
});

describe('revocation policy and CRL handling', () => {
  it("'require' without data gives TRY_LATER; 'if-available' and 'skip' pass", async () => {
    const required = await validate(pki.leaves.valid, { revocation: {} });
    expect([required.indication, required.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(required.revocation.map((evidence) => evidence.source)).toEqual(['none', 'none']);
    const ifAvailable = await validate(pki.leaves.valid, { revocation: {}, revocationPolicy: 'if-available' });
    expect(ifAvailable.indication).toBe('TOTAL-PASSED');
    const skipped = await validate(pki.leaves.revoked, { revocationPolicy: 'skip' });
    expect(skipped.indication).toBe('TOTAL-PASSED');
    expect(skipped.revocation.map((evidence) => evidence.status)).toEqual(['unknown', 'unknown']);
  });

  it("'if-available' still fails a revoked certificate", async () => {
    const result = await validate(pki.leaves.revoked, { revocationPolicy: 'if-available' });
    expect(result.subIndication).toBe('REVOKED');
  });

  it('a CRL for the leaf only leaves the intermediate without data', async () => {
    const result = await validate(pki.leaves.valid, { revocation: { crls: [pki.crls.intermediate.der] } });
    expect(result.subIndication).toBe('TRY_LATER');
    expect(result.message.en).toContain('CA phục vụ các cơ quan Nhà nước');
  });

  it('a stale CRL (nextUpdate before T) is not used', async () => {
    const result = await validate(pki.leaves.valid, { at: TEST_PKI_AFTER_CRL_NEXT_UPDATE });
    expect(result.subIndication).toBe('TRY_LATER');
    expect(
      result.checks.some((check) => check.id === 'pkix.revocation-data' && check.message.en.includes('stale')),
    ).toBe(true);
  });

  it('a CRL whose signature does not verify is not used', async () => {
    const tampered = new Uint8Array(pki.crls.intermediate.der);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 0x01;
    const result = await validate(pki.leaves.revoked, { revocation: { crls: [tampered, pki.crls.root.der] } });
    expect(result.subIndication).toBe('TRY_LATER');
    expect(result.checks.some((check) => check.message.en.includes('CRL signature does not verify'))).toBe(true);
  });

  it('garbage revocation data is reported, never thrown', async () => {
    const result = await validate(pki.leaves.valid, {
      revocation: { crls: [Uint8Array.of(0x30, 0x01), 'not a CRL'], ocspResponses: [Uint8Array.of(1), '***'] },
    });
    expect(result.subIndication).toBe('TRY_LATER');
    expect(
      result.checks.filter((check) => check.id === 'pkix.revocation-data' && !check.passed).length,
    ).toBeGreaterThanOrEqual(4);
  });
});

describe('options', () => {
  it('rejects programmer errors with SignatureError', async () => {
    const leaf = parsed(pki.leaves.valid);
    await expect(validatePath(leaf, { trust, at: new Date('nope') })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(validatePath(leaf, { trust: {} as TrustStore, at: TEST_PKI_AT })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(validatePath({} as ParsedCertificate, { trust, at: TEST_PKI_AT })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('agreement with `openssl verify` on chain structure (revocation aside)', () => {
  /** Leaf, and the extra CA certificates (by test-PKI file name) it needs besides the intermediate. */
  const cases: [keyof TestPki['leaves'], string[]][] = [
    ['valid', []],
    ['expired', []],
    ['notYetValid', []],
    ['unknownCriticalExtension', []],
    ['underCaWithoutKeyCertSign', ['caWithoutKeyCertSign']],
    ['underPathLengthViolation', ['subCaBeyondPathLength']],
    ['underNotCa', ['notCa']],
    ['underUntrustedRoot', ['untrustedRoot']],
  ];
  it.each(cases)('%s', async (name, extraUntrusted) => {
    const untrusted = [pki.intermediate.certificatePath, ...extraUntrusted.map((ca) => `${pki.directory}/${ca}.pem`)];
    let opensslOk: boolean;
    try {
      pki.openssl([
        'verify',
        '-attime',
        String(TEST_PKI_AT.getTime() / 1000),
        '-CAfile',
        pki.root.certificatePath,
        ...untrusted.flatMap((path) => ['-untrusted', path]),
        pki.leaves[name].certificatePath,
      ]);
      opensslOk = true;
    } catch {
      opensslOk = false;
    }
    const ours = await validate(pki.leaves[name], { revocationPolicy: 'skip' });
    expect(ours.ok).toBe(opensslOk);
  });
});
