import { INDICATOR_CATALOGUE } from '../catalogue';
import type { IndicatorCatalogue, IndicatorDefinition, IndicatorUnit, Tier, Tiers } from '../model/indicator';
import type { AgencyRef, IndicatorReport, IndicatorValue, Period, ReportingUnit } from '../model/report';
import { tierKey } from '../model/tier-names';
import { decimalsOfValue, roundToDecimals } from './decimals';
import { catalogueIndex, figureOrder } from './order';

/**
 * How the value moved from report `a` to report `b`: up, down or the same; present in one report only; or not
 * comparable (text or yes/no values that differ, a missing value, different qualifiers, several values).
 */
export type ComparisonDirection = 'up' | 'down' | 'same' | 'only_a' | 'only_b' | 'not_comparable';

/** Why a value present in both reports was not compared. */
export type NotComparableReason =
  /** Text or yes/no values that differ: there is no up or down. */
  | 'not_numeric'
  /** One side is `null` (the source says "n/a") or the two sides have different kinds of value. */
  | 'missing_value'
  /** "about 80%" against "80%", or "more than 90" against "about 90": the bounds do not compare. */
  | 'different_qualifiers'
  /** A report states the figure more than once (with the same scope); the validator reports which. */
  | 'several_values';

/** What `delta` is measured in: the indicator's own unit, or percentage points for percentages. */
export type DeltaUnit = 'unit' | 'percentage_points';

/** The statements of one (indicator, tier, agency) in both reports. */
export interface IndicatorComparisonRow {
  indicator: string;
  /** The catalogue definition; absent for an indicator the catalogue does not know. */
  definition?: IndicatorDefinition;
  tier?: Tier;
  /** Several tiers together (`cấp tỉnh và cấp huyện`), a scope of its own. */
  tiers?: Tiers;
  agency?: AgencyRef;
  /** The statement in report a (the first, when there are several). */
  a?: IndicatorValue;
  b?: IndicatorValue;
  /** How many times each report states it. */
  count: { a: number; b: number };
  direction: ComparisonDirection;
  reason?: NotComparableReason;
  /** `b − a`, rounded to the larger number of decimals of the two values; percentage points for percentages. */
  delta?: number;
  deltaUnit?: DeltaUnit;
  /** `100 × (b − a) / |a|`, two decimals; for numeric units other than percentages, when `a` is not 0. */
  relativeDeltaPct?: number;
  /** Either side was computed by `deriveIndicators` rather than stated by the source. */
  derived: boolean;
  /** Either side is approximate or a bound ("khoảng", "trên", "hơn"). */
  approximate: boolean;
}

/**
 * What the two reports are: the same unit at two times (year over year), two units over the same period (province
 * vs province), the same unit and period (two versions of a report), or neither.
 */
export type ComparisonKind = 'over_time' | 'across_units' | 'same_scope' | 'unrelated';

export interface IndicatorReportComparison {
  kind: ComparisonKind;
  reportingUnits: { a: ReportingUnit; b: ReportingUnit };
  periods: { a: Period; b: Period };
  /** Sorted by catalogue group, then catalogue order (unknown indicators last, by name), then tier, then agency. */
  rows: IndicatorComparisonRow[];
}

export interface CompareOptions {
  /** The catalogue giving units, groups and order; `INDICATOR_CATALOGUE` by default. */
  catalogue?: IndicatorCatalogue;
}

const NUMERIC_UNITS: ReadonlySet<IndicatorUnit | undefined> = new Set([
  'count',
  'percent',
  'per_100',
  'points',
  'score',
  'number',
  undefined,
]);

function sameReportingUnit(a: ReportingUnit, b: ReportingUnit): boolean {
  if (a.organisationCode !== undefined && b.organisationCode !== undefined) {
    return a.organisationCode === b.organisationCode;
  }
  return a.kind === b.kind && a.name.normalize('NFC') === b.name.normalize('NFC');
}

function comparisonKind(a: IndicatorReport, b: IndicatorReport): ComparisonKind {
  const sameUnit = sameReportingUnit(a.reportingUnit, b.reportingUnit);
  const samePeriod = a.period.from === b.period.from && a.period.to === b.period.to;
  if (sameUnit) return samePeriod ? 'same_scope' : 'over_time';
  return samePeriod ? 'across_units' : 'unrelated';
}

/** The agency part of a row key: its code when it has one, else its name (NFC, so composed and decomposed match). */
function agencyKey(agency: AgencyRef | undefined): string {
  if (agency === undefined) return '';
  return agency.organisationCode ?? `name:${agency.name.normalize('NFC')}`;
}

function rowKey(value: IndicatorValue): string {
  return JSON.stringify([value.indicator, tierKey(value), agencyKey(value.agency)]);
}

interface Comparable {
  direction: ComparisonDirection;
  reason?: NotComparableReason;
  delta?: number;
  deltaUnit?: DeltaUnit;
  relativeDeltaPct?: number;
}

function compareValues(a: IndicatorValue, b: IndicatorValue, unit: IndicatorUnit | undefined): Comparable {
  if (a.value === null || b.value === null || typeof a.value !== typeof b.value) {
    return { direction: 'not_comparable', reason: 'missing_value' };
  }
  if (typeof a.value !== 'number' || typeof b.value !== 'number' || !NUMERIC_UNITS.has(unit)) {
    return a.value === b.value ? { direction: 'same' } : { direction: 'not_comparable', reason: 'not_numeric' };
  }
  if (a.qualifier !== b.qualifier) return { direction: 'not_comparable', reason: 'different_qualifiers' };
  const decimals = Math.max(decimalsOfValue(a), decimalsOfValue(b));
  const delta = roundToDecimals(b.value - a.value, decimals);
  const direction: ComparisonDirection = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  if (unit === 'percent') return { direction, delta, deltaUnit: 'percentage_points' };
  const relativeDeltaPct = a.value === 0 ? undefined : roundToDecimals((100 * delta) / Math.abs(a.value), 2);
  return { direction, delta, deltaUnit: 'unit', ...(relativeDeltaPct === undefined ? {} : { relativeDeltaPct }) };
}

function isApproximate(value: IndicatorValue | undefined): boolean {
  return value !== undefined && value.qualifier !== 'exact';
}

/**
 * Compares two indicator reports figure by figure: for each (indicator, tier, agency) stated in either, the two
 * values, their difference (percentage points for percentages, with the relative change for other numbers) and its
 * direction. Differences are rounded to the decimals of the inputs, so 67.53 − 60.1 is 7.43, not 7.430000000000007.
 */
export function compareIndicatorReports(
  a: IndicatorReport,
  b: IndicatorReport,
  options: CompareOptions = {},
): IndicatorReportComparison {
  const catalogue = options.catalogue ?? INDICATOR_CATALOGUE;
  const definitions = catalogueIndex(catalogue);

  const groups = new Map<string, { a: IndicatorValue[]; b: IndicatorValue[] }>();
  for (const [side, report] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const value of report.values) {
      const key = rowKey(value);
      const group = groups.get(key) ?? { a: [], b: [] };
      group[side].push(value);
      groups.set(key, group);
    }
  }

  const rows: IndicatorComparisonRow[] = [...groups.values()].map((group) => {
    const first = (group.a[0] ?? group.b[0]) as IndicatorValue;
    const definition = definitions.get(first.indicator)?.definition;
    const valueA = group.a[0];
    const valueB = group.b[0];
    const comparable: Comparable =
      valueA === undefined
        ? { direction: 'only_b' }
        : valueB === undefined
          ? { direction: 'only_a' }
          : group.a.length > 1 || group.b.length > 1
            ? { direction: 'not_comparable', reason: 'several_values' }
            : compareValues(valueA, valueB, definition?.unit);
    return {
      indicator: first.indicator,
      ...(definition === undefined ? {} : { definition }),
      ...(first.tier === undefined ? {} : { tier: first.tier }),
      ...(first.tier !== undefined || first.tiers === undefined ? {} : { tiers: first.tiers }),
      ...(first.agency === undefined ? {} : { agency: first.agency }),
      ...(valueA === undefined ? {} : { a: valueA }),
      ...(valueB === undefined ? {} : { b: valueB }),
      count: { a: group.a.length, b: group.b.length },
      ...comparable,
      derived: [...group.a, ...group.b].some((value) => value.provenance === 'derived'),
      approximate: [...group.a, ...group.b].some(isApproximate),
    };
  });

  rows.sort(figureOrder(catalogue));

  return {
    kind: comparisonKind(a, b),
    reportingUnits: { a: a.reportingUnit, b: b.reportingUnit },
    periods: { a: a.period, b: b.period },
    rows,
  };
}
