import type { LocalizedText } from '@lienthong/report';
import type { Scheme } from '../model/service';

/*
 * The indicators a catalogue yields, under the machine names of the domain notes (§3.2 A, "DVCTT catalogue"),
 * which @lienthong/indicators uses too, so that an aggregation feeds a report directly. Every figure is
 * derived (computed from the services' capabilities, never typed in); `formula` says how.
 */

export type IndicatorUnit = 'count' | 'percent';

export interface ServiceLevelIndicatorDefinition {
  readonly name: string;
  readonly label: LocalizedText;
  readonly unit: IndicatorUnit;
  /** The classification the figure counts by; `null` when it counts every procedure. */
  readonly scheme: Scheme | null;
  /** The arithmetic, over the catalogue's services and the other indicators of this table. */
  readonly formula: string;
  /** For a percentage: the count indicator over the count indicator it is computed from. */
  readonly ratio?: { readonly numerator: string; readonly denominator: string };
}

/** The catalogue indicators, in the order a provincial report lists them. */
export const SERVICE_LEVEL_INDICATORS = [
  {
    name: 'tthc_total',
    label: { vi: 'Tổng số TTHC', en: 'Administrative procedures (total)' },
    unit: 'count',
    scheme: null,
    formula: 'count(services)',
  },
  {
    name: 'tthc_below_level1_count',
    label: {
      vi: 'Số TTHC chưa đạt mức độ 1',
      en: 'Procedures below level 1 (information not fully published)',
    },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 0)',
  },
  {
    name: 'dvctt_level1_count',
    label: { vi: 'Số DVCTT mức độ 1', en: 'Online public services at level 1' },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 1)',
  },
  {
    name: 'dvctt_level2_count',
    label: { vi: 'Số DVCTT mức độ 2', en: 'Online public services at level 2' },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 2)',
  },
  {
    name: 'dvctt_level3_count',
    label: { vi: 'Số DVCTT mức độ 3', en: 'Online public services at level 3' },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 3)',
  },
  {
    name: 'dvctt_level4_count',
    label: { vi: 'Số DVCTT mức độ 4', en: 'Online public services at level 4' },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 4)',
  },
  {
    name: 'dvctt_level34_count',
    label: { vi: 'Số DVCTT mức độ 3, 4', en: 'Online public services at level 3 or 4' },
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'dvctt_level3_count + dvctt_level4_count',
  },
  {
    name: 'dvctt_level34_pct',
    label: { vi: 'Tỷ lệ DVCTT mức độ 3, 4', en: 'Share of procedures offered at level 3 or 4' },
    unit: 'percent',
    scheme: 'nd43-2011',
    formula: '100 * dvctt_level34_count / tthc_total',
    ratio: { numerator: 'dvctt_level34_count', denominator: 'tthc_total' },
  },
  {
    name: 'dvctt_level4_pct',
    label: { vi: 'Tỷ lệ DVCTT mức độ 4', en: 'Share of procedures offered at level 4' },
    unit: 'percent',
    scheme: 'nd43-2011',
    formula: '100 * dvctt_level4_count / tthc_total',
    ratio: { numerator: 'dvctt_level4_count', denominator: 'tthc_total' },
  },
  {
    name: 'tthc_not_online_count',
    label: {
      vi: 'Số TTHC chưa cung cấp DVCTT (chỉ cung cấp thông tin)',
      en: 'Procedures not offered as an online public service (information only)',
    },
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = none)',
  },
  {
    name: 'dvctt_toan_trinh_count',
    label: { vi: 'Số DVCTT toàn trình', en: 'Fully online public services (toàn trình)' },
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = toan_trinh)',
  },
  {
    name: 'dvctt_mot_phan_count',
    label: { vi: 'Số DVCTT một phần', en: 'Partly online public services (một phần)' },
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = mot_phan)',
  },
  {
    name: 'dvctt_total',
    label: { vi: 'Tổng số DVCTT', en: 'Online public services (total)' },
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'dvctt_toan_trinh_count + dvctt_mot_phan_count',
  },
  {
    name: 'dvctt_toan_trinh_pct',
    label: { vi: 'Tỷ lệ DVCTT toàn trình', en: 'Share of procedures offered fully online' },
    unit: 'percent',
    scheme: 'nd42-2022',
    formula: '100 * dvctt_toan_trinh_count / tthc_total',
    ratio: { numerator: 'dvctt_toan_trinh_count', denominator: 'tthc_total' },
  },
] as const satisfies readonly ServiceLevelIndicatorDefinition[];

export type ServiceLevelIndicatorName = (typeof SERVICE_LEVEL_INDICATORS)[number]['name'];
