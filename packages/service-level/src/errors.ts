/**
 * Every reason @lienthong/service-level throws. It throws only for programmer errors (an argument its types
 * forbid); bad input data gives issues, never an exception.
 */
export type ServiceLevelErrorCode =
  | 'INVALID_ARGUMENT'
  /** `createWorkingCalendar` got an unusable configuration (bad hours, a day both holiday and worked, …). */
  | 'INVALID_CALENDAR';

export class ServiceLevelError extends Error {
  override readonly name = 'ServiceLevelError';
  readonly code: ServiceLevelErrorCode;

  constructor(code: ServiceLevelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
