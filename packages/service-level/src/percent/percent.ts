/*
 * Percentages of counts, with one explicit rounding rule: 100 × count / of, rounded half up (all figures are
 * non-negative, so this is also "ties away from zero") to a fixed number of decimal places, computed in integer
 * arithmetic so that a tie such as 1/8 = 12.5 % is a tie, not 12.4999… in binary floating point. The exact
 * fraction (count / of) always travels with the rounded figure.
 */
import { ServiceLevelError } from '../errors';

/** A count with the count it is a part of, and the rounded percentage (`null` when `of` is 0). */
export interface Share {
  readonly count: number;
  readonly of: number;
  readonly percent: number | null;
}

/** How percentages are rounded. */
export interface PercentRounding {
  readonly rule: 'half-up';
  /** Decimal places kept, 0–6. */
  readonly decimals: number;
}

export const DEFAULT_PERCENT_DECIMALS = 2;
export const MAX_PERCENT_DECIMALS = 6;

export function percentRounding(decimals: number = DEFAULT_PERCENT_DECIMALS): PercentRounding {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_PERCENT_DECIMALS) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `decimals must be an integer from 0 to ${MAX_PERCENT_DECIMALS}, got ${String(decimals)}`,
    );
  }
  return { rule: 'half-up', decimals };
}

/**
 * 100 × count / of, rounded half up to `decimals` places; `null` when `of` is 0. The one half-up rounding of the
 * package (catalogue aggregates and timeliness rates both use it): exact integer arithmetic on the fraction, so
 * 1/8 = 12.5 %, 2/3 = 66.67 % and 201/20000 = 1.005 % → 1.01 % (floating point would give 1).
 */
export function roundedPercent(count: number, of: number, decimals: number): number | null {
  if (of === 0) return null;
  const scale = 10n ** BigInt(decimals);
  const scaledCount = BigInt(count) * 100n * scale;
  const divisor = BigInt(of);
  // floor((2·count·100·10^d + of) / (2·of)) = round half up of count·100·10^d / of (both non-negative).
  const rounded = (2n * scaledCount + divisor) / (2n * divisor);
  return Number(rounded) / Number(scale);
}

export function share(count: number, of: number, rounding: PercentRounding): Share {
  return { count, of, percent: roundedPercent(count, of, rounding.decimals) };
}
