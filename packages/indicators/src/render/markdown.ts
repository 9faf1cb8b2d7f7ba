import type { IndicatorReportComparison } from '../compare';
import type { IndicatorReport } from '../model/report';
import { escapeMarkdown } from './escape';
import { TEXT } from './labels';
import {
  comparisonView,
  type RenderOptions,
  type ReportRenderOptions,
  reportView,
  type Table,
  type View,
} from './view';

function markdownTable(table: Table): string[] {
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    line(table.headers),
    `|${table.headers.map((_, index) => (table.numeric.includes(index) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map(line),
  ];
}

function markdown<Figure>(view: View<Figure>): string {
  const text = TEXT[view.lang];
  const lines = [`# ${escapeMarkdown(view.heading)}`, ''];
  for (const fact of view.facts) {
    const shown =
      fact.href === undefined
        ? escapeMarkdown(fact.text)
        : `[${escapeMarkdown(fact.text)}](<${fact.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
    lines.push(`- ${escapeMarkdown(fact.label)}: ${shown}`);
  }
  if (view.sections.length === 0) lines.push('', text.noValues);
  for (const section of view.sections)
    lines.push('', `## ${escapeMarkdown(section.heading)}`, '', ...markdownTable(section.table));
  if (view.notes.length > 0) {
    lines.push('', `## ${text.notes}`, '', ...view.notes.map((note) => `- ${escapeMarkdown(note)}`));
  }
  if (view.findings !== undefined) {
    lines.push('', `## ${text.findings}`, '');
    if (view.findings.length === 0) lines.push(text.noFindings);
    for (const finding of view.findings) {
      const where = finding.where === '' ? '' : ` (${escapeMarkdown(finding.where)})`;
      lines.push(`- **${finding.severity}** \`${finding.ruleId}\`${where}: ${escapeMarkdown(finding.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * An indicator report as Markdown: a heading with the unit and period, the source document, one table per
 * catalogue group (label, scope, value as the language writes it, unit, stated or derived, source line and quote)
 * and, when issues are given, the findings. Vietnamese by default.
 */
export function renderReportMarkdown(report: IndicatorReport, options: ReportRenderOptions = {}): string {
  return markdown(reportView(report, options));
}

/** A comparison of two reports as Markdown: one table per group with both values, the difference and direction. */
export function renderComparisonMarkdown(comparison: IndicatorReportComparison, options: RenderOptions = {}): string {
  return markdown(comparisonView(comparison, options));
}
