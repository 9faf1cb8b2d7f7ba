import { defineRule } from '@lienthong/report';

/* EDXML-ATT-*: manifest and attachments (edXMLManifest, AttachmentEncoded). */

export const manifestMissing = defineRule({
  id: 'EDXML-ATT-001',
  severity: 'error',
  title: { vi: 'Thiếu edXMLManifest', en: 'edXMLManifest missing' },
  message: {
    vi: 'Gói tin văn bản không có edXMLBody/edXMLManifest liệt kê tệp đính kèm.',
    en: 'The document packet has no edXMLBody/edXMLManifest listing its attachments.',
  },
  reference: 'QCVN 102:2016',
});

export const referenceWithoutAttachment = defineRule({
  id: 'EDXML-ATT-002',
  severity: 'error',
  title: { vi: 'Tham chiếu không có tệp', en: 'Reference without attachment' },
  message: {
    vi: 'Manifest tham chiếu ContentId "{contentId}" nhưng không có Attachment nào mang ContentId đó.',
    en: 'The manifest references ContentId "{contentId}" but no Attachment carries it.',
  },
  reference: 'QCVN 102:2016',
});

export const attachmentWithoutReference = defineRule({
  id: 'EDXML-ATT-003',
  severity: 'error',
  title: { vi: 'Tệp không có tham chiếu', en: 'Attachment without reference' },
  message: {
    vi: 'Attachment có ContentId "{contentId}" không được manifest tham chiếu.',
    en: 'The Attachment with ContentId "{contentId}" is not referenced by the manifest.',
  },
  reference: 'QCVN 102:2016',
});

export const duplicateContentId = defineRule({
  id: 'EDXML-ATT-004',
  severity: 'error',
  title: { vi: 'ContentId trùng', en: 'Duplicate ContentId' },
  message: {
    vi: 'ContentId "{contentId}" xuất hiện {count} lần trong {container}.',
    en: 'ContentId "{contentId}" occurs {count} times in {container}.',
  },
  reference: 'QCVN 102:2016',
});

export const contentIdWithoutCid = defineRule({
  id: 'EDXML-ATT-005',
  severity: 'warning',
  title: { vi: 'ContentId thiếu tiền tố cid:', en: 'ContentId without cid: prefix' },
  message: {
    vi: 'ContentId "{contentId}" tại {field} không có tiền tố "cid:" như SDK ghi.',
    en: 'ContentId "{contentId}" at {field} lacks the "cid:" prefix the SDKs write.',
  },
  reference: 'QCVN 102:2016',
});

export const contentIdMissing = defineRule({
  id: 'EDXML-ATT-006',
  severity: 'error',
  title: { vi: 'Thiếu ContentId', en: 'ContentId missing' },
  message: { vi: '{field} không có ContentId.', en: '{field} has no ContentId.' },
  reference: 'QCVN 102:2016',
});

export const payloadNotBase64 = defineRule({
  id: 'EDXML-ATT-007',
  severity: 'error',
  title: { vi: 'Nội dung không phải base64', en: 'Payload is not base64' },
  message: {
    vi: 'Nội dung tệp "{name}" không phải base64 hợp lệ: {reason}.',
    en: 'The payload of "{name}" is not valid base64: {reason}.',
  },
  reference: 'QCVN 102:2016',
});

export const payloadEmpty = defineRule({
  id: 'EDXML-ATT-008',
  severity: 'error',
  title: { vi: 'Tệp rỗng', en: 'Empty attachment' },
  message: { vi: 'Tệp "{name}" không có nội dung.', en: 'Attachment "{name}" has no content.' },
  reference: 'QCVN 102:2016',
});

export const payloadTypeMismatch = defineRule({
  id: 'EDXML-ATT-009',
  severity: 'error',
  title: { vi: 'Nội dung không khớp kiểu khai báo', en: 'Content does not match its declared type' },
  message: {
    vi: 'Tệp "{name}" khai báo {declared} nhưng nội dung là {detected}.',
    en: 'Attachment "{name}" is declared {declared} but its bytes are {detected}.',
  },
  reference: 'QCVN 102:2016',
});

export const zipEntryCount = defineRule({
  id: 'EDXML-ATT-010',
  severity: 'error',
  title: { vi: 'Tệp nén không đúng một tệp con', en: 'Zipped payload does not hold exactly one file' },
  message: {
    vi: 'Tệp nén "{name}" phải chứa đúng một tệp nhưng {detail}.',
    en: 'Zipped attachment "{name}" must hold exactly one file but {detail}.',
  },
  reference: 'QCVN 102:2016',
});

export const binaryCorrupted = defineRule({
  id: 'EDXML-ATT-011',
  severity: 'error',
  title: { vi: 'Tệp nhị phân bị hỏng', en: 'Binary content corrupted' },
  message: {
    vi: 'Tệp "{name}" chứa {count} ký tự thay thế U+FFFD (EF BF BD): nội dung nhị phân đã bị đọc như văn bản rồi mã hóa lại, tệp bị hỏng.',
    en: 'Attachment "{name}" contains {count} U+FFFD replacement characters (EF BF BD): the binary was read as text and re-encoded, so the file is corrupted.',
  },
  reference: 'QCVN 102:2016',
});

export const attachmentNameMissing = defineRule({
  id: 'EDXML-ATT-012',
  severity: 'warning',
  title: { vi: 'Thiếu tên tệp', en: 'Attachment name missing' },
  message: { vi: '{field} không có AttachmentName.', en: '{field} has no AttachmentName.' },
  reference: 'QCVN 102:2016',
});

export const attachmentNameMismatch = defineRule({
  id: 'EDXML-ATT-013',
  severity: 'warning',
  title: { vi: 'Tên tệp khác nhau', en: 'Attachment names differ' },
  message: {
    vi: 'ContentId "{contentId}": manifest ghi tên "{inManifest}" nhưng Attachment ghi "{inAttachment}".',
    en: 'ContentId "{contentId}": the manifest names it "{inManifest}" but the Attachment names it "{inAttachment}".',
  },
  reference: 'QCVN 102:2016',
});

export const contentTypeMissing = defineRule({
  id: 'EDXML-ATT-014',
  severity: 'warning',
  title: { vi: 'Thiếu ContentType', en: 'ContentType missing' },
  message: { vi: '{field} không có ContentType.', en: '{field} has no ContentType.' },
  reference: 'QCVN 102:2016',
});

export const noAttachments = defineRule({
  id: 'EDXML-ATT-015',
  severity: 'warning',
  title: { vi: 'Không có tệp đính kèm', en: 'No attachment' },
  message: {
    vi: 'Gói tin văn bản không có tệp đính kèm; trục liên thông yêu cầu ít nhất một tệp.',
    en: 'The document packet has no attachment; the axis expects at least one file.',
  },
  reference: 'QCVN 102:2016',
});

export const attachmentRules = [
  manifestMissing,
  referenceWithoutAttachment,
  attachmentWithoutReference,
  duplicateContentId,
  contentIdWithoutCid,
  contentIdMissing,
  payloadNotBase64,
  payloadEmpty,
  payloadTypeMismatch,
  zipEntryCount,
  binaryCorrupted,
  attachmentNameMissing,
  attachmentNameMismatch,
  contentTypeMissing,
  noAttachments,
] as const;
