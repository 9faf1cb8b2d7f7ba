import { resolve } from 'node:path';
import {
  createStatus,
  type DocumentMessage,
  isKnownStatusCode,
  KNOWN_STATUS_CODES,
  STATUS_CODES,
} from '@lienthong/edxml';
import { CliError, type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { ioError } from '../../framework/files';
import { outputOf } from '../../framework/output';
import { openEnvelope } from './read-envelope';
import { SIGNING_OPTION_HELP, SIGNING_OPTIONS } from './signing';
import { parseOrganization, requireString, writeEnvelope } from './write-envelope';

const COMMAND = 'edxml status';
/** The codes whose status must say why (rejection, cancellation request, refused change). */
const NEEDS_REASON: ReadonlySet<string> = new Set(['02', '13', '16']);

/** The document a status answers, read by stream (its attachments are not needed, only its header). */
async function readDocument(path: string, cwd: string): Promise<DocumentMessage | undefined> {
  let opened: Awaited<ReturnType<typeof openEnvelope>>;
  try {
    opened = await openEnvelope(resolve(cwd, path), { subject: path });
  } catch (error) {
    throw ioError(error, path);
  }
  for await (const _part of opened.reader) {
  }
  const { message } = await opened.reader.result;
  return message?.kind === 'document' ? message : undefined;
}

const codeList = KNOWN_STATUS_CODES.map((code) => code).join(', ');

export const statusCommand: CommandDefinition = {
  path: ['edxml', 'status'],
  summary: {
    vi: 'Tạo gói tin trạng thái trả lời một văn bản đã nhận',
    en: 'Build a status packet answering a received document',
  },
  usage: 'edxml status --reply-to <file> --code <NN> [--from <id[=name]>] [--description <text>] [--out <file>]',
  options: {
    'reply-to': { type: 'string' },
    code: { type: 'string' },
    from: { type: 'string' },
    description: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...SIGNING_OPTIONS,
  },
  optionValues: {
    'reply-to': 'file',
    code: 'NN',
    from: 'id[=name]',
    description: 'text',
    out: 'file',
    key: 'pem',
    cert: 'pem',
    p12: 'file',
    password: 'text',
  },
  optionHelp: {
    'reply-to': { vi: 'Tệp edXML của văn bản được trả lời', en: 'edXML file of the document answered' },
    code: {
      vi: `Mã trạng thái: ${KNOWN_STATUS_CODES.map((code) => `${code} ${STATUS_CODES[code].label.vi}`).join(', ')}`,
      en: `Status code: ${KNOWN_STATUS_CODES.map((code) => `${code} ${STATUS_CODES[code].label.en}`).join(', ')}`,
    },
    from: {
      vi: 'Đơn vị gửi trạng thái (mặc định: nơi nhận đầu tiên của văn bản)',
      en: 'Unit sending the status (default: the first recipient of the document)',
    },
    description: {
      vi: 'Mô tả; bắt buộc với 02, 13, 16 (lý do). Mặc định: tên trạng thái',
      en: 'Description; required for 02, 13, 16 (the reason). Default: the status name',
    },
    out: { vi: 'Tệp edXML sẽ ghi (mặc định: in ra stdout)', en: 'edXML file to write (default: stdout)' },
    ...SIGNING_OPTION_HELP,
  },
  positionals: { min: 0, max: 0, names: '' },
  examples: [
    {
      command: 'lienthong edxml status --reply-to van-ban.edxml --code 03 --out da-tiep-nhan.edxml',
      description: { vi: 'Báo đã tiếp nhận văn bản', en: 'Report the document as accepted' },
    },
    {
      command:
        "lienthong edxml status --reply-to van-ban.edxml --code 02 --description 'Sai thẩm quyền' --out tu-choi.edxml",
      description: { vi: 'Từ chối tiếp nhận, nêu lý do', en: 'Reject the document, giving the reason' },
    },
  ],
  exitCodes: {
    0: { vi: 'đã ghi gói tin', en: 'the envelope was written' },
    1: {
      vi: 'tệp --reply-to không phải văn bản edXML, hoặc gói tin tạo ra không hợp lệ',
      en: 'the --reply-to file is not an edXML document, or the built envelope is invalid',
    },
    2: { vi: 'sai cách dùng, thiếu tệp, hoặc không ký được', en: 'usage error, a missing file, or signing failed' },
  },
  async run({ values }, context): Promise<ExitCode> {
    const replyTo = requireString(values['reply-to'], '--reply-to', COMMAND);
    const code = requireString(values.code, '--code', COMMAND);
    if (!isKnownStatusCode(code))
      throw new CliError('INVALID_OPTION_VALUE', {
        vi: `--code phải là một trong ${codeList}, không phải "${code}"`,
        en: `--code must be one of ${codeList}, not "${code}"`,
      });
    const description = typeof values.description === 'string' ? values.description : undefined;
    if (NEEDS_REASON.has(code) && (description === undefined || description.trim() === ''))
      throw new CliError('MISSING_ARGUMENT', {
        vi: `trạng thái ${code} (${STATUS_CODES[code].label.vi}) cần --description nêu lý do`,
        en: `status ${code} (${STATUS_CODES[code].label.en}) needs --description giving the reason`,
      });
    const document = await readDocument(replyTo, context.io.cwd);
    if (document === undefined) {
      await outputOf(context.io.stderr).write(
        context.lang === 'vi'
          ? `lienthong: ${replyTo} không phải văn bản edXML đọc được; xem lienthong edxml validate ${replyTo} (NOT_EDXML_DOCUMENT)\n`
          : `lienthong: ${replyTo} is not a readable edXML document; see lienthong edxml validate ${replyTo} (NOT_EDXML_DOCUMENT)\n`,
      );
      return EXIT.failed;
    }
    const firstRecipient = document.header.to[0];
    const from =
      typeof values.from === 'string'
        ? parseOrganization(values.from, '--from')
        : (firstRecipient ?? requireString(undefined, '--from', COMMAND));
    if (typeof from === 'string') throw new Error('unreachable');
    const status = createStatus({
      code,
      from:
        from.organName === undefined ? { organId: from.organId } : { organId: from.organId, organName: from.organName },
      about: document,
      ...(description === undefined ? {} : { description }),
    });
    return writeEnvelope(status, values, context);
  },
};
