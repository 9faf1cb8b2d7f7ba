/*
 * The cryptographic primitives the verification core needs, behind one small interface with two implementations:
 * node:crypto (./node.ts, what Node uses: native and synchronous underneath) and WebCrypto (./web.ts, what the
 * browser build uses). Which one a build gets is decided by the package's `#crypto-backend` import condition
 * (package.json "imports": `browser` → web, otherwise node), so the core is one code base and the browser bundle
 * never sees a `node:` module. Signing (CMS and XMLDSig) and XMLDSig verification (xml-crypto) stay Node-only.
 */

/** Digest algorithms by their node:crypto names (the spelling the rest of the package uses). */
export type HashName =
  | 'md5'
  | 'sha1'
  | 'sha224'
  | 'sha256'
  | 'sha384'
  | 'sha512'
  | 'sha3-256'
  | 'sha3-384'
  | 'sha3-512';

/** Signature schemes the verification core accepts (the TT 15/2025 allow-list: RSA PKCS#1 v1.5, RSA-PSS, ECDSA). */
export type VerifiableScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa';

export interface SignatureVerificationRequest {
  readonly scheme: VerifiableScheme;
  readonly hash: HashName;
  /**
   * DER SubjectPublicKeyInfo of the key. Imported keys are cached per array (by identity, weakly), so callers pass
   * the same array for the same certificate — a parsed certificate's `subjectPublicKeyInfo`.
   */
  readonly spki: Uint8Array;
  readonly data: Uint8Array;
  /** As X.509, CMS and OCSP carry it: RSA as big-endian octets, ECDSA as a DER Ecdsa-Sig-Value. */
  readonly signature: Uint8Array;
  /** RSASSA-PSS only: the exact salt length (from the algorithm parameters). */
  readonly saltLength?: number;
}

/**
 * `unsupported`: this backend cannot check the combination (a hash, curve or key form the platform lacks, e.g.
 * SHA-3 or brainpool curves in WebCrypto, or a key the platform cannot import) — neither valid nor invalid.
 */
export type SignatureCheck = 'valid' | 'invalid' | 'unsupported';

/** A digest fed in pieces; `copy` forks the state so a shared prefix is hashed once. */
export interface IncrementalDigest {
  /** The chunk must not change until `digest()` has resolved (a backend may keep a reference to it). */
  update(chunk: Uint8Array): IncrementalDigest;
  copy(): IncrementalDigest;
  digest(): Promise<Uint8Array>;
}

export interface CryptoBackend {
  readonly name: 'node' | 'webcrypto';
  /** A digest computed synchronously, for small inputs: certificate fingerprints, OCSP identifiers, ESSCertIDs. */
  digestSync(hash: HashName, data: Uint8Array): Uint8Array;
  /** A digest of `data`, or of the concatenation of the chunks (for content of any size). */
  digest(hash: HashName, data: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array>;
  createDigest(hash: HashName): IncrementalDigest;
  /** Never rejects: malformed signatures and keys give `invalid` or `unsupported`. */
  verifySignature(request: SignatureVerificationRequest): Promise<SignatureCheck>;
}
