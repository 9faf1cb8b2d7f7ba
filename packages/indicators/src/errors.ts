/**
 * Every reason @lienthong/indicators throws. It throws only for programmer errors (an argument its types forbid,
 * a catalogue that breaks its own schema); bad report data gives issues, never an exception.
 */
export type IndicatorsErrorCode =
  | 'INVALID_ARGUMENT'
  /** A catalogue passed in options does not satisfy `IndicatorCatalogueSchema` or refers to unknown indicators. */
  | 'INVALID_CATALOGUE';

export class IndicatorsError extends Error {
  override readonly name = 'IndicatorsError';
  readonly code: IndicatorsErrorCode;

  constructor(code: IndicatorsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
