import type { IndicatorValue } from '../model/report';

/** Decimal places of a number as JavaScript writes it at its shortest (`0.1` → 1, `1e-7` → 7, `12338` → 0). */
export function decimalsOfNumber(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The decimals a value is written with: those the source printed (`decimals`), else the number's own. */
export function decimalsOfValue(value: Pick<IndicatorValue, 'value' | 'decimals'>): number {
  if (value.decimals !== undefined) return value.decimals;
  return typeof value.value === 'number' ? decimalsOfNumber(value.value) : 0;
}

/**
 * Rounds to a number of decimals through the decimal string, so a difference of decimals comes out as the decimal
 * a person computes (0.3 − 0.1 = 0.2, not 0.19999999999999998). Ties round away from zero.
 */
export function roundToDecimals(value: number, decimals: number): number {
  // From 1e21 on, JavaScript writes numbers in exponent form and they hold no fraction to round.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value;
  const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const rounded = Number(`${shifted}e-${decimals}`);
  // No negative zero: a delta that rounds away is "no change", whatever its sign was.
  return rounded === 0 ? 0 : value < 0 ? -rounded : rounded;
}
