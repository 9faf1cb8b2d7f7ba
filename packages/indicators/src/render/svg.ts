import { escapeHtml } from './escape';

/*
 * Charts as inline SVG: no script, no external resource, sized in the page's units. Every chart has a <title> and
 * <desc> (named by aria-labelledby / aria-describedby, role="img") listing its values, and every bar its own
 * <title>, so a screen reader or a hover reads the same numbers the tables show.
 */

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 150;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const TOP = 8;
/** Colours with a contrast of at least 3:1 against white, told apart by lightness as well as hue. */
export const CHART_COLOURS = ['#1f5fa8', '#c2571a', '#2e7d32', '#7b3fa0', '#8a6d00', '#00838f'] as const;

export interface ChartText {
  /** Unique in the page: the ids of the <title> and <desc> derive from it. */
  id: string;
  title: string;
  description: string;
}

export interface Bar {
  label: string;
  value: number;
  /** The value as the tables write it (`67,53%`). */
  valueText: string;
}

/** Cuts a label that would run into the bars; the full label stays in the bar's <title>. */
function fitLabel(label: string, maxCharacters = 34): string {
  const characters = [...label];
  return characters.length <= maxCharacters ? label : `${characters.slice(0, maxCharacters - 1).join('')}…`;
}

/**
 * The chart in a <figure> whose visible caption repeats the SVG's title (hidden from screen readers, which read the
 * SVG's own title and description).
 */
function figure(chart: ChartText, height: number, content: string): string {
  return `<figure><figcaption aria-hidden="true">${escapeHtml(chart.title)}</figcaption>${svgOpen(chart, height)}${content}</svg></figure>`;
}

function svgOpen(chart: ChartText, height: number): string {
  const id = escapeHtml(chart.id);
  return [
    `<svg class="chart" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(chart.description)}</desc>`,
  ].join('');
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The horizontal scale of a chart: domain from min(0, values) to max(0, values, floor). */
function scale(values: number[], floor: number): { x: (value: number) => number; zero: number } {
  const low = Math.min(0, ...values);
  const high = Math.max(0, floor, ...values);
  const span = high - low || 1;
  const x = (value: number) => LABEL_WIDTH + round(((value - low) / span) * PLOT_WIDTH);
  return { x, zero: x(0) };
}

function rowLabel(label: string, y: number): string {
  return `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(fitLabel(label))}</text>`;
}

/**
 * One horizontal bar per value, from zero (negative values go left of a zero line): percentages on a 0–100 axis
 * (`floor` 100), relative changes around zero.
 */
export function horizontalBarChart(chart: ChartText, bars: readonly Bar[], options: { floor?: number } = {}): string {
  const height = TOP * 2 + bars.length * ROW_HEIGHT;
  const { x, zero } = scale(
    bars.map((bar) => bar.value),
    options.floor ?? 0,
  );
  const rows = bars.map((bar, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const end = x(bar.value);
    const left = Math.min(zero, end);
    const width = Math.max(round(Math.abs(end - zero)), 1);
    const colour = bar.value < 0 ? CHART_COLOURS[1] : CHART_COLOURS[0];
    return [
      `<g class="bar"><title>${escapeHtml(`${bar.label}: ${bar.valueText}`)}</title>`,
      rowLabel(bar.label, y),
      `<rect x="${left}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="${colour}" />`,
      `<text x="${round(Math.max(zero, end) + 6)}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="central">${escapeHtml(bar.valueText)}</text></g>`,
    ].join('');
  });
  const axis = `<line x1="${zero}" y1="${TOP / 2}" x2="${zero}" y2="${height - TOP / 2}" stroke="#555" stroke-width="1" />`;
  return figure(chart, height, `${rows.join('')}${axis}`);
}

export interface StackedRow {
  label: string;
  segments: readonly Bar[];
  totalText: string;
}

const LEGEND_ITEM_WIDTH = 210;
const LEGEND_ROW_HEIGHT = 18;

/** The legend under a chart: items of equal width, wrapped onto as many rows as the chart's width needs. */
function legendBlock(legend: readonly string[]): { height: number; svg: (top: number) => string } {
  const perRow = Math.max(1, Math.floor((WIDTH - 8) / LEGEND_ITEM_WIDTH));
  const rows = Math.ceil(legend.length / perRow);
  return {
    height: rows * LEGEND_ROW_HEIGHT + 4,
    svg: (top) =>
      `<g class="legend">${legend
        .map((name, part) => {
          const left = 8 + (part % perRow) * LEGEND_ITEM_WIDTH;
          const y = top + Math.floor(part / perRow) * LEGEND_ROW_HEIGHT;
          return `<rect x="${left}" y="${y}" width="12" height="12" fill="${CHART_COLOURS[part % CHART_COLOURS.length]}" /><text x="${left + 16}" y="${y + 6}" dominant-baseline="central">${escapeHtml(fitLabel(name, 30))}</text>`;
        })
        .join('')}</g>`,
  };
}

/** One bar per row, split into its parts (services by level, per tier): parts side by side, with a legend. */
export function stackedBarChart(chart: ChartText, rows: readonly StackedRow[], legend: readonly string[]): string {
  const key = legendBlock(legend);
  const height = TOP * 2 + rows.length * ROW_HEIGHT + key.height;
  const totals = rows.map((row) => row.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0));
  const { x } = scale(totals, 0);
  const body = rows.map((row, index) => {
    const y = TOP + index * ROW_HEIGHT;
    let start = 0;
    const rects = row.segments.map((segment, part) => {
      const value = Math.max(0, segment.value);
      const left = x(start);
      start += value;
      const width = round(x(start) - left);
      if (width === 0) return '';
      return `<rect x="${left}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="${CHART_COLOURS[part % CHART_COLOURS.length]}"><title>${escapeHtml(`${row.label} — ${segment.label}: ${segment.valueText}`)}</title></rect>`;
    });
    return `<g class="bar">${rowLabel(row.label, y)}${rects.join('')}<text x="${round(x(start) + 6)}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="central">${escapeHtml(row.totalText)}</text></g>`;
  });
  return figure(chart, height, `${body.join('')}${key.svg(height - key.height)}`);
}

export interface BarGroup {
  label: string;
  /** One bar per series (A, B), in the legend's order. */
  bars: readonly Bar[];
}

/** Bars side by side for each item (A against B), on one axis, with a legend. */
export function groupedBarChart(
  chart: ChartText,
  groups: readonly BarGroup[],
  legend: readonly string[],
  options: { floor?: number } = {},
): string {
  const series = Math.max(1, legend.length);
  const barHeight = 12;
  const groupHeight = series * (barHeight + 2) + 10;
  const key = legendBlock(legend);
  const height = TOP * 2 + groups.length * groupHeight + key.height;
  const { x, zero } = scale(
    groups.flatMap((group) => group.bars.map((bar) => bar.value)),
    options.floor ?? 0,
  );
  const body = groups.map((group, index) => {
    const top = TOP + index * groupHeight;
    const bars = group.bars.map((bar, part) => {
      const y = top + part * (barHeight + 2);
      const end = x(bar.value);
      const width = Math.max(round(Math.abs(end - zero)), 1);
      return `<rect x="${Math.min(zero, end)}" y="${y}" width="${width}" height="${barHeight}" fill="${CHART_COLOURS[part % CHART_COLOURS.length]}"><title>${escapeHtml(`${group.label} — ${legend[part] ?? ''}: ${bar.valueText}`)}</title></rect><text x="${round(Math.max(zero, end) + 6)}" y="${y + barHeight / 2}" dominant-baseline="central" font-size="11">${escapeHtml(bar.valueText)}</text>`;
    });
    return `<g class="bar">${rowLabel(group.label, top + (series * (barHeight + 2) - BAR_HEIGHT) / 2)}${bars.join('')}</g>`;
  });
  return figure(chart, height, `${body.join('')}${key.svg(height - key.height)}`);
}
