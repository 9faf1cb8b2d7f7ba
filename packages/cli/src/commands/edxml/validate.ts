import type { CommandDefinition, ExitCode } from '../../framework/command';
import { describeIoError } from '../../framework/files';
import { chooseFormat } from '../../framework/format-option';
import { unreadableFileReport } from '../../framework/input-report';
import {
  type FileOutcome,
  REPORT_FORMAT_HELP,
  REPORT_FORMATS,
  VALIDATE_EXIT_2,
  validateFiles,
} from '../../framework/validate-files';
import { openEnvelope } from './read-envelope';

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
  optionValues: { format: REPORT_FORMATS.join('|') },
  optionHelp: {
    strict: {
      vi: 'Chế độ nghiêm ngặt: các lỗi lặt vặt mà trục vẫn chấp nhận (BOM, tiền tố không khai báo, "null"…) thành lỗi',
      en: 'Strict mode: quirks real receivers accept (junk before the declaration, undeclared prefixes, "null" ids, …) become errors',
    },
    format: REPORT_FORMAT_HELP,
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
    2: VALIDATE_EXIT_2,
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    const strict = values.strict === true;
    return validateFiles(positionals, context, {
      format: chooseFormat(values.format, REPORT_FORMATS),
      kind: 'edxml',
      validate: (path, subject) => validateFile(path, subject, strict),
    });
  },
};
