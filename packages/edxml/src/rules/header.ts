import { defineRule } from '@lienthong/report';

/* EDXML-HDR-*: the MessageHeader of a document message (QCVN 102:2016 §1.1–1.14). */

export const requiredField = defineRule({
  id: 'EDXML-HDR-001',
  severity: 'error',
  title: { vi: 'Thiếu trường bắt buộc', en: 'Required field missing' },
  message: {
    vi: 'Thiếu trường bắt buộc {field} ({clause}).',
    en: 'Required field {field} is missing ({clause}).',
  },
  reference: 'QCVN 102:2016 §1',
});

export const expectedFieldMissing = defineRule({
  id: 'EDXML-HDR-002',
  severity: 'warning',
  title: { vi: 'Thiếu trường theo chuẩn', en: 'Standard field missing' },
  message: {
    vi: 'Thiếu trường {field} ({clause}); trục liên thông vẫn nhận nhưng bên nhận có thể cần trường này.',
    en: 'Field {field} is missing ({clause}); the axis accepts this but recipients may need it.',
  },
  reference: 'QCVN 102:2016 §1',
});

export const emptyOrganId = defineRule({
  id: 'EDXML-HDR-003',
  severity: 'error',
  title: { vi: 'Mã định danh đơn vị rỗng', en: 'Empty organisation id' },
  message: { vi: 'Mã định danh đơn vị tại {field} đang rỗng.', en: 'The organisation id at {field} is empty.' },
  reference: 'QCVN 102:2016 §1.1, §1.2',
});

export const nullOrganId = defineRule({
  id: 'EDXML-HDR-004',
  severity: 'warning',
  title: { vi: 'Mã định danh là chữ "null"', en: 'Organisation id is the text "null"' },
  message: {
    vi: 'Mã định danh đơn vị tại {field} là chữ "null" (thường do trục thêm vào), không phải một mã thật.',
    en: 'The organisation id at {field} is the text "null" (often added by the axis), not a real code.',
  },
});

export const unrecognisedOrganId = defineRule({
  id: 'EDXML-HDR-005',
  severity: 'warning',
  title: { vi: 'Mã định danh không theo QCVN 102 hay QĐ 20', en: 'Organisation id is neither QCVN 102 nor QĐ 20' },
  message: {
    vi: 'Mã "{organId}" tại {field} không theo dạng QCVN 102 (NNN.NN.NN.LNN) hay QĐ 20/2020/QĐ-TTg; vẫn được chấp nhận.',
    en: 'Id "{organId}" at {field} follows neither the QCVN 102 form (NNN.NN.NN.LNN) nor QĐ 20/2020/QĐ-TTg; it is accepted.',
  },
  reference: 'QCVN 102:2016; QĐ 20/2020/QĐ-TTg',
});

export const documentIdUnconventional = defineRule({
  id: 'EDXML-HDR-010',
  severity: 'warning',
  title: { vi: 'DocumentId không theo quy ước', en: 'DocumentId does not follow the convention' },
  message: {
    vi: 'DocumentId "{documentId}" không có dạng <mã đơn vị>,<yyyy/MM/dd>,<số>/<ký hiệu>.',
    en: 'DocumentId "{documentId}" is not of the form <organId>,<yyyy/MM/dd>,<number>/<notation>.',
  },
  reference: 'QCVN 102:2016 §1.14',
});

export const documentIdMismatch = defineRule({
  id: 'EDXML-HDR-011',
  severity: 'error',
  title: { vi: 'DocumentId không khớp với tiêu đề', en: 'DocumentId disagrees with the header' },
  message: {
    vi: 'DocumentId "{documentId}" ghi {part} là "{inDocumentId}" nhưng {field} là "{inHeader}".',
    en: 'DocumentId "{documentId}" gives {part} as "{inDocumentId}" but {field} is "{inHeader}".',
  },
  reference: 'QCVN 102:2016 §1.14',
});

export const invalidDate = defineRule({
  id: 'EDXML-HDR-012',
  severity: 'error',
  title: { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  message: {
    vi: '{field}: {reason}',
    en: '{field}: {reason}',
  },
  reference: 'QCVN 102:2016 §1.4',
});

export const invalidTimestamp = defineRule({
  id: 'EDXML-HDR-013',
  severity: 'error',
  title: { vi: 'Thời điểm không hợp lệ', en: 'Invalid timestamp' },
  message: {
    vi: '{field}: {reason}',
    en: '{field}: {reason}',
  },
  reference: 'QCVN 102:2016 §2.1',
});

export const dueBeforePromulgation = defineRule({
  id: 'EDXML-HDR-014',
  severity: 'warning',
  title: { vi: 'Hạn xử lý trước ngày ban hành', en: 'Due date before promulgation' },
  message: {
    vi: 'Hạn xử lý {dueDate} sớm hơn ngày ban hành {promulgationDate}.',
    en: 'Due date {dueDate} is earlier than the promulgation date {promulgationDate}.',
  },
  reference: 'QCVN 102:2016 §1.9',
});

export const notAnInteger = defineRule({
  id: 'EDXML-HDR-015',
  severity: 'error',
  title: { vi: 'Giá trị phải là số nguyên', en: 'Value must be an integer' },
  message: {
    vi: '{field} phải là số nguyên không âm nhưng là "{value}".',
    en: '{field} must be a non-negative integer but is "{value}".',
  },
  reference: 'QCVN 102:2016 §1',
});

export const unknownCode = defineRule({
  id: 'EDXML-HDR-016',
  severity: 'warning',
  title: { vi: 'Mã ngoài danh mục', en: 'Code outside the code list' },
  message: {
    vi: '{field} có giá trị "{value}" ngoài danh mục đã biết ({known}); giá trị được giữ nguyên.',
    en: '{field} has the value "{value}", outside the known list ({known}); it is kept unchanged.',
  },
  reference: 'QCVN 102:2016 §1',
});

export const emptyField = defineRule({
  id: 'EDXML-HDR-017',
  severity: 'warning',
  title: { vi: 'Trường rỗng', en: 'Empty field' },
  message: { vi: 'Trường {field} có mặt nhưng rỗng.', en: 'Field {field} is present but empty.' },
  reference: 'QCVN 102:2016 §1',
});

export const responseForInconsistent = defineRule({
  id: 'EDXML-HDR-018',
  severity: 'warning',
  title: { vi: 'ResponseFor không nhất quán', en: 'ResponseFor is inconsistent' },
  message: {
    vi: 'ResponseFor tại {field}: {detail}',
    en: 'ResponseFor at {field}: {detail}',
  },
  reference: 'QCVN 102:2016 §1.12',
});

export const surroundingWhitespace = defineRule({
  id: 'EDXML-HDR-019',
  severity: 'info',
  title: { vi: 'Khoảng trắng thừa', en: 'Surrounding whitespace' },
  message: {
    vi: 'Giá trị của {field} có khoảng trắng ở đầu hoặc cuối.',
    en: 'The value of {field} has leading or trailing whitespace.',
  },
});

export const headerRules = [
  requiredField,
  expectedFieldMissing,
  emptyOrganId,
  nullOrganId,
  unrecognisedOrganId,
  documentIdUnconventional,
  documentIdMismatch,
  invalidDate,
  invalidTimestamp,
  dueBeforePromulgation,
  notAnInteger,
  unknownCode,
  emptyField,
  responseForInconsistent,
  surroundingWhitespace,
] as const;
