/**
 * CMS/CAdES signature timestamps end to end: a detached CMS signed with the test PKI, timestamped by a TSA made at
 * test time (its own root), verified by verifyCms. A valid timestamp is proof of existence (signingTime.timestamp);
 * a present but failing one leaves the signing time a claim and the signature INDETERMINATE /
 * SIG_CONSTRAINTS_FAILURE; an expired signer is validated again at the proven time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, type TestCertificate, type TestPki } from '../../test/pki';
import { signCmsDetached, verifyCms } from '../cms';
import { parseSignedData } from '../cms/parse';
import { SignatureError } from '../errors';
import { SignatureResultSchema } from '../model/result';
import { PdfBuilder } from '../pdf/testkit';
import { verifyPdf } from '../pdf/verify';
import { createTrustStore, type TrustStore } from '../pkix';
import { addSignatureTimestamp, cmsSignatureValue, insertSignatureTimestamp } from './cms';
import { createTimestampRequest, readTimestampResponse } from './request';
import { TsaLab } from './testkit';

const content = new TextEncoder().encode('Công văn số 123/UBND-VP về việc thử nghiệm dấu thời gian.');
/** The signer (pki.leaves.valid) is valid 2025-01-01 – 2030-01-01. */
const GEN_TIME = new Date('2026-06-01T08:00:00Z');
const SIGNED_AT = new Date('2026-06-01T07:59:00Z');
const AFTER_EXPIRY = new Date('2031-01-01T00:00:00Z');
/** After GEN_TIME, before the test PKI's CRLs expire (2026-07-01). */
const AT = new Date('2026-06-15T00:00:00Z');

let pki: TestPki;
let tsa: TsaLab;
let trust: TrustStore;
let fixedRevocation: { crls: Uint8Array[] | string[] };
let liveRevocation: { crls: string[]; ocspResponses: Uint8Array[] };

beforeAll(() => {
  pki = createTestPki();
  tsa = new TsaLab();
  trust = createTrustStore({ anchors: [pki.root.pem, tsa.certificate('root')] });
  // CRLs of the test PKI speak for 2026-05-01 – 2026-07-01 (and for any earlier time); the TSA's for 2020–2040.
  fixedRevocation = { crls: [pki.crls.root.pem, pki.crls.intermediate.pem, tsa.crl] };
  // OCSP responses made when the PKI was generated (valid ten years), for validation "now".
  liveRevocation = { crls: [tsa.crl], ocspResponses: [pki.ocsp.validByResponder.der, pki.ocsp.intermediateByRoot.der] };
}, 120_000);
afterAll(() => tsa?.dispose());

function sign(signer: TestCertificate, signingTime: Date = new Date()): Uint8Array {
  return signCmsDetached(content, {
    key: readFileSync(signer.keyPath, 'utf8'),
    certificate: signer.pem,
    chain: [pki.intermediate.pem],
    signingTime,
  });
}

describe('verifyCms with a signature timestamp from openssl ts -reply', () => {
  it('reports the timestamp as proof of existence; the CMS still verifies with openssl, the token with openssl ts', async () => {
    const cms = sign(pki.leaves.valid);
    const signatureValue = cmsSignatureValue(cms);
    const { token } = tsa.opensslToken(signatureValue);
    const stamped = addSignatureTimestamp(cms, token);
    expect(parseSignedData(stamped).signerInfos[0]?.unsignedAttrs).toHaveLength(1);

    const at = new Date();
    const result = await verifyCms(stamped, { content, trust, at, revocation: liveRevocation });
    const signature = SignatureResultSchema.parse(result.signatures[0]);
    expect(
      result.indication,
      JSON.stringify(
        signature.checks.filter((c) => !c.passed),
        null,
        1,
      ),
    ).toBe('TOTAL-PASSED');
    expect(signature.signingTime.timestamp).toBeDefined();
    const genTime = new Date(signature.signingTime.timestamp as string);
    expect(genTime.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(signature.signingTime.validatedAt).toBe(at.toISOString());
    expect(signature.checks.filter((check) => !check.passed)).toEqual([]);
    const stamp = signature.checks.find((check) => check.id === 'timestamp');
    expect(stamp?.message.vi).toContain('Dấu thời gian hợp lệ');
    expect(signature.checks.find((check) => check.id === 'timestamp.poe')?.message.en).toContain('proof of existence');

    // Interop: openssl still verifies the signature with the unsigned attribute added, and the token itself.
    tsa.lab.write('stamped.p7s', stamped);
    tsa.lab.write('content.txt', content);
    tsa.lab.write('chain.pem', `${pki.root.pem}${pki.intermediate.pem}`);
    const cmsVerify = tsa.lab.run([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'stamped.p7s',
      '-content',
      'content.txt',
      '-CAfile',
      'chain.pem',
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(cmsVerify.status, cmsVerify.stderr).toBe(0);
    expect(tsa.opensslVerify(token, signatureValue).ok).toBe(true);
  });

  it('goes through createTimestampRequest → openssl ts -reply → readTimestampResponse → addSignatureTimestamp', async () => {
    const cms = sign(pki.leaves.valid);
    const request = createTimestampRequest(cmsSignatureValue(cms));
    const response = readTimestampResponse(tsa.opensslReply(request.request), request);
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const result = await verifyCms(addSignatureTimestamp(cms, response.token), {
      content,
      trust,
      revocation: liveRevocation,
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.signingTime.timestamp).toBeDefined();
  });

  it('a token over other data: failed check, the time stays a claim, INDETERMINATE / SIG_CONSTRAINTS_FAILURE', async () => {
    const cms = sign(pki.leaves.valid);
    const { token } = tsa.opensslToken(cmsSignatureValue(sign(pki.leaves.valid, new Date(Date.now() - 60_000))));
    expect(() => addSignatureTimestamp(cms, token)).toThrow(SignatureError);
    const result = await verifyCms(insertSignatureTimestamp(cms, token, 0), {
      content,
      trust,
      revocation: liveRevocation,
    });
    const signature = result.signatures[0];
    expect(signature?.indication).toBe('INDETERMINATE');
    expect(signature?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(signature?.signingTime.timestamp).toBeUndefined();
    expect(signature?.signingTime.claimed).toBeDefined();
    expect(signature?.checks.find((check) => check.id === 'timestamp.imprint')?.passed).toBe(false);
    expect(signature?.message.en).toContain('remains a claim');
    expect(signature?.message.vi).toContain('vẫn chỉ là khai báo');
  });

  it('a TSA that is not trusted: failed check, INDETERMINATE / SIG_CONSTRAINTS_FAILURE', async () => {
    const cms = sign(pki.leaves.valid);
    const stamped = addSignatureTimestamp(cms, tsa.opensslToken(cmsSignatureValue(cms)).token);
    const onlyPki = createTrustStore({ anchors: [pki.root.pem] });
    const result = await verifyCms(stamped, { content, trust: onlyPki, revocation: liveRevocation });
    const signature = result.signatures[0];
    expect(signature?.indication).toBe('INDETERMINATE');
    expect(signature?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(signature?.signingTime.timestamp).toBeUndefined();
    const failed = signature?.checks.find((check) => check.id === 'timestamp' && !check.passed);
    expect(failed?.message.en, failed?.message.en).toContain(
      'is neither among the supplied certificates nor a trust anchor',
    );
  });

  it('a TSA certificate whose timeStamping EKU is not critical: failed check, INDETERMINATE', async () => {
    const cms = sign(pki.leaves.valid, new Date(Date.now() - 120_000));
    const token = tsa.craftedToken(cmsSignatureValue(cms), {
      genTime: new Date(Date.now() - 60_000),
      tsa: 'tsaNonCriticalEku',
    });
    const result = await verifyCms(addSignatureTimestamp(cms, token), { content, trust, revocation: liveRevocation });
    const signature = result.signatures[0];
    expect(signature?.indication).toBe('INDETERMINATE');
    expect(signature?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(signature?.checks.find((check) => check.id === 'timestamp.tsa-eku')?.passed).toBe(false);
  });
});

describe('verifyCms — the timestamp time and the signer certificate (crafted tokens, fixed times)', () => {
  it('an expired signer passes at the proven time when the timestamp predates the expiry', async () => {
    const cms = sign(pki.leaves.valid, SIGNED_AT);
    const options = { content, trust, at: AFTER_EXPIRY, revocation: fixedRevocation };
    const bare = await verifyCms(cms, options);
    expect(bare.signatures[0]?.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');

    const stamped = addSignatureTimestamp(cms, tsa.craftedToken(cmsSignatureValue(cms), { genTime: GEN_TIME }));
    const result = await verifyCms(stamped, options);
    const signature = result.signatures[0];
    expect(
      result.indication,
      JSON.stringify(
        signature?.checks.filter((c) => !c.passed),
        null,
        1,
      ),
    ).toBe('TOTAL-PASSED');
    expect(signature?.signingTime).toEqual({
      claimed: SIGNED_AT.toISOString().replace('.000Z', '.000Z'),
      timestamp: GEN_TIME.toISOString(),
      validatedAt: GEN_TIME.toISOString(),
    });
    const revalidated = signature?.checks.find((check) => check.id === 'timestamp.revalidated');
    expect(revalidated).toMatchObject({ passed: true });
    expect(revalidated?.message.vi).toContain('kiểm tra lại');
    expect(signature?.revocation.every((evidence) => evidence.status === 'good')).toBe(true);
  });

  it('a timestamp after the signer expired proves nothing for it: INDETERMINATE / EXPIRED', async () => {
    const cms = sign(pki.leaves.valid, new Date('2030-05-31T00:00:00Z'));
    const token = tsa.craftedToken(cmsSignatureValue(cms), { genTime: new Date('2030-06-01T00:00:00Z') });
    const result = await verifyCms(addSignatureTimestamp(cms, token), {
      content,
      trust,
      at: AFTER_EXPIRY,
      revocation: fixedRevocation,
    });
    expect(result.signatures[0]?.indication).toBe('INDETERMINATE');
    expect(result.signatures[0]?.subIndication).toBe('EXPIRED');
    expect(result.signatures[0]?.signingTime.timestamp).toBe('2030-06-01T00:00:00.000Z');
  });

  it('does not rescue a revoked signer (revocation as validatePath decides at the validation time)', async () => {
    const cms = sign(pki.leaves.revoked, new Date('2026-01-31T00:00:00Z'));
    const token = tsa.craftedToken(cmsSignatureValue(cms), { genTime: new Date('2026-02-01T00:00:00Z') });
    const result = await verifyCms(addSignatureTimestamp(cms, token), {
      content,
      trust,
      at: TEST_PKI_AT,
      revocation: fixedRevocation,
    });
    expect(result.signatures[0]?.indication).toBe('TOTAL-FAILED');
    expect(result.signatures[0]?.subIndication).toBe('REVOKED');
    expect(result.signatures[0]?.signingTime.timestamp).toBe('2026-02-01T00:00:00.000Z');
  });

  it('a claimed signing time later than the timestamp is inconsistent: INDETERMINATE / SIG_CONSTRAINTS_FAILURE', async () => {
    const cms = sign(pki.leaves.valid, new Date('2026-06-02T00:00:00Z'));
    const token = tsa.craftedToken(cmsSignatureValue(cms), { genTime: GEN_TIME });
    const result = await verifyCms(addSignatureTimestamp(cms, token), {
      content,
      trust,
      at: AT,
      revocation: fixedRevocation,
    });
    const signature = result.signatures[0];
    expect(signature?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(signature?.checks.find((check) => check.id === 'timestamp.claimed-time')?.passed).toBe(false);
  });

  it('keeps other unsigned attributes and adds a second timestamp; every one is evaluated', async () => {
    const cms = sign(pki.leaves.valid, SIGNED_AT);
    const value = cmsSignatureValue(cms);
    const once = addSignatureTimestamp(cms, tsa.craftedToken(value, { genTime: new Date('2026-06-01T10:00:00Z') }));
    const twice = addSignatureTimestamp(once, tsa.craftedToken(value, { genTime: GEN_TIME }));
    expect(parseSignedData(twice).signerInfos[0]?.unsignedAttrs).toHaveLength(2);
    const result = await verifyCms(twice, { content, trust, at: AT, revocation: fixedRevocation });
    expect(result.indication).toBe('TOTAL-PASSED');
    // The earliest valid genTime is the proof of existence.
    expect(result.signatures[0]?.signingTime.timestamp).toBe(GEN_TIME.toISOString());
    expect(result.signatures[0]?.checks.filter((check) => check.id === 'timestamp')).toHaveLength(2);
  });
});

describe('PAdES B-T: a PDF signature whose CMS carries a signature timestamp', () => {
  it('verifyPdf reports the timestamp and validates an expired signer at the proven time', async () => {
    const leaf = pki.leaves.valid;
    const pdf = new PdfBuilder()
      .sign({
        key: readFileSync(leaf.keyPath, 'utf8'),
        certificate: leaf.pem,
        chain: [pki.intermediate.pem],
        subFilter: 'ETSI.CAdES.detached',
        signingTime: SIGNED_AT,
        cms: (signed) => {
          const cms = signCmsDetached(signed, {
            key: readFileSync(leaf.keyPath, 'utf8'),
            certificate: leaf.pem,
            chain: [pki.intermediate.pem],
            signingTime: SIGNED_AT,
          });
          return addSignatureTimestamp(cms, tsa.craftedToken(cmsSignatureValue(cms), { genTime: GEN_TIME }));
        },
      })
      .bytes();
    const result = await verifyPdf(pdf, { trust, at: AFTER_EXPIRY, revocation: fixedRevocation });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.signingTime).toMatchObject({
      timestamp: GEN_TIME.toISOString(),
      validatedAt: GEN_TIME.toISOString(),
    });
  });
});

describe('addSignatureTimestamp / readTimestampResponse — misuse and refusals', () => {
  it('throws SignatureError for unreadable input or a missing signer', () => {
    const cms = sign(pki.leaves.valid);
    const { token } = tsa.opensslToken(cmsSignatureValue(cms));
    expect(() => addSignatureTimestamp(Uint8Array.of(1, 2, 3), token)).toThrow(SignatureError);
    expect(() => addSignatureTimestamp(cms, Uint8Array.of(0x30, 0x00))).toThrow(SignatureError);
    expect(() => addSignatureTimestamp(cms, token, { signerIndex: 1 })).toThrow(SignatureError);
  });

  it('options of the wrong type are programmer errors (SignatureError), never a TypeError', () => {
    const cms = sign(pki.leaves.valid);
    const { token } = tsa.opensslToken(cmsSignatureValue(cms));
    for (const run of [
      () => cmsSignatureValue(cms, null as never),
      () => addSignatureTimestamp(cms, token, null as never),
      () => createTimestampRequest(content, null as never),
      () => createTimestampRequest(content, { policy: 5 as never }),
      () => readTimestampResponse(tsa.opensslReply(createTimestampRequest(content).request), 'x' as never),
    ])
      expect(run).toThrow(SignatureError);
  });

  it('a token that is not a TimeStampToken, or too many tokens, never crash: INDETERMINATE', async () => {
    const cms = sign(pki.leaves.valid, SIGNED_AT);
    const junk = insertSignatureTimestamp(cms, Uint8Array.of(0x04, 0x02, 0xca, 0xfe), 0);
    const result = await verifyCms(junk, { content, trust, at: AT, revocation: fixedRevocation });
    expect(result.signatures[0]?.indication).toBe('INDETERMINATE');
    expect(result.signatures[0]?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(result.signatures[0]?.checks.find((check) => check.id === 'timestamp.format')?.passed).toBe(false);

    const token = tsa.craftedToken(cmsSignatureValue(cms), { genTime: GEN_TIME });
    let many = cms;
    for (let i = 0; i < 9; i++) many = insertSignatureTimestamp(many, token, 0);
    const crowded = await verifyCms(many, { content, trust, at: AT, revocation: fixedRevocation });
    expect(crowded.signatures[0]?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(crowded.signatures[0]?.message.en).toContain('over the limit');
  });

  it('reads a TSA rejection as a typed failure with the TSA’s reason', () => {
    const request = createTimestampRequest(content, { policy: '1.2.3.4.5' });
    const response = readTimestampResponse(tsa.opensslReply(request.request), request);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.status).toBe(2);
    expect(response.message.en).toContain('rejected');
    expect(readTimestampResponse(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)).ok).toBe(false);
    expect(readTimestampResponse(new Uint8Array(10)).ok).toBe(false);
  });

  it('refuses a response that answers another request', () => {
    const first = createTimestampRequest(content);
    const second = createTimestampRequest(content);
    const response = tsa.opensslReply(first.request);
    expect(readTimestampResponse(response, first).ok).toBe(true);
    const mismatch = readTimestampResponse(response, second);
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.message.en).toContain('nonce');
  });
});
