/*
 * An aggregation as an @lienthong/indicators report: every catalogue indicator as a derived statement, for the
 * whole catalogue, per tier and (when aggregated by agency) per agency, so computed figures can be validated,
 * rendered and compared with what a province states, under the same machine names.
 */
import {
  INDICATOR_REPORT_SCHEMA_VERSION,
  type IndicatorReportInput,
  type IndicatorValueInput,
  OrganisationCodeSchema,
  type ReportingUnit,
  type SourceDocument,
} from '@lienthong/indicators';
import type { CatalogueAggregation, IndicatorFigure, IndicatorValue } from './aggregate-catalogue';
import { SERVICE_LEVEL_INDICATORS } from './indicators';

export interface ToIndicatorReportOptions {
  /** Who reports; by default the catalogue's publisher as a province. */
  readonly reportingUnit?: ReportingUnit;
  readonly source?: SourceDocument;
  readonly notes?: readonly string[];
}

type Scope = Pick<IndicatorValueInput, 'tier' | 'agency'>;

function statementsOf(
  figures: (name: string) => IndicatorFigure | undefined,
  scope: Scope,
  decimals: number,
): IndicatorValueInput[] {
  const statements: IndicatorValueInput[] = [];
  for (const definition of SERVICE_LEVEL_INDICATORS) {
    const figure = figures(definition.name);
    if (figure === undefined) continue;
    const ratio = 'ratio' in definition ? definition.ratio : undefined;
    statements.push({
      indicator: definition.name,
      value: figure.value,
      ...scope,
      ...(ratio ? { decimals, derivedFrom: [ratio.numerator, ratio.denominator] } : {}),
      provenance: 'derived',
      note: definition.formula,
    });
  }
  return statements;
}

/** The aggregation's indicator values as derived statements: overall, then per tier, then per agency. */
export function toIndicatorValues(aggregation: CatalogueAggregation): IndicatorValueInput[] {
  const { decimals } = aggregation.rounding;
  const indicators = aggregation.indicators as Readonly<Record<string, IndicatorValue>>;
  const values = statementsOf((name) => indicators[name], {}, decimals);
  for (const tier of aggregation.tiers) {
    values.push(...statementsOf((name) => indicators[name]?.byTier[tier], { tier }, decimals));
  }
  for (const agency of aggregation.byAgency ?? []) {
    const code = agency.agency.code;
    const ref = {
      name: agency.agency.name,
      // A malformed code was reported when the catalogue was validated; the report names the agency without it.
      ...(code !== undefined && OrganisationCodeSchema.safeParse(code).success ? { organisationCode: code } : {}),
    };
    // An agency normally settles at one tier; the statement carries it so tier sums stay per tier.
    const tier = agency.tiers.length === 1 ? { tier: agency.tiers[0] } : {};
    const figures = agency.indicators as Readonly<Record<string, IndicatorFigure>>;
    values.push(...statementsOf((name) => figures[name], { ...tier, agency: ref }, decimals));
  }
  return values;
}

/** The aggregation as an indicator report (`@lienthong/indicators`), ready for `validateIndicatorReport`. */
export function toIndicatorReport(
  aggregation: CatalogueAggregation,
  options: ToIndicatorReportOptions = {},
): IndicatorReportInput {
  const basis = aggregation.basis;
  const period = basis.kind === 'date' ? { from: basis.date, to: basis.date } : { from: basis.from, to: basis.to };
  const asOf = basis.kind === 'date' ? basis.date : aggregation.asOf;
  const publisher = aggregation.publisher;
  const reportingUnit: ReportingUnit = options.reportingUnit ?? {
    name: publisher?.name ?? 'Danh mục dịch vụ công',
    ...(publisher?.code !== undefined && OrganisationCodeSchema.safeParse(publisher.code).success
      ? { organisationCode: publisher.code }
      : {}),
    kind: 'province',
  };
  return {
    schemaVersion: INDICATOR_REPORT_SCHEMA_VERSION,
    reportingUnit,
    period,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
    values: toIndicatorValues(aggregation),
    ...(options.notes !== undefined ? { notes: [...options.notes] } : {}),
  };
}
