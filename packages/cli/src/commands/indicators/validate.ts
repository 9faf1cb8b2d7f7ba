/*
 * `lienthong indicators validate`: one @lienthong/report report per indicator report file, in text, JSON,
 * JUnit or SARIF — the same outputs and exit codes as `edxml validate`.
 */
import { formatJson, formatJUnit, formatSarif, formatText, type Report } from '@lienthong/report';
import { type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { expandInputs } from '../../framework/files';
import { chooseFormat } from '../../framework/format-option';
import { unmatchedPatternReport } from '../../framework/input-report';
import { outputOf } from '../../framework/output';
import { CLI_NAME, CLI_VERSION } from '../../version';
import { INDICATOR_REPORT_KIND, readIndicatorFile } from './read-indicator-file';

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;

export const validateCommand: CommandDefinition = {
  path: ['indicators', 'validate'],
  summary: {
    vi: 'Kiểm tra báo cáo chỉ số (JSON) theo danh mục chỉ số và tính nhất quán của số liệu',
    en: 'Validate indicator reports (JSON) against the catalogue and for consistent figures',
  },
  usage: 'indicators validate <report.json or globs…> [--strict] [--format text|json|junit|sarif]',
  options: {
    strict: { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  optionValues: { format: FORMATS.join('|') },
  optionHelp: {
    strict: {
      vi: 'Chế độ nghiêm ngặt: mọi cảnh báo (số liệu vênh nhau, số gần đúng…) thành lỗi',
      en: 'Strict mode: every warning (figures that disagree, approximate figures, …) becomes an error',
    },
    format: {
      vi: 'Định dạng báo cáo: text (cho người đọc), json, junit (CI) hoặc sarif (quét mã)',
      en: 'Report format: text (for people), json, junit (CI servers) or sarif (code scanning)',
    },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: '<report.json or globs…>' },
  examples: [
    {
      command: 'lienthong indicators validate son-la-2018.report.json',
      description: { vi: 'Kiểm tra một báo cáo', en: 'Validate one report' },
    },
    {
      command: "lienthong indicators validate 'bao-cao/**/*.report.json' --strict --format junit > chi-so.junit.xml",
      description: {
        vi: 'Kiểm tra nghiêm ngặt mọi báo cáo trong bao-cao/, báo cáo JUnit cho CI',
        en: 'Validate every report under bao-cao/ strictly, JUnit report for CI',
      },
    },
    {
      command: 'lienthong indicators validate *.report.json --format json --lang en',
      description: { vi: 'Báo cáo JSON, thông báo tiếng Anh', en: 'JSON report, messages in English' },
    },
  ],
  exitCodes: {
    0: { vi: 'mọi báo cáo hợp lệ (có thể có cảnh báo)', en: 'every report is valid (warnings allowed)' },
    1: { vi: 'có báo cáo không hợp lệ', en: 'a report is invalid' },
    2: {
      vi: 'sai cách dùng, hoặc có tệp không đọc được / mẫu không khớp tệp nào (báo cáo vẫn đầy đủ)',
      en: 'usage error, or a file could not be read / a pattern matched nothing (the report is still complete)',
    },
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    const format = chooseFormat(values.format, FORMATS);
    const strict = values.strict === true;
    const stdout = outputOf(context.io.stdout);
    const stderr = outputOf(context.io.stderr);
    const reports: Report[] = [];
    let inputFailed = false;
    for (const input of await expandInputs(positionals, context.io.cwd)) {
      if (input.kind === 'unmatched') {
        inputFailed = true;
        reports.push(unmatchedPatternReport(input.pattern, INDICATOR_REPORT_KIND));
        await stderr.write(
          context.lang === 'vi'
            ? `lienthong: không có tệp nào khớp mẫu ${input.pattern} (NO_FILES_MATCHED)\n`
            : `lienthong: no file matches the pattern ${input.pattern} (NO_FILES_MATCHED)\n`,
        );
        continue;
      }
      const { report, readFailure } = await readIndicatorFile(context.io, input.path, input.display, { strict });
      if (readFailure) {
        inputFailed = true;
        await stderr.write(`lienthong: ${readFailure.text[context.lang]} (${readFailure.code})\n`);
      }
      reports.push(report);
    }
    const generator = { name: CLI_NAME, version: CLI_VERSION };
    switch (format) {
      case 'json':
        await stdout.write(formatJson(reports, { pretty: true, generator }));
        break;
      case 'junit':
        await stdout.write(formatJUnit(reports, { lang: context.lang }));
        break;
      case 'sarif':
        await stdout.write(
          `${formatSarif(reports, { lang: context.lang, toolName: 'lienthong', toolVersion: CLI_VERSION })}\n`,
        );
        break;
      default: {
        const shown = context.quiet ? reports.filter((report) => !report.valid) : reports;
        if (shown.length > 0) await stdout.write(formatText(shown, { lang: context.lang, color: context.color }));
      }
    }
    if (inputFailed) return EXIT.usage;
    return reports.every((report) => report.valid) ? EXIT.ok : EXIT.failed;
  },
};
