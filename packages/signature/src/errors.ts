/** Every reason @lienthong/signature throws. It throws only for programmer errors; bad input gives a result. */
export type SignatureErrorCode = 'INVALID_ARGUMENT' | 'KEY_UNUSABLE' | 'UNKNOWN_TRUST_ANCHOR';

export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
