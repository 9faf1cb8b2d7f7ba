import { getIndicator } from '@lienthong/indicators';
import type { LocalizedText } from '@lienthong/report';
import { ServiceLevelError } from '../errors';
import type { Scheme } from '../model/service';

/*
 * The indicators a catalogue yields, under the machine names and labels of @lienthong/indicators' catalogue
 * (domain notes §3.2 A, "DVCTT catalogue"), so that an aggregation feeds a report directly. Every figure is
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

/** The label of an indicator of @lienthong/indicators' catalogue, the one source of indicator names and labels. */
function catalogueLabel(name: string): LocalizedText {
  const indicator = getIndicator(name);
  if (indicator === undefined)
    throw new ServiceLevelError('INVALID_ARGUMENT', `indicator ${name} is not in the catalogue`);
  return indicator.label;
}

/** The catalogue indicators, in the order a provincial report lists them. */
export const SERVICE_LEVEL_INDICATORS = [
  {
    name: 'tthc_total',
    label: catalogueLabel('tthc_total'),
    unit: 'count',
    scheme: null,
    formula: 'count(services)',
  },
  {
    name: 'tthc_below_level1_count',
    label: catalogueLabel('tthc_below_level1_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 0)',
  },
  {
    name: 'dvctt_level1_count',
    label: catalogueLabel('dvctt_level1_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 1)',
  },
  {
    name: 'dvctt_level2_count',
    label: catalogueLabel('dvctt_level2_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 2)',
  },
  {
    name: 'dvctt_level3_count',
    label: catalogueLabel('dvctt_level3_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 3)',
  },
  {
    name: 'dvctt_level4_count',
    label: catalogueLabel('dvctt_level4_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'count(services where nd43 level = 4)',
  },
  {
    name: 'dvctt_level34_count',
    label: catalogueLabel('dvctt_level34_count'),
    unit: 'count',
    scheme: 'nd43-2011',
    formula: 'dvctt_level3_count + dvctt_level4_count',
  },
  {
    name: 'dvctt_level34_pct',
    label: catalogueLabel('dvctt_level34_pct'),
    unit: 'percent',
    scheme: 'nd43-2011',
    formula: '100 * dvctt_level34_count / tthc_total',
    ratio: { numerator: 'dvctt_level34_count', denominator: 'tthc_total' },
  },
  {
    name: 'dvctt_level4_pct',
    label: catalogueLabel('dvctt_level4_pct'),
    unit: 'percent',
    scheme: 'nd43-2011',
    formula: '100 * dvctt_level4_count / tthc_total',
    ratio: { numerator: 'dvctt_level4_count', denominator: 'tthc_total' },
  },
  {
    name: 'tthc_not_online_count',
    label: catalogueLabel('tthc_not_online_count'),
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = none)',
  },
  {
    name: 'dvctt_toan_trinh_count',
    label: catalogueLabel('dvctt_toan_trinh_count'),
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = toan_trinh)',
  },
  {
    name: 'dvctt_mot_phan_count',
    label: catalogueLabel('dvctt_mot_phan_count'),
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'count(services where nd42 category = mot_phan)',
  },
  {
    name: 'dvctt_total',
    label: catalogueLabel('dvctt_total'),
    unit: 'count',
    scheme: 'nd42-2022',
    formula: 'dvctt_toan_trinh_count + dvctt_mot_phan_count',
  },
  {
    name: 'dvctt_toan_trinh_pct',
    label: catalogueLabel('dvctt_toan_trinh_pct'),
    unit: 'percent',
    scheme: 'nd42-2022',
    formula: '100 * dvctt_toan_trinh_count / tthc_total',
    ratio: { numerator: 'dvctt_toan_trinh_count', denominator: 'tthc_total' },
  },
] as const satisfies readonly ServiceLevelIndicatorDefinition[];

export type ServiceLevelIndicatorName = (typeof SERVICE_LEVEL_INDICATORS)[number]['name'];
