import { describe, expect, it } from 'vitest';
import type { ComparisonRowOutput, IndicatorsCompareOutput } from './compare-model';
import { formatComparisonText } from './compare-text';

type Comparison = NonNullable<IndicatorsCompareOutput['comparison']>;

const base: Omit<ComparisonRowOutput, 'indicator' | 'label' | 'unit' | 'a' | 'b' | 'direction' | 'delta'> = {
  group: null,
  tier: null,
  agency: null,
  count: { a: 1, b: 1 },
  reason: null,
  deltaUnit: null,
  relativeDeltaPct: null,
  derived: false,
  approximate: false,
};

const value = (indicator: string, number: number | boolean, extra: object = {}) => ({
  indicator,
  value: number,
  qualifier: 'exact' as const,
  provenance: 'stated' as const,
  ...extra,
});

const comparison: Comparison = {
  kind: 'across_units',
  reportingUnits: { a: { name: 'Tỉnh Sơn La', kind: 'province' }, b: { name: 'Tỉnh Hòa Bình', kind: 'province' } },
  periods: { a: { from: '2019-01-01', to: '2019-12-31' }, b: { from: '2019-01-01', to: '2019-12-31' } },
  summary: { up: 1, down: 1, same: 0, only_a: 1, only_b: 0, not_comparable: 0 },
  rows: [
    {
      ...base,
      indicator: 'tthc_total',
      // Decomposed (NFD) letters must not shift the columns.
      label: { vi: 'Tổng số TTHC'.normalize('NFD'), en: 'Administrative procedures' },
      unit: 'count',
      a: value('tthc_total', 1696),
      b: value('tthc_total', 12338),
      direction: 'up',
      delta: 10642,
      deltaUnit: 'unit',
      relativeDeltaPct: 627.48,
    },
    {
      ...base,
      indicator: 'x_pct',
      label: null,
      unit: 'percent',
      a: value('x_pct', 60.1, { qualifier: 'approx' }),
      b: value('x_pct', 55, { qualifier: 'approx', decimals: 2 }),
      direction: 'down',
      delta: -5.1,
      deltaUnit: 'percentage_points',
      approximate: true,
    },
    {
      ...base,
      indicator: 'truc_lien_thong_ket_noi',
      label: { vi: 'Kết nối trục', en: 'Axis connected' },
      unit: 'boolean',
      tier: 'xa',
      agency: { name: 'Sở TT&TT' },
      a: value('truc_lien_thong_ket_noi', true),
      b: null,
      count: { a: 1, b: 0 },
      direction: 'only_a',
      delta: null,
    },
  ],
};

describe('formatComparisonText', () => {
  it('aligns the columns (numbers to the right) and writes numbers the Vietnamese way', () => {
    expect(formatComparisonText(comparison, { lang: 'vi', color: false, quiet: false })).toBe(
      [
        'Loại so sánh: hai đơn vị, cùng kỳ',
        'A: Tỉnh Sơn La, năm 2019',
        'B: Tỉnh Hòa Bình, năm 2019',
        '',
        'Chỉ số        Phạm vi                      A              B    Chênh lệch  Tương đối  Xu hướng',
        `${'Tổng số TTHC'.normalize('NFD')}  toàn đơn vị              1.696         12.338       +10.642   +627,48%  tăng`,
        'x_pct         toàn đơn vị       khoảng 60,1%  khoảng 55,00%  -5,10 điểm %             giảm',
        'Kết nối trục  cấp xã, Sở TT&TT            có                                          chỉ có ở A',
        '',
        'Tổng: 3 số liệu — tăng 1, giảm 1, chỉ có ở A 1',
        '',
      ].join('\n'),
    );
  });

  it('English numbers; --quiet keeps the table only; colour makes the header bold', () => {
    const text = formatComparisonText(comparison, { lang: 'en', color: true, quiet: true });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '\u001b[1mIndicator                  Scope                             A             B    Change  Relative  Direction\u001b[22m',
    );
    expect(lines[1]).toBe(
      'Administrative procedures  whole unit                    1,696        12,338   +10,642  +627.48%  up',
    );
    expect(lines[2]).toContain('about 60.1%  about 55.00%  -5.10 pp');
    expect(lines[3]).toContain('commune tier, Sở TT&TT');
    expect(text).not.toContain('Total');
  });
});
