import { describe, expect, it } from 'vitest';
import { FROM, SAMPLE_PDF, TO } from '../../test/sample-files';
import { zipSingleFile } from '../attachment/zip-writer';
import { createDocument } from '../build/create-document';
import { createStatus } from '../build/create-status';
import type { DocumentMessage, EdxmlMessage, StatusMessage } from '../model/message';
import { parseEdxml, validateEdxml, validateMessage } from '../parse/parse-edxml';
import { edxmlRules } from '../rules/catalog';
import { serializeEdxml } from '../serialize/serialize';

/** A valid document to break one rule at a time. */
function validDocument(): DocumentMessage {
  return createDocument({
    from: FROM,
    to: [TO],
    code: { codeNumber: '12', codeNotation: 'UBND-TH' },
    promulgation: { place: 'Nghệ An', date: '2025/01/15' },
    subject: 'V/v báo cáo',
    documentType: { type: '1', typeName: 'Công văn' },
    signerInfo: { position: 'Chủ tịch', fullName: 'Nguyễn Văn A' },
    sentAt: new Date('2025-01-15T02:30:00Z'),
    attachments: [{ name: 'a.pdf', data: SAMPLE_PDF, contentId: 'cid:a' }],
  });
}

function validStatus(): StatusMessage {
  return createStatus({ code: '03', from: TO, about: validDocument(), at: new Date('2025-01-16T01:00:00Z') });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const edit = <T>(value: T, change: (draft: T) => void): T => {
  const draft = structuredClone(value);
  change(draft);
  return draft;
};
const xmlOf = (message: EdxmlMessage) => serializeEdxml(message);

type Case = readonly [rule: string, severity: string, path: string | undefined, input: () => EdxmlMessage | string];

/** One case per rule: the smallest change to a valid message that breaks it, and where the finding points. */
const CASES: readonly Case[] = [
  ['EDXML-XML-001', 'error', undefined, () => xmlOf(validDocument()).replace('</edXML:Subject>', '</edXML:Subjec>')],
  ['EDXML-XML-002', 'error', undefined, () => `<!DOCTYPE edXML [<!ENTITY a "x">]>${xmlOf(validDocument()).slice(39)}`],
  ['EDXML-XML-003', 'error', undefined, () => `<a>${'<b>'.repeat(40)}`],
  [
    'EDXML-XML-004',
    'error',
    undefined,
    () => xmlOf(validDocument()).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
  ],
  ['EDXML-XML-005', 'warning', undefined, () => `1212${xmlOf(validDocument())}`],
  [
    'EDXML-XML-006',
    'warning',
    undefined,
    () => xmlOf(validDocument()).replace('<edXML:Reference>', '<edXML:Reference xl:href="">'),
  ],
  ['EDXML-XML-007', 'info', undefined, () => `\uFEFF${xmlOf(validDocument())}`],
  ['EDXML-STR-001', 'error', 'edXML', () => '<edXML xmlns="urn:other"/>'],
  ['EDXML-STR-002', 'error', 'edXML', () => '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>'],
  [
    'EDXML-STR-003',
    'error',
    'MessageHeader/Subject[2]',
    () => xmlOf(validDocument()).replace(/(<edXML:Subject>[^<]*<\/edXML:Subject>)/, '$1$1'),
  ],
  [
    'EDXML-STR-004',
    'warning',
    'MessageHeader/Extra',
    () => xmlOf(validDocument()).replace('<edXML:Subject>', '<edXML:Extra>x</edXML:Extra><edXML:Subject>'),
  ],
  [
    'EDXML-STR-005',
    'warning',
    'MessageHeader/From',
    () =>
      xmlOf(validDocument()).replace(
        /(<edXML:From>[\s\S]*?<\/edXML:From>\n)(\s*<edXML:To>[\s\S]*?<\/edXML:To>\n)/,
        '$2$1',
      ),
  ],
  [
    'EDXML-STR-006',
    'warning',
    'MessageHeader/From',
    () => xmlOf(validDocument()).replace('<edXML:From>', '<edXML:From>chữ lạc'),
  ],
  [
    'EDXML-STR-007',
    'error',
    'MessageHeader/Subject',
    () => xmlOf(validDocument()).replace('V/v báo cáo', 'V/v <edXML:b>báo</edXML:b> cáo'),
  ],
  [
    'EDXML-STR-008',
    'warning',
    'edXMLHeader/Signature',
    () => xmlOf(validDocument()).replace('</edXML:TraceHeaderList>', '</edXML:TraceHeaderList><Signature/>'),
  ],
  [
    'EDXML-STR-009',
    'error',
    'MessageHeader',
    () => xmlOf(validDocument()).replace(/<edXML:To>[\s\S]*<\/edXML:DocumentId>/, ''),
  ],
  ['EDXML-HDR-001', 'error', 'MessageHeader', () => edit(validDocument(), (d) => delete d.header.subject)],
  ['EDXML-HDR-002', 'warning', 'MessageHeader', () => edit(validDocument(), (d) => delete d.header.signerInfo)],
  [
    'EDXML-HDR-003',
    'error',
    'TraceHeaderList/TraceHeader[1]/OrganId',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.traceHeaders[0]!.organId = ' ';
      }),
  ],
  [
    'EDXML-HDR-004',
    'warning',
    'MessageHeader/To[1]/OrganId',
    () =>
      edit(validDocument(), (d) => {
        d.header.to[0]!.organId = 'null';
      }),
  ],
  [
    'EDXML-HDR-005',
    'warning',
    'MessageHeader/To[1]/OrganId',
    () =>
      edit(validDocument(), (d) => {
        d.header.to[0]!.organId = 'vxp.saas.03';
      }),
  ],
  [
    'EDXML-HDR-010',
    'warning',
    'MessageHeader/DocumentId',
    () =>
      edit(validDocument(), (d) => {
        d.header.documentId = '9fbfbad2-f1f8-4256-a2eb-50fb1061cddb';
      }),
  ],
  [
    'EDXML-HDR-011',
    'error',
    'MessageHeader/DocumentId',
    () =>
      edit(validDocument(), (d) => {
        d.header.documentId = '000.00.00.H41,2025/01/16,12/UBND-TH';
      }),
  ],
  [
    'EDXML-HDR-012',
    'error',
    'MessageHeader/DocumentId',
    () =>
      edit(validDocument(), (d) => {
        d.header.promulgationInfo!.promulgationDate = '2023/02/29';
        d.header.documentId = '000.00.00.H41,2023/02/29,12/UBND-TH';
      }),
  ],
  [
    'EDXML-HDR-013',
    'error',
    'TraceHeaderList/TraceHeader[1]/Timestamp',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.traceHeaders[0]!.timestamp = '2025-01-15T09:30:00';
      }),
  ],
  [
    'EDXML-HDR-014',
    'warning',
    'MessageHeader/DueDate',
    () =>
      edit(validDocument(), (d) => {
        d.header.dueDate = '2025/01/01';
      }),
  ],
  [
    'EDXML-HDR-015',
    'error',
    'MessageHeader/DocumentType/Type',
    () =>
      edit(validDocument(), (d) => {
        d.header.documentType!.type = 'Công văn';
      }),
  ],
  [
    'EDXML-HDR-016',
    'warning',
    'MessageHeader/OtherInfo/Priority',
    () =>
      edit(validDocument(), (d) => {
        d.header.otherInfo = { priority: '9' };
      }),
  ],
  [
    'EDXML-HDR-017',
    'warning',
    'MessageHeader/Code/CodeNumber',
    () =>
      edit(validDocument(), (d) => {
        d.header.code!.codeNumber = '';
        delete d.header.documentId;
        d.header.documentId = 'x';
      }),
  ],
  [
    'EDXML-HDR-018',
    'warning',
    'MessageHeader/ResponseFor[1]',
    () =>
      edit(validDocument(), (d) => {
        d.header.responseFor = [{}];
      }),
  ],
  [
    'EDXML-HDR-019',
    'info',
    'MessageHeader/To[1]/OrganId',
    () =>
      edit(validDocument(), (d) => {
        d.header.to[0]!.organId = ' 000.00.00.G22';
      }),
  ],
  ['EDXML-TRC-001', 'warning', 'edXMLHeader', () => edit(validDocument(), (d) => delete d.traceHeaderList)],
  [
    'EDXML-TRC-002',
    'warning',
    'TraceHeaderList',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.traceHeaders = [];
      }),
  ],
  [
    'EDXML-TRC-003',
    'warning',
    'TraceHeaderList/TraceHeader[1]',
    () => edit(validDocument(), (d) => delete d.traceHeaderList!.traceHeaders[0]!.timestamp),
  ],
  [
    'EDXML-TRC-004',
    'info',
    'TraceHeaderList/TraceHeader[1]',
    () => edit(validDocument(), (d) => delete d.traceHeaderList!.traceHeaders[0]!.organId),
  ],
  [
    'EDXML-TRC-005',
    'warning',
    'TraceHeaderList/TraceHeader[2]/Timestamp',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.traceHeaders.push({ organId: '000.00.00.G22', timestamp: '2025/01/15 09:29:59' });
      }),
  ],
  [
    'EDXML-BUS-001',
    'warning',
    'TraceHeaderList',
    () => edit(validDocument(), (d) => delete d.traceHeaderList!.business),
  ],
  [
    'EDXML-BUS-002',
    'error',
    'TraceHeaderList/Bussiness/BussinessDocType',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.business!.businessDocType = '7';
      }),
  ],
  [
    'EDXML-BUS-003',
    'error',
    'TraceHeaderList/Bussiness',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.business!.businessDocType = '1';
      }),
  ],
  [
    'EDXML-BUS-004',
    'error',
    'TraceHeaderList/Bussiness',
    () =>
      edit(validDocument(), (d) => {
        Object.assign(d.traceHeaderList!.business!, { businessDocType: '2', documentId: 'x' });
      }),
  ],
  [
    'EDXML-BUS-005',
    'error',
    'TraceHeaderList/Bussiness',
    () =>
      edit(validDocument(), (d) => {
        Object.assign(d.traceHeaderList!.business!, { businessDocType: '3', documentId: 'x' });
      }),
  ],
  [
    'EDXML-BUS-006',
    'warning',
    'TraceHeaderList/Bussiness/ReplacementInfoList',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.business!.replacementInfoList = [{ documentId: 'x', organIdList: ['000.00.00.G22'] }];
      }),
  ],
  [
    'EDXML-BUS-007',
    'error',
    'TraceHeaderList/Bussiness/Paper',
    () =>
      edit(validDocument(), (d) => {
        d.traceHeaderList!.business!.paper = '2';
      }),
  ],
  [
    'EDXML-BUS-008',
    'warning',
    'MessageHeader',
    () =>
      edit(validDocument(), (d) => {
        Object.assign(d.traceHeaderList!.business!, { businessDocType: '1', documentId: 'x' });
      }),
  ],
  ['EDXML-ATT-001', 'error', 'edXMLEnvelope', () => edit(validDocument(), (d) => delete d.manifest)],
  [
    'EDXML-ATT-002',
    'error',
    'edXMLManifest/Reference[1]/ContentId',
    () =>
      edit(validDocument(), (d) => {
        d.attachments = [];
      }),
  ],
  [
    'EDXML-ATT-003',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentId',
    () =>
      edit(validDocument(), (d) => {
        d.manifest!.references = [];
      }),
  ],
  [
    'EDXML-ATT-004',
    'error',
    'AttachmentEncoded/Attachment[2]/ContentId',
    () =>
      edit(validDocument(), (d) => {
        d.attachments.push({ ...d.attachments[0]! });
      }),
  ],
  [
    'EDXML-ATT-005',
    'warning',
    'AttachmentEncoded/Attachment[1]/ContentId',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentId = 'a';
      }),
  ],
  [
    'EDXML-ATT-006',
    'error',
    'AttachmentEncoded/Attachment[1]',
    () => edit(validDocument(), (d) => delete d.attachments[0]!.contentId),
  ],
  [
    'EDXML-ATT-007',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentTransferEncoded = ['$', '{__StringFromFile(test.txt,,,)}'].join('');
      }),
  ],
  [
    'EDXML-ATT-008',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentTransferEncoded = '';
      }),
  ],
  [
    'EDXML-ATT-009',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentTransferEncoded = base64(new TextEncoder().encode('not a pdf at all'));
      }),
  ],
  [
    'EDXML-ATT-010',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentType = 'application/zip';
        d.attachments[0]!.contentTransferEncoded = base64(zipSingleFile('a.pdf', SAMPLE_PDF).subarray(0, 60));
      }),
  ],
  [
    'EDXML-ATT-011',
    'error',
    'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.contentTransferEncoded = base64(new TextEncoder().encode(`%PDF-1.4\n${'\uFFFD'.repeat(50)}`));
      }),
  ],
  [
    'EDXML-ATT-012',
    'warning',
    'AttachmentEncoded/Attachment[1]',
    () => edit(validDocument(), (d) => delete d.attachments[0]!.attachmentName),
  ],
  [
    'EDXML-ATT-013',
    'warning',
    'AttachmentEncoded/Attachment[1]/AttachmentName',
    () =>
      edit(validDocument(), (d) => {
        d.attachments[0]!.attachmentName = 'b.pdf';
      }),
  ],
  [
    'EDXML-ATT-014',
    'warning',
    'edXMLManifest/Reference[1]',
    () => edit(validDocument(), (d) => delete d.manifest!.references[0]!.contentType),
  ],
  [
    'EDXML-ATT-015',
    'warning',
    'edXMLManifest',
    () =>
      edit(validDocument(), (d) => {
        d.manifest!.references = [];
        d.attachments = [];
      }),
  ],
  [
    'EDXML-STA-001',
    'warning',
    'MessageHeader/StatusCode',
    () =>
      edit(validStatus(), (s) => {
        s.header.statusCode = '07';
      }),
  ],
  [
    'EDXML-STA-002',
    'error',
    'MessageHeader/StatusCode',
    () =>
      edit(validStatus(), (s) => {
        s.header.statusCode = '3';
      }),
  ],
  ['EDXML-STA-003', 'error', 'MessageHeader', () => edit(validStatus(), (s) => delete s.header.responseFor)],
  ['EDXML-STA-004', 'error', 'MessageHeader', () => edit(validStatus(), (s) => delete s.header.timestamp)],
  [
    'EDXML-STA-005',
    'error',
    'MessageHeader/From/OrganId',
    () =>
      edit(validStatus(), (s) => {
        s.header.from = { organId: FROM.organId };
      }),
  ],
  [
    'EDXML-STA-006',
    'warning',
    'MessageHeader',
    () =>
      edit(validStatus(), (s) => {
        s.header.statusCode = '02';
        delete s.header.description;
      }),
  ],
  [
    'EDXML-LEN-001',
    'warning',
    'MessageHeader/Subject',
    () =>
      edit(validDocument(), (d) => {
        d.header.subject = 'Trích yếu '.repeat(60);
      }),
  ],
];

/** Rules that cannot be reached from a message or file (they guard the validation process itself). */
const UNREACHABLE_HERE: readonly string[] = [];

function check(input: EdxmlMessage | string) {
  return typeof input === 'string'
    ? validateEdxml(input, { lengthProfile: true }).report
    : validateMessage(input, { lengthProfile: true });
}

describe('every edXML rule', () => {
  it('has a case that breaks it', () => {
    const covered = new Set(CASES.map(([rule]) => rule));
    const missing = edxmlRules.rules
      .map((rule) => rule.id)
      .filter((id) => !covered.has(id) && !UNREACHABLE_HERE.includes(id));
    expect(missing).toEqual([]);
  });

  it('starts from messages that are valid', () => {
    expect(validateMessage(validDocument(), { lengthProfile: true }).issues).toEqual([]);
    expect(validateMessage(validStatus(), { lengthProfile: true }).issues).toEqual([]);
    expect(parseEdxml(xmlOf(validDocument())).report.issues).toEqual([]);
  });

  it.each(CASES)('%s (%s) is reported at %s', (rule, severity, path, input) => {
    const report = check(input());
    const found = report.issues.find((issue) => issue.ruleId === rule);
    expect(found, JSON.stringify(report.issues.map((issue) => [issue.ruleId, issue.location?.path]))).toBeDefined();
    expect(found?.severity).toBe(severity);
    if (path !== undefined) expect(found?.location?.path).toBe(path);
    if (typeof input() === 'string') expect(found?.location?.line).toBeGreaterThan(0);
    expect(found?.message.vi).not.toMatch(/\{[A-Za-z]+\}/);
    expect(found?.message.en).not.toMatch(/\{[A-Za-z]+\}/);
    if (severity === 'error') expect(report.valid).toBe(false);
  });
});
