import { defineRule } from '@lienthong/report';

/* EDXML-TRC-*: TraceHeaderList (§2.1); EDXML-BUS-*: Bussiness (§2.2). */

export const traceListMissing = defineRule({
  id: 'EDXML-TRC-001',
  severity: 'warning',
  title: { vi: 'Thiếu TraceHeaderList', en: 'TraceHeaderList missing' },
  message: {
    vi: 'Gói tin văn bản không có TraceHeaderList; bên nhận không biết nghiệp vụ (mới, thu hồi, cập nhật, thay thế).',
    en: 'The document packet has no TraceHeaderList; recipients cannot tell what it does (new, revocation, update, replacement).',
  },
  reference: 'QCVN 102:2016 §2',
});

export const traceHeaderMissing = defineRule({
  id: 'EDXML-TRC-002',
  severity: 'warning',
  title: { vi: 'Thiếu TraceHeader', en: 'No TraceHeader' },
  message: {
    vi: 'TraceHeaderList không có TraceHeader nào; bên gửi cần ghi vết của mình.',
    en: 'TraceHeaderList has no TraceHeader; the sender should record its own trace.',
  },
  reference: 'QCVN 102:2016 §2.1',
});

export const traceTimestampMissing = defineRule({
  id: 'EDXML-TRC-003',
  severity: 'warning',
  title: { vi: 'TraceHeader thiếu thời điểm', en: 'TraceHeader without timestamp' },
  message: { vi: '{field} không có Timestamp.', en: '{field} has no Timestamp.' },
  reference: 'QCVN 102:2016 §2.1',
});

export const traceOrganIdMissing = defineRule({
  id: 'EDXML-TRC-004',
  severity: 'info',
  title: { vi: 'TraceHeader thiếu mã đơn vị', en: 'TraceHeader without organisation id' },
  message: {
    vi: '{field} không có OrganId (thường gặp ở vết do trục thêm vào).',
    en: '{field} has no OrganId (common in traces the axis adds).',
  },
  reference: 'QCVN 102:2016 §2.1',
});

export const traceTimeBackwards = defineRule({
  id: 'EDXML-TRC-005',
  severity: 'warning',
  title: { vi: 'Vết thời gian đi lùi', en: 'Trace time goes backwards' },
  message: {
    vi: '{field} ghi {later}, sớm hơn vết trước đó {earlier}.',
    en: '{field} records {later}, earlier than the previous trace {earlier}.',
  },
  reference: 'QCVN 102:2016 §2.1',
});

export const businessMissing = defineRule({
  id: 'EDXML-BUS-001',
  severity: 'warning',
  title: { vi: 'Thiếu Bussiness', en: 'Bussiness missing' },
  message: {
    vi: 'TraceHeaderList không có Bussiness; gói tin được hiểu là văn bản mới (BussinessDocType 0).',
    en: 'TraceHeaderList has no Bussiness; the packet is taken as a new document (BussinessDocType 0).',
  },
  reference: 'QCVN 102:2016 §2.2',
});

export const businessDocTypeInvalid = defineRule({
  id: 'EDXML-BUS-002',
  severity: 'error',
  title: { vi: 'BussinessDocType không hợp lệ', en: 'Invalid BussinessDocType' },
  message: {
    vi: 'BussinessDocType "{value}" không thuộc 0 (mới), 1 (thu hồi), 2 (cập nhật), 3 (thay thế).',
    en: 'BussinessDocType "{value}" is none of 0 (new), 1 (revocation), 2 (update), 3 (replacement).',
  },
  reference: 'QCVN 102:2016 §2.2.1',
});

export const businessTargetMissing = defineRule({
  id: 'EDXML-BUS-003',
  severity: 'error',
  title: { vi: 'Thiếu văn bản đích', en: 'Target document missing' },
  message: {
    vi: 'Nghiệp vụ {operation} cần Bussiness/DocumentId của văn bản bị tác động.',
    en: 'A {operation} needs Bussiness/DocumentId naming the document it acts on.',
  },
  reference: 'QCVN 102:2016 §2.2.4',
});

export const updateInfoMissing = defineRule({
  id: 'EDXML-BUS-004',
  severity: 'error',
  title: { vi: 'Thiếu thông tin cập nhật', en: 'Update information missing' },
  message: {
    vi: 'Văn bản cập nhật (BussinessDocType 2) cần {field}.',
    en: 'An update (BussinessDocType 2) needs {field}.',
  },
  reference: 'QCVN 102:2016 §2.2.3',
});

export const replacementInfoMissing = defineRule({
  id: 'EDXML-BUS-005',
  severity: 'error',
  title: { vi: 'Thiếu thông tin thay thế', en: 'Replacement information missing' },
  message: {
    vi: 'Văn bản thay thế (BussinessDocType 3) cần {field}.',
    en: 'A replacement (BussinessDocType 3) needs {field}.',
  },
  reference: 'QCVN 102:2016 §2.2.8',
});

export const businessPartUnexpected = defineRule({
  id: 'EDXML-BUS-006',
  severity: 'warning',
  title: { vi: 'Thông tin thừa cho nghiệp vụ', en: 'Information unused by this operation' },
  message: {
    vi: '{field} chỉ dùng cho nghiệp vụ {operation}; BussinessDocType ở đây là {value}.',
    en: '{field} is only used by a {operation}; BussinessDocType here is {value}.',
  },
  reference: 'QCVN 102:2016 §2.2',
});

export const flagInvalid = defineRule({
  id: 'EDXML-BUS-007',
  severity: 'error',
  title: { vi: 'Cờ phải là 0 hoặc 1', en: 'Flag must be 0 or 1' },
  message: { vi: '{field} phải là 0 hoặc 1 nhưng là "{value}".', en: '{field} must be 0 or 1 but is "{value}".' },
  reference: 'QCVN 102:2016 §2.2',
});

export const revocationResponseFor = defineRule({
  id: 'EDXML-BUS-008',
  severity: 'warning',
  title: { vi: 'Thu hồi không trỏ đúng văn bản', en: 'Revocation does not point at its document' },
  message: {
    vi: 'Văn bản thu hồi cần ResponseFor/DocumentId bằng Bussiness/DocumentId "{target}"; {detail}',
    en: 'A revocation needs ResponseFor/DocumentId equal to Bussiness/DocumentId "{target}"; {detail}',
  },
  reference: 'QCVN 102:2016 §1.12, §2.2',
});

export const traceRules = [
  traceListMissing,
  traceHeaderMissing,
  traceTimestampMissing,
  traceOrganIdMissing,
  traceTimeBackwards,
  businessMissing,
  businessDocTypeInvalid,
  businessTargetMissing,
  updateInfoMissing,
  replacementInfoMissing,
  businessPartUnexpected,
  flagInvalid,
  revocationResponseFor,
] as const;
