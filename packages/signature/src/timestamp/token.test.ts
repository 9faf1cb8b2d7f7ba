/**
 * verifyTimestampToken against a real TSA: tokens made at test time by `openssl ts -reply` (genTime = now) and,
 * for chosen times or non-compliant TSA certificates `ts -reply` refuses to use, by `openssl cms -sign -cades`
 * over a TSTInfo. Each token is also checked by `openssl ts -verify` (interop): we agree with it on the valid
 * ones and refuse what it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { createTrustStore, type TrustStore } from '../pkix';
import { TsaLab } from './testkit';
import { verifyTimestampToken } from './token';

const data = new TextEncoder().encode('giá trị chữ ký cần cấp dấu thời gian');
const other = new TextEncoder().encode('dữ liệu khác');
const GEN_TIME = new Date('2026-06-01T08:00:00Z');
const AFTER = new Date('2026-06-02T00:00:00Z');

let tsa: TsaLab;
let trust: TrustStore;
let revocation: { crls: string[] };

beforeAll(() => {
  tsa = new TsaLab();
  trust = createTrustStore({ anchors: [tsa.certificate('root')] });
  revocation = { crls: [tsa.crl] };
}, 60_000);
afterAll(() => tsa?.dispose());

const checkIds = (result: { checks: { id: string; passed: boolean }[] }, passed: boolean) =>
  result.checks.filter((check) => check.passed === passed).map((check) => check.id);

describe('verifyTimestampToken — openssl ts -reply tokens', () => {
  it('passes a token over the data: genTime, policy, TSA and its chain are reported; openssl agrees', async () => {
    const { token } = tsa.opensslToken(data);
    const at = new Date();
    const result = await verifyTimestampToken(token, { data, trust, revocation, at });
    expect(result.indication, JSON.stringify(result.checks, null, 1)).toBe('TOTAL-PASSED');
    expect(result.subIndication).toBeNull();
    expect(result.tsa?.subject.text).toContain('Máy chủ cấp dấu thời gian');
    expect(result.chain.map((entry) => entry.source)).toEqual(['embedded', 'trust-anchor']);
    expect(result.info).toMatchObject({ policy: '1.3.6.1.4.1.99999.3161.1', accuracyMs: 1000, ordering: false });
    expect(result.info?.messageImprint.algorithm).toBe('SHA-256');
    const genTime = new Date(result.info?.genTime ?? 0);
    expect(genTime.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(at.getTime() - genTime.getTime()).toBeLessThan(10 * 60_000);
    expect(result.info?.tsaName).toContain('Máy chủ cấp dấu thời gian');
    expect(checkIds(result, false)).toEqual([]);
    expect(checkIds(result, true)).toEqual(
      expect.arrayContaining([
        'timestamp.imprint',
        'timestamp.tsa-eku',
        'timestamp.tsa-name',
        'timestamp.cms.signature',
      ]),
    );
    expect(result.message.vi).toContain('Dấu thời gian hợp lệ');
    expect(tsa.opensslVerify(token, data).ok).toBe(true);
  });

  it('accepts SHA-384 and SHA-512 imprints', async () => {
    for (const digest of ['sha384', 'sha512'] as const) {
      const { token } = tsa.opensslToken(data, { digest });
      const result = await verifyTimestampToken(token, { data, trust, revocation });
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.info?.messageImprint.algorithm).toBe(digest === 'sha384' ? 'SHA-384' : 'SHA-512');
    }
  });

  it('fails a token over other data (HASH_FAILURE), as openssl does', async () => {
    const { token } = tsa.opensslToken(other);
    const result = await verifyTimestampToken(token, { data, trust, revocation });
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('HASH_FAILURE');
    expect(checkIds(result, false)).toContain('timestamp.imprint');
    expect(result.message.en).toContain('other data');
    expect(result.message.vi).toContain('dữ liệu khác');
    expect(tsa.opensslVerify(token, data).ok).toBe(false);
  });

  it('does not trust a TSA whose root is not a configured anchor (NO_CERTIFICATE_CHAIN_FOUND)', async () => {
    const { token } = tsa.opensslToken(data);
    const otherTrust = createTrustStore({ anchors: [tsa.certificate('tsaWithoutEku')] });
    const result = await verifyTimestampToken(token, { data, trust: otherTrust, revocation });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(result.tsa?.subject.text).toContain('Máy chủ cấp dấu thời gian');
  });

  it('needs revocation data for the TSA path under the default policy (TRY_LATER)', async () => {
    const { token } = tsa.opensslToken(data);
    const result = await verifyTimestampToken(token, { data, trust });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('TRY_LATER');
  });

  it('refuses a token whose genTime is after the validation time', async () => {
    const { token } = tsa.opensslToken(data);
    const result = await verifyTimestampToken(token, { data, trust, revocation, at: new Date('2026-01-01T00:00:00Z') });
    expect(result.indication).toBe('INDETERMINATE');
    expect(checkIds(result, false)).toContain('timestamp.time');
  });

  it('refuses a flipped bit in the TSA signature (SIG_CRYPTO_FAILURE), as openssl does', async () => {
    const { token } = tsa.opensslToken(data);
    // The SignerInfo's signature value is the token's last element: flip its last octet.
    const broken = new Uint8Array(token);
    broken[broken.length - 1] = (broken[broken.length - 1] as number) ^ 0x01;
    const result = await verifyTimestampToken(broken, { data, trust, revocation });
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(tsa.opensslVerify(broken, data).ok).toBe(false);
  });
});

describe('verifyTimestampToken — TSA certificate constraints (RFC 3161 §2.3)', () => {
  it('passes a crafted token at a chosen genTime; openssl agrees at that time', async () => {
    const token = tsa.craftedToken(data, { genTime: GEN_TIME });
    const result = await verifyTimestampToken(token, { data, trust, revocation, at: AFTER });
    expect(result.indication, JSON.stringify(result.checks, null, 1)).toBe('TOTAL-PASSED');
    expect(result.info?.genTime).toBe(GEN_TIME.toISOString());
    expect(tsa.opensslVerify(token, data, { attime: AFTER }).ok).toBe(true);
  });

  it('refuses a TSA whose extendedKeyUsage timeStamping is not critical; openssl refuses it too', async () => {
    const token = tsa.craftedToken(data, { genTime: GEN_TIME, tsa: 'tsaNonCriticalEku' });
    const result = await verifyTimestampToken(token, { data, trust, revocation, at: AFTER });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    const eku = result.checks.find((check) => check.id === 'timestamp.tsa-eku');
    expect(eku).toMatchObject({ passed: false });
    expect(eku?.message.en).toContain('not critical');
    expect(eku?.message.vi).toContain('critical');
    expect(tsa.opensslVerify(token, data, { attime: AFTER }).ok).toBe(false);
  });

  it('refuses a TSA without the timeStamping purpose, or with another purpose besides it', async () => {
    for (const name of ['tsaWithoutEku', 'tsaExtraEku'] as const) {
      const token = tsa.craftedToken(data, { genTime: GEN_TIME, tsa: name });
      const result = await verifyTimestampToken(token, { data, trust, revocation, at: AFTER });
      expect(result.indication, name).toBe('INDETERMINATE');
      expect(result.subIndication, name).toBe('CHAIN_CONSTRAINTS_FAILURE');
      expect(checkIds(result, false), name).toContain('timestamp.tsa-eku');
      expect(tsa.opensslVerify(token, data, { attime: AFTER }).ok, name).toBe(false);
    }
  });

  it('finds the TSA certificate among supplied certificates when the token omits it', async () => {
    const token = tsa.craftedToken(data, { genTime: GEN_TIME, includeCertificate: false });
    const missing = await verifyTimestampToken(token, { data, trust, revocation, at: AFTER });
    expect(missing.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    const found = await verifyTimestampToken(token, {
      data,
      trust,
      revocation,
      at: AFTER,
      intermediates: [tsa.certificate('tsa')],
    });
    expect(found.indication).toBe('TOTAL-PASSED');
    expect(found.chain[0]?.source).toBe('supplied');
    // Supplied entries that are no certificate are skipped, as verifyCms skips them (never a TypeError).
    const amid = await verifyTimestampToken(token, {
      data,
      trust,
      revocation,
      at: AFTER,
      intermediates: [null, 'không phải PEM', Uint8Array.of(1, 2), tsa.certificate('tsa')] as never,
    });
    expect(amid.indication).toBe('TOTAL-PASSED');
  });

  it('refuses a genTime before the TSA certificate existed (NOT_YET_VALID)', async () => {
    const token = tsa.craftedToken(data, { genTime: new Date('2020-06-01T00:00:00Z') });
    const result = await verifyTimestampToken(token, { data, trust, revocation, at: AFTER });
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('NOT_YET_VALID');
  });
});

describe('verifyTimestampToken — hostile input', () => {
  it('never throws on garbage, truncations or a CMS that is not a token', async () => {
    const { token } = tsa.opensslToken(data);
    const inputs = [
      new Uint8Array(0),
      Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff),
      ...[1, 10, 100, token.length - 1].map((n) => token.subarray(0, n)),
      new Uint8Array(2 * 1024 * 1024),
    ];
    for (const input of inputs) {
      const result = await verifyTimestampToken(input, { data, trust, revocation });
      expect(result.indication).toBe('INDETERMINATE');
      expect(result.subIndication).toBe('FORMAT_FAILURE');
      expect(result.message.vi.length).toBeGreaterThan(0);
    }
  });

  it('throws SignatureError for programmer errors only', async () => {
    const { token } = tsa.opensslToken(data);
    await expect(verifyTimestampToken(token, { trust } as never)).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyTimestampToken('x' as never, { data, trust })).rejects.toBeInstanceOf(SignatureError);
  });
});
