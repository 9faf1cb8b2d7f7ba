/*
 * The XMLDSig algorithm policy of TT 15/2025/TT-BKHCN: reference digests SHA-256/384/512 (SHA-1 only when
 * the caller allows legacy signatures), signatures RSA PKCS#1 v1.5 and RSASSA-PSS (RFC 6931 MGF1 URIs) with
 * RSA ≥ 2048 bits, ECDSA on P-256/P-384/P-521; canonicalization exc-c14n or c14n 1.0, the `#WithComments`
 * variants only when enabled. Each allowed algorithm is registered with xml-crypto as a class of our own,
 * so xml-crypto can run nothing the policy did not allow, and the key is a node:crypto KeyObject whose type
 * must match the algorithm (no RSA URI verifying an ECDSA signature).
 */
import { constants, createHash, type KeyObject, verify } from 'node:crypto';
import type { HashAlgorithm, SignatureAlgorithm } from 'xml-crypto';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const C14N_WITH_COMMENTS = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const EXC_C14N_WITH_COMMENTS = 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface DigestMethod {
  readonly uri: string;
  readonly hash: HashName;
  /** For reports: `SHA-256`. */
  readonly label: string;
  /** Digest length in bytes. */
  readonly length: number;
}

const DIGEST_LIST: readonly DigestMethod[] = [
  { uri: 'http://www.w3.org/2000/09/xmldsig#sha1', hash: 'sha1', label: 'SHA-1', length: 20 },
  { uri: 'http://www.w3.org/2001/04/xmlenc#sha256', hash: 'sha256', label: 'SHA-256', length: 32 },
  { uri: 'http://www.w3.org/2001/04/xmldsig-more#sha384', hash: 'sha384', label: 'SHA-384', length: 48 },
  { uri: 'http://www.w3.org/2001/04/xmlenc#sha512', hash: 'sha512', label: 'SHA-512', length: 64 },
];
const DIGESTS = new Map(DIGEST_LIST.map((digest) => [digest.uri, digest]));

export type KeyFamily = 'rsa' | 'rsa-pss' | 'ecdsa';

export interface SignatureMethod {
  readonly uri: string;
  readonly hash: HashName;
  readonly family: KeyFamily;
  /** For reports: `RSA-SHA256`, `RSA-PSS-SHA256`, `ECDSA-SHA256`. */
  readonly label: string;
}

const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const MORE_2007 = 'http://www.w3.org/2007/05/xmldsig-more#';
const SIGNATURE_LIST: readonly SignatureMethod[] = [
  { uri: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', hash: 'sha1', family: 'rsa', label: 'RSA-SHA1' },
  { uri: `${MORE}rsa-sha256`, hash: 'sha256', family: 'rsa', label: 'RSA-SHA256' },
  { uri: `${MORE}rsa-sha384`, hash: 'sha384', family: 'rsa', label: 'RSA-SHA384' },
  { uri: `${MORE}rsa-sha512`, hash: 'sha512', family: 'rsa', label: 'RSA-SHA512' },
  { uri: `${MORE_2007}sha256-rsa-MGF1`, hash: 'sha256', family: 'rsa-pss', label: 'RSA-PSS-SHA256' },
  { uri: `${MORE_2007}sha384-rsa-MGF1`, hash: 'sha384', family: 'rsa-pss', label: 'RSA-PSS-SHA384' },
  { uri: `${MORE_2007}sha512-rsa-MGF1`, hash: 'sha512', family: 'rsa-pss', label: 'RSA-PSS-SHA512' },
  { uri: `${MORE}ecdsa-sha1`, hash: 'sha1', family: 'ecdsa', label: 'ECDSA-SHA1' },
  { uri: `${MORE}ecdsa-sha256`, hash: 'sha256', family: 'ecdsa', label: 'ECDSA-SHA256' },
  { uri: `${MORE}ecdsa-sha384`, hash: 'sha384', family: 'ecdsa', label: 'ECDSA-SHA384' },
  { uri: `${MORE}ecdsa-sha512`, hash: 'sha512', family: 'ecdsa', label: 'ECDSA-SHA512' },
];
const SIGNATURES = new Map(SIGNATURE_LIST.map((method) => [method.uri, method]));

export type Verdict = 'allowed' | 'legacy' | 'rejected';

function hashVerdict(hash: HashName, allowSha1: boolean): Verdict {
  if (hash !== 'sha1') return 'allowed';
  return allowSha1 ? 'legacy' : 'rejected';
}

/** A reference DigestMethod: the known method (undefined when unknown) and the policy's verdict on it. */
export function digestMethod(uri: string, allowSha1: boolean): { method: DigestMethod | undefined; verdict: Verdict } {
  const method = DIGESTS.get(uri);
  return { method, verdict: method ? hashVerdict(method.hash, allowSha1) : 'rejected' };
}

/** A SignatureMethod: the known method (undefined when unknown) and the policy's verdict on it. */
export function signatureMethod(
  uri: string,
  allowSha1: boolean,
): { method: SignatureMethod | undefined; verdict: Verdict } {
  const method = SIGNATURES.get(uri);
  return { method, verdict: method ? hashVerdict(method.hash, allowSha1) : 'rejected' };
}

/** Canonicalization and transform algorithms the policy lets through. */
export function allowedCanonicalizations(allowWithComments: boolean): ReadonlySet<string> {
  return new Set(allowWithComments ? [C14N, EXC_C14N, C14N_WITH_COMMENTS, EXC_C14N_WITH_COMMENTS] : [C14N, EXC_C14N]);
}

export function isWithComments(uri: string): boolean {
  return uri === C14N_WITH_COMMENTS || uri === EXC_C14N_WITH_COMMENTS;
}

/** A short name for an algorithm URI in messages (`exc-c14n`, `enveloped-signature`, …); the URI otherwise. */
export function algorithmLabel(uri: string): string {
  const known: Record<string, string> = {
    [C14N]: 'c14n',
    [C14N_WITH_COMMENTS]: 'c14n#WithComments',
    [EXC_C14N]: 'exc-c14n',
    [EXC_C14N_WITH_COMMENTS]: 'exc-c14n#WithComments',
    [ENVELOPED_SIGNATURE]: 'enveloped-signature',
  };
  return known[uri] ?? DIGESTS.get(uri)?.label ?? SIGNATURES.get(uri)?.label ?? uri;
}

const EC_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

/**
 * Whether a key may verify with a signature method: the right key type for the family, RSA of at least
 * `minRsaBits`, ECDSA on P-256/P-384/P-521. `undefined` when fine, otherwise the reason (English, for checks).
 */
export function keyProblem(
  key: KeyObject,
  method: SignatureMethod,
  minRsaBits: number,
): { kind: 'mismatch' | 'weak'; detail: string } | undefined {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (method.family === 'ecdsa') {
    if (type !== 'ec') return { kind: 'mismatch', detail: `${method.label} needs an EC key, the signer has ${type}` };
    if (!EC_CURVES.has(details.namedCurve ?? ''))
      return { kind: 'weak', detail: `EC curve ${details.namedCurve ?? 'unknown'} is not P-256, P-384 or P-521` };
    return undefined;
  }
  // A key restricted to PSS (id-RSASSA-PSS) must not verify PKCS#1 v1.5 signatures.
  const typeFits = method.family === 'rsa' ? type === 'rsa' : type === 'rsa' || type === 'rsa-pss';
  if (!typeFits) return { kind: 'mismatch', detail: `${method.label} needs an RSA key, the signer has ${type}` };
  const bits = details.modulusLength ?? 0;
  if (bits < minRsaBits) return { kind: 'weak', detail: `RSA key of ${bits} bits, below ${minRsaBits}` };
  return undefined;
}

/** RSA modulus length or EC curve of a key, for reports. */
export function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') return `EC ${details.namedCurve ?? ''}`.trim();
  return `${(key.asymmetricKeyType ?? 'unknown').toUpperCase()} ${details.modulusLength ?? '?'}`;
}

function hashClass(method: DigestMethod): new () => HashAlgorithm {
  return class {
    getAlgorithmName(): string {
      return method.uri;
    }
    getHash(xml: string): string {
      return createHash(method.hash).update(xml, 'utf8').digest('base64');
    }
  };
}

function isKeyObject(key: unknown): key is KeyObject {
  return typeof key === 'object' && key !== null && (key as KeyObject).type === 'public';
}

function signatureClass(method: SignatureMethod, minRsaBits: number): new () => SignatureAlgorithm {
  const verifyOnce = (material: string, key: unknown, signatureValue: string): boolean => {
    // Only a public KeyObject of the right type ever verifies: never a PEM string or a private key.
    if (!isKeyObject(key) || keyProblem(key, method, minRsaBits) !== undefined) return false;
    const signature = Buffer.from(signatureValue, 'base64');
    const data = Buffer.from(material, 'utf8');
    if (method.family === 'ecdsa') return verify(method.hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    if (method.family === 'rsa-pss')
      return verify(
        method.hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        signature,
      );
    return verify(method.hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  };
  return class {
    getAlgorithmName(): string {
      return method.uri;
    }
    getSignature(): never {
      throw new Error('verification-only algorithm');
    }
    verifySignature(material: string, key: unknown, signatureValue: string, callback?: unknown): boolean {
      const result = verifyOnce(material, key, signatureValue);
      if (typeof callback === 'function') (callback as (error: null, result: boolean) => void)(null, result);
      return result;
    }
  } as unknown as new () => SignatureAlgorithm;
}

export interface XmlCryptoTables {
  readonly hashes: Record<string, new () => HashAlgorithm>;
  readonly signatures: Record<string, new () => SignatureAlgorithm>;
}

const TABLES = new Map<string, XmlCryptoTables>();

/** The algorithm tables handed to xml-crypto for one verification: only what the policy allowed. */
export function xmlCryptoTables(options: { allowSha1: boolean; minRsaBits: number }): XmlCryptoTables {
  const cacheKey = `${options.allowSha1}:${options.minRsaBits}`;
  const cached = TABLES.get(cacheKey);
  if (cached) return cached;
  const hashes: Record<string, new () => HashAlgorithm> = {};
  for (const method of DIGEST_LIST)
    if (hashVerdict(method.hash, options.allowSha1) !== 'rejected') hashes[method.uri] = hashClass(method);
  const signatures: Record<string, new () => SignatureAlgorithm> = {};
  for (const method of SIGNATURE_LIST)
    if (hashVerdict(method.hash, options.allowSha1) !== 'rejected')
      signatures[method.uri] = signatureClass(method, options.minRsaBits);
  const tables = { hashes, signatures };
  if (TABLES.size < 16) TABLES.set(cacheKey, tables);
  return tables;
}
