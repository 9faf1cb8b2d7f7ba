import type { Language } from '@lienthong/report';
import { INDICATOR_CATALOGUE } from '../catalogue';
import {
  catalogueIndex,
  decimalsOfValue,
  type IndicatorComparisonRow,
  type IndicatorReportComparison,
  roundToDecimals,
} from '../compare';
import type { IndicatorCatalogue, IndicatorDefinition, IndicatorGroup } from '../model/indicator';
import type { IndicatorReport, IndicatorValue } from '../model/report';
import { tierKey, tierRank } from '../model/tier-names';
import { escapeHtml } from './escape';
import { formatIndicatorValue, formatNumber } from './format';
import { TEXT } from './labels';
import { type Bar, groupedBarChart, horizontalBarChart, type StackedRow, stackedBarChart } from './svg';
import {
  comparisonView,
  indicatorLabel,
  type RenderOptions,
  type ReportFigure,
  type ReportRenderOptions,
  reportView,
  type Section,
  scopeText,
  sideNames,
  type Table,
  type View,
} from './view';

/*
 * Standalone HTML pages: one file with inline CSS and inline SVG charts, nothing fetched, every text escaped. The
 * markup is also well-formed XML (void elements closed), so it can be checked or transformed as XHTML.
 */

const STYLE = `
body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1b1b1b; margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #d0d0d0; padding-bottom: 0.25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #d0d0d0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f4f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 0.75rem 0; }
figcaption { font-weight: 600; font-size: 0.9rem; margin-bottom: 0.25rem; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; fill: #1b1b1b; }
ul.findings li.error strong { color: #b00020; }
ul.findings li.warning strong { color: #8a5300; }
`.trim();

function htmlTable(table: Table): string {
  const cell = (tag: 'th' | 'td', text: string, index: number) => {
    const numeric = table.numeric.includes(index) ? ' class="num"' : '';
    const scope = tag === 'th' ? ' scope="col"' : '';
    return `<${tag}${scope}${numeric}>${escapeHtml(text)}</${tag}>`;
  };
  const head = `<thead><tr>${table.headers.map((header, index) => cell('th', header, index)).join('')}</tr></thead>`;
  const body = table.rows.map((row) => `<tr>${row.map((text, index) => cell('td', text, index)).join('')}</tr>`);
  return `<table>${head}<tbody>${body.join('')}</tbody></table>`;
}

function page<Figure>(
  view: View<Figure>,
  charts: (section: Section<Figure>, chartId: () => string) => string[],
): string {
  const text = TEXT[view.lang];
  let chartCount = 0;
  const chartId = () => `chart-${++chartCount}`;
  const facts = view.facts.map((fact) => {
    const shown =
      fact.href === undefined
        ? escapeHtml(fact.text)
        : `<a href="${escapeHtml(fact.href)}" rel="noopener noreferrer">${escapeHtml(fact.text)}</a>`;
    return `<dt>${escapeHtml(fact.label)}</dt><dd>${shown}</dd>`;
  });
  const sections = view.sections.map((section, index) => {
    const headingId = `section-${index + 1}`;
    const figures = charts(section, chartId);
    return `<section aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(section.heading)}</h2>${figures.join('')}${htmlTable(section.table)}</section>`;
  });
  const parts = [
    '<!DOCTYPE html>',
    `<html lang="${view.lang}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(view.heading)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(view.heading)}</h1>`,
    `<dl class="facts">${facts.join('')}</dl>`,
    view.sections.length === 0 ? `<p>${escapeHtml(text.noValues)}</p>` : '',
    ...sections,
  ];
  if (view.notes.length > 0) {
    parts.push(
      `<section><h2>${escapeHtml(text.notes)}</h2><ul>${view.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul></section>`,
    );
  }
  if (view.findings !== undefined) {
    const items = view.findings.map((finding) => {
      const where = finding.where === '' ? '' : ` (${escapeHtml(finding.where)})`;
      return `<li class="${finding.level}"><strong>${escapeHtml(finding.severity)}</strong> <code>${escapeHtml(finding.ruleId)}</code>${where}: ${escapeHtml(finding.message)}</li>`;
    });
    parts.push(
      `<section><h2>${escapeHtml(text.findings)}</h2>${
        items.length === 0 ? `<p>${escapeHtml(text.noFindings)}</p>` : `<ul class="findings">${items.join('')}</ul>`
      }</section>`,
    );
  }
  parts.push('</main>', '</body>', '</html>');
  return `${parts.filter((part) => part !== '').join('\n')}\n`;
}

function barLabel(label: string, value: Pick<IndicatorValue, 'tier' | 'tiers' | 'agency'>, lang: Language): string {
  return value.tier === undefined && value.tiers === undefined && value.agency === undefined
    ? label
    : `${label} (${scopeText(value, value.agency, lang)})`;
}

function chartDescription(bars: readonly Bar[]): string {
  return bars.map((bar) => `${bar.label}: ${bar.valueText}`).join('; ');
}

interface LevelBreakdown {
  total: IndicatorDefinition;
  /** The terms stated somewhere in the drawn scopes, in the derivation's order. */
  terms: { name: string; definition?: IndicatorDefinition }[];
  /** One entry per scope, in tier order: the scope's first value and its parts, by term. */
  scopes: { value: IndicatorValue; parts: (IndicatorValue | undefined)[] }[];
  /** Every stated value the chart shows. */
  shown: Set<IndicatorValue>;
}

/** The scopes of a `levels` sum that state at least two of its parts (a bar of one part says nothing new). */
function levelBreakdown(report: IndicatorReport, total: IndicatorDefinition, terms: readonly string[]): LevelBreakdown {
  const scopes = new Map<string, { value: IndicatorValue; parts: (IndicatorValue | undefined)[] }>();
  for (const value of report.values) {
    const term = terms.indexOf(value.indicator);
    if (term < 0 || typeof value.value !== 'number') continue;
    const key = JSON.stringify([tierKey(value), value.agency?.organisationCode ?? value.agency?.name ?? '']);
    const scope = scopes.get(key) ?? { value, parts: terms.map(() => undefined) };
    scope.parts[term] ??= value;
    scopes.set(key, scope);
  }
  const drawn = [...scopes.values()]
    .filter((scope) => scope.parts.filter((part) => part !== undefined).length >= 2)
    .sort((x, y) => tierRank(x.value) - tierRank(y.value));
  const used = terms.map((_, index) => drawn.some((scope) => scope.parts[index] !== undefined));
  return {
    total,
    terms: terms.filter((_, index) => used[index]).map((name) => ({ name })),
    scopes: drawn.map((scope) => ({ value: scope.value, parts: scope.parts.filter((_, index) => used[index]) })),
    shown: new Set(drawn.flatMap((scope) => scope.parts.filter((part): part is IndicatorValue => part !== undefined))),
  };
}

/** `a` shows nothing `b` does not, and `b` shows more, or the same with a narrower sum (l3 + l4 before l1…l4). */
function redundant(a: LevelBreakdown, b: LevelBreakdown, termCount: (breakdown: LevelBreakdown) => number): boolean {
  if (a === b || ![...a.shown].every((value) => b.shown.has(value))) return false;
  return b.shown.size > a.shown.size || termCount(b) < termCount(a);
}

/**
 * Services by level per scope: a stacked bar per tier (and agency) for the `levels` sums of the group. Sums that
 * overlap (l1…l4, l2…l4, l3 + l4) would draw the same figures again: only the narrowest sum showing them is drawn.
 */
function levelCharts(
  report: IndicatorReport,
  group: IndicatorGroup | undefined,
  catalogue: IndicatorCatalogue,
  lang: Language,
  chartId: () => string,
): string[] {
  const definitions = catalogueIndex(catalogue);
  const termCount = (breakdown: LevelBreakdown) =>
    breakdown.total.derivation?.kind === 'sum' ? breakdown.total.derivation.terms.length : 0;
  const candidates = catalogue.indicators.flatMap((total) => {
    const derivation = total.derivation;
    if (derivation?.kind !== 'sum' || derivation.relation !== 'levels' || total.group !== group) return [];
    const breakdown = levelBreakdown(report, total, derivation.terms);
    return breakdown.scopes.length === 0 ? [] : [breakdown];
  });
  const kept = candidates.filter((candidate) => !candidates.some((other) => redundant(candidate, other, termCount)));
  return kept.map((breakdown) => {
    const terms = breakdown.terms.map(({ name }) => ({ name, definition: definitions.get(name)?.definition }));
    const rows: StackedRow[] = breakdown.scopes.map(({ value, parts }) => {
      const segments = parts.map((part, index) => ({
        label: indicatorLabel(terms[index]?.name as string, terms[index]?.definition, lang),
        value: typeof part?.value === 'number' ? part.value : 0,
        valueText: part === undefined ? '—' : formatIndicatorValue(part, terms[index]?.definition?.unit, lang),
      }));
      const decimals = Math.max(0, ...parts.map((part) => (part === undefined ? 0 : decimalsOfValue(part))));
      const sum = roundToDecimals(
        segments.reduce((total, segment) => total + segment.value, 0),
        decimals,
      );
      return {
        label: scopeText(value, value.agency, lang),
        segments,
        totalText: formatNumber(sum, lang, { decimals }),
      };
    });
    return stackedBarChart(
      {
        id: chartId(),
        title: `${TEXT[lang].chartLevels}: ${indicatorLabel(breakdown.total.name, breakdown.total, lang)}`,
        description: rows
          .map((row) => `${row.label}: ${row.segments.map((s) => `${s.label} ${s.valueText}`).join(', ')}`)
          .join('; '),
      },
      rows,
      terms.map((term) => indicatorLabel(term.name, term.definition, lang)),
    );
  });
}

/**
 * An indicator report as one standalone HTML page: the tables of `renderReportMarkdown`, a bar chart of the
 * percentages of each group and a stacked bar of services by level per tier, as inline SVG.
 */
export function renderReportHtml(report: IndicatorReport, options: ReportRenderOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const catalogue = options.catalogue ?? INDICATOR_CATALOGUE;
  return page(reportView(report, options), (section, chartId) => {
    const bars: Bar[] = section.figures
      .filter((figure: ReportFigure) => figure.definition?.unit === 'percent' && typeof figure.value.value === 'number')
      .map((figure) => ({
        label: barLabel(figure.label, figure.value, lang),
        value: figure.value.value as number,
        valueText: formatIndicatorValue(figure.value, 'percent', lang),
      }));
    const charts =
      bars.length === 0
        ? []
        : [
            horizontalBarChart(
              {
                id: chartId(),
                title: `${TEXT[lang].chartPercentages}: ${section.heading}`,
                description: chartDescription(bars),
              },
              bars,
              { floor: 100 },
            ),
          ];
    return [...charts, ...levelCharts(report, section.group, catalogue, lang, chartId)];
  });
}

/**
 * A comparison as one standalone HTML page: its tables, grouped bars of A against B for the percentages of each
 * group, and bars of the relative change of the other figures, as inline SVG.
 */
export function renderComparisonHtml(comparison: IndicatorReportComparison, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const names = sideNames(comparison, lang);
  return page(comparisonView(comparison, options), (section, chartId) => {
    const charts: string[] = [];
    const bothNumbers = (row: IndicatorComparisonRow) =>
      typeof row.a?.value === 'number' && typeof row.b?.value === 'number';
    const percentages = section.figures.filter((row) => row.definition?.unit === 'percent' && bothNumbers(row));
    if (percentages.length > 0) {
      const groups = percentages.map((row) => ({
        label: barLabel(indicatorLabel(row.indicator, row.definition, lang), row, lang),
        bars: [row.a, row.b].map((value) => ({
          label: '',
          value: (value as IndicatorValue).value as number,
          valueText: formatIndicatorValue(value as IndicatorValue, 'percent', lang),
        })),
      }));
      charts.push(
        groupedBarChart(
          {
            id: chartId(),
            title: `${TEXT[lang].chartComparison}: ${section.heading}`,
            description: groups
              .map((group) => `${group.label}: A ${group.bars[0]?.valueText}, B ${group.bars[1]?.valueText}`)
              .join('; '),
          },
          groups,
          [`A: ${names.a}`, `B: ${names.b}`],
          { floor: 100 },
        ),
      );
    }
    const relative: Bar[] = section.figures
      .filter((row) => row.relativeDeltaPct !== undefined)
      .map((row) => ({
        label: barLabel(indicatorLabel(row.indicator, row.definition, lang), row, lang),
        value: row.relativeDeltaPct as number,
        valueText: `${formatNumber(row.relativeDeltaPct as number, lang, { decimals: 2, signed: true })}%`,
      }));
    if (relative.length > 0) {
      charts.push(
        horizontalBarChart(
          {
            id: chartId(),
            title: `${TEXT[lang].chartRelative}: ${section.heading}`,
            description: chartDescription(relative),
          },
          relative,
        ),
      );
    }
    return charts;
  });
}
