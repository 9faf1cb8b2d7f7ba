/*
 * The WebCrypto backend: what the browser build uses (see ./backend.ts); it also runs in Node, where its tests
 * compare it with the node:crypto backend. `crypto.subtle` verifies signatures and hashes content; the few digests
 * needed synchronously (certificate fingerprints, OCSP identifiers) and the ones WebCrypto lacks (SHA-224, SHA-3,
 * MD5) come from @noble/hashes.
 *
 * WebCrypto binds the hash to the key at import, so keys are imported per (key, algorithm, hash) and cached per
 * SubjectPublicKeyInfo array. ECDSA signatures arrive DER-encoded and WebCrypto wants IEEE P1363 r‖s: converted
 * here, refusing any encoding OpenSSL would refuse (non-minimal, negative, trailing data). What WebCrypto cannot
 * check — SHA-3 or SHA-224 signatures, curves other than P-256/P-384/P-521, keys with the id-RSASSA-PSS OID
 * (Chromium imports RSA keys only under rsaEncryption) — is `unsupported`, never `invalid`.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import { concatBytes } from '../bytes';
import type {
  CryptoBackend,
  HashName,
  IncrementalDigest,
  SignatureCheck,
  SignatureVerificationRequest,
} from './backend';
import { curveBytes, describePublicKey, webCryptoCurve } from './public-key';

type Subtle = typeof globalThis.crypto.subtle;
type WebKey = Awaited<ReturnType<Subtle['importKey']>>;
type Source = Parameters<Subtle['digest']>[1];

const NOBLE = {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  'sha3-256': sha3_256,
  'sha3-384': sha3_384,
  'sha3-512': sha3_512,
} as const satisfies Record<HashName, unknown>;

/** The hashes WebCrypto has, by their WebCrypto names. */
const SUBTLE_HASHES: Partial<Record<HashName, string>> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

function subtle(): Subtle | undefined {
  return globalThis.crypto?.subtle;
}

/** A view WebCrypto accepts (it copies the bytes it is given). */
function source(bytes: Uint8Array): Source {
  return bytes as unknown as Source;
}

function nobleDigest(hash: HashName, chunks: readonly Uint8Array[]): Uint8Array {
  const hasher = NOBLE[hash].create();
  for (const chunk of chunks) hasher.update(chunk);
  return hasher.digest();
}

async function digestChunks(hash: HashName, chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  const name = SUBTLE_HASHES[hash];
  const api = subtle();
  if (name === undefined || api === undefined) return nobleDigest(hash, chunks);
  const whole = chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(chunks);
  return new Uint8Array(await api.digest(name, source(whole)));
}

/**
 * Chunks are kept (not copied) until `digest()`: WebCrypto has no incremental digest, so a copy shares the chunks
 * hashed so far and the shared prefix is hashed once per copy — the cost a browser pays instead of Node's
 * Hash#copy.
 */
class ChunkedDigest implements IncrementalDigest {
  constructor(
    private readonly hash: HashName,
    private readonly chunks: Uint8Array[] = [],
  ) {}
  update(chunk: Uint8Array): IncrementalDigest {
    this.chunks.push(chunk);
    return this;
  }
  copy(): IncrementalDigest {
    return new ChunkedDigest(this.hash, [...this.chunks]);
  }
  digest(): Promise<Uint8Array> {
    return digestChunks(this.hash, this.chunks);
  }
}

/** Imported keys per SubjectPublicKeyInfo array, then per `algorithm/hash`; null when the import failed. */
const keys = new WeakMap<Uint8Array, Map<string, Promise<WebKey | null>>>();

function importKey(api: Subtle, spki: Uint8Array, algorithm: { name: string } & Record<string, string>) {
  let perKey = keys.get(spki);
  if (!perKey) {
    perKey = new Map();
    keys.set(spki, perKey);
  }
  const cacheKey = `${algorithm.name}/${algorithm.hash ?? algorithm.namedCurve ?? ''}`;
  let pending = perKey.get(cacheKey);
  if (!pending) {
    pending = api.importKey('spki', source(spki), algorithm, false, ['verify']).then(
      (key) => key,
      () => null,
    );
    perKey.set(cacheKey, pending);
  }
  return pending;
}

async function verifyWithSubtle(request: SignatureVerificationRequest): Promise<SignatureCheck> {
  const api = subtle();
  const hash = SUBTLE_HASHES[request.hash];
  if (api === undefined || hash === undefined) return 'unsupported';
  const key = describePublicKey(request.spki);
  const rsa = request.scheme === 'rsa-pkcs1' || request.scheme === 'rsa-pss';
  // A key of the wrong type cannot have made the signature (node:crypto says the same by failing).
  if (rsa ? key.type !== 'rsa' && key.type !== 'rsa-pss' : key.type !== 'ec')
    return key.type === 'unknown' ? 'unsupported' : 'invalid';
  // An id-RSASSA-PSS key makes PSS signatures only; Chromium cannot import it for PSS either.
  if (key.type === 'rsa-pss') return request.scheme === 'rsa-pss' ? 'unsupported' : 'invalid';
  try {
    if (request.scheme === 'ecdsa') {
      const namedCurve = webCryptoCurve(key.curve);
      const size = curveBytes(key.curve);
      if (namedCurve === undefined || size === undefined) return 'unsupported';
      const imported = await importKey(api, request.spki, { name: 'ECDSA', namedCurve });
      if (!imported) return 'unsupported';
      const signature = ecdsaDerToP1363(request.signature, size);
      if (!signature) return 'invalid';
      const valid = await api.verify({ name: 'ECDSA', hash }, imported, source(signature), source(request.data));
      return valid ? 'valid' : 'invalid';
    }
    const name = request.scheme === 'rsa-pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
    const imported = await importKey(api, request.spki, { name, hash });
    if (!imported) return 'unsupported';
    const parameters = request.scheme === 'rsa-pss' ? { name, saltLength: request.saltLength ?? 20 } : { name };
    const valid = await api.verify(parameters, imported, source(request.signature), source(request.data));
    return valid ? 'valid' : 'invalid';
  } catch {
    // WebCrypto rejects some malformed signatures (wrong length) instead of answering false.
    return 'invalid';
  }
}

/**
 * A DER Ecdsa-Sig-Value as IEEE P1363 r‖s for a curve of `size`-byte field elements; undefined when the encoding is
 * not strict DER (short-form lengths, minimal positive INTEGERs, nothing after) or a value is zero or too large.
 */
export function ecdsaDerToP1363(der: Uint8Array, size: number): Uint8Array | undefined {
  if (der.length < 8 || der[0] !== 0x30) return undefined;
  let offset = 2;
  const total = der[1] as number;
  if (total >= 0x80) {
    // Long form only when needed (P-521 signatures exceed 127 bytes), and with one length octet.
    if (total !== 0x81 || (der[2] as number) < 0x80) return undefined;
    offset = 3;
    if ((der[2] as number) !== der.length - 3) return undefined;
  } else if (total !== der.length - 2) return undefined;
  const out = new Uint8Array(2 * size);
  for (let part = 0; part < 2; part++) {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1] as number;
    if (length === 0 || length >= 0x80) return undefined;
    const start = offset + 2;
    const end = start + length;
    if (end > der.length) return undefined;
    const first = der[start] as number;
    if ((first & 0x80) !== 0) return undefined; // negative
    if (first === 0 && (length === 1 || ((der[start + 1] as number) & 0x80) === 0)) return undefined; // non-minimal or zero
    const magnitude = first === 0 ? der.subarray(start + 1, end) : der.subarray(start, end);
    if (magnitude.length > size) return undefined;
    out.set(magnitude, part * size + size - magnitude.length);
    offset = end;
  }
  return offset === der.length ? out : undefined;
}

export const cryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  digestSync(hash: HashName, data: Uint8Array): Uint8Array {
    return NOBLE[hash](data);
  },
  digest(hash: HashName, data: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array> {
    return digestChunks(hash, data instanceof Uint8Array ? [data] : data);
  },
  createDigest(hash: HashName): IncrementalDigest {
    return new ChunkedDigest(hash);
  },
  verifySignature(request: SignatureVerificationRequest): Promise<SignatureCheck> {
    return verifyWithSubtle(request);
  },
};
