import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorsError } from '../errors';
import type { IndicatorDefinition } from '../model/indicator';
import { type IndicatorReport, IndicatorReportSchema, type IndicatorValueInput } from '../model/report';
import { exampleReport, TEST_CATALOGUE } from '../validate/example-catalogue.test-helper';
import { FactIndex, scopeOf } from '../validate/facts';
import { deriveIndicators } from './derive-indicators';

const options = { catalogue: TEST_CATALOGUE };

function report(values: IndicatorValueInput[], period = { from: '2024-01-01', to: '2024-12-31' }): IndicatorReport {
  return IndicatorReportSchema.parse(exampleReport(values, { period }));
}

function derivedOnly(result: IndicatorReport, before: IndicatorReport) {
  return result.values.slice(before.values.length);
}

describe('deriveIndicators', () => {
  it('derives sums, then ratios from them, to a fixpoint', () => {
    const input = report([
      { indicator: 'ho_so_da_xu_ly_truoc_han', value: 8332 },
      { indicator: 'ho_so_da_xu_ly_dung_han', value: 3899 },
      { indicator: 'ho_so_da_xu_ly_qua_han', value: 109 },
    ]);
    const result = deriveIndicators(input, options);
    const derived = { provenance: 'derived', qualifier: 'exact' };
    expect(derivedOnly(result, input)).toEqual([
      {
        indicator: 'ho_so_da_xu_ly',
        value: 12340,
        decimals: 0,
        derivedFrom: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han', 'ho_so_da_xu_ly_qua_han'],
        ...derived,
      },
      // 8332 / 12340 = 67.520…%, 3899 / 12340 = 31.596…%, 109 / 12340 = 0.8833…%
      {
        indicator: 'ho_so_da_xu_ly_truoc_han_pct',
        value: 67.52,
        decimals: 2,
        derivedFrom: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly'],
        ...derived,
      },
      {
        indicator: 'ho_so_da_xu_ly_dung_han_pct',
        value: 31.6,
        decimals: 2,
        derivedFrom: ['ho_so_da_xu_ly_dung_han', 'ho_so_da_xu_ly'],
        ...derived,
      },
      {
        indicator: 'ho_so_da_xu_ly_qua_han_pct',
        value: 0.88,
        decimals: 2,
        derivedFrom: ['ho_so_da_xu_ly_qua_han', 'ho_so_da_xu_ly'],
        ...derived,
      },
    ]);
  });

  it('derives a total from all the tiers of the period, and only then', () => {
    const tiers = (from: string, values: Record<string, number>) =>
      report(
        Object.entries(values).map(([tier, value]) => ({ indicator: 'tthc_total', value, tier: tier as 'tinh' })),
        { from, to: '2025-12-31' },
      );
    const before2025 = tiers('2025-01-01', { tinh: 1000, huyen: 500, xa: 170 });
    expect(derivedOnly(deriveIndicators(before2025, options), before2025)).toEqual([
      {
        indicator: 'tthc_total',
        value: 1670,
        qualifier: 'exact',
        decimals: 0,
        provenance: 'derived',
        derivedFrom: ['tthc_total'],
      },
    ]);
    const missingDistrict = tiers('2025-01-01', { tinh: 1000, xa: 170 });
    expect(deriveIndicators(missingDistrict, options).values).toHaveLength(2);
    const twoTiers = tiers('2025-07-01', { tinh: 1000, xa: 170 });
    expect(derivedOnly(deriveIndicators(twoTiers, options), twoTiers).map((value) => value.value)).toEqual([1170]);
  });

  it('keeps the scope of its inputs (tier, agency, period, as-of date)', () => {
    const agency = { name: 'Sở Y tế', organisationCode: '000.00.10.H41' };
    const input = report([
      { indicator: 'tthc_total', value: 8, tier: 'tinh', agency, asOf: '2024-06-30' },
      {
        indicator: 'dvctt_level4_count',
        value: 1,
        tier: 'tinh',
        agency: { name: 'So Y te', organisationCode: '000.00.10.H41' },
        asOf: '2024-06-30',
      },
    ]);
    expect(derivedOnly(deriveIndicators(input, { ...options, decimals: 1 }), input)).toEqual([
      {
        indicator: 'dvctt_level4_pct',
        value: 12.5,
        qualifier: 'exact',
        decimals: 1,
        tier: 'tinh',
        agency: { name: 'So Y te', organisationCode: '000.00.10.H41' },
        asOf: '2024-06-30',
        provenance: 'derived',
        derivedFrom: ['dvctt_level4_count', 'tthc_total'],
      },
    ]);
  });

  it('derives within several tiers together, and never counts them as a tier of the total', () => {
    const input = report([
      { indicator: 'dvctt_level3_count', value: 30, tiers: ['tinh', 'huyen'] },
      { indicator: 'dvctt_level4_count', value: 10, tiers: ['tinh', 'huyen'] },
      { indicator: 'tthc_total', value: 200, tiers: ['tinh', 'huyen'] },
      { indicator: 'tthc_total', value: 120, tier: 'tinh' },
      { indicator: 'tthc_total', value: 70, tier: 'huyen' },
      { indicator: 'dvctt_level4_count', value: 5, tier: 'tinh' },
    ]);
    const derived = derivedOnly(deriveIndicators(input, options), input);
    const joint = derived.filter((value) => value.tiers !== undefined);
    expect(joint.map(({ indicator, value, tiers }) => ({ indicator, value, tiers }))).toEqual([
      { indicator: 'dvctt_level34_count', value: 40, tiers: ['tinh', 'huyen'] },
      { indicator: 'dvctt_level4_pct', value: 5, tiers: ['tinh', 'huyen'] },
    ]);
    // 120 + 70 is not a total: the commune tier is missing, and the joint 200 is not one of the tiers.
    expect(derived.some((value) => value.indicator === 'tthc_total')).toBe(false);
    expect(derived.every((value) => value.tier === undefined || value.tiers === undefined)).toBe(true);
  });

  it('rounds ratios half-up, once, from exact integers', () => {
    // 1 / 8 = 12.5 % → 13 at 0 decimals; 1 / 200 = 0.5 % → 1; 2 / 3 = 66.666… % → 66.67
    const share = (numerator: number, denominator: number, decimals: number) =>
      deriveIndicators(
        report([
          { indicator: 'dvctt_level4_count', value: numerator },
          { indicator: 'tthc_total', value: denominator },
        ]),
        { ...options, decimals },
      ).values[2]?.value;
    expect(share(1, 8, 0)).toBe(13);
    expect(share(1, 200, 0)).toBe(1);
    expect(share(2, 3, 2)).toBe(66.67);
    expect(share(29345, 30163, 2)).toBe(97.29);
    expect(share(1, 0, 2)).toBeUndefined();
    // More level-4 services than procedures: inconsistent inputs, no 112.5%.
    expect(share(9, 8, 2)).toBeUndefined();
  });

  it('derives nothing from approximate, bounded or conflicting inputs, nor over a stated value', () => {
    const unchanged = [
      [
        { indicator: 'dvctt_level4_count', value: 1, qualifier: 'approx' },
        { indicator: 'tthc_total', value: 8 },
      ],
      [
        { indicator: 'dvctt_level4_count', value: 1, qualifier: 'at_least' },
        { indicator: 'tthc_total', value: 8 },
      ],
      [
        { indicator: 'dvctt_level4_count', value: 1 },
        { indicator: 'dvctt_level4_count', value: 2 },
        { indicator: 'tthc_total', value: 8 },
      ],
      [
        { indicator: 'dvctt_level4_count', value: 1 },
        { indicator: 'tthc_total', value: 8 },
        { indicator: 'dvctt_level4_pct', value: 15, qualifier: 'approx' },
      ],
    ] as IndicatorValueInput[][];
    for (const values of unchanged) {
      const input = report(values);
      expect(deriveIndicators(input, options)).toEqual(input);
    }
  });

  it('throws INVALID_ARGUMENT for decimals outside 0–6', () => {
    expect(() => deriveIndicators(report([]), { ...options, decimals: 7 })).toThrow(IndicatorsError);
  });
});

// Reports of random counts and shares over the test catalogue, at a few scopes, with some repeated statements.
const countNames = TEST_CATALOGUE.indicators.filter((definition) => definition.unit === 'count').map((d) => d.name);
const percentNames = TEST_CATALOGUE.indicators.filter((definition) => definition.unit === 'percent').map((d) => d.name);
const valueArb: fc.Arbitrary<IndicatorValueInput> = fc.record(
  {
    indicator: fc.constantFrom(...countNames, ...percentNames),
    value: fc.oneof(fc.nat({ max: 2000 }), fc.nat({ max: 1_000_000_000 })),
    qualifier: fc.constantFrom('exact', 'exact', 'exact', 'approx', 'at_least'),
    tier: fc.constantFrom('tinh', 'huyen', 'xa'),
    agency: fc.constant({ name: 'Sở Y tế' }),
  },
  { requiredKeys: ['indicator', 'value', 'qualifier'] },
);
const reportArb = fc
  .tuple(fc.array(valueArb, { maxLength: 25 }), fc.constantFrom('2024-01-01', '2025-07-01'))
  .map(([values, from]) => report(values, { from, to: '2025-12-31' }));

const definitions = new Map<string, IndicatorDefinition>(TEST_CATALOGUE.indicators.map((d) => [d.name, d]));

describe('deriveIndicators (properties)', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(reportArb, (input) => {
        const once = deriveIndicators(input, options);
        expect(deriveIndicators(once, options)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every stated value byte for byte, in place, and adds only where nothing was stated', () => {
    fc.assert(
      fc.property(reportArb, (input) => {
        const before = JSON.stringify(input);
        const result = deriveIndicators(input, options);
        expect(JSON.stringify(input)).toBe(before);
        expect(JSON.stringify(result.values.slice(0, input.values.length))).toBe(JSON.stringify(input.values));
        const stated = new FactIndex(input);
        for (const value of derivedOnly(result, input)) {
          expect(value.provenance).toBe('derived');
          expect(stated.all(value.indicator, scopeOf(value, input))).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('derives ratios within half a unit in the last decimal of the exact value, and sums exactly', () => {
    fc.assert(
      fc.property(reportArb, fc.integer({ min: 0, max: 6 }), (input, decimals) => {
        const result = deriveIndicators(input, { ...options, decimals });
        const index = new FactIndex(result);
        for (const value of derivedOnly(result, input)) {
          const derivation = definitions.get(value.indicator)?.derivation;
          const scope = scopeOf(value, result);
          const input0 = (name: string) => index.all(name, scope)[0]?.value.value as number;
          if (derivation?.kind === 'ratio') {
            const exact = (derivation.scale * input0(derivation.numerator)) / input0(derivation.denominator);
            expect(Math.abs((value.value as number) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
            expect(value.decimals).toBe(decimals);
          } else if (derivation?.kind === 'sum' && value.derivedFrom?.[0] !== value.indicator) {
            expect(value.value).toBe(derivation.terms.reduce((sum, name) => sum + input0(name), 0));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
