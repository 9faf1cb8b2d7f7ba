/*
 * `lienthong level stats`: a catalogue's counts and percentages by level × tier and category × tier, the
 * indicators under their machine names and the Nghị quyết 17/NQ-CP targets, as JSON (LevelStatsOutputSchema) or
 * as text tables in the chosen language.
 */
import type { Issue } from '@lienthong/report';
import {
  aggregateCatalogue,
  type IndicatorFigure,
  type LevelFigures,
  SERVICE_LEVEL_INDICATORS,
  type Share,
  type Tier,
} from '@lienthong/service-level';
import type { z } from 'zod';
import type { Language } from '../../framework/command';
import { type CatalogueInput, catalogueSummary, type ReportDay } from './catalogue-input';
import { LEVEL_OUTPUT_SCHEMA_VERSION, type LevelFiguresSchema, type LevelStatsOutput } from './schema';
import { findingLine, SCHEME_LABELS, TARGET_STATUS_LABELS, TIER_LABELS } from './words';

type Figures = z.infer<typeof LevelFiguresSchema>;

const LEVELS = ['0', '1', '2', '3', '4'] as const;
const CATEGORIES = ['toan_trinh', 'mot_phan', 'none'] as const;

function share(value: Share): Share {
  return { count: value.count, of: value.of, percent: value.percent };
}

function figuresOf(figures: LevelFigures): Figures {
  const levels = (record: Readonly<Record<0 | 1 | 2 | 3 | 4, Share>>) =>
    Object.fromEntries(
      LEVELS.map((level) => [level, share(record[Number(level) as 0 | 1 | 2 | 3 | 4])]),
    ) as Figures['nd43']['byLevel'];
  return {
    total: figures.total,
    nd43: { byLevel: levels(figures.nd43.byLevel), atLeast: levels(figures.nd43.atLeast) },
    nd42: {
      byCategory: Object.fromEntries(
        CATEGORIES.map((category) => [category, share(figures.nd42.byCategory[category])]),
      ) as Figures['nd42']['byCategory'],
    },
  };
}

function indicatorFigure(figure: IndicatorFigure) {
  return { value: figure.value, numerator: figure.numerator ?? null, denominator: figure.denominator ?? null };
}

/** Aggregates the catalogue on `day`. */
export function catalogueStatistics(
  input: CatalogueInput,
  day: ReportDay,
  generator: { readonly name: string; readonly version: string },
): LevelStatsOutput {
  const aggregation = aggregateCatalogue(input.catalogue, { date: day.date });
  const byTier: LevelStatsOutput['byTier'] = {};
  for (const tier of aggregation.tiers) {
    const figures = aggregation.byTier[tier];
    if (figures !== undefined) byTier[tier] = figuresOf(figures);
  }
  const indicators: LevelStatsOutput['indicators'] = {};
  for (const definition of SERVICE_LEVEL_INDICATORS) {
    const value = aggregation.indicators[definition.name];
    const tiers: LevelStatsOutput['indicators'][string]['byTier'] = {};
    for (const [tier, figure] of Object.entries(value.byTier) as [Tier, IndicatorFigure | undefined][])
      if (figure !== undefined) tiers[tier] = indicatorFigure(figure);
    indicators[definition.name] = {
      ...indicatorFigure(value),
      label: value.label,
      unit: value.unit,
      scheme: value.scheme,
      formula: value.derivation,
      byTier: tiers,
    };
  }
  return {
    schemaVersion: LEVEL_OUTPUT_SCHEMA_VERSION,
    generator: { name: generator.name, version: generator.version },
    date: day.date,
    schemes: [...aggregation.schemes],
    tiers: [...aggregation.tiers],
    catalogue: catalogueSummary(input),
    overall: figuresOf(aggregation.overall),
    byTier,
    indicators,
    targets: aggregation.targets.map((check) => ({
      id: check.target.id,
      status: check.status,
      source: check.target.source,
      target: check.target.target,
      threshold: check.target.threshold,
      indicator: check.target.indicator ?? null,
      figure: check.figure === undefined ? null : { ...check.figure },
      message: check.issue.message,
    })),
    findings: [...input.report.issues, ...aggregation.findings] as Issue[],
  };
}

/** A text table with columns padded to their widest cell (first column left-aligned, the others right-aligned). */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join(' | ')
      .trimEnd(),
  );
}

const cell = (value: Share): string =>
  value.percent === null ? `${value.count}` : `${value.count} (${value.percent}%)`;

const W = {
  title: { vi: 'Thống kê danh mục', en: 'Catalogue statistics' },
  day: { vi: 'ngày', en: 'on' },
  tiers: { vi: 'cấp', en: 'tiers' },
  levelTable: { vi: 'Mức độ theo NĐ 43/2011, theo cấp', en: 'Decree 43/2011 levels by tier' },
  categoryTable: { vi: 'Loại dịch vụ theo NĐ 42/2022, theo cấp', en: 'Decree 42/2022 categories by tier' },
  tier: { vi: 'Cấp', en: 'Tier' },
  total: { vi: 'Tổng', en: 'Total' },
  all: { vi: 'Tất cả', en: 'All' },
  level: { vi: 'Mức', en: 'Level' },
  toanTrinh: { vi: 'Toàn trình', en: 'Toàn trình' },
  motPhan: { vi: 'Một phần', en: 'Một phần' },
  notOnline: { vi: 'Chưa trực tuyến', en: 'Not online' },
  indicators: { vi: 'Chỉ số', en: 'Indicators' },
  targets: { vi: 'Chỉ tiêu (Nghị quyết 17/NQ-CP, chỉ số 9)', en: 'Targets (Resolution 17/NQ-CP, index 9)' },
  findings: { vi: 'Phát hiện', en: 'Findings' },
} as const;

function scopes(output: LevelStatsOutput, lang: Language): [string, Figures][] {
  const rows: [string, Figures][] = [];
  for (const tier of output.tiers) {
    const figures = output.byTier[tier];
    if (figures !== undefined) rows.push([TIER_LABELS[tier][lang], figures]);
  }
  rows.push([W.all[lang], output.overall]);
  return rows;
}

function indicatorValue(indicator: LevelStatsOutput['indicators'][string]): string {
  if (indicator.value === null) return '—';
  if (indicator.unit === 'count') return String(indicator.value);
  return `${indicator.value}% (${indicator.numerator}/${indicator.denominator})`;
}

/** The statistics as text: two tables, the indicators, the targets and the findings. */
export function formatStatsText(
  output: LevelStatsOutput,
  options: {
    readonly lang: Language;
    readonly quiet: boolean;
    readonly paintSeverity: (issue: Issue, text: string) => string;
    readonly paintStatus: (status: LevelStatsOutput['targets'][number]['status'], text: string) => string;
  },
): string {
  const { lang, quiet } = options;
  const lines: string[] = [];
  if (!quiet) {
    const schemes = output.schemes.map((scheme) => SCHEME_LABELS[scheme][lang]).join(', ');
    const tiers = output.tiers.map((tier) => TIER_LABELS[tier][lang]).join(', ');
    lines.push(
      `${W.title[lang]}: ${output.catalogue.path} — ${W.day[lang]} ${output.date} (${schemes}); ${W.tiers[lang]}: ${tiers}`,
      '',
    );
  }
  const rows = scopes(output, lang);
  lines.push(`${W.levelTable[lang]}:`);
  lines.push(
    ...table([
      [W.tier[lang], W.total[lang], ...LEVELS.map((level) => `${W.level[lang]} ${level}`)],
      ...rows.map(([label, figures]) => [
        label,
        String(figures.total),
        ...LEVELS.map((level) => cell(figures.nd43.byLevel[level])),
      ]),
    ]).map((line) => `  ${line}`),
    '',
  );
  lines.push(`${W.categoryTable[lang]}:`);
  lines.push(
    ...table([
      [W.tier[lang], W.total[lang], W.toanTrinh[lang], W.motPhan[lang], W.notOnline[lang]],
      ...rows.map(([label, figures]) => [
        label,
        String(figures.total),
        ...CATEGORIES.map((category) => cell(figures.nd42.byCategory[category])),
      ]),
    ]).map((line) => `  ${line}`),
    '',
  );
  if (!quiet) {
    lines.push(`${W.indicators[lang]}:`);
    for (const [name, indicator] of Object.entries(output.indicators))
      lines.push(`  ${indicator.label[lang]} (${name}): ${indicatorValue(indicator)}`);
    lines.push('');
  }
  lines.push(`${W.targets[lang]}:`);
  for (const target of output.targets)
    lines.push(
      `  ${options.paintStatus(target.status, TARGET_STATUS_LABELS[target.status][lang])} — ${target.id}: ${target.message[lang]}`,
    );
  const findings = output.findings.filter(
    (issue) => !issue.ruleId.startsWith('SL-AGG-TGT-') && (!quiet || issue.severity === 'error'),
  );
  if (findings.length > 0) {
    lines.push('', `${W.findings[lang]} (${findings.length}):`);
    for (const issue of findings) lines.push(`  ${options.paintSeverity(issue, findingLine(issue, lang))}`);
  }
  return `${lines.join('\n')}\n`;
}
