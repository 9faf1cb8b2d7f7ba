/*
 * The algorithm policy of TT 15/2025/TT-BKHCN as applied to CMS: digests SHA-256/384/512 (SHA-1 only when
 * the caller allows legacy signatures, MD5 never), RSA ≥ 2048 bits with PKCS#1 v1.5 or PSS, ECDSA on P-256,
 * P-384 or P-521 — and the parsing of AlgorithmIdentifiers into what the crypto backend (../crypto) needs.
 */
import type { PublicKeyDescription } from '../crypto';
import {
  children,
  DerError,
  encode,
  NULL,
  oid,
  readOid,
  readTlv,
  sequence,
  smallInteger,
  smallIntegerDer,
  type Tlv,
} from './der';
import { OID } from './oids';

export type DigestName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export interface Digest {
  readonly oid: string;
  /** The node:crypto name (also the crypto backend's). */
  readonly name: DigestName;
  /** For reports: `SHA-256`. */
  readonly label: string;
  readonly length: number;
}

const DIGEST_LIST: readonly Digest[] = [
  { oid: OID.md5, name: 'md5', label: 'MD5', length: 16 },
  { oid: OID.sha1, name: 'sha1', label: 'SHA-1', length: 20 },
  { oid: OID.sha224, name: 'sha224', label: 'SHA-224', length: 28 },
  { oid: OID.sha256, name: 'sha256', label: 'SHA-256', length: 32 },
  { oid: OID.sha384, name: 'sha384', label: 'SHA-384', length: 48 },
  { oid: OID.sha512, name: 'sha512', label: 'SHA-512', length: 64 },
];
const DIGESTS = new Map(DIGEST_LIST.map((digest) => [digest.oid, digest]));
const DIGESTS_BY_NAME = new Map(DIGEST_LIST.map((digest) => [digest.name, digest]));

export function digestByName(name: DigestName): Digest {
  return DIGESTS_BY_NAME.get(name) as Digest;
}

/** Whether a digest may be used: allowed, accepted only as legacy (SHA-1 with `allowSha1`), or rejected. */
export function digestVerdict(digest: Digest, allowSha1: boolean): 'allowed' | 'legacy' | 'rejected' {
  if (digest.name === 'sha256' || digest.name === 'sha384' || digest.name === 'sha512') return 'allowed';
  if (digest.name === 'sha1' && allowSha1) return 'legacy';
  return 'rejected';
}

/** An AlgorithmIdentifier: its OID and the parameters element, if any. */
export interface AlgorithmIdentifier {
  readonly oid: string;
  readonly params: Tlv | undefined;
}

export function readAlgorithmIdentifier(buf: Uint8Array, tlv: Tlv): AlgorithmIdentifier {
  if (tlv.id !== 0x30) throw new DerError('expected an AlgorithmIdentifier');
  const parts = children(buf, tlv, 2);
  const first = parts[0];
  if (!first) throw new DerError('empty AlgorithmIdentifier');
  return { oid: readOid(buf, first), params: parts[1] };
}

function isAbsentOrNull(params: Tlv | undefined): boolean {
  return params === undefined || (params.id === 0x05 && params.valueEnd === params.valueStart);
}

/** A digest AlgorithmIdentifier (parameters absent or NULL); undefined when unknown. */
export function readDigestAlgorithm(buf: Uint8Array, tlv: Tlv): { oid: string; digest: Digest | undefined } {
  const algorithm = readAlgorithmIdentifier(buf, tlv);
  if (!isAbsentOrNull(algorithm.params)) throw new DerError('digest algorithm with parameters');
  return { oid: algorithm.oid, digest: DIGESTS.get(algorithm.oid) };
}

/** How a signature value is to be checked. `hash` is set when the algorithm fixes the digest. */
export type SignatureScheme =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: Digest | undefined }
  | { readonly kind: 'ecdsa'; readonly hash: Digest | undefined }
  | {
      readonly kind: 'rsa-pss';
      readonly hash: Digest;
      readonly mgfHash: Digest;
      readonly saltLength: number;
    };

export type SignatureAlgorithmResult =
  | { readonly ok: true; readonly scheme: SignatureScheme }
  | { readonly ok: false; readonly oid: string };

const RSA_PKCS1: Record<string, DigestName | undefined> = {
  [OID.rsaEncryption]: undefined,
  [OID.md5WithRSAEncryption]: 'md5',
  [OID.sha1WithRSAEncryption]: 'sha1',
  [OID.sha224WithRSAEncryption]: 'sha224',
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
};
const ECDSA: Record<string, DigestName | undefined> = {
  [OID.ecPublicKey]: undefined,
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/** Reads a SignerInfo signatureAlgorithm. Throws DerError on malformed parameters; unknown → ok: false. */
export function readSignatureAlgorithm(buf: Uint8Array, tlv: Tlv): SignatureAlgorithmResult {
  const algorithm = readAlgorithmIdentifier(buf, tlv);
  if (algorithm.oid in RSA_PKCS1) {
    if (!isAbsentOrNull(algorithm.params)) throw new DerError('RSA signature algorithm with parameters');
    const name = RSA_PKCS1[algorithm.oid];
    return { ok: true, scheme: { kind: 'rsa-pkcs1', hash: name ? digestByName(name) : undefined } };
  }
  if (algorithm.oid in ECDSA) {
    // RFC 5758 says the parameters are absent; NULL is tolerated. id-ecPublicKey carries a curve: ignored.
    if (algorithm.oid !== OID.ecPublicKey && !isAbsentOrNull(algorithm.params))
      throw new DerError('ECDSA signature algorithm with parameters');
    const name = ECDSA[algorithm.oid];
    return { ok: true, scheme: { kind: 'ecdsa', hash: name ? digestByName(name) : undefined } };
  }
  if (algorithm.oid === OID.rsassaPss) return { ok: true, scheme: readPssParameters(buf, algorithm.params) };
  return { ok: false, oid: algorithm.oid };
}

/** RSASSA-PSS-params (RFC 4055): every field explicit-tagged and defaulted (SHA-1, MGF1-SHA-1, 20, 1). */
function readPssParameters(buf: Uint8Array, params: Tlv | undefined): SignatureScheme {
  let hash = digestByName('sha1');
  let mgfHash = digestByName('sha1');
  let saltLength = 20;
  if (params !== undefined && !isAbsentOrNull(params)) {
    if (params.id !== 0x30) throw new DerError('malformed RSASSA-PSS parameters');
    let last = -1;
    for (const field of children(buf, params, 4)) {
      const index = field.id - 0xa0;
      if (index < 0 || index > 3 || index <= last) throw new DerError('malformed RSASSA-PSS parameters');
      last = index;
      const inner = readTlv(buf, field.valueStart, field.valueEnd);
      if (inner.end !== field.valueEnd) throw new DerError('malformed RSASSA-PSS parameters');
      if (index === 0) hash = knownDigest(buf, inner);
      else if (index === 1) {
        const mgf = readAlgorithmIdentifier(buf, inner);
        if (mgf.oid !== OID.mgf1 || mgf.params === undefined) throw new DerError('unsupported mask generation');
        mgfHash = knownDigest(buf, mgf.params);
      } else if (index === 2) saltLength = smallInteger(buf, inner);
      else if (smallInteger(buf, inner) !== 1) throw new DerError('unsupported PSS trailer field');
    }
  }
  return { kind: 'rsa-pss', hash, mgfHash, saltLength };
}

function knownDigest(buf: Uint8Array, tlv: Tlv): Digest {
  const { digest } = readDigestAlgorithm(buf, tlv);
  if (!digest) throw new DerError('unknown digest in RSASSA-PSS parameters');
  return digest;
}

export function schemeLabel(scheme: SignatureScheme): string {
  if (scheme.kind === 'rsa-pkcs1') return 'RSASSA-PKCS1-v1_5';
  if (scheme.kind === 'ecdsa') return 'ECDSA';
  return `RSASSA-PSS (MGF1 ${scheme.mgfHash.label}, salt ${scheme.saltLength})`;
}

/** Whether the key can make signatures of this scheme (an EC key cannot make RSA signatures, …). */
export function keyFitsScheme(key: PublicKeyDescription, scheme: SignatureScheme): boolean {
  const type = key.type;
  if (scheme.kind === 'ecdsa') return type === 'ec';
  if (scheme.kind === 'rsa-pss') return type === 'rsa' || type === 'rsa-pss';
  return type === 'rsa';
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** The key-size policy: RSA ≥ 2048 bits, ECDSA on P-256/P-384/P-521; anything else is refused. */
export function keyVerdict(key: PublicKeyDescription): { ok: boolean; label: string } {
  const type = key.type;
  if (type === 'rsa' || type === 'rsa-pss') {
    const bits = key.bits ?? 0;
    return { ok: bits >= 2048, label: `RSA ${bits}` };
  }
  if (type === 'ec') {
    const curve = key.curve ?? 'unknown';
    const name = CURVES[curve];
    return { ok: name !== undefined, label: `EC ${name ?? curve}` };
  }
  return { ok: false, label: type };
}

// ---------------------------------------------------------------------------------------------------------
// Encoding (for signing)

export function digestAlgorithmDer(digest: Digest): Uint8Array {
  // RFC 5754: parameters absent for SHA-2 (OpenSSL writes none either).
  return sequence(oid(digest.oid));
}

export function signatureAlgorithmDer(scheme: SignatureScheme): Uint8Array {
  if (scheme.kind === 'rsa-pkcs1') return sequence(oid(OID.rsaEncryption), NULL);
  if (scheme.kind === 'ecdsa') {
    const name = scheme.hash?.name;
    const algorithm =
      name === 'sha384' ? OID.ecdsaWithSha384 : name === 'sha512' ? OID.ecdsaWithSha512 : OID.ecdsaWithSha256;
    return sequence(oid(algorithm));
  }
  const hash = sequence(oid(scheme.hash.oid), NULL);
  const mgf = sequence(oid(OID.mgf1), sequence(oid(scheme.mgfHash.oid), NULL));
  return sequence(
    oid(OID.rsassaPss),
    sequence(encode(0xa0, hash), encode(0xa1, mgf), encode(0xa2, smallIntegerDer(scheme.saltLength))),
  );
}
