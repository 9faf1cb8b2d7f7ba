import { defineRule } from '@lienthong/report';

/*
 * IND-PARSE-*: reading an indicator report (size, encoding, JSON syntax, nesting, model).
 * IDs never change meaning once published; a new check gets a new ID.
 */

export const inputTooLarge = defineRule({
  id: 'IND-PARSE-001',
  severity: 'error',
  title: { vi: 'Tệp báo cáo quá lớn', en: 'Report file too large' },
  message: {
    vi: 'Báo cáo có {bytes} byte, vượt giới hạn {maxBytes} byte; tệp không được đọc.',
    en: 'The report is {bytes} bytes, over the limit of {maxBytes} bytes; it is not read.',
  },
});

export const byteOrderMark = defineRule({
  id: 'IND-PARSE-002',
  severity: 'info',
  title: { vi: 'Có dấu BOM ở đầu tệp', en: 'Byte order mark at the start' },
  message: {
    vi: 'Tệp bắt đầu bằng dấu BOM (U+FEFF); dấu này được bỏ qua. RFC 8259 không cho phép ghi BOM vào JSON.',
    en: 'The file starts with a byte order mark (U+FEFF), which is ignored. RFC 8259 says JSON must not start with one.',
  },
  reference: 'RFC 8259 §8.1',
});

export const notUtf8 = defineRule({
  id: 'IND-PARSE-003',
  severity: 'error',
  title: { vi: 'Tệp không phải UTF-8', en: 'File is not UTF-8' },
  message: {
    vi: 'Byte {byteOffset} (dòng {line}, cột {column}) không phải UTF-8 hợp lệ; báo cáo JSON phải được lưu bằng UTF-8.',
    en: 'Byte {byteOffset} (line {line}, column {column}) is not valid UTF-8; a JSON report must be saved as UTF-8.',
  },
  reference: 'RFC 8259 §8.1',
});

export const jsonSyntax = defineRule({
  id: 'IND-PARSE-004',
  severity: 'error',
  title: { vi: 'Lỗi cú pháp JSON', en: 'JSON syntax error' },
  message: {
    vi: 'Lỗi cú pháp JSON ở dòng {line}, cột {column}: {problem}.',
    en: 'JSON syntax error at line {line}, column {column}: {problem}.',
  },
  reference: 'RFC 8259',
});

export const nestingTooDeep = defineRule({
  id: 'IND-PARSE-005',
  severity: 'error',
  title: { vi: 'Lồng nhau quá sâu', en: 'Nesting too deep' },
  message: {
    vi: 'Dữ liệu lồng nhau sâu hơn {maxDepth} cấp (ở {where}); báo cáo không được đọc.',
    en: 'The data is nested deeper than {maxDepth} levels (at {where}); the report is not read.',
  },
});

export const forbiddenKey = defineRule({
  id: 'IND-PARSE-006',
  severity: 'warning',
  title: { vi: 'Khóa nguy hiểm bị bỏ qua', en: 'Dangerous key ignored' },
  message: {
    vi: 'Khóa «{key}» ở {path} có thể dùng để tấn công prototype của JavaScript; khóa này bị bỏ qua.',
    en: 'The key «{key}» at {path} can be used to pollute JavaScript prototypes; it is ignored.',
  },
});

export const notAnObject = defineRule({
  id: 'IND-PARSE-007',
  severity: 'error',
  title: { vi: 'Báo cáo không phải đối tượng JSON', en: 'Report is not a JSON object' },
  message: {
    vi: 'Báo cáo phải là một đối tượng JSON (trong dấu ngoặc nhọn), nhưng đây là {found}.',
    en: 'A report must be a JSON object (in curly braces), but this is {found}.',
  },
});

export const modelMismatch = defineRule({
  id: 'IND-PARSE-010',
  severity: 'error',
  title: { vi: 'Không đúng mô hình báo cáo chỉ số', en: 'Does not match the indicator report model' },
  message: {
    vi: '{path}: {problem}.',
    en: '{path}: {problem}.',
  },
});

export const parseRules = [
  inputTooLarge,
  byteOrderMark,
  notUtf8,
  jsonSyntax,
  nestingTooDeep,
  forbiddenKey,
  notAnObject,
  modelMismatch,
] as const;
