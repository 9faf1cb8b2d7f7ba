import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareIndicatorReports } from '../compare';
import { IndicatorReportSchema } from '../model/report';
import { renderComparisonHtml, renderComparisonMarkdown, renderReportHtml, renderReportMarkdown } from './index';

/* The renderings of the real seed reports (test/fixtures/seeds, see SOURCES.md there) with the shipped catalogue. */

const seedsDir = new URL('../../test/fixtures/seeds/', import.meta.url);
const seeds = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((name) => name.endsWith('.report.json'))
      .map((name) => ({
        name,
        report: IndicatorReportSchema.parse(JSON.parse(readFileSync(new URL(name, seedsDir), 'utf8'))),
      }))
  : [];
const xmllintMissing = spawnSync('xmllint', ['--version']).error !== undefined;

/** Body rows of the Markdown tables (header and separator rows excluded). */
function tableRows(markdown: string): string[] {
  const lines = markdown.split('\n').filter((line) => line.startsWith('| '));
  return lines.filter((line) => !/^\| (?:Chỉ số|Indicator) \||^\| -{3}/.test(line));
}

describe.skipIf(seeds.length === 0)('renderings of the seed reports', () => {
  it('show every stated value once, in both languages', () => {
    for (const { name, report } of seeds) {
      for (const lang of ['vi', 'en'] as const) {
        const markdown = renderReportMarkdown(report, { lang });
        expect(markdown.startsWith(`# ${lang === 'vi' ? 'Báo cáo chỉ số' : 'Indicator report'}: `), name).toBe(true);
        expect(tableRows(markdown), `${name} (${lang})`).toHaveLength(report.values.length);
      }
    }
  });

  it.skipIf(xmllintMissing)('give well-formed HTML pages, reports and comparisons alike', () => {
    const pages = seeds.flatMap(({ name, report }) => [
      { name, html: renderReportHtml(report) },
      { name: `${name} (en)`, html: renderReportHtml(report, { lang: 'en' }) },
    ]);
    for (const [a, b] of seeds.slice(1).map((seed, index) => [seeds[index], seed] as const)) {
      const comparison = compareIndicatorReports(a!.report, b.report);
      pages.push({ name: `${a!.name} vs ${b.name}`, html: renderComparisonHtml(comparison) });
      expect(renderComparisonMarkdown(comparison, { lang: 'en' })).toContain('# Indicator comparison: ');
    }
    for (const { name, html } of pages) {
      const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: html, encoding: 'utf8' });
      expect(result.stderr, name).toBe('');
      expect(result.status, name).toBe(0);
    }
  });
});
