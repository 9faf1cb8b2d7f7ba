/** Every reason @lienthong/report throws. It throws only for programmer errors, never for bad input. */
export type ReportErrorCode =
  /** `defineRule` was given a malformed ID, an empty title or message, or templates with different placeholders. */
  | 'RULE_DEFINITION_INVALID'
  /** `rule.issue()` was called without a parameter its message needs. */
  | 'RULE_PARAM_MISSING'
  /** `defineRuleCatalog` was given two rules with the same ID. */
  | 'RULE_DUPLICATE'
  /** A report builder was used after `finish()`. */
  | 'REPORT_FINISHED'
  /** A formatter was given a report that `ReportSchema` refuses (e.g. `valid: true` with an error issue). */
  | 'REPORT_INVALID'
  /** A formatter was given an option it cannot use (an unknown language, a URI that does not parse). */
  | 'OPTION_INVALID';

export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
