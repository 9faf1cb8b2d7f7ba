import { formatJson, formatJUnit, formatSarif, formatText, type Report } from '@lienthong/report';
import { type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { describeIoError, expandInputs } from '../../framework/files';
import { chooseFormat } from '../../framework/format-option';
import { unmatchedPatternReport, unreadableFileReport } from '../../framework/input-report';
import { outputOf } from '../../framework/output';
import { CLI_NAME, CLI_VERSION } from '../../version';
import { openEnvelope } from './read-envelope';

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;

interface FileOutcome {
  readonly report: Report;
  /** The one-line reason when the file could not be read at all. */
  readonly readFailure?: ReturnType<typeof describeIoError>;
}

async function validateFile(path: string, subject: string, strict: boolean): Promise<FileOutcome> {
  try {
    const { reader } = await openEnvelope(path, { subject, mode: strict ? 'strict' : 'tolerant' });
    // Payload bytes are not needed here; the reader discards what is not read and still checks it.
    for await (const _part of reader) {
    }
    return { report: (await reader.result).report };
  } catch (error) {
    // Only the file system's errors (with an errno code) are the input's fault; anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    return { report: unreadableFileReport(subject, 'edxml', error), readFailure: describeIoError(error, subject) };
  }
}

export const validateCommand: CommandDefinition = {
  path: ['edxml', 'validate'],
  summary: {
    vi: 'Kiểm tra tệp edXML theo QCVN 102:2016 và in báo cáo',
    en: 'Validate edXML files against QCVN 102:2016 and print a report',
  },
  usage: 'edxml validate <files or globs…> [--strict] [--format text|json|junit|sarif]',
  options: {
    strict: { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  optionValues: { format: FORMATS.join('|') },
  optionHelp: {
    strict: {
      vi: 'Chế độ nghiêm ngặt: các lỗi lặt vặt mà trục vẫn chấp nhận (BOM, tiền tố không khai báo, "null"…) thành lỗi',
      en: 'Strict mode: quirks real receivers accept (junk before the declaration, undeclared prefixes, "null" ids, …) become errors',
    },
    format: {
      vi: 'Định dạng báo cáo: text (cho người đọc), json, junit (CI) hoặc sarif (quét mã)',
      en: 'Report format: text (for people), json, junit (CI servers) or sarif (code scanning)',
    },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: '<files or globs…>' },
  examples: [
    {
      command: 'lienthong edxml validate van-ban.edxml',
      description: { vi: 'Kiểm tra một tệp', en: 'Validate one file' },
    },
    {
      command: "lienthong edxml validate 'inbox/**/*.edxml' --strict --format junit > edxml.junit.xml",
      description: {
        vi: 'Kiểm tra nghiêm ngặt mọi tệp trong inbox/, báo cáo JUnit cho CI',
        en: 'Validate every file under inbox/ strictly, JUnit report for CI',
      },
    },
    {
      command: 'lienthong edxml validate *.edxml --format json --lang en',
      description: { vi: 'Báo cáo JSON, thông báo tiếng Anh', en: 'JSON report, messages in English' },
    },
  ],
  exitCodes: {
    0: { vi: 'mọi tệp hợp lệ (có thể có cảnh báo)', en: 'every file is valid (warnings allowed)' },
    1: { vi: 'có tệp không hợp lệ', en: 'a file is invalid' },
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
        reports.push(unmatchedPatternReport(input.pattern, 'edxml'));
        await stderr.write(
          context.lang === 'vi'
            ? `lienthong: không có tệp nào khớp mẫu ${input.pattern} (NO_FILES_MATCHED)\n`
            : `lienthong: no file matches the pattern ${input.pattern} (NO_FILES_MATCHED)\n`,
        );
        continue;
      }
      const { report, readFailure } = await validateFile(input.path, input.display, strict);
      if (readFailure) {
        inputFailed = true;
        await stderr.write(`lienthong: ${readFailure.text[context.lang]} (${readFailure.code})\n`);
      }
      reports.push(report);
    }
    const color = context.color;
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
        if (shown.length > 0) await stdout.write(formatText(shown, { lang: context.lang, color }));
      }
    }
    if (inputFailed) return EXIT.usage;
    return reports.every((report) => report.valid) ? EXIT.ok : EXIT.failed;
  },
};
