/**
 * verifyCms on the corpus vectors (test/fixtures/cms, made by `openssl cms -sign`): the attached and detached
 * signatures pass at a time inside the certificate's validity with the certificate configured as the trust
 * anchor, and every kind of tampering gives the sub-indication ETSI EN 319 102-1 names for it.
 */
import { describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { SignatureResultSchema } from '../model/result';
import { createTrustStore } from '../pkix';
import { children, readTlv } from './der';
import { verifyCms } from './index';
import { CORPUS_TIME, fixture } from './testkit';

const detached = fixture('detached.p7s');
const attached = fixture('attached.p7s');
const content = fixture('content.txt');
const anchorPem = new TextDecoder().decode(fixture('test-signer-selfsigned.pem'));
const trust = createTrustStore({ anchors: [anchorPem] });
const base = { trust, at: CORPUS_TIME } as const;

function flipped(bytes: Uint8Array, offset: number, mask = 0x01): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[offset] = (copy[offset] as number) ^ mask;
  return copy;
}

function pem(der: Uint8Array, label = 'CMS'): string {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** Offsets of the signature value and the signedAttrs of the first SignerInfo. */
function signerLayout(cms: Uint8Array): { signature: [number, number]; signedAttrs: [number, number] } {
  const outer = readTlv(cms, 0, cms.length);
  const explicit = children(cms, outer)[1]!;
  const signedData = children(cms, explicit)[0]!;
  const parts = children(cms, signedData);
  const signerInfo = children(cms, parts[parts.length - 1]!)[0]!;
  const fields = children(cms, signerInfo);
  const attrs = fields.find((field) => field.id === 0xa0)!;
  const signature = fields.find((field) => field.id === 0x04)!;
  return { signature: [signature.valueStart, signature.valueEnd], signedAttrs: [attrs.start, attrs.end] };
}

describe('verifyCms — corpus vectors', () => {
  it('passes the detached signature with its content (TOTAL-PASSED) and reports signer, time, coverage', async () => {
    const result = await verifyCms(detached, { ...base, content });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.subIndication).toBeNull();
    expect(result.signatures).toHaveLength(1);
    const signature = SignatureResultSchema.parse(result.signatures[0]);
    expect(signature).toMatchObject({
      format: 'cms',
      indication: 'TOTAL-PASSED',
      subIndication: null,
      legacy: false,
      algorithms: { digest: 'SHA-256', signature: 'RSASSA-PKCS1-v1_5 (RSA 2048)' },
      signingTime: { claimed: '2026-11-22T03:20:25.000Z', validatedAt: CORPUS_TIME.toISOString() },
      coverage: { kind: 'detached-content' },
    });
    expect(signature.signer?.subject.attributes.find((a) => a.name === 'CN')?.value).toBe('Test Signer');
    expect(signature.signer?.identifiers).toContainEqual(expect.objectContaining({ type: 'MST', value: '0101234567' }));
    expect(signature.chain.length).toBeGreaterThanOrEqual(1);
    expect(signature.chain.at(-1)?.source).toBe('trust-anchor');
    expect(signature.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.signedContent).toEqual(content);
    expect(result.message.vi).toBeTruthy();
    expect(result.message.en).toBeTruthy();
  });

  it('passes the attached signature and returns its encapsulated content as the signed content', async () => {
    const result = await verifyCms(attached, base);
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.coverage?.kind).toBe('attached-content');
    expect(result.signedContent).toEqual(content);
  });

  it('accepts the same content supplied for an attached signature, and refuses different content', async () => {
    expect((await verifyCms(attached, { ...base, content })).indication).toBe('TOTAL-PASSED');
    const other = await verifyCms(attached, { ...base, content: flipped(content, 10) });
    expect(other).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE', signatures: [] });
    expect(other.signedContent).toBeUndefined();
  });

  it('reads PEM, as a string or as bytes, like DER', async () => {
    for (const input of [pem(detached), pem(detached, 'PKCS7'), new TextEncoder().encode(pem(detached))]) {
      const result = await verifyCms(input, { ...base, content });
      expect(result.indication).toBe('TOTAL-PASSED');
    }
  });

  it('reports a detached signature without content as SIGNED_DATA_NOT_FOUND', async () => {
    const result = await verifyCms(detached, base);
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
  });

  it('fails tampered detached content with HASH_FAILURE (TOTAL-FAILED), returning no content', async () => {
    for (const offset of [0, 271, content.length - 1]) {
      const result = await verifyCms(detached, { ...base, content: flipped(content, offset) });
      expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
      expect(result.signatures[0]).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
      expect(result.signedContent).toBeUndefined();
    }
    const shorter = await verifyCms(detached, { ...base, content: content.subarray(0, content.length - 1) });
    expect(shorter.subIndication).toBe('HASH_FAILURE');
  });

  it('fails tampered attached content with HASH_FAILURE', async () => {
    const offset = attached.indexOf(content[0]!, 50); // first byte of the eContent
    const result = await verifyCms(flipped(attached, offset), base);
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('fails a flipped signature byte, or a changed signed attribute, with SIG_CRYPTO_FAILURE', async () => {
    const layout = signerLayout(detached);
    for (const offset of [layout.signature[0], layout.signature[0] + 100, layout.signature[1] - 1]) {
      const result = await verifyCms(flipped(detached, offset), { ...base, content });
      expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
    }
    // The signing-time attribute claims 261122032025Z (as does the certificate's notBefore, earlier in the
    // file): back-date the claim by one second.
    const text = Buffer.from(detached).toString('latin1');
    const at = text.lastIndexOf('261122032025Z');
    expect(at).toBeGreaterThan(layout.signedAttrs[0]);
    const result = await verifyCms(flipped(detached, at + 11, 0x01), { ...base, content }); // '5' → '4'
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
  });

  it('reports a signer whose certificate is not in the CMS as NO_SIGNING_CERTIFICATE_FOUND', async () => {
    // The SID serial (the last copy of the serial in the file) no longer designates the embedded certificate.
    const serial = Buffer.from('637a4092673e9918ac3fff832bb0ca1eb07288ce', 'hex');
    const at = Buffer.from(detached).lastIndexOf(serial);
    expect(at).toBeGreaterThan(Buffer.from(detached).indexOf(serial));
    const result = await verifyCms(flipped(detached, at + 19), { ...base, content });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
    expect(result.signatures[0]?.signer).toBeNull();
  });

  it('does not trust the certificate embedded in the CMS: no anchor → NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const result = await verifyCms(detached, { trust: createTrustStore({}), at: CORPUS_TIME, content });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(result.signatures[0]?.signer?.subject.text).toContain('Test Signer');
    expect(result.signedContent).toBeUndefined();
  });

  it('validates at the validation time, not at the claimed signing time', async () => {
    const late = await verifyCms(detached, { ...base, content, at: new Date('2028-06-01T00:00:00Z') });
    expect(late.indication).not.toBe('TOTAL-PASSED');
    expect(late.signatures[0]?.signingTime.validatedAt).toBe('2028-06-01T00:00:00.000Z');
    const early = await verifyCms(detached, { ...base, content, at: new Date('2026-01-01T00:00:00Z') });
    expect(early.indication).not.toBe('TOTAL-PASSED');
  });

  it('returns results the caller may change without affecting later verifications', async () => {
    const first = await verifyCms(detached, { ...base, content });
    const signer = first.signatures[0]?.signer;
    if (!signer) throw new Error('no signer');
    signer.subject.attributes.length = 0;
    signer.identifiers.push({ type: 'MST', value: 'forged', source: 'UID=MST:forged' });
    const second = await verifyCms(detached, { ...base, content });
    expect(second.signatures[0]?.signer?.subject.text).toContain('Test Signer');
    expect(second.signatures[0]?.signer?.identifiers).toHaveLength(1);
    expect(trust.anchors[0]?.info.identifiers).toHaveLength(1);
  });

  it('caps the size before parsing', async () => {
    const result = await verifyCms(detached, { ...base, content, maxBytes: 1000 });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE', signatures: [] });
    expect(result.message.en).toMatch(/too large/);
  });

  it('reports a ContentInfo of another type as SIGNED_DATA_NOT_FOUND', async () => {
    // ContentInfo { id-data, [0] OCTET STRING "x" }
    const data = Uint8Array.from([
      0x30, 0x12, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x05, 0x04, 0x03, 0x61, 0x62,
      0x63,
    ]);
    const result = await verifyCms(data, base);
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
  });

  it('throws SignatureError only for programmer errors', async () => {
    await expect(verifyCms(42 as unknown as Uint8Array, base)).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyCms(detached, {} as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(verifyCms(detached, { ...base, content: 'text' as never })).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyCms(detached, { ...base, at: new Date('nope') })).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyCms(detached, { ...base, maxBytes: -1 })).rejects.toBeInstanceOf(SignatureError);
  });
});
