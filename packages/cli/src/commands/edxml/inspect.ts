import { resolve } from 'node:path';
import { detectContentKind, type EdxmlMessage, statusCodeInfo } from '@lienthong/edxml';
import type { Report } from '@lienthong/report';
import { paint } from '../../framework/color';
import { type CommandDefinition, EXIT, type ExitCode, type Language } from '../../framework/command';
import { describeIoError } from '../../framework/files';
import { chooseFormat } from '../../framework/format-option';
import { outputOf } from '../../framework/output';
import { formatBytes } from '../../framework/text';
import { INSPECT_FORMAT_VERSION, type InspectAttachment, type InspectResult } from './inspect-model';
import { measurePayload, type PayloadFacts } from './payload-tap';
import { openEnvelope } from './read-envelope';

function codeOf(code: { codeNumber?: string; codeNotation?: string } | undefined): string | undefined {
  if (code?.codeNumber === undefined && code?.codeNotation === undefined) return undefined;
  return [code.codeNumber, code.codeNotation].filter((part) => part !== undefined).join('/');
}

function organization(organ: { organId: string; organName?: string | undefined }) {
  return organ.organName === undefined
    ? { organId: organ.organId }
    : { organId: organ.organId, organName: organ.organName };
}

/** Drops undefined values, so the JSON has no `"x": undefined` holes and the schema sees only what is there. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function summarize(
  file: string,
  size: number,
  message: EdxmlMessage | undefined,
  report: Report,
  payloads: readonly PayloadFacts[],
): InspectResult {
  const errors = report.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => defined({ ruleId: issue.ruleId, message: issue.message, path: issue.location?.path }));
  const base = {
    formatVersion: INSPECT_FORMAT_VERSION,
    file,
    size,
    valid: report.valid,
    counts: report.counts,
    errors,
  } as const;
  if (message === undefined) return { ...base, kind: null, recipients: [], signed: false, attachments: [] };
  const signed = message.signature?.xml.includes('SignatureValue') === true;
  if (message.kind === 'status') {
    const { header } = message;
    const info = header.statusCode === undefined ? undefined : statusCodeInfo(header.statusCode);
    return {
      ...base,
      kind: 'status',
      header: defined({
        from: organization(header.from),
        timestamp: header.timestamp,
        responseFor: header.responseFor === undefined ? undefined : [defined({ ...header.responseFor })],
      }),
      recipients: [],
      ...(header.statusCode === undefined
        ? {}
        : { status: defined({ code: header.statusCode, label: info?.label, description: header.description }) }),
      signed,
      attachments: [],
    };
  }
  const { header } = message;
  const references = message.manifest?.references ?? [];
  const attachments: InspectAttachment[] = message.attachments.map((attachment, index) => {
    const reference = references.find((candidate) => candidate.contentId === attachment.contentId);
    const facts = payloads[index] ?? { size: 0, head: new Uint8Array() };
    return defined({
      number: index + 1,
      name: attachment.attachmentName ?? reference?.attachmentName,
      contentId: attachment.contentId,
      contentType: attachment.contentType ?? reference?.contentType,
      description: attachment.description ?? reference?.description,
      size: facts.size,
      detectedType: detectContentKind(facts.head),
    });
  });
  return {
    ...base,
    kind: 'document',
    header: defined({
      from: organization(header.from),
      documentId: header.documentId,
      code: codeOf(header.code),
      subject: header.subject,
      documentType: header.documentType?.typeName ?? header.documentType?.type,
      promulgationPlace: header.promulgationInfo?.place,
      promulgationDate: header.promulgationInfo?.promulgationDate,
      signer: header.signerInfo?.fullName,
      dueDate: header.dueDate,
      responseFor: header.responseFor.length === 0 ? undefined : header.responseFor.map((item) => defined({ ...item })),
    }),
    recipients: header.to.map(organization),
    signed,
    attachments,
  };
}

const LABELS = {
  file: { vi: 'Tệp', en: 'File' },
  kind: { vi: 'Loại gói tin', en: 'Packet' },
  verdict: { vi: 'Kết quả', en: 'Verdict' },
  from: { vi: 'Nơi gửi', en: 'From' },
  to: { vi: 'Nơi nhận', en: 'To' },
  documentId: { vi: 'Mã văn bản', en: 'DocumentId' },
  code: { vi: 'Số, ký hiệu', en: 'Number' },
  subject: { vi: 'Trích yếu', en: 'Subject' },
  documentType: { vi: 'Loại văn bản', en: 'Type' },
  promulgation: { vi: 'Ban hành', en: 'Promulgated' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  dueDate: { vi: 'Hạn xử lý', en: 'Due' },
  status: { vi: 'Trạng thái', en: 'Status' },
  timestamp: { vi: 'Thời điểm', en: 'Sent at' },
  responseFor: { vi: 'Trả lời cho', en: 'In reply to' },
  signature: { vi: 'Chữ ký số', en: 'Signature' },
  attachments: { vi: 'Tệp đính kèm', en: 'Attachments' },
} as const;

function renderText(result: InspectResult, lang: Language, color: boolean): string {
  const rows: [string, string][] = [];
  const add = (label: { vi: string; en: string }, value: string | undefined) => {
    if (value !== undefined && value !== '') rows.push([label[lang], value]);
  };
  const organ = (o: { organId: string; organName?: string }) =>
    o.organName ? `${o.organId} ${o.organName}` : o.organId;
  add(LABELS.file, `${result.file} (${formatBytes(result.size ?? 0, lang)})`);
  const kindText = { document: { vi: 'văn bản', en: 'document' }, status: { vi: 'trạng thái', en: 'status' } };
  add(
    LABELS.kind,
    result.kind === null ? (lang === 'vi' ? 'không đọc được' : 'unreadable') : kindText[result.kind][lang],
  );
  const verdict = result.valid ? (lang === 'vi' ? 'HỢP LỆ' : 'VALID') : lang === 'vi' ? 'KHÔNG HỢP LỆ' : 'INVALID';
  const counts =
    lang === 'vi'
      ? `${result.counts.error} lỗi, ${result.counts.warning} cảnh báo, ${result.counts.info} thông tin`
      : `${result.counts.error} errors, ${result.counts.warning} warnings, ${result.counts.info} info`;
  add(LABELS.verdict, `${paint(verdict, result.valid ? 'green' : 'red', color)} — ${counts}`);
  const header = result.header;
  if (header) {
    add(LABELS.from, organ(header.from));
    result.recipients.forEach((recipient, index) => {
      add(index === 0 ? LABELS.to : { vi: '', en: '' }, organ(recipient));
    });
    add(LABELS.documentId, header.documentId);
    add(LABELS.code, header.code);
    add(LABELS.subject, header.subject);
    add(LABELS.documentType, header.documentType);
    add(
      LABELS.promulgation,
      [header.promulgationDate, header.promulgationPlace].filter((part) => part !== undefined).join(', ') || undefined,
    );
    add(LABELS.signer, header.signer);
    add(LABELS.dueDate, header.dueDate);
    add(LABELS.timestamp, header.timestamp);
    for (const item of header.responseFor ?? [])
      add(
        LABELS.responseFor,
        item.documentId ?? [item.organId, item.code, item.promulgationDate].filter(Boolean).join(', '),
      );
  }
  if (result.status)
    add(LABELS.status, `${result.status.code}${result.status.label ? ` — ${result.status.label[lang]}` : ''}`);
  if (result.kind !== null)
    add(LABELS.signature, result.signed ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no');
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, value]) => `${paint(label.padEnd(width), 'bold', color && label !== '')}${value}`);
  if (result.attachments.length > 0) {
    lines.push(`${paint(LABELS.attachments[lang], 'bold', color)}:`);
    for (const attachment of result.attachments) {
      const declared = attachment.contentType ?? '?';
      lines.push(
        `  ${attachment.number}. ${attachment.name ?? '?'}  ${formatBytes(attachment.size, lang)}  ${declared}  → ${attachment.detectedType}`,
      );
    }
  }
  for (const error of result.errors)
    lines.push(`${paint(lang === 'vi' ? 'lỗi' : 'error', 'red', color)}  ${error.ruleId}  ${error.message[lang]}`);
  return `${lines.join('\n')}\n`;
}

export const inspectCommand: CommandDefinition = {
  path: ['edxml', 'inspect'],
  summary: {
    vi: 'Xem tóm tắt một tệp edXML: tiêu đề, nơi nhận, trạng thái, tệp đính kèm',
    en: 'Summarise an edXML file: header, recipients, status, attachments',
  },
  usage: 'edxml inspect <file> [--format text|json]',
  options: { format: { type: 'string', default: 'text' } },
  optionValues: { format: 'text|json' },
  optionHelp: {
    format: {
      vi: 'text (cho người đọc) hoặc json (theo schema/edxml-inspect.schema.json)',
      en: 'text (for people) or json (as described by schema/edxml-inspect.schema.json)',
    },
  },
  positionals: { min: 1, max: 1, names: '<file>' },
  examples: [
    { command: 'lienthong edxml inspect van-ban.edxml', description: { vi: 'Tóm tắt tệp', en: 'Summarise the file' } },
    {
      command: "lienthong edxml inspect van-ban.edxml --format json | jq '.attachments[].name'",
      description: { vi: 'Tên các tệp đính kèm', en: 'The names of the attachments' },
    },
  ],
  exitCodes: {
    0: { vi: 'đã đọc được gói tin (kể cả khi không hợp lệ)', en: 'the envelope was read (even when invalid)' },
    1: { vi: 'tệp không chứa gói tin edXML đọc được', en: 'the file holds no readable edXML envelope' },
    2: { vi: 'sai cách dùng hoặc không đọc được tệp', en: 'usage error or the file cannot be read' },
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    const format = chooseFormat(values.format, ['text', 'json'] as const);
    const [path] = positionals as [string];
    const stdout = outputOf(context.io.stdout);
    let result: InspectResult;
    try {
      const { reader, size } = await openEnvelope(resolve(context.io.cwd, path), { subject: path });
      const payloads: PayloadFacts[] = [];
      for await (const part of reader)
        if (part.type === 'attachment') payloads[part.index] = await measurePayload(part.bytes);
      const { message, report } = await reader.result;
      result = summarize(path, size, message, report, payloads);
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
      const failure = describeIoError(error, path);
      await outputOf(context.io.stderr).write(`lienthong: ${failure.text[context.lang]} (${failure.code})\n`);
      if (format === 'json') {
        const failed: InspectResult = {
          formatVersion: INSPECT_FORMAT_VERSION,
          file: path,
          kind: null,
          valid: false,
          counts: { error: 1, warning: 0, info: 0 },
          errors: [{ ruleId: 'CLI-IO-001', message: failure.text }],
          recipients: [],
          signed: false,
          attachments: [],
          error: { code: failure.code, message: failure.text },
        };
        await stdout.write(`${JSON.stringify(failed, null, 2)}\n`);
      }
      return EXIT.usage;
    }
    await stdout.write(
      format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result, context.lang, context.color),
    );
    return result.kind === null ? EXIT.failed : EXIT.ok;
  },
};
