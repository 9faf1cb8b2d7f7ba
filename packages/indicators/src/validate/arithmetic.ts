/*
 * Exact arithmetic for the figures of a report: counts are whole numbers, so sums and ratios are computed with
 * BigInt and rounded once, at the end — never with floating-point steps that could turn 97,285 into 97,28.
 */

/** The decimal places a number is written with (`31.6` → 1, `98` → 0, `1e-7` → 7). */
export function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * `scale × numerator / denominator` rounded half-up to `decimals` places, exactly. Numerator and denominator
 * are non-negative safe integers, the denominator positive (the callers check).
 */
export function roundedRatio(numerator: number, denominator: number, scale: number, decimals: number): number {
  const factor = 10n ** BigInt(decimals);
  const scaled = BigInt(scale) * BigInt(numerator) * factor;
  const rounded = (2n * scaled + BigInt(denominator)) / (2n * BigInt(denominator));
  return Number(rounded) / Number(factor);
}

/** How far a figure printed with `decimals` places may be from the exact value: half a unit in the last place. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** The sum of decimal figures as printed (31.6 + 68.4 = 100, not 99.99999999999999). */
export function sumAsPrinted(values: readonly number[]): number {
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const factor = 10 ** decimals;
  return values.reduce((sum, value) => sum + Math.round(value * factor), 0) / factor;
}

/** Whether every number is a non-negative safe integer (a count exact arithmetic can take). */
export function areCounts(values: readonly number[]): boolean {
  return values.every((value) => Number.isSafeInteger(value) && value >= 0);
}
