/*
 * `lienthong indicators compare`: two indicator reports compared figure by figure with @lienthong/indicators'
 * compareIndicatorReports — an aligned text table, JSON (IndicatorsCompareOutputSchema), Markdown or HTML.
 */
import {
  compareIndicatorReports,
  type IndicatorComparisonRow,
  type IndicatorReportComparison,
  renderComparisonHtml,
  renderComparisonMarkdown,
} from '@lienthong/indicators';
import { type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { chooseFormat } from '../../framework/format-option';
import { outputOf } from '../../framework/output';
import { CLI_NAME, CLI_VERSION } from '../../version';
import {
  type ComparisonRowOutput,
  INDICATORS_COMPARE_SCHEMA_VERSION,
  type IndicatorsCompareOutput,
} from './compare-model';
import { formatComparisonText } from './compare-text';
import { notAnIndicatorReportLine } from './not-a-report';
import { type IndicatorFileOutcome, readIndicatorFile } from './read-indicator-file';
import { documentFormatOf, writeOutput } from './write-output';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;

function rowOutput(row: IndicatorComparisonRow): ComparisonRowOutput {
  return {
    indicator: row.indicator,
    label: row.definition?.label ?? null,
    unit: row.definition?.unit ?? null,
    group: row.definition?.group ?? null,
    tier: row.tier ?? null,
    agency: row.agency ?? null,
    a: row.a ?? null,
    b: row.b ?? null,
    count: { a: row.count.a, b: row.count.b },
    direction: row.direction,
    reason: row.reason ?? null,
    delta: row.delta ?? null,
    deltaUnit: row.deltaUnit ?? null,
    relativeDeltaPct: row.relativeDeltaPct ?? null,
    derived: row.derived,
    approximate: row.approximate,
  };
}

function comparisonOutput(comparison: IndicatorReportComparison): NonNullable<IndicatorsCompareOutput['comparison']> {
  const summary = { up: 0, down: 0, same: 0, only_a: 0, only_b: 0, not_comparable: 0 };
  for (const row of comparison.rows) summary[row.direction]++;
  return {
    kind: comparison.kind,
    reportingUnits: comparison.reportingUnits,
    periods: comparison.periods,
    summary,
    rows: comparison.rows.map(rowOutput),
  };
}

function inputOutput(outcome: IndicatorFileOutcome): IndicatorsCompareOutput['inputs']['a'] {
  const { report } = outcome;
  return {
    file: report.subject,
    valid: report.valid,
    comparable: outcome.validation?.indicatorReport !== undefined,
    counts: { ...report.counts },
    issues: [...report.issues],
  };
}

export const compareCommand: CommandDefinition = {
  path: ['indicators', 'compare'],
  summary: {
    vi: 'So sánh hai báo cáo chỉ số: chênh lệch từng số liệu (qua các năm, giữa các đơn vị)',
    en: 'Compare two indicator reports figure by figure (year over year, unit against unit)',
  },
  usage: 'indicators compare <a.json> <b.json> [--format text|json|markdown|html] [--out <file>] [--force]',
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  optionValues: { format: FORMATS.join('|'), out: 'file' },
  optionHelp: {
    format: {
      vi: 'Định dạng: text (bảng căn cột, mặc định), json, markdown hoặc html; với --out *.md/*.html thì theo đuôi tệp',
      en: 'Format: text (aligned table, the default), json, markdown or html; with --out *.md/*.html, from the extension',
    },
    out: {
      vi: 'Ghi vào tệp này thay vì ra màn hình (- là stdout)',
      en: 'Write to this file instead of stdout (- is stdout)',
    },
    force: { vi: 'Ghi đè tệp đã có', en: 'Overwrite an existing file' },
  },
  positionals: { min: 2, max: 2, names: '<a.json> <b.json>' },
  examples: [
    {
      command: 'lienthong indicators compare son-la-2017.report.json son-la-2018.report.json',
      description: { vi: 'Một tỉnh qua hai năm, bảng chênh lệch', en: 'One province over two years, table of changes' },
    },
    {
      command: 'lienthong indicators compare a.report.json b.report.json --out so-sanh.html',
      description: { vi: 'Trang HTML so sánh (có biểu đồ)', en: 'An HTML comparison page (with charts)' },
    },
    {
      command: 'lienthong indicators compare a.report.json b.report.json --format json --lang en',
      description: {
        vi: 'JSON theo lược đồ @lienthong/cli/indicators-compare.schema.json',
        en: 'JSON following @lienthong/cli/indicators-compare.schema.json',
      },
    },
  ],
  exitCodes: {
    0: {
      vi: 'đã so sánh (các phát hiện của kiểm tra có trong JSON)',
      en: 'compared (validation findings are in the JSON)',
    },
    1: {
      vi: 'một tệp không phải báo cáo chỉ số đọc được (JSON, mô hình), không so sánh được',
      en: 'a file is not a readable indicator report (JSON, model) and cannot be compared',
    },
    2: {
      vi: 'sai cách dùng, không đọc hoặc không ghi được tệp (JSON vẫn được ghi đầy đủ)',
      en: 'usage error, a file cannot be read or written (the JSON is still written in full)',
    },
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    const out = typeof values.out === 'string' ? values.out : undefined;
    const fromExtension = out === undefined ? undefined : documentFormatOf(out);
    const format = values.format === undefined && fromExtension ? fromExtension : chooseFormat(values.format, FORMATS);
    const stderr = outputOf(context.io.stderr);
    const [pathA = '', pathB = ''] = positionals;
    const outcomes = [
      await readIndicatorFile(context.io, pathA, pathA),
      await readIndicatorFile(context.io, pathB, pathB),
    ] as const;
    let exit: ExitCode = EXIT.ok;
    for (const outcome of outcomes) {
      if (outcome.readFailure) {
        await stderr.write(`lienthong: ${outcome.readFailure.text[context.lang]} (${outcome.readFailure.code})\n`);
        exit = EXIT.usage;
      } else if (outcome.validation?.indicatorReport === undefined) {
        await stderr.write(notAnIndicatorReportLine(outcome.report, context.lang));
        if (exit === EXIT.ok) exit = EXIT.failed;
      }
    }
    const reportA = outcomes[0].validation?.indicatorReport;
    const reportB = outcomes[1].validation?.indicatorReport;
    const comparison =
      reportA === undefined || reportB === undefined ? undefined : compareIndicatorReports(reportA, reportB);
    const force = values.force === true;
    if (format === 'json') {
      const output: IndicatorsCompareOutput = {
        schemaVersion: INDICATORS_COMPARE_SCHEMA_VERSION,
        generator: { name: CLI_NAME, version: CLI_VERSION },
        inputs: { a: inputOutput(outcomes[0]), b: inputOutput(outcomes[1]) },
        comparison: comparison === undefined ? null : comparisonOutput(comparison),
      };
      await writeOutput(`${JSON.stringify(output, null, 2)}\n`, out, force, context);
      return exit;
    }
    if (comparison === undefined) return exit;
    const lang = context.lang;
    const text =
      format === 'markdown'
        ? renderComparisonMarkdown(comparison, { lang })
        : format === 'html'
          ? renderComparisonHtml(comparison, { lang })
          : formatComparisonText(comparisonOutput(comparison), {
              lang,
              // Colour only on the terminal: never in a file written with --out.
              color: context.color && (out === undefined || out === '-'),
              quiet: context.quiet,
            });
    await writeOutput(text, out, force, context);
    return exit;
  },
};
