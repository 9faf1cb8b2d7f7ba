import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIndicatorReports, type IndicatorComparisonRow } from './compare';
import { decimalsOfNumber, roundToDecimals } from './decimals';
import { report, SON_LA_2018, SON_LA_2019, TEST_CATALOGUE } from './test-support';

/** A row as one line of a table: indicator, scope, a, b, direction, delta, relative, flags. */
function tableRow(row: IndicatorComparisonRow): string {
  const scope = [row.tier ?? row.tiers?.join('+'), row.agency?.name].filter(Boolean).join('/') || '-';
  const delta = row.delta === undefined ? '' : `${row.delta}${row.deltaUnit === 'percentage_points' ? 'pp' : ''}`;
  const relative = row.relativeDeltaPct === undefined ? '' : `${row.relativeDeltaPct}%`;
  const flags = [row.reason, row.derived ? 'derived' : '', row.approximate ? 'approx' : ''].filter(Boolean).join(',');
  return [row.indicator, scope, row.a?.value ?? '', row.b?.value ?? '', row.direction, delta, relative, flags].join(
    ' | ',
  );
}

describe('compareIndicatorReports', () => {
  it('compares a unit year over year, figure by figure, in catalogue order', () => {
    const comparison = compareIndicatorReports(SON_LA_2018, SON_LA_2019, { catalogue: TEST_CATALOGUE });
    expect(comparison.kind).toBe('over_time');
    expect(comparison.periods).toEqual({
      a: { from: '2018-01-01', to: '2018-12-31' },
      b: { from: '2019-01-01', to: '2019-12-31' },
    });
    expect(comparison.rows.map(tableRow)).toEqual([
      'cong_dvc_name | - | dichvucong.sonla.gov.vn | dichvucong.sonla.gov.vn | same |  |  | ',
      'tthc_total | - | 1680 | 1700 | not_comparable |  |  | different_qualifiers,approx',
      'dvctt_level4_count | - | 533 | 621 | up | 88 | 16.51% | ',
      'dvctt_level4_count | huyen | 120 |  | only_a |  |  | ',
      'dvctt_level4_pct | - | 31.6 | 36.53 | up | 4.93pp |  | derived',
      'ho_so_da_xu_ly | - | 12338 | 12338 | same | 0 | 0% | ',
      'ho_so_dung_han_pct | - | 67.53 | 60.1 | down | -7.43pp |  | ',
      'ho_so_dung_han_pct | Sở Tư pháp |  | 99.5 | only_b |  |  | ',
      'ict_index | - | 0.3 | 0.1 | down | -0.2 | -66.67% | ',
      'so_lieu_moi | - |  | 7 | only_b |  |  | ',
    ]);
  });

  it('compares several tiers together as a scope of their own, after the first of their tiers', () => {
    const lamDong = (year: number, joint: number, tinh: number) =>
      report({
        reportingUnit: { name: 'Lâm Đồng', kind: 'province' },
        period: { from: `${year}-01-01`, to: `${year}-12-31` },
        values: [
          { indicator: 'tthc_total', value: joint, tiers: ['tinh', 'huyen'] },
          { indicator: 'tthc_total', value: 300 },
          { indicator: 'tthc_total', value: 10, tier: 'huyen' },
          { indicator: 'tthc_total', value: tinh, tier: 'tinh' },
        ],
      });
    const comparison = compareIndicatorReports(lamDong(2017, 131, 106), lamDong(2018, 140, 110), {
      catalogue: TEST_CATALOGUE,
    });
    expect(comparison.rows.map(tableRow)).toEqual([
      'tthc_total | - | 300 | 300 | same | 0 | 0% | ',
      'tthc_total | tinh | 106 | 110 | up | 4 | 3.77% | ',
      'tthc_total | tinh+huyen | 131 | 140 | up | 9 | 6.87% | ',
      'tthc_total | huyen | 10 | 10 | same | 0 | 0% | ',
    ]);
  });

  it('says which comparison it is: across units for one period, same scope, unrelated', () => {
    const other = report({
      reportingUnit: { name: 'Hòa Bình', kind: 'province' },
      period: SON_LA_2018.period,
      values: [],
    });
    expect(compareIndicatorReports(SON_LA_2018, other).kind).toBe('across_units');
    expect(compareIndicatorReports(SON_LA_2018, SON_LA_2018).kind).toBe('same_scope');
    expect(compareIndicatorReports(other, SON_LA_2019).kind).toBe('unrelated');
    // Without codes, the same name written composed or decomposed is the same unit.
    const decomposed = report({ ...other, reportingUnit: { name: 'Hòa Bình'.normalize('NFD'), kind: 'province' } });
    expect(compareIndicatorReports(other, { ...decomposed, period: SON_LA_2019.period }).kind).toBe('over_time');
  });

  it('does not compare a figure stated twice, a missing value, or text that changed', () => {
    const a = report({
      reportingUnit: { name: 'Hòa Bình', kind: 'province' },
      period: { from: '2019-01-01', to: '2019-12-31' },
      values: [
        { indicator: 'tthc_total', value: 32 },
        { indicator: 'tthc_total', value: 31 },
        { indicator: 'dvctt_level4_count', value: null },
        { indicator: 'cong_dvc_name', value: 'a' },
        { indicator: 'ict_index', value: 0, qualifier: 'approx' },
      ],
    });
    const b = report({
      ...a,
      values: [
        { indicator: 'tthc_total', value: 33 },
        { indicator: 'dvctt_level4_count', value: 10 },
        { indicator: 'cong_dvc_name', value: 'b' },
        { indicator: 'ict_index', value: 0.25, qualifier: 'approx' },
      ],
    });
    const comparison = compareIndicatorReports(a, b, { catalogue: TEST_CATALOGUE });
    expect(comparison.rows.map(tableRow)).toEqual([
      'cong_dvc_name | - | a | b | not_comparable |  |  | not_numeric',
      'tthc_total | - | 32 | 33 | not_comparable |  |  | several_values',
      'dvctt_level4_count | - |  | 10 | not_comparable |  |  | missing_value',
      'ict_index | - | 0 | 0.25 | up | 0.25 |  | approx',
    ]);
    expect(comparison.rows[1]?.count).toEqual({ a: 2, b: 1 });
  });

  it('is antisymmetric: swapping the reports negates every delta and swaps only_a and only_b', () => {
    const value = fc.record({
      indicator: fc.constantFrom('tthc_total', 'dvctt_level4_pct', 'ict_index'),
      value: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
      tier: fc.constantFrom(undefined, 'tinh', 'xa'),
    });
    const values = fc.uniqueArray(value, { selector: (v) => `${v.indicator}/${v.tier}`, maxLength: 6 });
    fc.assert(
      fc.property(values, values, (valuesA, valuesB) => {
        const make = (list: typeof valuesA) =>
          report({
            reportingUnit: { name: 'Sơn La', kind: 'province' },
            period: { from: '2019-01-01', to: '2019-12-31' },
            values: list.map(({ tier, ...rest }) => (tier === undefined ? rest : { ...rest, tier })),
          });
        const forward = compareIndicatorReports(make(valuesA), make(valuesB), { catalogue: TEST_CATALOGUE }).rows;
        const backward = compareIndicatorReports(make(valuesB), make(valuesA), { catalogue: TEST_CATALOGUE }).rows;
        const swap = { up: 'down', down: 'up', same: 'same', only_a: 'only_b', only_b: 'only_a' } as const;
        expect(backward.map((row) => row.direction)).toEqual(
          forward.map((row) => swap[row.direction as keyof typeof swap]),
        );
        expect(backward.map((row) => row.delta)).toEqual(
          forward.map((row) => (row.delta === undefined ? undefined : row.delta === 0 ? 0 : -row.delta)),
        );
        // Deltas are exact decimals of the inputs' precision.
        for (const row of forward)
          if (row.delta !== undefined) expect(decimalsOfNumber(row.delta)).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('decimals', () => {
  it('counts the decimals JavaScript writes', () => {
    expect([12338, 67.53, 0.1, 1e-7, 1.5e-10, 1e21, -2.25].map(decimalsOfNumber)).toEqual([0, 2, 1, 7, 11, 0, 2]);
  });

  it('rounds through the decimal string, half away from zero, without negative zero', () => {
    expect(roundToDecimals(0.3 - 0.1, 1)).toBe(0.2);
    expect(roundToDecimals(67.53 - 60.1, 2)).toBe(7.43);
    expect(roundToDecimals(1.005, 2)).toBe(1.01);
    expect(roundToDecimals(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundToDecimals(-0.0001, 2), 0)).toBe(true);
    expect(roundToDecimals(1e21 + 1, 2)).toBe(1e21);
    expect(roundToDecimals(1e-7, 8)).toBe(1e-7);
  });
});
