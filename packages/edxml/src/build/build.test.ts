import { describe, expect, it } from 'vitest';
import { FROM, SAMPLE_PDF, SAMPLE_TEXT, TO } from '../../test/sample-files';
import { decodeAttachment } from '../attachment/decode';
import { EdxmlError } from '../errors';
import { KNOWN_STATUS_CODES } from '../lifecycle/status-codes';
import { parseEdxml, validateMessage } from '../parse/parse-edxml';
import { serializeEdxml, serializeEdxmlToBytes } from '../serialize/serialize';
import { createDocument } from './create-document';
import { createDocumentStream } from './create-document-stream';
import { createStatus, responseForOf } from './create-status';

const base = {
  from: FROM,
  to: [TO],
  code: { codeNumber: '12', codeNotation: 'UBND-TH' },
  promulgation: { place: 'Nghệ An', date: '2025/01/15' },
  subject: 'V/v báo cáo tình hình triển khai',
  documentType: { type: '1', typeName: 'Công văn' },
  signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
  sentAt: new Date('2025-01-15T02:30:00Z'),
} as const;

describe('createDocument', () => {
  it('builds a valid document: DocumentId by convention, trace stamped in Vietnam time, manifest matching attachments', () => {
    const message = createDocument({ ...base, attachments: [{ name: '12-UBND-TH.pdf', data: SAMPLE_PDF }] });
    expect(message.header.documentId).toBe('000.00.00.H41,2025/01/15,12/UBND-TH');
    // 02:30 UTC is 09:30 in Vietnam, whatever the machine's time zone.
    expect(message.traceHeaderList?.traceHeaders).toEqual([
      { organId: '000.00.00.H41', timestamp: '2025/01/15 09:30:00' },
    ]);
    expect(message.traceHeaderList?.business).toMatchObject({ businessDocType: '0', paper: '0' });
    const [reference] = message.manifest?.references ?? [];
    const [attachment] = message.attachments;
    expect(reference?.contentId).toMatch(/^cid:[0-9a-f-]{36}$/);
    expect(attachment?.contentId).toBe(reference?.contentId);
    expect(reference).toMatchObject({ contentType: 'application/pdf', attachmentName: '12-UBND-TH.pdf' });
    const report = validateMessage(message);
    expect(report.issues).toEqual([]);
    expect(report.valid).toBe(true);
    expect(parseEdxml(serializeEdxml(message)).message).toEqual(message);
  });

  it('accepts dates as local dates or instants, converted to Vietnam local dates', () => {
    const message = createDocument({
      ...base,
      promulgation: { date: new Date('2025-01-14T18:00:00Z') }, // 01:00 on 15 January in Vietnam
      dueDate: { year: 2025, month: 1, day: 30 },
      attachments: [{ name: 'a.pdf', data: SAMPLE_PDF }],
    });
    expect(message.header.promulgationInfo?.promulgationDate).toBe('2025/01/15');
    expect(message.header.dueDate).toBe('2025/01/30');
  });

  it('zips non-PDF files like the VNPT SDK when asked, and decodeAttachment restores them', () => {
    const message = createDocument({
      ...base,
      zipLikeVnpt: true,
      attachments: [
        { name: 'ghi chú.txt', data: SAMPLE_TEXT },
        { name: 'van-ban.pdf', data: SAMPLE_PDF },
      ],
    });
    const [text, pdf] = message.attachments;
    expect(text?.contentType).toBe('application/zip');
    expect(message.manifest?.references[0]?.contentType).toBe('text/plain');
    expect(pdf?.contentType).toBe('application/pdf');
    const decoded = decodeAttachment(text!, { reference: message.manifest?.references[0] });
    expect(decoded).toMatchObject({ ok: true, unzipped: true, name: 'ghi chú.txt', contentType: 'text/plain' });
    expect(decoded.ok && Buffer.from(decoded.data).equals(Buffer.from(SAMPLE_TEXT))).toBe(true);
    expect(validateMessage(message).valid).toBe(true);
  });

  it('builds revocations, updates and replacements that pass their rules', () => {
    const target = '000.00.00.H41,2025/01/10,10/UBND-TH';
    const revocation = createDocument({
      ...base,
      responseFor: [
        { organId: '000.00.00.H41', code: '10/UBND-TH', promulgationDate: '2025/01/10', documentId: target },
      ],
      business: { operation: 'revocation', documentId: target },
      attachments: [{ name: 'thu-hoi.pdf', data: SAMPLE_PDF }],
    });
    expect(validateMessage(revocation).issues).toEqual([]);
    const update = createDocument({
      ...base,
      business: {
        operation: 'update',
        documentId: target,
        documentInfo: {
          documentInfo: '1',
          documentReceiver: '1',
          receiverList: [{ organId: '000.00.00.H14', receiverType: '1' }],
        },
      },
      attachments: [{ name: 'cap-nhat.pdf', data: SAMPLE_PDF }],
    });
    expect(validateMessage(update).issues).toEqual([]);
    const replacement = createDocument({
      ...base,
      business: {
        operation: 'replacement',
        documentId: target,
        replacementInfoList: [{ documentId: target, organIdList: ['000.00.00.G22'] }],
      },
      attachments: [{ name: 'thay-the.pdf', data: SAMPLE_PDF }],
    });
    expect(validateMessage(replacement).issues).toEqual([]);
  });

  it('refuses, as programmer errors, no recipient and an operation without its target', () => {
    expect(() => createDocument({ ...base, to: [] })).toThrowError(EdxmlError);
    expect(() => createDocument({ ...base, business: { operation: 'revocation' } })).toThrowError(/documentId/);
  });
});

describe('createStatus', () => {
  const document = createDocument({ ...base, attachments: [{ name: 'a.pdf', data: SAMPLE_PDF }] });

  it.each(KNOWN_STATUS_CODES)('builds a valid status %s in the right direction', (code) => {
    // 13 (take back) is sent by the original sender; every other status by the recipient.
    const from = code === '13' ? FROM : TO;
    const status = createStatus({
      code,
      from,
      about: document,
      description: 'Lý do: văn bản cần chỉnh sửa',
      at: new Date('2025-01-16T01:00:00Z'),
    });
    expect(status.header.responseFor).toEqual(responseForOf(document));
    expect(status.header.timestamp).toBe('2025/01/16 08:00:00');
    const report = validateMessage(status);
    expect(report.issues).toEqual([]);
    expect(parseEdxml(serializeEdxml(status)).message).toEqual(status);
  });

  it('reports a status sent in the wrong direction', () => {
    const status = createStatus({ code: '03', from: FROM, about: document });
    expect(validateMessage(status).issues.map((issue) => issue.ruleId)).toEqual(['EDXML-STA-005']);
  });

  it('needs a reason for rejection, take-back and refusal', () => {
    for (const code of ['02', '13', '16'] as const) {
      expect(() => createStatus({ code, from: TO, about: document })).toThrowError(/reason/);
    }
    expect(() => createStatus({ code: '99' as '01', from: TO, about: document })).toThrowError(EdxmlError);
  });
});

describe('createDocumentStream', () => {
  it('writes the bytes createDocument would, reading attachments from streams', async () => {
    async function* pieces(bytes: Uint8Array) {
      for (let at = 0; at < bytes.length; at += 7) yield bytes.subarray(at, at + 7);
    }
    const files = [
      { name: 'a.pdf', contentId: 'cid:a' },
      { name: 'b.pdf', contentId: 'cid:b', description: 'Phụ lục' },
    ];
    const streamed = createDocumentStream({
      ...base,
      attachments: files.map((file) => ({ ...file, data: pieces(SAMPLE_PDF) })),
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamed.write()) chunks.push(chunk);
    const inMemory = createDocument({ ...base, attachments: files.map((file) => ({ ...file, data: SAMPLE_PDF })) });
    expect(Buffer.concat(chunks).equals(Buffer.from(serializeEdxmlToBytes(inMemory)))).toBe(true);
    expect(streamed.message.manifest?.references.map((reference) => reference.contentId)).toEqual(['cid:a', 'cid:b']);
    expect(validateMessage(inMemory).valid).toBe(true);
  });
});
