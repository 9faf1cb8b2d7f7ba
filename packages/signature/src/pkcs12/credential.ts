/*
 * The signing functions take either PEM text or a PKCS#12 file. This is the PKCS#12 side of that choice: the
 * option shape and its resolution into a key, the signer certificate and the chain that goes into KeyInfo or
 * the CMS certificates (the signer's issuers found in the file, issuer first; unrelated certificates stay out).
 */
import type { KeyObject } from 'node:crypto';
import { SignatureError } from '../errors';
import { readPkcs12 } from './read';

/** Sign with the key and certificate of a PKCS#12 file (.p12/.pfx). */
export interface Pkcs12Credential {
  /** The file's bytes. */
  readonly pkcs12: Uint8Array;
  readonly password: string;
  /** Pick the key by its friendlyName when the file holds several. */
  readonly friendlyName?: string;
  readonly key?: never;
  readonly certificate?: never;
  readonly chain?: never;
}

/** Sign with a PEM private key and certificate. */
export interface PemCredential {
  /** The private key, PEM (unencrypted PKCS#8, PKCS#1 or SEC1). */
  readonly key: string;
  /** The signer certificate, PEM; it must hold the public key of `key`. */
  readonly certificate: string;
  /** Intermediate certificates (PEM), signer's issuer first; each string may hold several. */
  readonly chain?: readonly string[];
  readonly pkcs12?: never;
  readonly password?: never;
}

/** Either a PEM key and certificate or a PKCS#12 file: never both. */
export type SigningCredential = PemCredential | Pkcs12Credential;

export interface ResolvedCredential {
  readonly privateKey: KeyObject;
  /** DER of the signer certificate. */
  readonly certificate: Uint8Array;
  /** DER of the signer's issuers from the file, issuer first. */
  readonly chain: readonly Uint8Array[];
}

/**
 * Whether `options` names a PKCS#12 file. Throws INVALID_ARGUMENT when it mixes both forms, so a stray `key`
 * next to `pkcs12` is never silently ignored.
 */
export function usesPkcs12(options: object): options is Pkcs12Credential {
  const record = options as Record<string, unknown>;
  const pkcs12 = record.pkcs12 !== undefined || record.password !== undefined;
  if (pkcs12 && (record.key !== undefined || record.certificate !== undefined || record.chain !== undefined))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      'give either { key, certificate, chain? } or { pkcs12, password }, not both',
    );
  return pkcs12;
}

/** Reads the credential of a PKCS#12 option (throws the PKCS12_* errors of readPkcs12). */
export function resolvePkcs12(credential: Pkcs12Credential): ResolvedCredential {
  const friendlyName = credential.friendlyName;
  const contents = readPkcs12(
    credential.pkcs12,
    credential.password,
    friendlyName === undefined ? {} : { friendlyName },
  );
  return {
    privateKey: contents.privateKey,
    certificate: contents.certificate.der,
    chain: contents.chain.map((c) => c.der),
  };
}
