/*
 * What a public key is — type, RSA modulus size, EC curve — read from its DER SubjectPublicKeyInfo, so the key
 * policy (RSA ≥ 2048, ECDSA ≥ P-256) and the choice of verification algorithm do not depend on which crypto backend
 * runs. Names follow node:crypto (`rsa`, `ec`, `prime256v1`), the spelling results have always used.
 */
import {
  childrenOf,
  DerError,
  type DerNode,
  decodeBitString,
  decodeOid,
  expectSequence,
  integerContent,
  isUniversal,
  readSingle,
  UNIVERSAL,
} from '../pkix/der';
import { OID } from '../pkix/oids';

/** Key type and size, as node:crypto would report them. */
export interface PublicKeyDescription {
  /** `rsa`, `rsa-pss`, `ec`, `ed25519`, `ed448`, `dsa`, `x25519`, `x448` or `unknown`. */
  type: string;
  /** RSA modulus length in bits. */
  bits?: number;
  /** EC curve (node:crypto name, e.g. `prime256v1`), or the curve's OID when it has no name here. */
  curve?: string;
}

/** Named curves: node:crypto name, field size in bytes, WebCrypto name where WebCrypto has the curve. */
export const NAMED_CURVES: Readonly<Record<string, { name: string; bytes: number; webCrypto?: string }>> = {
  '1.2.840.10045.3.1.7': { name: 'prime256v1', bytes: 32, webCrypto: 'P-256' },
  '1.3.132.0.34': { name: 'secp384r1', bytes: 48, webCrypto: 'P-384' },
  '1.3.132.0.35': { name: 'secp521r1', bytes: 66, webCrypto: 'P-521' },
  '1.3.132.0.10': { name: 'secp256k1', bytes: 32 },
  '1.2.840.10045.3.1.1': { name: 'prime192v1', bytes: 24 },
  '1.3.132.0.33': { name: 'secp224r1', bytes: 28 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bytes: 32 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bytes: 48 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bytes: 64 },
};

const CURVES_BY_NAME = new Map(Object.values(NAMED_CURVES).map((curve) => [curve.name, curve]));

/** The field size in bytes of a named curve (node:crypto name), when known. */
export function curveBytes(name: string | undefined): number | undefined {
  return name === undefined ? undefined : CURVES_BY_NAME.get(name)?.bytes;
}

/** The WebCrypto name of a named curve (node:crypto name), when WebCrypto has it. */
export function webCryptoCurve(name: string | undefined): string | undefined {
  return name === undefined ? undefined : CURVES_BY_NAME.get(name)?.webCrypto;
}

const OTHER_KEY_TYPES: Readonly<Record<string, { type: string; keyBytes?: number }>> = {
  [OID.ed25519]: { type: 'ed25519', keyBytes: 32 },
  [OID.ed448]: { type: 'ed448', keyBytes: 57 },
  '1.3.101.110': { type: 'x25519', keyBytes: 32 },
  '1.3.101.111': { type: 'x448', keyBytes: 56 },
  [OID.dsa]: { type: 'dsa' },
};

/** The parts of a DER SubjectPublicKeyInfo. Throws `DerError` when it is malformed. */
export function splitSubjectPublicKeyInfo(spki: Uint8Array): {
  /** The algorithm OID. */
  oid: string;
  parameters: DerNode | undefined;
  /** The subjectPublicKey BIT STRING octets (for RSA, the PKCS#1 RSAPublicKey DER; for EC, the point). */
  key: Uint8Array;
  keyOffset: number;
} {
  const root = expectSequence(readSingle(spki), 'SubjectPublicKeyInfo');
  const [algorithmNode, keyNode, ...rest] = childrenOf(root, 3);
  if (keyNode === undefined || rest.length > 0)
    throw new DerError('unexpected-element', root.start, 'SubjectPublicKeyInfo');
  const [oidNode, parameters, ...extra] = childrenOf(expectSequence(algorithmNode, 'AlgorithmIdentifier'), 3);
  if (oidNode === undefined || extra.length > 0)
    throw new DerError('unexpected-element', root.start, 'AlgorithmIdentifier');
  const bitString = decodeBitString(keyNode);
  if (bitString.unusedBits !== 0) throw new DerError('invalid-bit-string', keyNode.start, 'subjectPublicKey');
  return { oid: decodeOid(oidNode), parameters, key: bitString.bytes, keyOffset: keyNode.start };
}

/** The OID of a named curve's parameters, when the parameters are one. */
export function namedCurveOid(parameters: DerNode | undefined): string | undefined {
  return isUniversal(parameters, UNIVERSAL.oid) ? decodeOid(parameters) : undefined;
}

/**
 * Reads a DER SubjectPublicKeyInfo. Throws `DerError` when it is malformed, or when a key of a known type is not a
 * well-formed key of that type (an RSA key that is not a positive modulus and exponent, an EC point of the wrong
 * size). Unknown algorithms give type `unknown`.
 */
export function readPublicKey(spki: Uint8Array): PublicKeyDescription {
  const { oid, parameters, key, keyOffset } = splitSubjectPublicKeyInfo(spki);

  if (oid === OID.rsaEncryption || oid === OID.rsassaPss)
    return { type: oid === OID.rsaEncryption ? 'rsa' : 'rsa-pss', bits: rsaModulusBits(key, keyOffset) };
  if (oid === OID.ecPublicKey) return { type: 'ec', ...ecCurve(parameters, key, keyOffset) };
  const other = OTHER_KEY_TYPES[oid];
  if (other === undefined) return { type: 'unknown' };
  if (other.keyBytes !== undefined && key.length !== other.keyBytes)
    throw new DerError('unexpected-element', keyOffset, `${other.type} key of ${key.length} bytes`);
  return { type: other.type };
}

/** Like `readPublicKey`, but malformed input gives type `unknown` instead of throwing. */
export function describePublicKey(spki: Uint8Array): PublicKeyDescription {
  try {
    return readPublicKey(spki);
  } catch {
    return { type: 'unknown' };
  }
}

function rsaModulusBits(key: Uint8Array, offset: number): number {
  let root: DerNode;
  try {
    root = expectSequence(readSingle(key), 'RSAPublicKey');
  } catch (error) {
    throw new DerError('unexpected-element', offset, `RSAPublicKey: ${(error as Error).message}`);
  }
  const [modulusNode, exponentNode, ...rest] = childrenOf(root, 3);
  if (exponentNode === undefined || rest.length > 0)
    throw new DerError('unexpected-element', offset, 'RSAPublicKey must have two INTEGERs');
  const modulus = integerContent(modulusNode as DerNode);
  const exponent = integerContent(exponentNode);
  if (((modulus[0] as number) & 0x80) !== 0 || ((exponent[0] as number) & 0x80) !== 0)
    throw new DerError('invalid-integer', offset, 'negative RSA modulus or exponent');
  let start = 0;
  while (start < modulus.length && modulus[start] === 0) start++;
  if (start === modulus.length) throw new DerError('invalid-integer', offset, 'zero RSA modulus');
  const first = modulus[start] as number;
  return (modulus.length - start - 1) * 8 + (32 - Math.clz32(first));
}

function ecCurve(parameters: DerNode | undefined, point: Uint8Array, offset: number): { curve?: string } {
  // Only named curves (RFC 5480); explicit curve parameters are reported without a name, and refused by the policy.
  const oid = namedCurveOid(parameters);
  if (oid === undefined) return {};
  const named = NAMED_CURVES[oid];
  if (named === undefined) return { curve: oid };
  const form = point[0];
  const valid =
    (form === 0x04 && point.length === 1 + 2 * named.bytes) ||
    ((form === 0x02 || form === 0x03) && point.length === 1 + named.bytes);
  if (!valid) throw new DerError('unexpected-element', offset, `not a ${named.name} point`);
  return { curve: named.name };
}
