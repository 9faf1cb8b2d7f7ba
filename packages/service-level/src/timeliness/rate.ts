import { ServiceLevelError } from '../errors';

/**
 * A share kept exactly: `numerator / denominator`, plus the percentage rounded for printing. `percent` is
 * `null` when the denominator is 0 (no dossier to rate), never 0 or NaN.
 *
 * Rounding: half up (the values are never negative), to `decimals` places, computed on the exact fraction with
 * integers, so 1/8 = 12.5 %, 2/3 = 66.67 % and 201/20000 = 1.005 % → 1.01 % (floating point would give 1).
 * Rounded rates of complementary classes need not add up to 100.
 */
export interface TimelinessRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
}

export const DEFAULT_PERCENT_DECIMALS = 2;
const MAX_PERCENT_DECIMALS = 6;

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
  if (denominator === 0) return { numerator, denominator, percent: null };
  const scale = 10n ** BigInt(decimals);
  const scaledNumerator = BigInt(numerator) * 100n * scale;
  const divisor = BigInt(denominator);
  // floor((2·n·100·10^d + den) / (2·den)) = round half up of n·100·10^d / den.
  const rounded = (2n * scaledNumerator + divisor) / (2n * divisor);
  return { numerator, denominator, percent: Number(rounded) / Number(scale) };
}
