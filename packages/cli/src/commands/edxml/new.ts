import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type AttachmentInput, createDocument, EdxmlError } from '@lienthong/edxml';
import { CliError, type CommandDefinition, type ExitCode } from '../../framework/command';
import { ioError } from '../../framework/files';
import { SIGNING_OPTION_HELP, SIGNING_OPTIONS } from './signing';
import { parseOrganization, requireString, writeEnvelope } from './write-envelope';

const COMMAND = 'edxml new';

function parseCode(value: string): { codeNumber: string; codeNotation: string } {
  const slash = value.indexOf('/');
  const codeNumber = slash < 0 ? '' : value.slice(0, slash).trim();
  const codeNotation = slash < 0 ? '' : value.slice(slash + 1).trim();
  if (codeNumber === '' || codeNotation === '')
    throw new CliError('INVALID_OPTION_VALUE', {
      vi: `--code phải có dạng SỐ/KÝ-HIỆU (ví dụ 12/UBND-TH), không phải "${value}"`,
      en: `--code must be NUMBER/NOTATION (e.g. 12/UBND-TH), not "${value}"`,
    });
  return { codeNumber, codeNotation };
}

function parseDate(value: string): string {
  if (/^\d{4}\/\d{2}\/\d{2}$/.test(value)) return value;
  throw new CliError('INVALID_OPTION_VALUE', {
    vi: `--date phải có dạng yyyy/MM/dd (ví dụ 2025/01/15), không phải "${value}"`,
    en: `--date must be yyyy/MM/dd (e.g. 2025/01/15), not "${value}"`,
  });
}

function parseType(value: string): { type: string; typeName?: string } {
  const separator = value.indexOf('=');
  if (separator < 0) return { type: value.trim() };
  return { type: value.slice(0, separator).trim(), typeName: value.slice(separator + 1).trim() };
}

export const newCommand: CommandDefinition = {
  path: ['edxml', 'new'],
  summary: {
    vi: 'Tạo một gói tin văn bản edXML (có thể ký số)',
    en: 'Build an edXML document envelope (optionally signed)',
  },
  usage:
    'edxml new --from <id[=name]> --to <id[=name]>… --code <number/notation> --subject <text> [--attach <file>…] [--out <file>] [--key <pem> --cert <pem> | --p12 <file>]',
  options: {
    from: { type: 'string' },
    to: { type: 'string', multiple: true },
    code: { type: 'string' },
    subject: { type: 'string' },
    type: { type: 'string' },
    date: { type: 'string' },
    place: { type: 'string' },
    signer: { type: 'string' },
    attach: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    ...SIGNING_OPTIONS,
  },
  optionValues: {
    from: 'id[=name]',
    to: 'id[=name]',
    code: 'number/notation',
    subject: 'text',
    type: 'code[=name]',
    date: 'yyyy/MM/dd',
    place: 'text',
    signer: 'name',
    attach: 'file',
    out: 'file',
    key: 'pem',
    cert: 'pem',
    p12: 'file',
    password: 'text',
  },
  optionHelp: {
    from: { vi: 'Đơn vị gửi: mã định danh, có thể kèm =Tên', en: 'Sending unit: its id, optionally =Name' },
    to: { vi: 'Đơn vị nhận (lặp lại cho nhiều nơi nhận)', en: 'Receiving unit (repeat for several)' },
    code: { vi: 'Số và ký hiệu văn bản, ví dụ 12/UBND-TH', en: 'Number and notation, e.g. 12/UBND-TH' },
    subject: { vi: 'Trích yếu nội dung', en: 'Subject' },
    type: {
      vi: 'Loại văn bản: mã, có thể kèm =Tên (ví dụ 1=Công văn)',
      en: 'Document type: code, optionally =Name (e.g. 1=Công văn)',
    },
    date: {
      vi: 'Ngày ban hành yyyy/MM/dd (mặc định: hôm nay theo giờ Việt Nam)',
      en: 'Promulgation date yyyy/MM/dd (default: today in Vietnam time)',
    },
    place: { vi: 'Nơi ban hành', en: 'Place of promulgation' },
    signer: { vi: 'Họ tên người ký văn bản', en: 'Full name of the signer' },
    attach: { vi: 'Tệp đính kèm (lặp lại cho nhiều tệp)', en: 'File to attach (repeat for several)' },
    out: { vi: 'Tệp edXML sẽ ghi (mặc định: in ra stdout)', en: 'edXML file to write (default: stdout)' },
    ...SIGNING_OPTION_HELP,
  },
  positionals: { min: 0, max: 0, names: '' },
  examples: [
    {
      command:
        "lienthong edxml new --from '000.00.00.H41=UBND tỉnh Nghệ An' --to 000.00.00.G22 --code 12/UBND-TH --subject 'V/v báo cáo' --type '1=Công văn' --attach 12-UBND-TH.pdf --out 12-UBND-TH.edxml",
      description: { vi: 'Tạo văn bản kèm một tệp PDF', en: 'Build a document with one PDF attached' },
    },
    {
      command:
        'LIENTHONG_P12_PASSWORD=… lienthong edxml new --from 000.00.00.H41 --to 000.00.00.G22 --code 12/UBND-TH --subject "V/v báo cáo" --p12 don-vi.p12 --out ky.edxml',
      description: { vi: 'Tạo và ký số bằng tệp .p12', en: 'Build and sign with a .p12 file' },
    },
  ],
  exitCodes: {
    0: { vi: 'đã ghi gói tin', en: 'the envelope was written' },
    1: {
      vi: 'gói tin tạo ra không hợp lệ (báo cáo in ra stderr), không ghi',
      en: 'the built envelope is invalid (report on stderr); nothing written',
    },
    2: { vi: 'sai cách dùng, thiếu tệp, hoặc không ký được', en: 'usage error, a missing file, or signing failed' },
  },
  async run({ values }, context): Promise<ExitCode> {
    const from = parseOrganization(requireString(values.from, '--from', COMMAND), '--from');
    const toValues = Array.isArray(values.to)
      ? values.to.filter((item): item is string => typeof item === 'string')
      : [];
    if (toValues.length === 0) requireString(undefined, '--to', COMMAND);
    const to = toValues.map((value) => parseOrganization(value, '--to'));
    const code = parseCode(requireString(values.code, '--code', COMMAND));
    const subject = requireString(values.subject, '--subject', COMMAND);
    const attachments: AttachmentInput[] = [];
    for (const path of Array.isArray(values.attach) ? values.attach : []) {
      if (typeof path !== 'string') continue;
      try {
        attachments.push({ name: basename(path), data: new Uint8Array(await readFile(resolve(context.io.cwd, path))) });
      } catch (error) {
        throw ioError(error, path);
      }
    }
    const place = typeof values.place === 'string' ? values.place : undefined;
    const date = typeof values.date === 'string' ? parseDate(values.date) : new Date();
    try {
      const document = createDocument({
        from,
        to,
        code,
        subject,
        promulgation: place === undefined ? { date } : { date, place },
        ...(typeof values.type === 'string' ? { documentType: parseType(values.type) } : {}),
        ...(typeof values.signer === 'string' ? { signerInfo: { fullName: values.signer } } : {}),
        attachments,
      });
      return await writeEnvelope(document, values, context);
    } catch (error) {
      // The builder refuses values XML cannot carry (a control character in --subject, …).
      if (error instanceof EdxmlError)
        throw new CliError(
          'INVALID_OPTION_VALUE',
          error.code === 'UNSERIALIZABLE_CHARACTER'
            ? {
                vi: 'không tạo được gói tin: một giá trị chứa ký tự điều khiển mà XML không cho phép',
                en: 'cannot build the envelope: a value holds a control character XML cannot carry',
              }
            : { vi: `không tạo được gói tin (${error.code})`, en: `cannot build the envelope: ${error.message}` },
          { cause: error },
        );
      throw error;
    }
  },
};
