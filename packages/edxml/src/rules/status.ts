import { defineRule } from '@lienthong/report';

/* EDXML-STA-*: status packets (gói tin trạng thái, §2 of the domain notes). */

export const statusCodeUnknown = defineRule({
  id: 'EDXML-STA-001',
  severity: 'warning',
  title: { vi: 'Mã trạng thái chưa biết', en: 'Unknown status code' },
  message: {
    vi: 'StatusCode "{value}" không thuộc các mã đã biết ({known}); giá trị được giữ nguyên.',
    en: 'StatusCode "{value}" is not one of the known codes ({known}); it is kept unchanged.',
  },
});

export const statusCodeMalformed = defineRule({
  id: 'EDXML-STA-002',
  severity: 'error',
  title: { vi: 'Mã trạng thái sai dạng', en: 'Malformed status code' },
  message: {
    vi: 'StatusCode phải gồm hai chữ số (ví dụ "01") nhưng là "{value}".',
    en: 'StatusCode must be two digits (e.g. "01") but is "{value}".',
  },
});

export const statusResponseForMissing = defineRule({
  id: 'EDXML-STA-003',
  severity: 'error',
  title: { vi: 'Trạng thái không chỉ rõ văn bản', en: 'Status does not name its document' },
  message: {
    vi: 'Gói tin trạng thái cần {field} để chỉ văn bản được báo trạng thái.',
    en: 'A status packet needs {field} to name the document it reports on.',
  },
});

export const statusFieldMissing = defineRule({
  id: 'EDXML-STA-004',
  severity: 'error',
  title: { vi: 'Thiếu trường của gói tin trạng thái', en: 'Status field missing' },
  message: { vi: 'Gói tin trạng thái thiếu {field}.', en: 'The status packet lacks {field}.' },
});

export const statusDirection = defineRule({
  id: 'EDXML-STA-005',
  severity: 'error',
  title: { vi: 'Trạng thái đi sai chiều', en: 'Status sent in the wrong direction' },
  message: {
    vi: 'Trạng thái {code} do {expectedSender} gửi, nhưng From/OrganId "{from}" {relation} ResponseFor/OrganId "{original}" (đơn vị gửi văn bản gốc).',
    en: 'Status {code} is sent by {expectedSender}, but From/OrganId "{from}" {relation} ResponseFor/OrganId "{original}" (the sender of the original document).',
  },
});

export const statusDescriptionMissing = defineRule({
  id: 'EDXML-STA-006',
  severity: 'warning',
  title: { vi: 'Thiếu lý do', en: 'Reason missing' },
  message: {
    vi: 'Trạng thái {code} cần Description nêu lý do.',
    en: 'Status {code} should give its reason in Description.',
  },
});

export const statusRules = [
  statusCodeUnknown,
  statusCodeMalformed,
  statusResponseForMissing,
  statusFieldMissing,
  statusDirection,
  statusDescriptionMissing,
] as const;
