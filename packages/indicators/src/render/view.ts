import type { Issue, Language, Severity } from '@lienthong/report';
import { INDICATOR_CATALOGUE } from '../catalogue';
import {
  catalogueIndex,
  decimalsOfValue,
  figureOrder,
  type IndicatorComparisonRow,
  type IndicatorReportComparison,
} from '../compare';
import type { IndicatorCatalogue, IndicatorDefinition, IndicatorGroup } from '../model/indicator';
import type { AgencyRef, IndicatorReport, IndicatorValue, ReportingUnit } from '../model/report';
import { combinedTiersName, type TierScope } from '../model/tier-names';
import { formatIndicatorValue, formatIsoDate, formatNumber, formatPeriod } from './format';
import {
  COMPARISON_KIND_LABELS,
  DIRECTION_LABELS,
  GROUP_LABELS,
  PROVENANCE_LABELS,
  REASON_LABELS,
  SEVERITY_LABELS,
  TEXT,
  TIER_LABELS,
  UNIT_KIND_LABELS,
  UNIT_LABELS,
} from './labels';

/*
 * What a rendering shows, as plain (unescaped) strings: the Markdown and HTML renderers only lay it out and escape
 * it, so both show the same words and numbers.
 */

export interface RenderOptions {
  /** `vi` by default. */
  lang?: Language;
  /** The catalogue giving labels, units and groups; `INDICATOR_CATALOGUE` by default. */
  catalogue?: IndicatorCatalogue;
}

export interface ReportRenderOptions extends RenderOptions {
  /** Findings of the validator, shown in their own section (and "no findings" when the list is empty). */
  issues?: readonly Issue[];
}

export interface Fact {
  label: string;
  text: string;
  /** A link for the text (the source document's URL). */
  href?: string;
}

export interface Table {
  headers: string[];
  /** Columns holding numbers, right-aligned. */
  numeric: number[];
  rows: string[][];
}

export interface Section<Figure> {
  group: IndicatorGroup | undefined;
  heading: string;
  table: Table;
  /** The figures behind the rows, in the same order (for the charts). */
  figures: Figure[];
}

export interface Finding {
  level: Severity;
  /** The severity in words. */
  severity: string;
  ruleId: string;
  where: string;
  message: string;
}

export interface View<Figure> {
  lang: Language;
  heading: string;
  facts: Fact[];
  sections: Section<Figure>[];
  notes: string[];
  /** Absent when no issues were given. */
  findings?: Finding[];
}

export interface ReportFigure {
  value: IndicatorValue;
  definition?: IndicatorDefinition;
  label: string;
}

export function indicatorLabel(name: string, definition: IndicatorDefinition | undefined, lang: Language): string {
  return definition?.label[lang] ?? name;
}

/** The tier part of a scope: one tier, several together (`cấp tỉnh và cấp huyện`), or none. */
function tiersText(scope: TierScope, lang: Language): string | undefined {
  if (scope.tier !== undefined) return TIER_LABELS[lang][scope.tier];
  return scope.tiers === undefined ? undefined : combinedTiersName(scope.tiers)[lang];
}

export function scopeText(scope: TierScope, agency: AgencyRef | undefined, lang: Language): string {
  const parts = [tiersText(scope, lang), agency?.name].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? TEXT[lang].whole : parts.join(' · ');
}

function unitFact(unit: ReportingUnit, lang: Language): string {
  const details = [UNIT_KIND_LABELS[lang][unit.kind]];
  if (unit.organisationCode !== undefined) details.push(`${TEXT[lang].code} ${unit.organisationCode}`);
  return `${unit.name} (${details.join('; ')})`;
}

/** Splits sorted figures into one section per catalogue group (unknown indicators last). */
function sections<Figure extends { definition?: IndicatorDefinition }>(
  figures: Figure[],
  lang: Language,
  table: (figures: Figure[]) => Table,
): Section<Figure>[] {
  const byGroup: { group: IndicatorGroup | undefined; figures: Figure[] }[] = [];
  for (const figure of figures) {
    const group = figure.definition?.group;
    const last = byGroup[byGroup.length - 1];
    if (last !== undefined && last.group === group) last.figures.push(figure);
    else byGroup.push({ group, figures: [figure] });
  }
  return byGroup.map(({ group, figures: members }) => ({
    group,
    heading: group === undefined ? TEXT[lang].otherGroup : GROUP_LABELS[lang][group],
    table: table(members),
    figures: members,
  }));
}

function findingsOf(issues: readonly Issue[], lang: Language): Finding[] {
  return issues.map((issue) => {
    const where = [
      issue.location?.path,
      issue.location?.line === undefined ? undefined : `${TEXT[lang].lineShort} ${issue.location.line}`,
    ].filter((part): part is string => part !== undefined);
    return {
      level: issue.severity,
      severity: SEVERITY_LABELS[lang][issue.severity],
      ruleId: issue.ruleId,
      where: where.join(', '),
      message: issue.message[lang],
    };
  });
}

export function reportView(report: IndicatorReport, options: ReportRenderOptions = {}): View<ReportFigure> {
  const lang = options.lang ?? 'vi';
  const catalogue = options.catalogue ?? INDICATOR_CATALOGUE;
  const definitions = catalogueIndex(catalogue);
  const text = TEXT[lang];

  const facts: Fact[] = [
    { label: text.reportingUnit, text: unitFact(report.reportingUnit, lang) },
    { label: text.period, text: formatPeriod(report.period, lang) },
  ];
  if (report.asOf !== undefined) facts.push({ label: text.asOf, text: formatIsoDate(report.asOf, lang) });
  if (report.source !== undefined) {
    const { number, title, issuedOn, issuer, url } = report.source;
    const details = [
      issuedOn === undefined ? undefined : `${text.issuedOn} ${formatIsoDate(issuedOn, lang)}`,
      issuer === undefined ? undefined : `${text.issuer}: ${issuer}`,
    ].filter((part): part is string => part !== undefined);
    facts.push({
      label: text.sourceDocument,
      text: `${number === undefined ? '' : `${number} — `}${title}${details.length === 0 ? '' : ` (${details.join('; ')})`}`,
      // Only web links become links: a `javascript:` or `data:` URL in a report must not run in a rendering.
      ...(url !== undefined && /^https?:\/\//i.test(url) ? { href: url } : {}),
    });
  }

  const figures: ReportFigure[] = report.values.map((value) => {
    const definition = definitions.get(value.indicator)?.definition;
    return {
      value,
      ...(definition === undefined ? {} : { definition }),
      label: indicatorLabel(value.indicator, definition, lang),
    };
  });
  const order = figureOrder(catalogue);
  figures.sort((x, y) => order({ ...x.value, definition: x.definition }, { ...y.value, definition: y.definition }));

  const noteOf = (value: IndicatorValue) =>
    [
      value.note,
      value.period === undefined ? undefined : `${text.valuePeriod} ${formatPeriod(value.period, lang)}`,
      value.asOf === undefined ? undefined : `${text.valueAsOf} ${formatIsoDate(value.asOf, lang)}`,
      value.derivedFrom === undefined || value.derivedFrom.length === 0
        ? undefined
        : `${text.derivedFrom} ${value.derivedFrom
            .map((name) => indicatorLabel(name, definitions.get(name)?.definition, lang))
            .join(', ')}`,
    ]
      .filter((part): part is string => part !== undefined)
      .join('; ');

  const table = (members: ReportFigure[]): Table => ({
    headers: [text.indicator, text.scope, text.value, text.unit, text.provenance, text.line, text.quote, text.note],
    numeric: [2, 5],
    rows: members.map(({ value, definition, label }) => [
      label,
      scopeText(value, value.agency, lang),
      formatIndicatorValue(value, definition?.unit, lang),
      definition === undefined ? '' : UNIT_LABELS[lang][definition.unit],
      PROVENANCE_LABELS[lang][value.provenance],
      value.source?.line === undefined ? '' : String(value.source.line),
      value.source?.quote ?? '',
      noteOf(value),
    ]),
  });

  return {
    lang,
    heading: `${text.reportHeading}: ${report.reportingUnit.name}, ${formatPeriod(report.period, lang)}`,
    facts,
    sections: sections(figures, lang, table),
    notes: report.notes ?? [],
    ...(options.issues === undefined ? {} : { findings: findingsOf(options.issues, lang) }),
  };
}

/** How a side of a comparison is named in headers: its period (same unit), its unit (same period), or both. */
export function sideNames(comparison: IndicatorReportComparison, lang: Language): { a: string; b: string } {
  const name = (side: 'a' | 'b') => {
    const unit = comparison.reportingUnits[side].name;
    const period = formatPeriod(comparison.periods[side], lang);
    if (comparison.kind === 'over_time') return period;
    if (comparison.kind === 'across_units') return unit;
    return `${unit}, ${period}`;
  };
  return { a: name('a'), b: name('b') };
}

/** The difference of a row in words: `+4,93 điểm phần trăm`, `+88`; empty when there is none. */
export function deltaText(row: IndicatorComparisonRow, lang: Language): string {
  if (row.delta === undefined) return '';
  const decimals = Math.max(row.a ? decimalsOfValue(row.a) : 0, row.b ? decimalsOfValue(row.b) : 0);
  const number = formatNumber(row.delta, lang, { decimals, signed: true });
  return row.deltaUnit === 'percentage_points' ? `${number} ${TEXT[lang].percentagePoints}` : number;
}

export function comparisonView(
  comparison: IndicatorReportComparison,
  options: RenderOptions = {},
): View<IndicatorComparisonRow> {
  const lang = options.lang ?? 'vi';
  const text = TEXT[lang];
  const names = sideNames(comparison, lang);
  const { a: unitA, b: unitB } = comparison.reportingUnits;

  const facts: Fact[] = [
    { label: text.comparisonKind, text: COMPARISON_KIND_LABELS[lang][comparison.kind] },
    { label: 'A', text: `${unitFact(unitA, lang)}, ${formatPeriod(comparison.periods.a, lang)}` },
    { label: 'B', text: `${unitFact(unitB, lang)}, ${formatPeriod(comparison.periods.b, lang)}` },
  ];

  const valueText = (row: IndicatorComparisonRow, side: 'a' | 'b') => {
    const value = row[side];
    return value === undefined ? '' : formatIndicatorValue(value, row.definition?.unit, lang);
  };
  const table = (rows: IndicatorComparisonRow[]): Table => ({
    headers: [
      text.indicator,
      text.scope,
      `A: ${names.a}`,
      `B: ${names.b}`,
      text.delta,
      text.relative,
      text.direction,
      text.flags,
    ],
    numeric: [2, 3, 4, 5],
    rows: rows.map((row) => [
      indicatorLabel(row.indicator, row.definition, lang),
      scopeText(row, row.agency, lang),
      valueText(row, 'a'),
      valueText(row, 'b'),
      deltaText(row, lang),
      row.relativeDeltaPct === undefined
        ? ''
        : `${formatNumber(row.relativeDeltaPct, lang, { decimals: 2, signed: true })}%`,
      row.reason === undefined
        ? DIRECTION_LABELS[lang][row.direction]
        : `${DIRECTION_LABELS[lang][row.direction]} (${REASON_LABELS[lang][row.reason]})`,
      [row.derived ? text.derived : undefined, row.approximate ? text.approximate : undefined]
        .filter((part): part is string => part !== undefined)
        .join('; '),
    ]),
  });

  const heading =
    comparison.kind === 'over_time'
      ? `${text.comparisonHeading}: ${unitA.name}, ${names.a} → ${names.b}`
      : `${text.comparisonHeading}: ${names.a} → ${names.b}`;
  return { lang, heading, facts, sections: sections(comparison.rows, lang, table), notes: [] };
}
