import type { IndicatorCatalogue, IndicatorDefinition } from '../model/indicator';
import { type IndicatorReport, type IndicatorReportInput, IndicatorReportSchema } from '../model/report';

/*
 * A small catalogue and two reports for the compare and render tests, independent of the shipped catalogue (which
 * grows): two groups, listed out of group order so the tests see that sorting follows the group list.
 */

const SOURCE = [{ document: 'test catalogue' }];

function definition(
  name: string,
  vi: string,
  en: string,
  unit: IndicatorDefinition['unit'],
  group: IndicatorDefinition['group'],
): IndicatorDefinition {
  return {
    name,
    label: { vi, en },
    unit,
    group,
    scope: { tiers: ['tinh', 'huyen', 'xa'], agency: true },
    sources: SOURCE,
  };
}

export const TEST_CATALOGUE: IndicatorCatalogue = {
  version: '0.0.1',
  indicators: [
    definition('ho_so_da_xu_ly', 'Hồ sơ đã giải quyết', 'Dossiers resolved', 'count', 'dossiers'),
    definition('ho_so_dung_han_pct', 'Tỷ lệ giải quyết đúng hạn', 'Resolved on time', 'percent', 'dossiers'),
    definition('tthc_total', 'Tổng số TTHC', 'Administrative procedures (total)', 'count', 'online_services'),
    definition(
      'dvctt_level3_count',
      'Số DVCTT mức độ 3',
      'Online public services at level 3',
      'count',
      'online_services',
    ),
    definition(
      'dvctt_level4_count',
      'Số DVCTT mức độ 4',
      'Online public services at level 4',
      'count',
      'online_services',
    ),
    {
      ...definition(
        'dvctt_level34_count',
        'Số DVCTT mức độ 3 và 4',
        'Online public services at levels 3 and 4',
        'count',
        'online_services',
      ),
      derivation: { kind: 'sum', terms: ['dvctt_level3_count', 'dvctt_level4_count'], relation: 'levels' },
    },
    {
      // Overlaps the sum above: the renderings must not draw the same figures twice.
      ...definition(
        'dvctt_level1to4_count',
        'Số DVCTT mức độ 1 đến 4',
        'Online public services at levels 1 to 4',
        'count',
        'online_services',
      ),
      derivation: {
        kind: 'sum',
        terms: ['dvctt_level1_count', 'dvctt_level2_count', 'dvctt_level3_count', 'dvctt_level4_count'],
        relation: 'levels',
      },
    },
    definition(
      'dvctt_level4_pct',
      'Tỷ lệ DVCTT mức độ 4',
      'Share of procedures at level 4',
      'percent',
      'online_services',
    ),
    definition('cong_dvc_name', 'Tên cổng dịch vụ công', 'Public service portal', 'text', 'portals'),
    definition('ict_index', 'Chỉ số ICT Index', 'ICT Index', 'score', 'ict_index'),
  ],
  targets: [],
};

export function report(input: Omit<IndicatorReportInput, 'schemaVersion'>): IndicatorReport {
  return IndicatorReportSchema.parse({ schemaVersion: 1, ...input });
}

/**
 * A report whose source links to `javascript:alert(1)`: the model refuses such a URL, so the report is built without
 * it and the URL set afterwards, as a program handing the renderers its own object could.
 */
export function withScriptUrl(input: Omit<IndicatorReportInput, 'schemaVersion'>): IndicatorReport {
  const built = report(input);
  return { ...built, source: { title: built.source?.title ?? '', ...built.source, url: 'javascript:alert(1)' } };
}

const SON_LA = { name: 'Sơn La', organisationCode: '000.00.00.H50', kind: 'province' } as const;

/** Sơn La, 2018 (figures shaped like the seed report 14/BC-UBND). */
export const SON_LA_2018 = report({
  reportingUnit: SON_LA,
  period: { from: '2018-01-01', to: '2018-12-31' },
  asOf: '2018-12-15',
  source: { number: '14/BC-UBND', title: 'Báo cáo ứng dụng CNTT năm 2018', issuedOn: '2019-01-07' },
  values: [
    { indicator: 'tthc_total', value: 1680, qualifier: 'at_least', source: { quote: 'trên 1680 thủ tục', line: 12 } },
    { indicator: 'dvctt_level4_count', value: 533, source: { quote: '533 DVCTT mức độ 4', line: 14 } },
    { indicator: 'dvctt_level4_pct', value: 31.6, decimals: 2, source: { quote: 'đạt 31,60%', line: 14 } },
    { indicator: 'dvctt_level4_count', tier: 'huyen', value: 120 },
    { indicator: 'ho_so_da_xu_ly', value: 12338, source: { quote: 'giải quyết xong 12.338 hồ sơ', line: 20 } },
    { indicator: 'ho_so_dung_han_pct', value: 67.53, source: { quote: 'đạt 67,53%', line: 21 } },
    { indicator: 'cong_dvc_name', value: 'dichvucong.sonla.gov.vn' },
    { indicator: 'ict_index', value: 0.3 },
  ],
});

/** Sơn La, 2019: some figures up, some down, one derived, one dropped, one new. */
export const SON_LA_2019 = report({
  reportingUnit: SON_LA,
  period: { from: '2019-01-01', to: '2019-12-31' },
  values: [
    { indicator: 'tthc_total', value: 1700, qualifier: 'exact' },
    { indicator: 'dvctt_level4_count', value: 621 },
    {
      indicator: 'dvctt_level4_pct',
      value: 36.53,
      provenance: 'derived',
      derivedFrom: ['dvctt_level4_count', 'tthc_total'],
    },
    { indicator: 'ho_so_da_xu_ly', value: 12338 },
    { indicator: 'ho_so_dung_han_pct', value: 60.1 },
    { indicator: 'ho_so_dung_han_pct', agency: { name: 'Sở Tư pháp' }, value: 99.5 },
    { indicator: 'cong_dvc_name', value: 'dichvucong.sonla.gov.vn' },
    { indicator: 'ict_index', value: 0.1 },
    { indicator: 'so_lieu_moi', value: 7 },
  ],
});

/** Services by level for each tier, for the stacked chart. */
export const LEVELS_2019 = report({
  reportingUnit: SON_LA,
  period: { from: '2019-01-01', to: '2019-12-31' },
  values: [
    { indicator: 'dvctt_level3_count', tier: 'tinh', value: 300 },
    { indicator: 'dvctt_level4_count', tier: 'tinh', value: 413 },
    { indicator: 'dvctt_level3_count', tier: 'huyen', value: 80 },
    { indicator: 'dvctt_level4_count', tier: 'huyen', value: 120 },
    { indicator: 'dvctt_level4_count', tier: 'xa', value: 88 },
    { indicator: 'dvctt_level4_pct', value: 36.53 },
  ],
});
