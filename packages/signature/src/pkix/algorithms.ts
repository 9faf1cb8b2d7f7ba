import { cryptoBackend, type HashName, type PublicKeyDescription, type SignatureCheck } from '../crypto';
import {
  childrenOf,
  DerError,
  type DerNode,
  decodeOid,
  decodeSmallInteger,
  encodingOf,
  expectSequence,
  isContext,
  readSingle,
} from './der';
import type { LocalizedText } from './messages';
import { OID } from './oids';

/*
 * Signature algorithms of certificates, CRLs and OCSP responses: what they are, whether the policy allows them
 * (TT 15/2025/TT-BKHCN: SHA-2 (SHA-3 optional), RSA ≥ 2048 with PKCS#1 v1.5 or PSS, ECDSA ≥ P-256; no MD5 and no
 * SHA-1 unless the caller opts into legacy SHA-1), and verifying them with the build's crypto backend (../crypto).
 */

export { describePublicKey, type PublicKeyDescription } from '../crypto';

/** The digests the backends compute, and MD2, which certificates may name but nothing here computes. */
export type DigestName = HashName | 'md2';

/** An AlgorithmIdentifier as read: its OID and, when present, the DER of its parameters. */
export interface AlgorithmIdentifier {
  oid: string;
  parameters?: Uint8Array;
}

export interface SignatureAlgorithm {
  oid: string;
  /** Display name, e.g. `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `RSASSA-PSS(sha256)`. */
  name: string;
  /** The digest, or null when unknown or not applicable (EdDSA). */
  digest: DigestName | null;
  scheme: 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'eddsa' | 'dsa' | 'unknown';
  /** For RSASSA-PSS: the salt length (MGF1 uses the same digest, or the algorithm is reported as unknown). */
  saltLength?: number;
}

const DIGEST_BY_OID: Record<string, DigestName> = {
  '1.2.840.113549.2.2': 'md2',
  [OID.md5]: 'md5',
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha3_256]: 'sha3-256',
  [OID.sha3_384]: 'sha3-384',
  [OID.sha3_512]: 'sha3-512',
};

const KNOWN_SIGNATURE_ALGORITHMS: Record<string, Omit<SignatureAlgorithm, 'oid'>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', digest: 'md2', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', digest: 'md5', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', digest: 'sha1', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', digest: 'sha224', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', digest: 'sha256', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', digest: 'sha384', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', digest: 'sha512', scheme: 'rsa-pkcs1' },
  '2.16.840.1.101.3.4.3.14': { name: 'id-rsassa-pkcs1-v1_5-with-sha3-256', digest: 'sha3-256', scheme: 'rsa-pkcs1' },
  '2.16.840.1.101.3.4.3.15': { name: 'id-rsassa-pkcs1-v1_5-with-sha3-384', digest: 'sha3-384', scheme: 'rsa-pkcs1' },
  '2.16.840.1.101.3.4.3.16': { name: 'id-rsassa-pkcs1-v1_5-with-sha3-512', digest: 'sha3-512', scheme: 'rsa-pkcs1' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', digest: 'sha1', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', digest: 'sha224', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', digest: 'sha256', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', digest: 'sha384', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', digest: 'sha512', scheme: 'ecdsa' },
  '2.16.840.1.101.3.4.3.10': { name: 'id-ecdsa-with-sha3-256', digest: 'sha3-256', scheme: 'ecdsa' },
  '2.16.840.1.101.3.4.3.11': { name: 'id-ecdsa-with-sha3-384', digest: 'sha3-384', scheme: 'ecdsa' },
  '2.16.840.1.101.3.4.3.12': { name: 'id-ecdsa-with-sha3-512', digest: 'sha3-512', scheme: 'ecdsa' },
  [OID.ed25519]: { name: 'Ed25519', digest: null, scheme: 'eddsa' },
  [OID.ed448]: { name: 'Ed448', digest: null, scheme: 'eddsa' },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', digest: 'sha1', scheme: 'dsa' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-sha256', digest: 'sha256', scheme: 'dsa' },
};

/** Reads an AlgorithmIdentifier element. Throws `DerError` on malformed input. */
export function readAlgorithmIdentifier(node: DerNode | undefined): AlgorithmIdentifier {
  const sequence = expectSequence(node, 'AlgorithmIdentifier');
  const [oidNode, parametersNode, ...rest] = childrenOf(sequence, 3);
  if (oidNode === undefined || rest.length > 0)
    throw new DerError('unexpected-element', sequence.start, 'malformed AlgorithmIdentifier');
  const oid = decodeOid(oidNode);
  return parametersNode === undefined ? { oid } : { oid, parameters: encodingOf(parametersNode) };
}

/** What a signature AlgorithmIdentifier means; unknown or malformed ones give scheme `unknown`. */
export function describeSignatureAlgorithm(algorithm: AlgorithmIdentifier): SignatureAlgorithm {
  if (algorithm.oid === OID.rsassaPss) return describePss(algorithm);
  const known = KNOWN_SIGNATURE_ALGORITHMS[algorithm.oid];
  return known
    ? { oid: algorithm.oid, ...known }
    : { oid: algorithm.oid, name: algorithm.oid, digest: null, scheme: 'unknown' };
}

function describePss(algorithm: AlgorithmIdentifier): SignatureAlgorithm {
  const unknown: SignatureAlgorithm = { oid: algorithm.oid, name: 'RSASSA-PSS', digest: null, scheme: 'unknown' };
  if (!algorithm.parameters) return unknown;
  try {
    const parameters = expectSequence(readSingle(algorithm.parameters), 'RSASSA-PSS-params');
    let digestOid: string = OID.sha1;
    let mgfDigestOid: string = OID.sha1;
    let saltLength = 20;
    for (const field of childrenOf(parameters, 4)) {
      const [inner] = childrenOf(field, 1);
      if (isContext(field, 0)) digestOid = readAlgorithmIdentifier(inner).oid;
      else if (isContext(field, 1)) {
        const mgf = readAlgorithmIdentifier(inner);
        if (mgf.oid !== OID.mgf1 || !mgf.parameters) return unknown;
        mgfDigestOid = readAlgorithmIdentifier(readSingle(mgf.parameters)).oid;
      } else if (isContext(field, 2) && inner) saltLength = decodeSmallInteger(inner);
      else if (isContext(field, 3) && inner) {
        if (decodeSmallInteger(inner) !== 1) return unknown;
      } else return unknown;
    }
    const digest = DIGEST_BY_OID[digestOid];
    if (digest === undefined || digestOid !== mgfDigestOid) return unknown;
    return { oid: algorithm.oid, name: `RSASSA-PSS(${digest})`, digest, scheme: 'rsa-pss', saltLength };
  } catch {
    return unknown;
  }
}

/** Whether the algorithm policy accepts a signature algorithm; `legacy` when accepted only through `allowSha1`. */
export type AlgorithmVerdict = { allowed: true; legacy: boolean } | { allowed: false; reason: LocalizedText };

const ALLOWED_DIGESTS: ReadonlySet<DigestName> = new Set([
  'sha256',
  'sha384',
  'sha512',
  'sha3-256',
  'sha3-384',
  'sha3-512',
]);

export function checkSignatureAlgorithm(
  algorithm: SignatureAlgorithm,
  options: { allowSha1?: boolean },
): AlgorithmVerdict {
  if (algorithm.scheme !== 'rsa-pkcs1' && algorithm.scheme !== 'rsa-pss' && algorithm.scheme !== 'ecdsa')
    return {
      allowed: false,
      reason: {
        vi: `Thuật toán chữ ký ${algorithm.name} không nằm trong danh sách cho phép (RSA hoặc ECDSA với SHA-2).`,
        en: `Signature algorithm ${algorithm.name} is not allowed (RSA or ECDSA with SHA-2 only).`,
      },
    };
  if (algorithm.digest !== null && ALLOWED_DIGESTS.has(algorithm.digest)) return { allowed: true, legacy: false };
  if (algorithm.digest === 'sha1' && options.allowSha1) return { allowed: true, legacy: true };
  return {
    allowed: false,
    reason: {
      vi: `Hàm băm ${algorithm.digest ?? 'không xác định'} trong ${algorithm.name} không được phép (chỉ SHA-256, SHA-384, SHA-512 hoặc SHA-3).`,
      en: `Digest ${algorithm.digest ?? 'unknown'} in ${algorithm.name} is not allowed (SHA-256, SHA-384, SHA-512 or SHA-3 only).`,
    },
  };
}

/** Curves of at least 256 bits accepted for ECDSA. */
const ALLOWED_CURVES: ReadonlySet<string> = new Set([
  'prime256v1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
]);

export const MIN_RSA_BITS = 2048;

/** Whether the policy accepts a public key: RSA ≥ 2048 bits or ECDSA on a curve of at least 256 bits. */
export function checkPublicKey(key: PublicKeyDescription): AlgorithmVerdict {
  if (key.type === 'rsa' || key.type === 'rsa-pss') {
    if ((key.bits ?? 0) >= MIN_RSA_BITS) return { allowed: true, legacy: false };
    return {
      allowed: false,
      reason: {
        vi: `Khóa RSA ${key.bits ?? '?'} bit quá ngắn (tối thiểu ${MIN_RSA_BITS} bit).`,
        en: `RSA key of ${key.bits ?? '?'} bits is too short (at least ${MIN_RSA_BITS} bits required).`,
      },
    };
  }
  if (key.type === 'ec') {
    if (key.curve !== undefined && ALLOWED_CURVES.has(key.curve)) return { allowed: true, legacy: false };
    return {
      allowed: false,
      reason: {
        vi: `Đường cong elliptic ${key.curve ?? 'không xác định'} không được phép (tối thiểu P-256).`,
        en: `Elliptic curve ${key.curve ?? 'unknown'} is not allowed (P-256 or stronger required).`,
      },
    };
  }
  return {
    allowed: false,
    reason: {
      vi: `Loại khóa ${key.type} không được phép (chỉ RSA hoặc ECDSA).`,
      en: `Key type ${key.type} is not allowed (RSA or ECDSA only).`,
    },
  };
}

/**
 * Verifies `signature` over `data` with the key of a DER SubjectPublicKeyInfo under `algorithm`: `valid`, `invalid`
 * (a wrong signature, or a key that does not fit the algorithm) or `unsupported` (an algorithm outside RSA PKCS#1
 * v1.5, RSA-PSS and ECDSA with a known digest, or one this platform's crypto cannot check). Never rejects.
 */
export async function verifySignedBytes(
  algorithm: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
  spki: Uint8Array,
): Promise<SignatureCheck> {
  const { scheme, digest } = algorithm;
  if ((scheme !== 'rsa-pkcs1' && scheme !== 'rsa-pss' && scheme !== 'ecdsa') || digest === null || digest === 'md2')
    return 'unsupported';
  return cryptoBackend.verifySignature({
    scheme,
    hash: digest,
    spki,
    data,
    signature,
    ...(scheme === 'rsa-pss' ? { saltLength: algorithm.saltLength ?? 20 } : {}),
  });
}
