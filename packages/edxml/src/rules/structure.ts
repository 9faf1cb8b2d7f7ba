import { defineRule } from '@lienthong/report';

/*
 * EDXML-XML-*: the bytes are not acceptable XML. EDXML-STR-*: the XML is not the edXML structure.
 * Rules marked "quirk" describe what real traffic does and receivers accept: warnings by default,
 * errors in strict mode.
 */

export const xmlNotWellFormed = defineRule({
  id: 'EDXML-XML-001',
  severity: 'error',
  title: { vi: 'XML không hợp lệ', en: 'XML is not well-formed' },
  message: { vi: 'Tệp không phải XML hợp lệ: {detail}', en: 'The file is not well-formed XML: {detail}' },
});

export const xmlForbiddenConstruct = defineRule({
  id: 'EDXML-XML-002',
  severity: 'error',
  title: { vi: 'Cấu trúc XML bị cấm', en: 'Forbidden XML construct' },
  message: {
    vi: 'Tệp chứa cấu trúc XML không được phép vì lý do an toàn: {detail}',
    en: 'The file contains an XML construct refused for safety: {detail}',
  },
});

export const xmlLimitExceeded = defineRule({
  id: 'EDXML-XML-003',
  severity: 'error',
  title: { vi: 'Vượt giới hạn xử lý', en: 'Processing limit exceeded' },
  message: { vi: 'Tệp vượt giới hạn: {detail}', en: 'The file exceeds a limit: {detail}' },
});

export const xmlEncoding = defineRule({
  id: 'EDXML-XML-004',
  severity: 'error',
  title: { vi: 'Mã hóa ký tự không hợp lệ', en: 'Invalid character encoding' },
  message: { vi: 'Tệp phải được mã hóa UTF-8: {detail}', en: 'The file must be encoded in UTF-8: {detail}' },
});

export const junkBeforeRoot = defineRule({
  id: 'EDXML-XML-005',
  severity: 'warning',
  title: { vi: 'Dữ liệu thừa trước khai báo XML', en: 'Junk before the XML declaration' },
  message: {
    vi: 'Dữ liệu thừa trước phần tử gốc đã được bỏ qua: {detail}',
    en: 'Stray data before the root element was skipped: {detail}',
  },
});

export const unboundPrefix = defineRule({
  id: 'EDXML-XML-006',
  severity: 'warning',
  title: { vi: 'Tiền tố không được khai báo', en: 'Undeclared namespace prefix' },
  message: {
    vi: 'Tiền tố không gian tên chưa được khai báo: {detail}',
    en: 'Namespace prefix not declared: {detail}',
  },
});

export const byteOrderMark = defineRule({
  id: 'EDXML-XML-007',
  severity: 'info',
  title: { vi: 'Có BOM UTF-8', en: 'UTF-8 byte order mark' },
  message: {
    vi: 'Tệp bắt đầu bằng BOM UTF-8; các SDK ghi tệp không có BOM.',
    en: 'The file starts with a UTF-8 byte order mark; the SDKs write files without one.',
  },
});

export const notEdxmlRoot = defineRule({
  id: 'EDXML-STR-001',
  severity: 'error',
  title: { vi: 'Không phải tài liệu edXML', en: 'Not an edXML document' },
  message: {
    vi: 'Phần tử gốc là "{name}" (không gian tên {namespace}); cần "edXML" trong không gian tên {expected}.',
    en: 'The root element is "{name}" (namespace {namespace}); expected "edXML" in namespace {expected}.',
  },
  reference: 'QCVN 102:2016',
});

export const missingStructure = defineRule({
  id: 'EDXML-STR-002',
  severity: 'error',
  title: { vi: 'Thiếu phần tử cấu trúc', en: 'Structural element missing' },
  message: { vi: 'Thiếu phần tử {element} trong {parent}.', en: 'Element {element} is missing from {parent}.' },
  reference: 'QCVN 102:2016',
});

export const duplicateElement = defineRule({
  id: 'EDXML-STR-003',
  severity: 'error',
  title: { vi: 'Phần tử lặp lại', en: 'Element repeated' },
  message: {
    vi: 'Phần tử {element} chỉ được xuất hiện một lần trong {parent} nhưng có {count} lần; chỉ lần đầu được đọc.',
    en: 'Element {element} may occur once in {parent} but occurs {count} times; only the first is read.',
  },
  reference: 'QCVN 102:2016',
});

export const unknownElement = defineRule({
  id: 'EDXML-STR-004',
  severity: 'warning',
  title: { vi: 'Phần tử không thuộc chuẩn', en: 'Element not in the standard' },
  message: {
    vi: 'Phần tử {element} (không gian tên {namespace}) không thuộc {parent} theo QCVN 102:2016; đã bỏ qua.',
    en: 'Element {element} (namespace {namespace}) is not part of {parent} in QCVN 102:2016; it was ignored.',
  },
  reference: 'QCVN 102:2016',
});

export const elementOrder = defineRule({
  id: 'EDXML-STR-005',
  severity: 'warning',
  title: { vi: 'Thứ tự phần tử khác chuẩn', en: 'Element order differs from the standard' },
  message: {
    vi: 'Trong {parent}, {element} đứng sau {previous}; thứ tự chuẩn đặt nó trước.',
    en: 'In {parent}, {element} comes after {previous}; the standard order puts it before.',
  },
  reference: 'QCVN 102:2016',
});

export const unexpectedText = defineRule({
  id: 'EDXML-STR-006',
  severity: 'warning',
  title: { vi: 'Văn bản lẫn trong phần tử cấu trúc', en: 'Text inside a structural element' },
  message: {
    vi: 'Phần tử {element} chỉ chứa phần tử con nhưng có văn bản "{text}"; đã bỏ qua.',
    en: 'Element {element} holds only child elements but contains the text "{text}"; it was ignored.',
  },
});

export const nestedMarkupInValue = defineRule({
  id: 'EDXML-STR-007',
  severity: 'error',
  title: { vi: 'Phần tử con trong trường văn bản', en: 'Child element inside a text field' },
  message: {
    vi: 'Trường {element} phải chứa văn bản nhưng có phần tử con {child}; phần tử con bị bỏ qua.',
    en: 'Field {element} must hold text but contains the child element {child}; the child was ignored.',
  },
});

export const signatureNonStandardNamespace = defineRule({
  id: 'EDXML-STR-008',
  severity: 'warning',
  title: { vi: 'Chữ ký ngoài không gian tên XMLDSig', en: 'Signature outside the XMLDSig namespace' },
  message: {
    vi: 'Phần tử {element} nằm trong không gian tên {namespace}, không phải XMLDSig; phần mềm kiểm tra chữ ký chuẩn không xác minh được.',
    en: 'Element {element} is in namespace {namespace}, not XMLDSig; standard signature verifiers cannot verify it.',
  },
});

export const messageKindUnknown = defineRule({
  id: 'EDXML-STR-009',
  severity: 'error',
  title: { vi: 'Không xác định được loại gói tin', en: 'Message kind unknown' },
  message: {
    vi: 'MessageHeader không có StatusCode (gói tin trạng thái) cũng không có To/DocumentId (gói tin văn bản).',
    en: 'MessageHeader has neither StatusCode (status packet) nor To/DocumentId (document packet).',
  },
  reference: 'QCVN 102:2016 §1, §2',
});

export const structureRules = [
  xmlNotWellFormed,
  xmlForbiddenConstruct,
  xmlLimitExceeded,
  xmlEncoding,
  junkBeforeRoot,
  unboundPrefix,
  byteOrderMark,
  notEdxmlRoot,
  missingStructure,
  duplicateElement,
  unknownElement,
  elementOrder,
  unexpectedText,
  nestedMarkupInValue,
  signatureNonStandardNamespace,
  messageKindUnknown,
] as const;

/** Quirks of real traffic: warnings when reading tolerantly, errors in strict mode. */
export const QUIRK_RULE_IDS: readonly string[] = [
  junkBeforeRoot.id,
  unboundPrefix.id,
  unknownElement.id,
  elementOrder.id,
  unexpectedText.id,
  signatureNonStandardNamespace.id,
];
