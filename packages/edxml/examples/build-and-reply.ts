// Build a document, write it as edXML, then build the recipient's status reply ("03 — Đã tiếp nhận").
import { createDocument, createStatus, serializeEdxml, validateMessage } from '@lienthong/edxml';

export function buildAndReply(pdf: Uint8Array) {
  const document = createDocument({
    from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
    to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
    code: { codeNumber: '12', codeNotation: 'UBND-TH' },
    promulgation: { place: 'Nghệ An', date: '2025/01/15' },
    documentType: { type: '1', typeName: 'Công văn' },
    subject: 'V/v báo cáo tình hình triển khai',
    signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
    attachments: [{ name: '12-UBND-TH.pdf', data: pdf }],
  });
  const report = validateMessage(document);
  if (!report.valid) throw new Error(report.issues.map((issue) => issue.message.vi).join('\n'));
  const edxml = serializeEdxml(document); // send this file to the axis

  const reply = createStatus({ code: '03', from: { organId: '000.00.00.G22' }, about: document });
  return { edxml, statusEdxml: serializeEdxml(reply), documentId: document.header.documentId };
}
