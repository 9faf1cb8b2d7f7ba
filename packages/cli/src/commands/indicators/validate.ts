/*
 * `lienthong indicators validate`: one @lienthong/report report per indicator report file, in text, JSON,
 * JUnit or SARIF — the same outputs and exit codes as `edxml validate`.
 */
import type { CommandDefinition, ExitCode } from '../../framework/command';
import { chooseFormat } from '../../framework/format-option';
import { REPORT_FORMAT_HELP, REPORT_FORMATS, VALIDATE_EXIT_2, validateFiles } from '../../framework/validate-files';
import { INDICATOR_REPORT_KIND, readIndicatorFile } from './read-indicator-file';

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
  optionValues: { format: REPORT_FORMATS.join('|') },
  optionHelp: {
    strict: {
      vi: 'Chế độ nghiêm ngặt: mọi cảnh báo (số liệu vênh nhau, số gần đúng…) thành lỗi',
      en: 'Strict mode: every warning (figures that disagree, approximate figures, …) becomes an error',
    },
    format: REPORT_FORMAT_HELP,
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
    2: VALIDATE_EXIT_2,
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    const strict = values.strict === true;
    return validateFiles(positionals, context, {
      format: chooseFormat(values.format, REPORT_FORMATS),
      kind: INDICATOR_REPORT_KIND,
      validate: (path, subject) => readIndicatorFile(context.io, path, subject, { strict }),
    });
  },
};
