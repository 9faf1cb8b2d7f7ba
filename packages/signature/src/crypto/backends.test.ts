/**
 * The two crypto backends side by side in Node (which has WebCrypto too): the WebCrypto one must agree with
 * node:crypto on every digest and on every signature WebCrypto can check, say `unsupported` — never `invalid` —
 * where it cannot, and refuse the ECDSA encodings OpenSSL refuses. Keys are generated here; signatures are made by
 * node:crypto.
 */
import {
  constants,
  createHash,
  generateKeyPairSync,
  type KeyObject,
  type SignKeyObjectInput,
  type SignPrivateKeyInput,
  sign,
} from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DerError } from '../pkix/der';
import type { HashName, SignatureVerificationRequest, VerifiableScheme } from './backend';
import { cryptoBackend as nodeBackend } from './node';
import { describePublicKey, readPublicKey } from './public-key';
import { ecdsaDerToP1363, cryptoBackend as webBackend } from './web';

const HASHES: HashName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256', 'sha3-384', 'sha3-512'];

function spkiOf(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

describe('digests', () => {
  it('agree with node:crypto for every hash, whole, in chunks and forked with copy()', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HASHES),
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 5 }),
        async (hash, chunks) => {
          const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
          let offset = 0;
          for (const chunk of chunks) {
            whole.set(chunk, offset);
            offset += chunk.length;
          }
          const expected = new Uint8Array(createHash(hash).update(whole).digest());
          for (const backend of [nodeBackend, webBackend]) {
            expect(backend.digestSync(hash, whole), backend.name).toEqual(expected);
            expect(await backend.digest(hash, whole), backend.name).toEqual(expected);
            expect(await backend.digest(hash, chunks), backend.name).toEqual(expected);
            // A fork after the first chunk, continued differently: the original is unaffected.
            const running = backend.createDigest(hash);
            if (chunks[0]) running.update(chunks[0]);
            const fork = running.copy().update(Uint8Array.of(1, 2, 3));
            for (const chunk of chunks.slice(1)) running.update(chunk);
            expect(await running.digest(), backend.name).toEqual(expected);
            const forked = createHash(hash)
              .update(chunks[0] ?? new Uint8Array())
              .update(Uint8Array.of(1, 2, 3))
              .digest();
            expect(await fork.digest(), backend.name).toEqual(new Uint8Array(forked));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

interface KeyCase {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly spki: Uint8Array;
}

function keyCase(name: string, pair: { privateKey: KeyObject; publicKey: KeyObject }): KeyCase {
  return { name, privateKey: pair.privateKey, spki: spkiOf(pair.publicKey) };
}

const rsa = keyCase('RSA-2048', generateKeyPairSync('rsa', { modulusLength: 2048 }));
const rsaPssKey = keyCase('RSA-PSS key (id-RSASSA-PSS)', generateKeyPairSync('rsa-pss', { modulusLength: 2048 }));
const ec = (curve: string) => keyCase(curve, generateKeyPairSync('ec', { namedCurve: curve }));
const p256 = ec('prime256v1');
const p384 = ec('secp384r1');
const p521 = ec('secp521r1');
const brainpool = ec('brainpoolP256r1');

function signWith(
  key: KeyCase,
  scheme: VerifiableScheme,
  hash: HashName,
  data: Uint8Array,
  saltLength = 32,
): SignatureVerificationRequest {
  const options: SignKeyObjectInput | SignPrivateKeyInput =
    scheme === 'rsa-pss'
      ? { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }
      : scheme === 'ecdsa'
        ? { key: key.privateKey, dsaEncoding: 'der' }
        : { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING };
  const signature = new Uint8Array(sign(hash, data, options));
  return { scheme, hash, spki: key.spki, data, signature, ...(scheme === 'rsa-pss' ? { saltLength } : {}) };
}

async function both(request: SignatureVerificationRequest): Promise<[string, string]> {
  return [await nodeBackend.verifySignature(request), await webBackend.verifySignature(request)];
}

describe('signature verification', () => {
  const data = new TextEncoder().encode('Công văn số 123/UBND-VP — nội dung được ký');
  const checkable: [string, KeyCase, VerifiableScheme, HashName, number?][] = [
    ['RSA PKCS#1 v1.5 SHA-256', rsa, 'rsa-pkcs1', 'sha256'],
    ['RSA PKCS#1 v1.5 SHA-384', rsa, 'rsa-pkcs1', 'sha384'],
    ['RSA PKCS#1 v1.5 SHA-512', rsa, 'rsa-pkcs1', 'sha512'],
    ['RSA PKCS#1 v1.5 SHA-1', rsa, 'rsa-pkcs1', 'sha1'],
    ['RSA-PSS SHA-256 salt 32', rsa, 'rsa-pss', 'sha256', 32],
    ['RSA-PSS SHA-512 salt 64', rsa, 'rsa-pss', 'sha512', 64],
    ['RSA-PSS SHA-256 salt 20', rsa, 'rsa-pss', 'sha256', 20],
    ['ECDSA P-256 SHA-256', p256, 'ecdsa', 'sha256'],
    ['ECDSA P-256 SHA-384', p256, 'ecdsa', 'sha384'],
    ['ECDSA P-384 SHA-384', p384, 'ecdsa', 'sha384'],
    ['ECDSA P-521 SHA-512', p521, 'ecdsa', 'sha512'],
  ];

  for (const [name, key, scheme, hash, saltLength] of checkable) {
    it(`${name}: valid on both, and invalid on both once data or signature change`, async () => {
      const request = signWith(key, scheme, hash, data, saltLength);
      expect(await both(request)).toEqual(['valid', 'valid']);
      expect(await both({ ...request, data: Uint8Array.of(...data, 0) })).toEqual(['invalid', 'invalid']);
      const signature = new Uint8Array(request.signature);
      signature[signature.length - 1] = (signature[signature.length - 1] as number) ^ 1;
      expect(await both({ ...request, signature })).toEqual(['invalid', 'invalid']);
      expect(await both({ ...request, signature: signature.subarray(0, 10) })).toEqual(['invalid', 'invalid']);
      // A second verification hits the imported-key cache.
      expect(await both(request)).toEqual(['valid', 'valid']);
    });
  }

  it('a PSS salt length other than the one used is invalid on both', async () => {
    const request = signWith(rsa, 'rsa-pss', 'sha256', data, 32);
    expect(await both({ ...request, saltLength: 20 })).toEqual(['invalid', 'invalid']);
  });

  it('a key of the wrong type is invalid on both', async () => {
    const ecdsa = signWith(p256, 'ecdsa', 'sha256', data);
    expect(await both({ ...ecdsa, spki: rsa.spki })).toEqual(['invalid', 'invalid']);
    const pkcs1 = signWith(rsa, 'rsa-pkcs1', 'sha256', data);
    expect(await both({ ...pkcs1, spki: p256.spki })).toEqual(['invalid', 'invalid']);
  });

  it('a signature valid under its own scheme is invalid on both under another scheme (no algorithm confusion)', async () => {
    // node:crypto alone would verify with whatever the key is: an "ECDSA" signature checked as RSA PKCS#1, an
    // "RSA" one as ECDSA. The declared scheme must fit the key, as WebCrypto requires.
    const pkcs1 = signWith(rsa, 'rsa-pkcs1', 'sha256', data);
    expect(await both({ ...pkcs1, scheme: 'ecdsa' })).toEqual(['invalid', 'invalid']);
    const ecdsa = signWith(p256, 'ecdsa', 'sha256', data);
    expect(await both({ ...ecdsa, scheme: 'rsa-pkcs1' })).toEqual(['invalid', 'invalid']);
    expect(await both({ ...ecdsa, scheme: 'rsa-pss', saltLength: 32 })).toEqual(['invalid', 'invalid']);
    // An id-RSASSA-PSS key makes PSS signatures only.
    const pss = signWith(rsaPssKey, 'rsa-pss', 'sha256', data);
    expect(await both({ ...pss, scheme: 'rsa-pkcs1' })).toEqual(['invalid', 'invalid']);
  });

  it('what WebCrypto lacks is unsupported there, never invalid', async () => {
    expect(await both(signWith(rsa, 'rsa-pkcs1', 'sha3-256', data))).toEqual(['valid', 'unsupported']);
    expect(await both(signWith(rsa, 'rsa-pkcs1', 'sha224', data))).toEqual(['valid', 'unsupported']);
    expect(await both(signWith(brainpool, 'ecdsa', 'sha256', data))).toEqual(['valid', 'unsupported']);
    expect(await both(signWith(rsaPssKey, 'rsa-pss', 'sha256', data))).toEqual(['valid', 'unsupported']);
  });

  it('an unreadable key is unsupported on both', async () => {
    const request = signWith(rsa, 'rsa-pkcs1', 'sha256', data);
    expect(await both({ ...request, spki: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00) })).toEqual([
      'unsupported',
      'unsupported',
    ]);
  });

  it('ECDSA signatures in an encoding OpenSSL refuses are invalid on both', async () => {
    const request = signWith(p256, 'ecdsa', 'sha256', data);
    const der = request.signature;
    // Re-encode r and s with a superfluous leading zero octet each (non-minimal INTEGERs).
    const rLength = der[3] as number;
    const r = der.subarray(4, 4 + rLength);
    const s = der.subarray(6 + rLength);
    const padded = (value: Uint8Array) => Uint8Array.of(0x02, value.length + 1, 0, ...value);
    const body = [...padded(r), ...padded(s)];
    const nonMinimal = Uint8Array.of(0x30, body.length, ...body);
    expect(await both({ ...request, signature: nonMinimal })).toEqual(['invalid', 'invalid']);
    // A long-form length where the short form fits.
    const longForm = Uint8Array.of(0x30, 0x81, der[1] as number, ...der.subarray(2));
    expect(await both({ ...request, signature: longForm })).toEqual(['invalid', 'invalid']);
    // Trailing data after the SEQUENCE.
    expect(await both({ ...request, signature: Uint8Array.of(...der, 0) })).toEqual(['invalid', 'invalid']);
  });

  it('converts DER ECDSA signatures to r‖s of the curve size', () => {
    expect(ecdsaDerToP1363(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07), 4)).toEqual(
      Uint8Array.of(0, 0, 0, 5, 0, 0, 0, 7),
    );
    // A positive value whose top bit is set carries one zero octet, which is dropped.
    expect(ecdsaDerToP1363(Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01), 2)).toEqual(
      Uint8Array.of(0, 0x80, 0, 1),
    );
    expect(ecdsaDerToP1363(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01), 4)).toBeUndefined(); // r = 0
    expect(ecdsaDerToP1363(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x85, 0x02, 0x01, 0x01), 4)).toBeUndefined(); // negative
    expect(ecdsaDerToP1363(Uint8Array.of(0x30, 0x08, 0x02, 0x03, 1, 2, 3, 0x02, 0x01, 0x01), 2)).toBeUndefined(); // too long
  });
});

describe('public keys read from the SubjectPublicKeyInfo', () => {
  it('match what node:crypto reports', () => {
    for (const key of [rsa, rsaPssKey, p256, p384, p521, brainpool]) {
      const details = key.privateKey.asymmetricKeyDetails ?? {};
      expect(readPublicKey(key.spki), key.name).toEqual({
        type: key.privateKey.asymmetricKeyType,
        ...(details.modulusLength !== undefined ? { bits: details.modulusLength } : {}),
        ...(details.namedCurve !== undefined ? { curve: details.namedCurve } : {}),
      });
    }
    const ed = generateKeyPairSync('ed25519');
    expect(readPublicKey(spkiOf(ed.publicKey))).toEqual({ type: 'ed25519' });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(readPublicKey(spkiOf(small.publicKey))).toEqual({ type: 'rsa', bits: 1024 });
  });

  it('refuse malformed keys (readPublicKey throws DerError, describePublicKey says unknown)', () => {
    // A P-256 SubjectPublicKeyInfo re-encoded with a point one byte short (well-formed DER, wrong key).
    const spki = p256.spki;
    expect([spki[0], spki[1], spki[23], spki[24]]).toEqual([0x30, 0x59, 0x03, 0x42]);
    const shortPoint = Uint8Array.of(0x30, 0x58, ...spki.subarray(2, 24), 0x41, ...spki.subarray(25, spki.length - 1));
    const truncated = spki.subarray(0, spki.length - 1);
    for (const bad of [new Uint8Array(), Uint8Array.of(0x30, 0x00), shortPoint, truncated, rsa.spki.subarray(0, 40)]) {
      expect(() => readPublicKey(bad)).toThrow(DerError);
      expect(describePublicKey(bad)).toEqual({ type: 'unknown' });
    }
  });
});
