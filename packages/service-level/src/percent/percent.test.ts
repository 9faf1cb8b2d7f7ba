import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import { percentRounding, roundedPercent, share } from './percent';

/** The reference: exact rational arithmetic with BigInt, half up. */
function reference(count: number, of: number, decimals: number): number {
  const scaled = BigInt(count) * 100n * 10n ** BigInt(decimals);
  const divisor = BigInt(of);
  const rounded = (2n * scaled + divisor) / (2n * divisor);
  return Number(rounded) / 10 ** decimals;
}

describe('roundedPercent', () => {
  it('rounds half up, with ties exact (no binary floating-point drift)', () => {
    expect(roundedPercent(1, 8, 1)).toBe(12.5);
    expect(roundedPercent(1, 8, 0)).toBe(13);
    expect(roundedPercent(201, 20000, 2)).toBe(1.01);
    expect(roundedPercent(1, 3, 2)).toBe(33.33);
    expect(roundedPercent(2, 3, 2)).toBe(66.67);
    expect(roundedPercent(621, 1652, 1)).toBe(37.6);
  });

  it('is null when there is nothing to divide by', () => {
    expect(roundedPercent(0, 0, 2)).toBeNull();
    expect(share(0, 0, percentRounding()).percent).toBeNull();
  });

  it('agrees with exact rational rounding for catalogue-sized counts', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2_000_000 })
          .chain((of) => fc.tuple(fc.integer({ min: 0, max: of }), fc.constant(of))),
        fc.integer({ min: 0, max: 6 }),
        ([count, of], decimals) => {
          expect(roundedPercent(count, of, decimals)).toBe(reference(count, of, decimals));
        },
      ),
    );
  });

  it('refuses a number of decimals outside 0–6 as a programmer error', () => {
    expect(() => percentRounding(7)).toThrow(ServiceLevelError);
    expect(() => percentRounding(1.5)).toThrow(ServiceLevelError);
    expect(percentRounding(0)).toEqual({ rule: 'half-up', decimals: 0 });
  });
});
