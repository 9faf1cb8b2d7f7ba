import type { LocalizedText } from '@lienthong/report';
import type { IndicatorDefinition, IndicatorGroup, IndicatorSource, Tier } from '../model/indicator';
import { ALL_TIERS } from './sources';

/** The agencies and units an `*_agency_coverage_pct` is a share of (defined in indicators/infrastructure.ts). */
export const AGENCIES_IN_SCOPE = 'co_quan_count';

export interface AgencyCoverageSpec {
  /** The name stem: yields `<stem>_agency_count` and `<stem>_agency_coverage_pct`. */
  readonly stem: string;
  /** What the agencies have or do, completing "agencies that …", e.g. `{ vi: 'kết nối mạng LAN', en: 'on a LAN' }`. */
  readonly what: LocalizedText;
  readonly group: IndicatorGroup;
  readonly sources: readonly IndicatorSource[];
  readonly tiers?: readonly Tier[];
}

/**
 * Reports state coverage both ways ("35/35 đơn vị", "đạt 100% cơ quan"), so each coverage indicator comes as a
 * count of agencies and its share of the agencies in scope; one function keeps the pairs uniform. Per-agency values
 * are a parent's units, e.g. the communes of one district ("huyện Cát Tiên (11/11 xã)").
 */
export function agencyCoverage(spec: AgencyCoverageSpec): IndicatorDefinition[] {
  const tiers = [...(spec.tiers ?? ALL_TIERS)];
  const count = `${spec.stem}_agency_count`;
  return [
    {
      name: count,
      label: { vi: `Số cơ quan, đơn vị ${spec.what.vi}`, en: `Agencies and units ${spec.what.en}` },
      unit: 'count',
      group: spec.group,
      scope: { tiers, agency: true },
      partOf: [AGENCIES_IN_SCOPE],
      sources: [...spec.sources],
    },
    {
      name: `${spec.stem}_agency_coverage_pct`,
      label: { vi: `Tỷ lệ cơ quan, đơn vị ${spec.what.vi}`, en: `Share of agencies and units ${spec.what.en}` },
      unit: 'percent',
      group: spec.group,
      scope: { tiers, agency: true },
      derivation: { kind: 'ratio', numerator: count, denominator: AGENCIES_IN_SCOPE, scale: 100 },
      sources: [...spec.sources],
    },
  ];
}
