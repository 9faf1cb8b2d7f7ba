import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import { percentDecimalsOf, rateOf } from './rate';

describe('rateOf', () => {
  it.each([
    [1, 8, 2, 12.5],
    [2, 3, 2, 66.67],
    [1, 3, 2, 33.33],
    [3, 5, 2, 60],
    [201, 20_000, 2, 1.01], // exactly 1.005 %: half up (floating point would round 1.005 down)
    [1, 200, 0, 1], // exactly 0.5 %: half up
    [1, 201, 0, 0],
    [1, 3, 6, 33.333333],
    [621, 1652, 1, 37.6], // Tiền Giang 2020: 621 level-4 services of 1,652 procedures (domain notes §3.3)
    [0, 5, 2, 0],
    [5, 5, 2, 100],
  ])('%i / %i to %i places is %f %%', (numerator, denominator, decimals, percent) => {
    expect(rateOf(numerator, denominator, decimals)).toEqual({ numerator, denominator, percent });
  });

  it('has no percentage without a denominator', () => {
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it('rounds to within half a unit of the last place, never further', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10_000_000 })
          .chain((denominator) =>
            fc.tuple(
              fc.integer({ min: 0, max: denominator }),
              fc.constant(denominator),
              fc.integer({ min: 0, max: 6 }),
            ),
          ),
        ([numerator, denominator, decimals]) => {
          const { percent } = rateOf(numerator, denominator, decimals);
          const exact = (100 * numerator) / denominator;
          expect(percent).not.toBeNull();
          expect(Math.abs((percent as number) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('percentDecimalsOf', () => {
  it('defaults to 2 and accepts 0–6', () => {
    expect(percentDecimalsOf(undefined, 'test')).toBe(2);
    expect(percentDecimalsOf(0, 'test')).toBe(0);
    expect(percentDecimalsOf(6, 'test')).toBe(6);
  });

  it.each([-1, 7, 1.5, '2', Number.NaN])('refuses %j', (value) => {
    expect(() => percentDecimalsOf(value, 'test')).toThrow(ServiceLevelError);
  });
});
