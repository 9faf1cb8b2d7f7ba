import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getIndicator, INDICATOR_CATALOGUE } from '../src/catalogue';
import type { IndicatorDefinition } from '../src/model/indicator';
import { type IndicatorReport, IndicatorReportSchema, type IndicatorValue } from '../src/model/report';

/*
 * The seed reports (test/fixtures/seeds, see SOURCES.md) against the texts they were encoded from: every value
 * quotes the text exactly, at its line, with the number as printed; and every number of the texts' result
 * sections is either encoded or listed below as ignored, with the reason.
 */

const SEEDS_DIR = new URL('./fixtures/seeds/', import.meta.url);

interface Seed {
  readonly report: string;
  readonly text: string;
  /** The 1-based lines (inclusive) whose figures must all be encoded. */
  readonly relevantLines: readonly [number, number];
  /** Why the lines after them are not. */
  readonly restIs: string;
}

const SEEDS: readonly Seed[] = [
  {
    report: 'son-la-2018.report.json',
    text: 'son-la-2018-it-report.txt',
    relevantLines: [1, 53],
    restIs: 'the news website’s byline, poll and visit counters',
  },
  {
    report: 'hoa-binh-2019.report.json',
    text: 'hoa-binh-2020-it-plan.txt',
    relevantLines: [1, 83],
    restIs: 'nothing: the copy ends at line 83',
  },
  {
    report: 'lam-dong-2017.report.json',
    text: 'lam-dong-2017-it-overview.txt',
    relevantLines: [1, 63],
    restIs: 'orientations for the coming years (targets, not results), the author and footnotes',
  },
];

/** A number as Vietnamese texts print it: `.` groups thousands, `,` marks decimals ("12.338", "67,53", "05"). */
const VIETNAMESE_NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

interface NumberToken {
  readonly printed: string;
  readonly value: number;
  readonly decimals: number;
  readonly start: number;
  readonly end: number;
}

function numbersIn(text: string): NumberToken[] {
  return [...text.matchAll(VIETNAMESE_NUMBER)].map((match) => {
    const printed = match[0];
    const [whole = '', fraction = ''] = printed.split(',');
    return {
      printed,
      value: Number(`${whole.replaceAll('.', '')}${fraction ? `.${fraction}` : ''}`),
      decimals: fraction.length,
      start: match.index,
      end: match.index + printed.length,
    };
  });
}

/** Numbers that are not figures, wherever they occur. */
const IGNORED_PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly reason: string }> = [
  { pattern: /\d{1,2}\/\d{1,2}\/\d{4}/gu, reason: 'a date (dd/mm/yyyy)' },
  { pattern: /ngày \d{1,2} tháng \d{1,2} năm \d{4}/giu, reason: 'a date written out' },
  { pattern: /năm \d{4}/giu, reason: 'a year' },
  { pattern: /tháng \d{1,2}(?:\/\d{4})?/giu, reason: 'a month' },
  { pattern: /giai đoạn \d{4} ?[–-] ?\d{4}/gu, reason: 'a span of years' },
  { pattern: /\d+[a-z]?(?:\/\d{4})?\/[A-ZĐ]+-[A-ZĐa-z]+|\d+-NQ\/TU/gu, reason: 'a document number' },
  {
    pattern: /mức(?: độ)? \d(?:(?:,| và| hoặc) ?(?:mức(?: độ)? )?\d)*/giu,
    reason: 'a service level named ("mức độ 3, 4"), not a count',
  },
  { pattern: /\[\d+\]/gu, reason: 'a footnote marker' },
  { pattern: /^\d+\. /gu, reason: 'a section number' },
];

interface IgnoredNumber {
  readonly text: string;
  readonly line: number;
  /** Words of the line around the numbers ignored; every number inside them is ignored. */
  readonly context: string;
  readonly reason: string;
}

/** Numbers of the relevant lines that are not figures of an indicator, one by one. */
const IGNORED_NUMBERS: readonly IgnoredNumber[] = [
  {
    text: 'son-la-2018-it-report.txt',
    line: 7,
    context: '3 cấp tỉnh, huyện, xã',
    reason: 'names the three tiers whose procedures the portal links, not a figure',
  },
  {
    text: 'lam-dong-2017-it-overview.txt',
    line: 6,
    context: '10/12/2017 3911',
    reason: 'the article’s publication date and view counter',
  },
  {
    text: 'lam-dong-2017-it-overview.txt',
    line: 39,
    context: 'mở 24/7',
    reason: 'opening hours ("open 24/7"), not a figure',
  },
  {
    text: 'lam-dong-2017-it-overview.txt',
    line: 45,
    context: 'dung lượng 4Gb, tổ chức 10 Gb',
    reason: 'mailbox quotas, a technical setting rather than an indicator',
  },
];

interface LoadedSeed extends Seed {
  readonly raw: unknown;
  readonly parsed: IndicatorReport;
  readonly lines: readonly string[];
}

function load(seed: Seed): LoadedSeed {
  const raw: unknown = JSON.parse(readFileSync(new URL(seed.report, SEEDS_DIR), 'utf8'));
  const lines = readFileSync(new URL(seed.text, SEEDS_DIR), 'utf8').split('\n');
  return { ...seed, raw, parsed: IndicatorReportSchema.parse(raw), lines };
}

function describeValue(value: IndicatorValue): string {
  return `${value.indicator}=${String(value.value)}${value.tier ? `@${value.tier}` : ''}${value.tiers ? `@${value.tiers.join('+')}` : ''} «${value.source?.quote}»`;
}

function fitsUnit(value: IndicatorValue['value'], definition: IndicatorDefinition): boolean {
  if (value === null) return true;
  switch (definition.unit) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case 'percent':
      return typeof value === 'number' && value >= 0 && value <= 100;
    case 'per_100':
      return typeof value === 'number' && value >= 0;
    case 'points':
      return typeof value === 'number' && value >= 0 && value <= (definition.maxPoints ?? Number.POSITIVE_INFINITY);
    case 'score':
      return typeof value === 'number' && value >= 0 && value <= 1;
    case 'number':
      return (
        typeof value === 'number' &&
        value >= (definition.range?.min ?? 0) &&
        value <= (definition.range?.max ?? Number.POSITIVE_INFINITY)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string';
  }
}

/** Where a value's quote is on its line, or undefined when it is not there exactly once. */
function quoteSpan(seed: LoadedSeed, value: IndicatorValue): { start: number; end: number } | undefined {
  const { quote, line } = value.source ?? {};
  if (quote === undefined || line === undefined) return undefined;
  const text = seed.lines[line - 1] ?? '';
  const start = text.indexOf(quote);
  if (start < 0 || text.indexOf(quote, start + 1) >= 0) return undefined;
  return { start, end: start + quote.length };
}

/** The numbers of a quote that print the value (percentages followed by "%"). */
function printingsOf(value: IndicatorValue, unit: IndicatorDefinition['unit'], quote: string): NumberToken[] {
  return numbersIn(quote).filter(
    (token) =>
      token.value === value.value && (unit !== 'percent' || quote.slice(token.end).trimStart().startsWith('%')),
  );
}

function spansOf(text: string, pattern: RegExp): Array<[number, number]> {
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

function occurrences(text: string, part: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) spans.push([at, at + part.length]);
  return spans;
}

const inside = (token: NumberToken, [start, end]: [number, number]) => start <= token.start && token.end <= end;

const loaded = SEEDS.map(load);

describe.each(loaded)('seed report $report', (seed) => {
  const { parsed } = seed;

  it('parses with IndicatorReportSchema and names the catalogue and JSON Schema', () => {
    expect(IndicatorReportSchema.safeParse(seed.raw).success).toBe(true);
    expect(parsed.catalogueVersion).toBe(INDICATOR_CATALOGUE.version);
    expect(parsed.$schema).toBe('../../../schema/indicator-report.schema.json');
    expect(parsed.values.length).toBeGreaterThan(20);
  });

  it('uses catalogue indicators, with values of their unit and scopes they allow', () => {
    const wrong = parsed.values.flatMap((value) => {
      const definition = getIndicator(value.indicator);
      if (definition === undefined) return [`unknown indicator: ${describeValue(value)}`];
      const problems: string[] = [];
      if (!fitsUnit(value.value, definition)) problems.push(`not a ${definition.unit}`);
      if (value.tier && !definition.scope.tiers.includes(value.tier)) problems.push(`tier ${value.tier}`);
      if (value.agency && !definition.scope.agency) problems.push('per agency');
      if (value.period && (value.period.from < parsed.period.from || value.period.to > parsed.period.to)) {
        problems.push('period outside the report’s');
      }
      if (value.provenance !== 'stated') problems.push(value.provenance);
      return problems.map((problem) => `${problem}: ${describeValue(value)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('quotes every value exactly once at its line', () => {
    const misplaced = parsed.values.filter((value) => quoteSpan(seed, value) === undefined).map(describeValue);
    expect(misplaced).toEqual([]);
  });

  it('prints every number in its quote, with the decimals stated', () => {
    const unprinted = parsed.values.flatMap((value) => {
      const definition = getIndicator(value.indicator);
      const quote = value.source?.quote ?? '';
      if (definition === undefined || typeof value.value !== 'number') return [];
      const printings = printingsOf(value, definition.unit, quote);
      if (printings.length === 0) return [`not printed: ${describeValue(value)}`];
      const decimals = value.decimals;
      if (decimals !== undefined && !printings.some((token) => token.decimals === decimals)) {
        return [`printed with other decimals than ${decimals}: ${describeValue(value)}`];
      }
      if (definition.unit === 'percent' && decimals === undefined) return [`decimals missing: ${describeValue(value)}`];
      return [];
    });
    expect(unprinted).toEqual([]);
  });

  it('encodes every figure of the relevant lines, or ignores it for a stated reason', () => {
    const [first, last] = seed.relevantLines;
    const unaccounted: string[] = [];
    for (let line = first; line <= last; line++) {
      const text = seed.lines[line - 1] ?? '';
      const ignored = [
        ...IGNORED_PATTERNS.flatMap(({ pattern }) => spansOf(text, pattern)),
        ...IGNORED_NUMBERS.filter((entry) => entry.text === seed.text && entry.line === line).flatMap((entry) =>
          occurrences(text, entry.context),
        ),
      ];
      const quoted = parsed.values
        .filter((value) => value.source?.line === line)
        .flatMap((value) => {
          const span = quoteSpan(seed, value);
          return span ? [{ value: value.value, span: [span.start, span.end] as [number, number] }] : [];
        });
      for (const token of numbersIn(text)) {
        if (ignored.some((span) => inside(token, span))) continue;
        if (quoted.some(({ value, span }) => value === token.value && inside(token, span))) continue;
        unaccounted.push(
          `line ${line}: ${token.printed} in «${text.slice(Math.max(0, token.start - 30), token.end + 30)}»`,
        );
      }
    }
    expect(unaccounted).toEqual([]);
    expect(seed.restIs.length).toBeGreaterThan(0);
  });
});

describe('seed texts', () => {
  const sources = readFileSync(new URL('SOURCES.md', SEEDS_DIR), 'utf8');

  it.each(SEEDS)('$text is the copy SOURCES.md records', ({ text }) => {
    const digest = createHash('sha256')
      .update(readFileSync(new URL(text, SEEDS_DIR)))
      .digest('hex');
    expect(sources).toContain(`| \`${text}\` |`);
    expect(sources).toContain(`\`${digest}\``);
  });

  it('has no stale IGNORED_NUMBERS entry: each context is on its line and holds a number', () => {
    const stale = IGNORED_NUMBERS.filter((entry) => {
      const seed = loaded.find((candidate) => candidate.text === entry.text);
      const text = seed?.lines[entry.line - 1] ?? '';
      return !text.includes(entry.context) || numbersIn(entry.context).length === 0 || entry.reason.length === 0;
    });
    expect(stale).toEqual([]);
  });

  it('reads back any number printed the Vietnamese way', () => {
    // Thousands grouped by "." and decimals after ",", as the seeds print them ("12.338", "67,53").
    const printVietnamese = (whole: number, fraction: string) =>
      `${whole.toLocaleString('en-US').replaceAll(',', '.')}${fraction ? `,${fraction}` : ''}`;
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.stringMatching(/^(?:\d{1,2})?$/), (whole, fraction) => {
        const printed = printVietnamese(whole, fraction);
        const [token] = numbersIn(`đạt ${printed} hồ sơ`);
        expect(token?.printed).toBe(printed);
        expect(token?.value).toBe(Number(`${whole}${fraction ? `.${fraction}` : ''}`));
        expect(token?.decimals).toBe(fraction.length);
      }),
    );
  });

  it('parses Vietnamese numbers as printed', () => {
    expect(
      numbersIn('12.338 hồ sơ, 67,53%, 3899, 05 dịch vụ, 353/14.154, 0,88%').map((t) => [t.value, t.decimals]),
    ).toEqual([
      [12338, 0],
      [67.53, 2],
      [3899, 0],
      [5, 0],
      [353, 0],
      [14154, 0],
      [0.88, 2],
    ]);
  });
});

describe('the inconsistencies the seeds really contain are encoded as stated', () => {
  const valuesOf = (report: string, indicator: string) =>
    loaded.find((seed) => seed.report === report)?.parsed.values.filter((value) => value.indicator === indicator) ?? [];

  it('keeps both of Hòa Bình’s member-site counts (32 and 31)', () => {
    expect(valuesOf('hoa-binh-2019.report.json', 'trang_ttdt_thanh_vien_count').map((v) => v.value)).toEqual([32, 31]);
  });

  it('keeps Hòa Bình’s timeliness classes that do not add up to the dossiers resolved', () => {
    const department = (indicator: string) =>
      valuesOf('hoa-binh-2019.report.json', indicator).filter((value) => value.tier === 'tinh')[0]?.value;
    const classes = ['truoc_han', 'dung_han', 'qua_han'].map((kind) => department(`ho_so_da_xu_ly_${kind}`));
    expect(classes).toEqual([8332, 3899, 109]);
    expect(department('ho_so_da_xu_ly')).toBe(12338);
  });

  it('keeps Hòa Bình’s "đạt 98%" with no decimals', () => {
    expect(valuesOf('hoa-binh-2019.report.json', 'ho_so_da_xu_ly_pct')).toMatchObject([{ value: 98, decimals: 0 }]);
  });
});
