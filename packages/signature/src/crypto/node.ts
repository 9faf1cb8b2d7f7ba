/*
 * The node:crypto backend: what Node builds use (see ./backend.ts). Digests and verification are synchronous
 * native calls wrapped in resolved promises; public keys are imported once per SubjectPublicKeyInfo array.
 * Also home of the Node-only bridges the Node-only parts (XMLDSig with xml-crypto, signing) use to get node:crypto
 * objects for a parsed certificate.
 */
import {
  constants,
  createHash,
  createPublicKey,
  type Hash,
  type KeyObject,
  verify,
  X509Certificate,
} from 'node:crypto';
import { toBase64 } from '../bytes/node';
import { OID } from '../pkix/oids';
import type {
  CryptoBackend,
  HashName,
  IncrementalDigest,
  SignatureCheck,
  SignatureVerificationRequest,
  VerifiableScheme,
} from './backend';
import { NAMED_CURVES, namedCurveOid, splitSubjectPublicKeyInfo } from './public-key';

/** Public keys by SubjectPublicKeyInfo array; null when node:crypto cannot import the key. */
const keys = new WeakMap<Uint8Array, KeyObject | null>();

/** The node:crypto key of a DER SubjectPublicKeyInfo, imported once per array; undefined when it cannot be imported. */
export function nodePublicKey(spki: Uint8Array): KeyObject | undefined {
  let key = keys.get(spki);
  if (key === undefined) {
    try {
      key = quickImport(spki) ?? createPublicKey({ key: bufferView(spki), format: 'der', type: 'spki' });
    } catch {
      key = null;
    }
    keys.set(spki, key);
  }
  return key ?? undefined;
}

/**
 * OpenSSL 3 decodes a SubjectPublicKeyInfo in about 100 µs — the largest cost of verifying a CMS whose
 * certificates were not seen before. The same keys import 10–20× faster as what they hold: an rsaEncryption key as
 * its PKCS#1 RSAPublicKey, a named-curve EC point as a JWK. Anything else takes the SPKI path.
 */
function quickImport(spki: Uint8Array): KeyObject | undefined {
  let parts: ReturnType<typeof splitSubjectPublicKeyInfo>;
  try {
    parts = splitSubjectPublicKeyInfo(spki);
  } catch {
    return undefined;
  }
  const { oid, parameters, key } = parts;
  if (oid === OID.rsaEncryption) return createPublicKey({ key: bufferView(key), format: 'der', type: 'pkcs1' });
  if (oid !== OID.ecPublicKey) return undefined;
  const curve = NAMED_CURVES[namedCurveOid(parameters) ?? ''];
  if (curve?.webCrypto === undefined || key[0] !== 0x04 || key.length !== 1 + 2 * curve.bytes) return undefined;
  const coordinate = (from: number) => base64url(key.subarray(from, from + curve.bytes));
  return createPublicKey({
    format: 'jwk',
    key: { kty: 'EC', crv: curve.webCrypto, x: coordinate(1), y: coordinate(1 + curve.bytes) },
  });
}

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

const certificates = new WeakMap<Uint8Array, X509Certificate | null>();

/** node:crypto's view of a certificate's DER (Node-only callers: XMLDSig); undefined when OpenSSL cannot load it. */
export function nodeX509(der: Uint8Array): X509Certificate | undefined {
  let x509 = certificates.get(der);
  if (x509 === undefined) {
    try {
      x509 = new X509Certificate(bufferView(der));
    } catch {
      x509 = null;
    }
    certificates.set(der, x509);
  }
  return x509 ?? undefined;
}

function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

class NodeDigest implements IncrementalDigest {
  constructor(private readonly hash: Hash) {}
  update(chunk: Uint8Array): IncrementalDigest {
    this.hash.update(chunk);
    return this;
  }
  copy(): IncrementalDigest {
    return new NodeDigest(this.hash.copy());
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(asBytes(this.hash.digest()));
  }
}

/**
 * The key types each scheme verifies with. node:crypto itself verifies with whatever the key is — an "ECDSA"
 * signature under an RSA key as PKCS#1 v1.5, an "RSA" one under an EC key as ECDSA — so the declared scheme is
 * held to the key here, as WebCrypto does by importing the key for one algorithm.
 */
const KEY_TYPES: Readonly<Record<VerifiableScheme, readonly string[]>> = {
  'rsa-pkcs1': ['rsa'],
  'rsa-pss': ['rsa', 'rsa-pss'],
  ecdsa: ['ec'],
};

function verifySync(request: SignatureVerificationRequest): SignatureCheck {
  const key = nodePublicKey(request.spki);
  if (!key) return 'unsupported';
  const types = KEY_TYPES[request.scheme] as readonly string[] | undefined;
  if (types === undefined) return 'unsupported';
  if (!types.includes(key.asymmetricKeyType ?? '')) return 'invalid';
  try {
    switch (request.scheme) {
      case 'rsa-pkcs1':
        return verify(request.hash, request.data, { key, padding: constants.RSA_PKCS1_PADDING }, request.signature)
          ? 'valid'
          : 'invalid';
      case 'rsa-pss':
        return verify(
          request.hash,
          request.data,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: request.saltLength ?? 20 },
          request.signature,
        )
          ? 'valid'
          : 'invalid';
      case 'ecdsa':
        return verify(request.hash, request.data, { key, dsaEncoding: 'der' }, request.signature) ? 'valid' : 'invalid';
      default:
        return 'unsupported';
    }
  } catch {
    // OpenSSL raises for some malformed signatures (wrong length, bad ECDSA DER) and for a key of another type.
    return 'invalid';
  }
}

export const cryptoBackend: CryptoBackend = {
  name: 'node',
  digestSync(hash: HashName, data: Uint8Array): Uint8Array {
    return asBytes(createHash(hash).update(data).digest());
  },
  digest(hash: HashName, data: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array> {
    const hasher = createHash(hash);
    if (data instanceof Uint8Array) hasher.update(data);
    else for (const chunk of data) hasher.update(chunk);
    return Promise.resolve(asBytes(hasher.digest()));
  },
  createDigest(hash: HashName): IncrementalDigest {
    return new NodeDigest(createHash(hash));
  },
  verifySignature(request: SignatureVerificationRequest): Promise<SignatureCheck> {
    return Promise.resolve(verifySync(request));
  },
};
