import type { IndicatorCatalogue, IndicatorDefinition } from '../model/indicator';
import type { IndicatorReportInput, IndicatorValueInput } from '../model/report';

/*
 * A small catalogue for the tests of validate/ and derive/, with the machine names the package's catalogue
 * fixes (tthc_total, dvctt_level*_count, ho_so_*), so the tests do not depend on the catalogue's other data.
 */

const SOURCE = [{ document: 'test' }];
const ALL_TIERS = { tiers: ['tinh', 'huyen', 'xa'], agency: true } as const;

function count(name: string, vi: string, en: string, extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    name,
    label: { vi, en },
    unit: 'count',
    group: 'dossiers',
    scope: { tiers: [...ALL_TIERS.tiers], agency: true },
    sources: SOURCE,
    ...extra,
  };
}

function share(name: string, numerator: string, vi: string, en: string): IndicatorDefinition {
  return {
    name,
    label: { vi, en },
    unit: 'percent',
    group: 'dossiers',
    scope: { tiers: ['tinh'], agency: true },
    derivation: { kind: 'ratio', numerator, denominator: 'ho_so_da_xu_ly', scale: 100 },
    sources: SOURCE,
  };
}

export const TEST_CATALOGUE: IndicatorCatalogue = {
  version: '0.0.1',
  indicators: [
    count('tthc_total', 'Tổng số TTHC', 'Procedures'),
    count('dvctt_level3_count', 'DVCTT mức độ 3', 'level-3 services', { partOf: ['tthc_total'] }),
    count('dvctt_level4_count', 'DVCTT mức độ 4', 'level-4 services', { partOf: ['tthc_total'] }),
    count('dvctt_level34_count', 'DVCTT mức độ 3, 4', 'level-3/4 services', {
      partOf: ['tthc_total'],
      derivation: { kind: 'sum', terms: ['dvctt_level3_count', 'dvctt_level4_count'], relation: 'levels' },
    }),
    {
      name: 'dvctt_level4_pct',
      label: { vi: 'Tỷ lệ DVCTT mức độ 4', en: 'Share at level 4' },
      unit: 'percent',
      group: 'online_services',
      scope: { tiers: ['tinh'], agency: true },
      derivation: { kind: 'ratio', numerator: 'dvctt_level4_count', denominator: 'tthc_total', scale: 100 },
      sources: SOURCE,
    },
    count('ho_so_ky_truoc', 'kỳ trước chuyển sang', 'carried over'),
    count('ho_so_tiep_nhan_truc_tiep', 'trực tiếp', 'in person'),
    count('ho_so_tiep_nhan_truc_tuyen', 'trực tuyến', 'online'),
    count('ho_so_tiep_nhan_trong_ky', 'tiếp nhận trong kỳ', 'received', {
      derivation: {
        kind: 'sum',
        terms: ['ho_so_tiep_nhan_truc_tiep', 'ho_so_tiep_nhan_truc_tuyen'],
        relation: 'components',
      },
    }),
    count('ho_so_da_xu_ly_truoc_han', 'trước hạn', 'early'),
    count('ho_so_da_xu_ly_dung_han', 'đúng hạn', 'on time'),
    count('ho_so_da_xu_ly_qua_han', 'quá hạn', 'late'),
    count('ho_so_da_xu_ly', 'đã giải quyết', 'resolved', {
      derivation: {
        kind: 'sum',
        terms: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han', 'ho_so_da_xu_ly_qua_han'],
        relation: 'timeliness',
      },
    }),
    count('ho_so_dang_xu_ly', 'đang giải quyết', 'pending'),
    share('ho_so_da_xu_ly_truoc_han_pct', 'ho_so_da_xu_ly_truoc_han', 'tỷ lệ trước hạn', 'share early'),
    share('ho_so_da_xu_ly_dung_han_pct', 'ho_so_da_xu_ly_dung_han', 'tỷ lệ đúng hạn', 'share on time'),
    share('ho_so_da_xu_ly_qua_han_pct', 'ho_so_da_xu_ly_qua_han', 'tỷ lệ quá hạn', 'share late'),
    {
      name: 'internet_subscribers_per_100',
      label: { vi: 'Thuê bao internet/100 dân', en: 'Internet subscriptions per 100' },
      unit: 'per_100',
      group: 'infrastructure',
      scope: { tiers: [], agency: false },
      sources: SOURCE,
    },
    {
      name: 'dti_total',
      label: { vi: 'Điểm DTI', en: 'DTI score' },
      unit: 'points',
      group: 'dti',
      scope: { tiers: [], agency: false },
      maxPoints: 1000,
      composite: true,
      sources: SOURCE,
    },
    {
      name: 'ict_index',
      label: { vi: 'Chỉ số ICT', en: 'ICT Index' },
      unit: 'score',
      group: 'ict_index',
      scope: { tiers: [], agency: false },
      composite: true,
      sources: SOURCE,
    },
    {
      name: 'cong_dvc_hoat_dong',
      label: { vi: 'Cổng DVC hoạt động', en: 'Service portal running' },
      unit: 'boolean',
      group: 'portals',
      scope: { tiers: [], agency: false },
      sources: SOURCE,
    },
    {
      name: 'he_thong_mot_cua',
      label: { vi: 'Hệ thống một cửa', en: 'One-stop system' },
      unit: 'text',
      group: 'one_stop',
      scope: { tiers: [], agency: false },
      sources: SOURCE,
    },
  ],
  targets: [
    {
      id: 'nq17-level4-30pct',
      indicator: 'dvctt_level4_pct',
      comparison: '>=',
      value: 30,
      by: '2020-12-31',
      label: { vi: 'Ít nhất 30% TTHC ở mức độ 4', en: 'At least 30% of procedures at level 4' },
      source: { document: 'Nghị quyết 17/NQ-CP', reference: 'Mục II' },
    },
  ],
};

/** A report of Tỉnh Thử for 2024 with the given values. */
export function exampleReport(
  values: IndicatorValueInput[],
  overrides: Partial<IndicatorReportInput> = {},
): IndicatorReportInput {
  return {
    schemaVersion: 1,
    reportingUnit: { name: 'Tỉnh Thử', kind: 'province' },
    period: { from: '2024-01-01', to: '2024-12-31' },
    values,
    ...overrides,
  };
}
