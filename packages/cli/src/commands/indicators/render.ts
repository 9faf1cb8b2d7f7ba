/*
 * `lienthong indicators render`: an indicator report as an HTML page or a Markdown document, with the findings
 * of its validation, optionally with the values `deriveIndicators` computes from the stated ones.
 */
import { deriveIndicators, renderReportHtml, renderReportMarkdown } from '@lienthong/indicators';
import { CliError, type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { chooseFormat } from '../../framework/format-option';
import { outputOf } from '../../framework/output';
import { notAnIndicatorReportLine } from './not-a-report';
import { readIndicatorFile } from './read-indicator-file';
import { documentFormatOf, writeOutput } from './write-output';

const FORMATS = ['html', 'markdown'] as const;

function formatFor(format: unknown, out: string): (typeof FORMATS)[number] {
  if (format !== undefined) return chooseFormat(format, FORMATS);
  if (out === '-') return 'markdown';
  const fromExtension = documentFormatOf(out);
  if (fromExtension !== undefined) return fromExtension;
  throw new CliError('INVALID_OPTION_VALUE', {
    vi: `không đoán được định dạng từ tên tệp ${out}: dùng đuôi .html hoặc .md, hoặc --format html|markdown`,
    en: `cannot tell the format from the file name ${out}: use .html or .md, or --format html|markdown`,
  });
}

export const renderCommand: CommandDefinition = {
  path: ['indicators', 'render'],
  summary: {
    vi: 'Trình bày báo cáo chỉ số thành trang HTML hoặc Markdown, kèm các phát hiện khi kiểm tra',
    en: 'Render an indicator report as an HTML page or Markdown, with the findings of its validation',
  },
  usage: 'indicators render <report.json> --out <file.html|file.md|-> [--format html|markdown] [--derive] [--force]',
  options: {
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    derive: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  optionValues: { out: 'file|-', format: FORMATS.join('|') },
  optionHelp: {
    out: {
      vi: 'Tệp kết quả (.html hoặc .md); - để in ra stdout (Markdown nếu không có --format)',
      en: 'The file to write (.html or .md); - for stdout (Markdown unless --format says otherwise)',
    },
    format: {
      vi: 'html hoặc markdown; mặc định theo đuôi tệp --out',
      en: 'html or markdown; default from the --out extension',
    },
    derive: {
      vi: 'Thêm các chỉ số tính được từ số liệu đã nêu (đánh dấu "tính toán"); mặc định chỉ trình bày số liệu nguồn',
      en: 'Add the indicators computed from the stated figures (marked "derived"); by default only what the source states',
    },
    force: { vi: 'Ghi đè tệp đã có', en: 'Overwrite an existing file' },
  },
  positionals: { min: 1, max: 1, names: '<report.json>' },
  examples: [
    {
      command: 'lienthong indicators render son-la-2018.report.json --out son-la-2018.html',
      description: {
        vi: 'Trang HTML có bảng, biểu đồ và phát hiện',
        en: 'An HTML page with tables, charts and findings',
      },
    },
    {
      command: 'lienthong indicators render hoa-binh-2019.report.json --out - --derive --lang en',
      description: {
        vi: 'Markdown ra stdout, thêm chỉ số tính được, tiếng Anh',
        en: 'Markdown on stdout, with derived indicators, in English',
      },
    },
  ],
  exitCodes: {
    0: {
      vi: 'đã ghi (kể cả khi báo cáo có lỗi: lỗi nằm trong tài liệu)',
      en: 'written (even when the report has errors: they are in the document)',
    },
    1: {
      vi: 'tệp không phải báo cáo chỉ số đọc được (JSON, mô hình): không ghi gì',
      en: 'the file is not a readable indicator report (JSON, model): nothing written',
    },
    2: {
      vi: 'sai cách dùng, không đọc hoặc không ghi được tệp, tệp đã có (dùng --force)',
      en: 'usage error, a file cannot be read or written, the file exists (use --force)',
    },
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    if (typeof values.out !== 'string' || values.out === '')
      throw new CliError('MISSING_ARGUMENT', {
        vi: 'thiếu --out <tệp.html|tệp.md|->; xem lienthong indicators render --help',
        en: 'missing --out <file.html|file.md|->; see lienthong indicators render --help',
      });
    const out = values.out;
    const format = formatFor(values.format, out);
    const [path = ''] = positionals;
    const outcome = await readIndicatorFile(context.io, path, path);
    if (outcome.readFailure) throw new CliError(outcome.readFailure.code, outcome.readFailure.text);
    const stated = outcome.validation?.indicatorReport;
    if (stated === undefined) {
      await outputOf(context.io.stderr).write(notAnIndicatorReportLine(outcome.report, context.lang));
      return EXIT.failed;
    }
    const report = values.derive === true ? deriveIndicators(stated) : stated;
    const options = { lang: context.lang, issues: outcome.report.issues };
    const document = format === 'html' ? renderReportHtml(report, options) : renderReportMarkdown(report, options);
    await writeOutput(document, out, values.force === true, context);
    return EXIT.ok;
  },
};
