/**
 * verifyCms with the detached content given by its digest (`contentDigest`, what the PDF verifier uses): the same
 * outcome as with the bytes when the digest is right, HASH_FAILURE when it is not, the algorithm policy unchanged,
 * and no way around the checks (attached content, signatures over the content itself). Also where the reported
 * chain says each certificate came from.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from '../errors';
import { type SignatureResult, SignatureResultSchema } from '../model/result';
import { createTrustStore } from '../pkix';
import type { DigestName } from './algorithms';
import { verifyCms } from './index';
import { CORPUS_TIME, fixture, OpensslLab, opensslStatus } from './testkit';

const detached = fixture('detached.p7s');
const attached = fixture('attached.p7s');
const content = fixture('content.txt');
const trust = createTrustStore({ anchors: [new TextDecoder().decode(fixture('test-signer-selfsigned.pem'))] });
const base = { trust, at: CORPUS_TIME } as const;

const digestOf = (data: Uint8Array) => (algorithm: DigestName) =>
  new Uint8Array(createHash(algorithm).update(data).digest());

/** A result without its coverage, which says how the content was given. */
const withoutCoverage = (signature: SignatureResult | undefined) => ({ ...signature, coverage: null });

describe('verifyCms — detached content given as its digest (corpus vectors)', () => {
  it('gives the result the content itself gives, asking once for the algorithm the SignerInfo names', async () => {
    const asked: DigestName[] = [];
    const result = await verifyCms(detached, {
      ...base,
      contentDigest: (algorithm) => {
        asked.push(algorithm);
        return digestOf(content)(algorithm);
      },
    });
    const reference = await verifyCms(detached, { ...base, content });
    expect(asked).toEqual(['sha256']);
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures.map(withoutCoverage)).toEqual(reference.signatures.map(withoutCoverage));
    const signature = SignatureResultSchema.parse(result.signatures[0]);
    expect(signature.coverage).toMatchObject({
      kind: 'detached-content',
      description: 'Detached content supplied as its digest.',
    });
    // No bytes were given, so none are returned as "what was signed".
    expect(result.signedContent).toBeUndefined();
  });

  it('fails a digest that does not match with HASH_FAILURE (TOTAL-FAILED)', async () => {
    const other = new Uint8Array(content);
    other[0] = (other[0] as number) ^ 0x01;
    const wrongDigests: ((algorithm: DigestName) => Uint8Array)[] = [
      digestOf(other), // of other content
      () => digestOf(content)('sha512'), // of the content, under another algorithm than the SignerInfo's
      (algorithm) => digestOf(content)(algorithm).subarray(0, 31), // truncated
      () => new Uint8Array(0),
    ];
    for (const contentDigest of wrongDigests) {
      const result = await verifyCms(detached, { ...base, contentDigest });
      expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
      expect(result.signatures[0]?.checks.find((check) => check.id === 'cms.message-digest')?.passed).toBe(false);
      expect(result.signedContent).toBeUndefined();
    }
  });

  it('cannot stand in for the content of an attached signature: FORMAT_FAILURE', async () => {
    const result = await verifyCms(attached, { ...base, contentDigest: digestOf(content) });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE', signatures: [] });
    expect(result.message.en).toContain('only the digest');
    expect(result.message.vi).toContain('giá trị băm');
  });

  it('throws SignatureError for content and a digest together, a digest that is not a function or not bytes', async () => {
    await expect(verifyCms(detached, { ...base, content, contentDigest: digestOf(content) })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(verifyCms(detached, { ...base, contentDigest: 'sha256' as never })).rejects.toBeInstanceOf(
      SignatureError,
    );
    await expect(verifyCms(detached, { ...base, contentDigest: (() => 'digest') as never })).rejects.toBeInstanceOf(
      SignatureError,
    );
  });
});

const openssl = opensslStatus();

describe.skipIf(!openssl.available)('verifyCms — content digests and chain sources (openssl test PKI)', () => {
  let lab: OpensslLab;
  let labTrust: ReturnType<typeof createTrustStore>;
  let inter: string;
  const signed = new TextEncoder().encode('Quyết định số 12/QĐ-UBND — bản được ký.\n');
  const sign = (extra: readonly string[]): Uint8Array =>
    new Uint8Array(
      lab.must([
        ...['cms', '-sign', '-binary', '-in', 'content.bin', '-certfile', 'inter.pem', '-outform', 'DER'],
        ...extra,
      ]),
    );
  const options = () => ({ trust: labTrust, revocationPolicy: 'skip' as const });

  beforeAll(() => {
    lab = new OpensslLab();
    lab.write('content.bin', signed);
    const root = lab.selfSigned('root', 'ec:P-256', { ca: true, subject: '/C=VN/O=Lienthong Test/CN=Test Root' });
    inter = lab.issued('inter', 'ec:P-256', 'root', { ca: true });
    lab.issued('rsa', 'rsa:2048', 'inter');
    lab.issued('ec', 'ec:P-256', 'inter');
    labTrust = createTrustStore({ anchors: [root] });
  }, 60_000);

  afterAll(() => lab?.dispose());

  it('keeps the SHA-1 policy: rejected without allowSha1, legacy with it, HASH_FAILURE when it does not match', async () => {
    const cms = sign(['-signer', 'rsa.pem', '-inkey', 'rsa.key', '-md', 'sha1']);
    const strict = await verifyCms(cms, { ...options(), contentDigest: digestOf(signed) });
    expect(strict).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
    const legacy = await verifyCms(cms, { ...options(), allowSha1: true, contentDigest: digestOf(signed) });
    expect(legacy.indication).toBe('TOTAL-PASSED');
    expect(legacy.signatures[0]).toMatchObject({ legacy: true, algorithms: { digest: 'SHA-1' } });
    const wrong = await verifyCms(cms, { ...options(), allowSha1: true, contentDigest: digestOf(signed.subarray(1)) });
    expect(wrong).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('asks once per algorithm for several signers', async () => {
    const cms = sign([
      '-md',
      'sha256',
      '-signer',
      'rsa.pem',
      '-inkey',
      'rsa.key',
      '-signer',
      'ec.pem',
      '-inkey',
      'ec.key',
    ]);
    const asked: DigestName[] = [];
    const result = await verifyCms(cms, {
      ...options(),
      contentDigest: (algorithm) => {
        asked.push(algorithm);
        return digestOf(signed)(algorithm);
      },
    });
    expect(result.signatures.map((signature) => signature.indication)).toEqual(['TOTAL-PASSED', 'TOTAL-PASSED']);
    expect(asked).toEqual(['sha256']);
  });

  it('a signature over the content itself (no signed attributes) cannot be checked from a digest', async () => {
    const cms = sign(['-signer', 'rsa.pem', '-inkey', 'rsa.key', '-noattr']);
    const result = await verifyCms(cms, {
      ...options(),
      allowNoSignedAttributes: true,
      contentDigest: digestOf(signed),
    });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
    expect(result.signatures[0]?.checks).toContainEqual(
      expect.objectContaining({ id: 'cms.signature', passed: false }),
    );
    // The same signature with its bytes passes.
    const withBytes = await verifyCms(cms, { ...options(), allowNoSignedAttributes: true, content: signed });
    expect(withBytes.indication).toBe('TOTAL-PASSED');
  });

  it('reports an intermediate carried in the SignedData as embedded, even when the caller supplies it too', async () => {
    const cms = sign(['-signer', 'rsa.pem', '-inkey', 'rsa.key']);
    for (const intermediates of [[], [inter]]) {
      const result = await verifyCms(cms, { ...options(), content: signed, intermediates });
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.signatures[0]?.chain.map((entry) => [entry.subject.text, entry.source])).toEqual([
        [expect.stringContaining('CN=rsa'), 'embedded'],
        [expect.stringContaining('CN=inter'), 'embedded'],
        [expect.stringContaining('CN=Test Root'), 'trust-anchor'],
      ]);
    }
    // Left out of the SignedData, the same intermediate is the caller's.
    const bare = new Uint8Array(
      lab.must([
        'cms',
        '-sign',
        '-binary',
        '-in',
        'content.bin',
        '-signer',
        'rsa.pem',
        '-inkey',
        'rsa.key',
        '-outform',
        'DER',
      ]),
    );
    const supplied = await verifyCms(bare, { ...options(), content: signed, intermediates: [inter] });
    expect(supplied.signatures[0]?.chain.map((entry) => entry.source)).toEqual([
      'embedded',
      'supplied',
      'trust-anchor',
    ]);
  });
});
