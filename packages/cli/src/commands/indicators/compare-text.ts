/*
 * The comparison as an aligned text table for a terminal, in the chosen language. Numbers are written by
 * @lienthong/indicators' `formatNumber` (Vietnamese 12.338 and 67,53; English 12,338 and 67.53).
 */
import {
  formatIndicatorValue,
  formatNumber,
  formatPeriod,
  type IndicatorUnit,
  type IndicatorValue,
  type Tier,
} from '@lienthong/indicators';
import { paint } from '../../framework/color';
import type { Language } from '../../framework/command';
import type { ComparisonRowOutput, IndicatorsCompareOutput } from './compare-model';

type Comparison = NonNullable<IndicatorsCompareOutput['comparison']>;

const W = {
  kind: { vi: 'Loại so sánh', en: 'Comparison' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  delta: { vi: 'Chênh lệch', en: 'Change' },
  relative: { vi: 'Tương đối', en: 'Relative' },
  direction: { vi: 'Xu hướng', en: 'Direction' },
  whole: { vi: 'toàn đơn vị', en: 'whole unit' },
  points: { vi: 'điểm %', en: 'pp' },
  noRows: { vi: 'Hai báo cáo không có chỉ số nào.', en: 'Neither report states any figure.' },
} as const;

const KIND: Record<Comparison['kind'], Record<Language, string>> = {
  over_time: { vi: 'cùng đơn vị, hai kỳ', en: 'same unit, two periods' },
  across_units: { vi: 'hai đơn vị, cùng kỳ', en: 'two units, same period' },
  same_scope: { vi: 'cùng đơn vị, cùng kỳ (hai phiên bản)', en: 'same unit and period (two versions)' },
  unrelated: { vi: 'khác đơn vị, khác kỳ', en: 'different units and periods' },
};

const DIRECTION: Record<ComparisonRowOutput['direction'], Record<Language, string>> = {
  up: { vi: 'tăng', en: 'up' },
  down: { vi: 'giảm', en: 'down' },
  same: { vi: 'không đổi', en: 'same' },
  only_a: { vi: 'chỉ có ở A', en: 'only in A' },
  only_b: { vi: 'chỉ có ở B', en: 'only in B' },
  not_comparable: { vi: 'không so sánh được', en: 'not comparable' },
};

const REASON: Record<NonNullable<ComparisonRowOutput['reason']>, Record<Language, string>> = {
  not_numeric: { vi: 'không phải số', en: 'not numeric' },
  missing_value: { vi: 'thiếu giá trị', en: 'missing value' },
  different_qualifiers: { vi: 'mức chính xác khác nhau', en: 'different qualifiers' },
  several_values: { vi: 'nêu nhiều lần', en: 'stated several times' },
};

const TIER: Record<Tier, Record<Language, string>> = {
  tinh: { vi: 'cấp tỉnh', en: 'province tier' },
  huyen: { vi: 'cấp huyện', en: 'district tier' },
  xa: { vi: 'cấp xã', en: 'commune tier' },
};

/** Decimal places a value is written with: those the source printed, else the number's own. */
function decimalsOf(value: IndicatorValue | null): number {
  if (value === null || typeof value.value !== 'number') return 0;
  if (value.decimals !== undefined) return value.decimals;
  const [, fraction = ''] = String(value.value).split('.');
  return fraction.length;
}

function valueText(value: IndicatorValue | null, unit: IndicatorUnit | null, lang: Language): string {
  return value === null ? '' : formatIndicatorValue(value, unit ?? undefined, lang);
}

function scopeText(row: ComparisonRowOutput, lang: Language): string {
  const parts = [row.tier === null ? undefined : TIER[row.tier][lang], row.agency?.name].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length === 0 ? W.whole[lang] : parts.join(', ');
}

function deltaText(row: ComparisonRowOutput, lang: Language): string {
  if (row.delta === null) return '';
  const decimals = Math.max(decimalsOf(row.a), decimalsOf(row.b));
  const number = formatNumber(row.delta, lang, { decimals, signed: true });
  return row.deltaUnit === 'percentage_points' ? `${number} ${W.points[lang]}` : number;
}

function directionText(row: ComparisonRowOutput, lang: Language): string {
  const word = DIRECTION[row.direction][lang];
  return row.reason === null ? word : `${word} (${REASON[row.reason][lang]})`;
}

/** Display width: characters after NFC (Vietnamese letters with two marks are one character then). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}

/** The table (and, unless `quiet`, the two reports and a count of directions). */
export function formatComparisonText(
  comparison: Comparison,
  options: { readonly lang: Language; readonly color: boolean; readonly quiet: boolean },
): string {
  const { lang, color, quiet } = options;
  const lines: string[] = [];
  if (!quiet) {
    lines.push(`${W.kind[lang]}: ${KIND[comparison.kind][lang]}`);
    for (const side of ['a', 'b'] as const)
      lines.push(
        `${side.toUpperCase()}: ${comparison.reportingUnits[side].name}, ${formatPeriod(comparison.periods[side], lang)}`,
      );
    lines.push('');
  }
  if (comparison.rows.length === 0) {
    lines.push(W.noRows[lang]);
    return `${lines.join('\n')}\n`;
  }
  const header = [W.indicator[lang], W.scope[lang], 'A', 'B', W.delta[lang], W.relative[lang], W.direction[lang]];
  const numeric = [false, false, true, true, true, true, false];
  const rows = comparison.rows.map((row) => [
    row.label?.[lang] ?? row.indicator,
    scopeText(row, lang),
    valueText(row.a, row.unit, lang),
    valueText(row.b, row.unit, lang),
    deltaText(row, lang),
    row.relativeDeltaPct === null ? '' : `${formatNumber(row.relativeDeltaPct, lang, { decimals: 2, signed: true })}%`,
    directionText(row, lang),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => width(cells[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0, numeric[column] ?? false))
      .join('  ')
      .trimEnd();
  lines.push(paint(line(header), 'bold', color));
  for (const cells of rows) lines.push(line(cells));
  if (!quiet) {
    const counts = Object.entries(comparison.summary)
      .filter(([, count]) => count > 0)
      .map(([direction, count]) => `${DIRECTION[direction as ComparisonRowOutput['direction']][lang]} ${count}`);
    lines.push('');
    lines.push(
      lang === 'vi'
        ? `Tổng: ${comparison.rows.length} số liệu — ${counts.join(', ')}`
        : `Total: ${comparison.rows.length} figures — ${counts.join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
