import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_CAPABILITIES, syntheticCatalogue } from '../../test/synthetic-catalogue';
import { classifyNd42, classifyNd43 } from '../classify';
import { capabilitiesArbitrary } from '../classify/capabilities.arbitrary';
import { ServiceLevelError } from '../errors';
import type { Catalogue, Service, Tier } from '../model/service';
import { aggregateCatalogue } from './aggregate-catalogue';
import { SERVICE_LEVEL_INDICATORS } from './indicators';

const mixed = syntheticCatalogue({
  cells: [
    { tier: 'tinh', level: 4, count: 3 },
    { tier: 'tinh', level: 4, profile: 'level4-mot-phan', count: 1 },
    { tier: 'tinh', level: 3, count: 2 },
    { tier: 'tinh', level: 2, count: 4 },
    { tier: 'huyen', level: 3, count: 1 },
    { tier: 'huyen', level: 1, count: 2 },
    { tier: 'xa', level: 2, count: 6 },
    { tier: 'xa', level: 0, count: 1 },
  ],
});

function service(overrides: Partial<Service>): Service {
  return {
    procedureCode: '1.000001',
    name: 'Thủ tục',
    agency: { name: 'Sở A', code: '000.00.01.H56' },
    tier: 'tinh',
    capabilities: PROFILE_CAPABILITIES.level3,
    ...overrides,
  };
}

describe('aggregateCatalogue counts', () => {
  const aggregation = aggregateCatalogue(mixed, { date: '2024-06-30' });

  it('counts services by NĐ 43 level and NĐ 42 category, per tier and in total, with exact fractions', () => {
    expect(aggregation.overall.total).toBe(20);
    expect(aggregation.overall.nd43.byLevel).toEqual({
      0: { count: 1, of: 20, percent: 5 },
      1: { count: 2, of: 20, percent: 10 },
      2: { count: 10, of: 20, percent: 50 },
      3: { count: 3, of: 20, percent: 15 },
      4: { count: 4, of: 20, percent: 20 },
    });
    expect(aggregation.overall.nd43.atLeast[3]).toEqual({ count: 7, of: 20, percent: 35 });
    expect(aggregation.overall.nd42.byCategory).toEqual({
      none: { count: 13, of: 20, percent: 65 },
      mot_phan: { count: 4, of: 20, percent: 20 },
      toan_trinh: { count: 3, of: 20, percent: 15 },
    });
    expect(aggregation.byTier.tinh?.nd43.byLevel[4]).toEqual({ count: 4, of: 10, percent: 40 });
    expect(aggregation.byTier.huyen?.nd42.byCategory.mot_phan).toEqual({ count: 1, of: 3, percent: 33.33 });
    expect(aggregation.byTier.xa?.total).toBe(7);
  });

  it('gives the indicators under their machine names, derived, with formula, per tier and with fractions', () => {
    const { indicators } = aggregation;
    expect(Object.keys(indicators)).toEqual(SERVICE_LEVEL_INDICATORS.map((definition) => definition.name));
    expect(indicators.dvctt_level34_count).toMatchObject({
      value: 7,
      unit: 'count',
      derived: true,
      derivation: 'dvctt_level3_count + dvctt_level4_count',
      byTier: { tinh: { value: 6 }, huyen: { value: 1 }, xa: { value: 0 } },
    });
    expect(indicators.dvctt_level4_pct).toMatchObject({
      value: 20,
      numerator: 4,
      denominator: 20,
      unit: 'percent',
      label: { vi: 'Tỷ lệ DVCTT mức độ 4', en: 'Share of procedures offered at level 4' },
    });
    expect(indicators.dvctt_toan_trinh_pct.byTier).toEqual({
      tinh: { value: 30, numerator: 3, denominator: 10 },
      huyen: { value: 0, numerator: 0, denominator: 3 },
      xa: { value: 0, numerator: 0, denominator: 7 },
    });
    expect(indicators.dvctt_total.value).toBe(7);
    expect(indicators.tthc_not_online_count.value).toBe(13);
    expect(indicators.tthc_below_level1_count.value).toBe(1);
  });

  it('rounds to the decimals asked for', () => {
    const whole = aggregateCatalogue(mixed, { date: '2024-06-30', decimals: 0 });
    expect(whole.rounding).toEqual({ rule: 'half-up', decimals: 0 });
    expect(whole.byTier.huyen?.nd42.byCategory.mot_phan.percent).toBe(33);
    expect(whole.byTier.huyen?.nd43.byLevel[1].percent).toBe(67);
  });

  it('aggregates per agency when asked', () => {
    const catalogue = syntheticCatalogue({
      cells: [
        {
          tier: 'tinh',
          level: 4,
          count: 4,
          agencies: [
            { name: 'Sở A', code: 'A' },
            { name: 'Sở B', code: 'B' },
          ],
        },
        { tier: 'tinh', level: 2, count: 3, agencies: [{ name: 'Sở B', code: 'B' }] },
        { tier: 'xa', level: 3, count: 1, agencies: [{ name: 'UBND xã C' }] },
      ],
    });
    const { byAgency } = aggregateCatalogue(catalogue, { date: '2024-01-01', byAgency: true });
    expect(byAgency?.map((entry) => [entry.agency.name, entry.tiers, entry.figures.total])).toEqual([
      ['Sở A', ['tinh'], 2],
      ['Sở B', ['tinh'], 5],
      ['UBND xã C', ['xa'], 1],
    ]);
    expect(byAgency?.[1]?.indicators.dvctt_level4_pct).toEqual({ value: 40, numerator: 2, denominator: 5 });
    expect(aggregateCatalogue(catalogue, { date: '2024-01-01' }).byAgency).toBeUndefined();
  });

  it('keeps every invariant of the counts for any catalogue', () => {
    const tierArbitrary = fc.constantFrom<Tier>('tinh', 'huyen', 'xa');
    fc.assert(
      fc.property(fc.array(fc.tuple(capabilitiesArbitrary, tierArbitrary), { maxLength: 40 }), (entries) => {
        const catalogue: Catalogue = {
          services: entries.map(([capabilities, tier], index) =>
            service({ procedureCode: `1.${index}`, capabilities, tier }),
          ),
        };
        const result = aggregateCatalogue(catalogue, { date: '2024-01-01' });
        const { indicators: ind } = result;
        const levels = [0, 1, 2, 3, 4] as const;
        expect(levels.reduce<number>((sum, level) => sum + result.overall.nd43.byLevel[level].count, 0)).toBe(
          entries.length,
        );
        expect(ind.tthc_total.value).toBe(entries.length);
        expect(ind.dvctt_level34_count.value).toBe(
          (ind.dvctt_level3_count.value ?? 0) + (ind.dvctt_level4_count.value ?? 0),
        );
        expect((ind.dvctt_total.value ?? 0) + (ind.tthc_not_online_count.value ?? 0)).toBe(entries.length);
        for (const definition of SERVICE_LEVEL_INDICATORS) {
          if (definition.unit !== 'count') continue;
          const byTier = ind[definition.name].byTier;
          const sum = (['tinh', 'huyen', 'xa'] as const).reduce((total, tier) => total + (byTier[tier]?.value ?? 0), 0);
          expect(sum, definition.name).toBe(ind[definition.name].value);
        }
        for (const level of levels) {
          const expected = entries.filter(([capabilities]) => classifyNd43(capabilities).level >= level).length;
          expect(result.overall.nd43.atLeast[level].count).toBe(expected);
        }
        const toanTrinh = entries.filter(([capabilities]) => classifyNd42(capabilities).category === 'toan_trinh');
        expect(ind.dvctt_toan_trinh_count.value).toBe(toanTrinh.length);
      }),
    );
  });
});

describe('aggregateCatalogue dates, periods and tiers', () => {
  const versions: Catalogue = {
    services: [
      service({ effectiveTo: '2022-08-14' }),
      service({ effectiveFrom: '2022-08-15', capabilities: PROFILE_CAPABILITIES['level4-toan-trinh'] }),
      service({ procedureCode: '1.000002', effectiveFrom: '2024-01-01' }),
    ],
  };

  it('counts the services in force on the date', () => {
    expect(aggregateCatalogue(versions, { date: '2022-08-14' }).overall.nd43.byLevel[3].count).toBe(1);
    const after = aggregateCatalogue(versions, { date: '2022-08-15' });
    expect(after.overall.total).toBe(1);
    expect(after.overall.nd43.byLevel[4].count).toBe(1);
    expect(aggregateCatalogue(versions, { date: '2024-01-01' }).overall.total).toBe(2);
  });

  it('counts a procedure once over a period, at its latest version, and names the schemes in force', () => {
    const year = aggregateCatalogue(versions, { period: { from: '2022-01-01', to: '2022-12-31' } });
    expect(year.basis).toEqual({ kind: 'period', from: '2022-01-01', to: '2022-12-31' });
    expect(year.schemes).toEqual(['nd43-2011', 'nd42-2022']);
    expect(year.overall.total).toBe(1);
    expect(year.overall.nd42.byCategory.toan_trinh.count).toBe(1);
    expect(year.findings.filter((finding) => finding.ruleId.startsWith('SL-AGG-0'))).toEqual([]);
  });

  it('reports entries of one procedure in force at the same time, and counts it once', () => {
    const doubled: Catalogue = { services: [service({}), service({ effectiveFrom: '2020-01-01' })] };
    const result = aggregateCatalogue(doubled, { date: '2024-01-01' });
    expect(result.overall.total).toBe(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'SL-AGG-002', severity: 'warning', params: { count: 1 } });
  });

  it('has no district tier for a basis starting on or after 2025-07-01, and reports district services it cannot count', () => {
    const catalogue = syntheticCatalogue({
      cells: [
        { tier: 'tinh', level: 4, count: 2 },
        { tier: 'huyen', level: 3, count: 3 },
        { tier: 'xa', level: 2, count: 5 },
      ],
    });
    const before = aggregateCatalogue(catalogue, { period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(before.tiers).toEqual(['tinh', 'huyen', 'xa']);
    expect(before.overall.total).toBe(10);

    const after = aggregateCatalogue(catalogue, { period: { from: '2025-07-01', to: '2025-12-31' } });
    expect(after.tiers).toEqual(['tinh', 'xa']);
    expect(Object.keys(after.byTier)).toEqual(['tinh', 'xa']);
    expect(Object.keys(after.indicators.dvctt_level3_count.byTier)).toEqual(['tinh', 'xa']);
    expect(after.overall.total).toBe(7);
    expect(after.findings[0]).toMatchObject({ ruleId: 'SL-AGG-001', severity: 'error', params: { count: 3 } });
    expect(after.findings[0]?.message.en).toContain('3 district-tier service(s)');
  });

  it('reads a Date on Vietnam’s calendar, whatever the machine’s time zone', () => {
    const catalogue = syntheticCatalogue({ cells: [{ tier: 'huyen', level: 2, count: 1 }] });
    // 2025-06-30 18:00 UTC is 2025-07-01 01:00 in Vietnam.
    const result = aggregateCatalogue(catalogue, { date: new Date('2025-06-30T18:00:00Z') });
    expect(result.basis).toEqual({ kind: 'date', date: '2025-07-01' });
    expect(result.tiers).toEqual(['tinh', 'xa']);
  });

  it('reports a date on which nothing is in force, with no percentage and no target decided', () => {
    const later: Catalogue = {
      services: [
        service({ effectiveFrom: '2024-01-01' }),
        service({ procedureCode: '1.2', effectiveFrom: '2024-06-01' }),
      ],
    };
    const result = aggregateCatalogue(later, { date: '2023-12-31' });
    expect(result.overall.nd43.byLevel[4]).toEqual({ count: 0, of: 0, percent: null });
    expect(result.indicators.dvctt_level4_pct.value).toBeNull();
    expect(result.findings[0]?.message.vi).toBe(
      'Không có dịch vụ nào của danh mục (2 dịch vụ) có hiệu lực vào ngày 2023-12-31; mọi số liệu bằng 0 và không tính được tỷ lệ.',
    );
    expect(result.targets.every((check) => check.status === 'not-computable')).toBe(true);
  });

  it('throws ServiceLevelError for a missing or impossible date or period (programmer errors)', () => {
    const empty: Catalogue = { services: [] };
    expect(() => aggregateCatalogue(empty, { date: '2024-02-30' })).toThrow(ServiceLevelError);
    expect(() => aggregateCatalogue(empty, { period: { from: '2024-02-01', to: '2024-01-01' } })).toThrow(
      ServiceLevelError,
    );
    expect(() => aggregateCatalogue(empty, {} as never)).toThrow(ServiceLevelError);
    expect(() => aggregateCatalogue(empty, { date: '2024-01-01', decimals: 9 })).toThrow(ServiceLevelError);
  });
});

describe('aggregateCatalogue targets', () => {
  function level4Share(level4: number, total: number) {
    const catalogue = syntheticCatalogue({
      cells: [
        { tier: 'tinh', level: 4, count: level4 },
        { tier: 'tinh', level: 2, count: total - level4 },
      ],
    });
    return aggregateCatalogue(catalogue, { date: '2020-01-01' }).targets;
  }

  it('meets the NQ 17 level-4 target at exactly 30%, quoting the numbers', () => {
    const check = level4Share(30, 100).find((target) => target.target.id === 'NQ17-DVCTT-LEVEL4');
    expect(check?.status).toBe('met');
    expect(check?.issue).toMatchObject({ ruleId: 'SL-AGG-TGT-001', severity: 'info' });
    expect(check?.issue.message.vi).toBe(
      'Tỷ lệ DVCTT mức độ 4: 30% (30/100), đạt chỉ tiêu ≥ 30% DVCTT ở mức độ 4 của Nghị quyết 17/NQ-CP ngày 07/3/2019 (mục tiêu 2019–2020).',
    );
  });

  it('compares the exact fraction, not the rounded percentage: 29.996% is not 30%', () => {
    const check = level4Share(7499, 25000).find((target) => target.target.id === 'NQ17-DVCTT-LEVEL4');
    expect(check?.figure).toEqual({ count: 7499, total: 25000, percent: 30 });
    expect(check?.status).toBe('not-met');
    expect(check?.issue.message.en).toBe(
      'Share of procedures offered at level 4: 30% (7,499/25,000), short of the target ≥ 30% of online public services at level 4 of Resolution 17/NQ-CP of 2019-03-07 (targets for 2019–2020); 1 more procedure(s) needed.',
    );
  });

  it('cannot decide the evaluation index 9 below 20% of all procedures, since it counts eligible ones', () => {
    const check = level4Share(19, 100).find((target) => target.target.id === 'DGGQ-CHI-SO-9-DVCTT-LEVEL34');
    expect(check?.status).toBe('undetermined');
    expect(check?.issue.ruleId).toBe('SL-AGG-TGT-003');
    expect(level4Share(20, 100).find((target) => target.target.id === 'DGGQ-CHI-SO-9-DVCTT-LEVEL34')?.status).toBe(
      'met',
    );
  });

  it('lists the NQ 17 targets a catalogue cannot compute, with the reason', () => {
    const notComputable = level4Share(1, 2).filter((check) => check.status === 'not-computable');
    expect(notComputable.map((check) => check.target.id)).toEqual([
      'NQ17-DVCTT-DVCQG',
      'NQ17-HOSO-TRUC-TUYEN',
      'NQ17-HOSO-MOT-CUA-DIEN-TU',
      'NQ17-CONG-DVC-DI-DONG',
      'NQ17-XAC-THUC-DIEN-TU',
    ]);
    expect(notComputable[1]?.issue.message.en).toBe(
      'The target ≥ 20% of dossiers settled online of Resolution 17/NQ-CP of 2019-03-07 (targets for 2019–2020) cannot be computed from a catalogue: it needs the dossiers received and settled in the period, not the catalogue of services.',
    );
  });
});

describe('SERVICE_LEVEL_INDICATORS', () => {
  it('holds the machine names of the domain notes §3.2, once each, with labels in both languages', () => {
    const names = SERVICE_LEVEL_INDICATORS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'tthc_total',
      'dvctt_level1_count',
      'dvctt_level2_count',
      'dvctt_level3_count',
      'dvctt_level4_count',
      'dvctt_level34_count',
      'dvctt_level4_pct',
      'dvctt_toan_trinh_count',
      'dvctt_mot_phan_count',
      'dvctt_toan_trinh_pct',
    ]) {
      expect(names).toContain(name);
    }
    for (const definition of SERVICE_LEVEL_INDICATORS) {
      expect(definition.label.vi.length).toBeGreaterThan(0);
      expect(definition.label.en.length).toBeGreaterThan(0);
      expect(definition.name.endsWith('_pct')).toBe(definition.unit === 'percent');
    }
  });

  it('computes every percentage from two count indicators of the table', () => {
    const counts = new Set(
      SERVICE_LEVEL_INDICATORS.filter((definition) => definition.unit === 'count').map((definition) => definition.name),
    );
    for (const definition of SERVICE_LEVEL_INDICATORS) {
      if (!('ratio' in definition)) continue;
      expect(counts.has(definition.ratio.numerator)).toBe(true);
      expect(counts.has(definition.ratio.denominator)).toBe(true);
      expect(definition.formula).toBe(`100 * ${definition.ratio.numerator} / ${definition.ratio.denominator}`);
    }
  });
});
