import type { LocalizedText } from '@lienthong/report';

/**
 * Every reason @lienthong/signature throws. It throws only for programmer errors; bad input gives a result.
 * Reading a signing credential is the exception: the caller asked for that file, so an unreadable .p12, a
 * wrong password or a file without a usable key is thrown (PKCS12_*), with `text` in Vietnamese and English.
 */
export type SignatureErrorCode =
  | 'INVALID_ARGUMENT'
  | 'KEY_UNUSABLE'
  | 'UNKNOWN_TRUST_ANCHOR'
  /** The .p12/.pfx input is larger than the cap (checked before parsing). */
  | 'PKCS12_TOO_LARGE'
  /** Not a PKCS#12 file: garbage, truncated, or a structure that breaks RFC 7292. */
  | 'PKCS12_MALFORMED'
  /** The MAC does not verify, or the key or certificates do not decrypt, under the password. */
  | 'PKCS12_BAD_PASSWORD'
  /** A mode or algorithm not implemented (public-key modes, RC4, PBMAC1, …) or an iteration count over the cap. */
  | 'PKCS12_UNSUPPORTED'
  /** No private key in the file (or none with the requested friendlyName). */
  | 'PKCS12_NO_KEY'
  /** No certificate in the file holds the private key's public key. */
  | 'PKCS12_NO_MATCHING_CERTIFICATE'
  /** Several private keys have certificates and no friendlyName picks one. */
  | 'PKCS12_AMBIGUOUS_KEY';

export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  readonly code: SignatureErrorCode;
  /** The message in Vietnamese and English, when it is meant for people (a CLI shows `vi`). */
  readonly text: LocalizedText | undefined;

  constructor(code: SignatureErrorCode, message: string, options?: { cause?: unknown; text?: LocalizedText }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.text = options?.text;
  }
}

/**
 * An option that must be a positive integer (a size cap, an iteration cap): `fallback` when it is undefined, the
 * value when it is one, otherwise a programmer error (INVALID_ARGUMENT naming `options.<name>`).
 */
export function positiveIntegerOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw new SignatureError('INVALID_ARGUMENT', `options.${name} must be a positive integer`);
  return value;
}
