/** Every reason @lienthong/edxml throws. It throws only for programmer errors; bad input gives a report. */
export type EdxmlErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNSERIALIZABLE_CHARACTER'
  | 'STREAM_MISUSE'
  | 'UNSUPPORTED_STATUS_CODE';

export class EdxmlError extends Error {
  override readonly name = 'EdxmlError';
  readonly code: EdxmlErrorCode;

  constructor(code: EdxmlErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
