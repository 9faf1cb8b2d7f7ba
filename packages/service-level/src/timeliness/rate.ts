import { ServiceLevelError } from '../errors';
import { DEFAULT_PERCENT_DECIMALS, MAX_PERCENT_DECIMALS, roundedPercent } from '../percent/percent';

/**
 * A share kept exactly: `numerator / denominator`, plus the percentage rounded for printing. `percent` is
 * `null` when the denominator is 0 (no dossier to rate), never 0 or NaN.
 *
 * Rounding: `roundedPercent` (src/percent), half up to `decimals` places on the exact fraction with integers,
 * so 1/8 = 12.5 %, 2/3 = 66.67 % and 201/20000 = 1.005 % → 1.01 % (floating point would give 1).
 * Rounded rates of complementary classes need not add up to 100.
 */
export interface TimelinessRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
}

export function percentDecimalsOf(value: unknown, caller: string): number {
  if (value === undefined) return DEFAULT_PERCENT_DECIMALS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PERCENT_DECIMALS) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${caller}: percentDecimals must be an integer 0–${MAX_PERCENT_DECIMALS}, got ${String(value)}`,
    );
  }
  return value;
}

/** The rate `numerator / denominator` with its percentage rounded half up to `decimals` places. */
export function rateOf(numerator: number, denominator: number, decimals = DEFAULT_PERCENT_DECIMALS): TimelinessRate {
  return { numerator, denominator, percent: roundedPercent(numerator, denominator, decimals) };
}
