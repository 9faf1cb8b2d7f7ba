/** Every reason @lienthong/report throws. It throws only for programmer errors, never for bad input. */
export type ReportErrorCode =
  | 'RULE_DEFINITION_INVALID'
  | 'RULE_PARAM_MISSING'
  | 'RULE_DUPLICATE'
  | 'REPORT_FINISHED'
  | 'REPORT_INVALID';

export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
