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

export function percentRounding(decimals: number = DEFAULT_PERCENT_DECIMALS): PercentRounding {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new ServiceLevelError('INVALID_ARGUMENT', `decimals must be an integer from 0 to 6, got ${String(decimals)}`);
  }
  return { rule: 'half-up', decimals };
}

/** 100 × count / of, rounded half up to `decimals` places; `null` when `of` is 0. */
export function roundedPercent(count: number, of: number, decimals: number): number | null {
  if (of === 0) return null;
  const scale = 10 ** decimals;
  const scaled = 100 * scale * count;
  let quotient = Math.floor(scaled / of);
  let remainder = scaled - quotient * of;
  // Guard the floating-point division: make 0 ≤ remainder < of exactly.
  while (remainder < 0) {
    quotient--;
    remainder += of;
  }
  while (remainder >= of) {
    quotient++;
    remainder -= of;
  }
  if (2 * remainder >= of) quotient++;
  return quotient / scale;
}

export function share(count: number, of: number, rounding: PercentRounding): Share {
  return { count, of, percent: roundedPercent(count, of, rounding.decimals) };
}
