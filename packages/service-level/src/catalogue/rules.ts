import { defineRule, defineRuleCatalog } from '@lienthong/report';
import { declaredCategoryDiffers, declaredLevelDiffers, declaredVendorCodeDiffers } from '../classify/rules';
import { codeRules } from '../codes/rules';

/*
 * SL-CAT-*: reading and validating a catalogue of services.
 *   SL-CAT-TXT-*  the file as text (encoding)
 *   SL-CAT-CSV-*  CSV grammar, header row, rows and cells
 *   SL-CAT-JSON-* JSON syntax and shape
 *   SL-CAT-VAL-*  the catalogue as a whole (duplicates, dates, tiers, declared levels)
 * IDs never change meaning once published; a new check gets a new ID.
 */

const RFC_4180 = 'RFC 4180';
const ND43_LEVELS = 'khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP';
const ND42_CATEGORIES = 'khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP';
const TIERS = 'Điều 2 Nghị định 42/2022/NĐ-CP; Nghị quyết 203/2025/QH15';

export const textNotUtf8 = defineRule({
  id: 'SL-CAT-TXT-001',
  severity: 'error',
  title: { vi: 'Tệp không phải UTF-8', en: 'File is not UTF-8' },
  message: {
    vi: 'Byte {byteOffset} (dòng {line}, cột {column}) không phải UTF-8 hợp lệ. Excel ghi “CSV (Comma delimited)” theo bảng mã Windows-1258: hãy lưu lại bằng “CSV UTF-8”, hoặc đọc với encoding “windows-1258”.',
    en: 'Byte {byteOffset} (line {line}, column {column}) is not valid UTF-8. Excel’s “CSV (Comma delimited)” writes the Windows-1258 code page: save as “CSV UTF-8”, or read with encoding “windows-1258”.',
  },
});

export const csvUnterminatedQuote = defineRule({
  id: 'SL-CAT-CSV-001',
  severity: 'error',
  title: { vi: 'Ô trong ngoặc kép không được đóng', en: 'Quoted field never closed' },
  message: {
    vi: 'Ngoặc kép mở ở dòng {line}, cột {column} không được đóng: phần còn lại của tệp bị đọc thành một ô.',
    en: 'The quote opened at line {line}, column {column} is never closed: the rest of the file reads as one field.',
  },
  reference: RFC_4180,
});

export const csvQuoteInUnquotedField = defineRule({
  id: 'SL-CAT-CSV-002',
  severity: 'warning',
  title: { vi: 'Ngoặc kép trong ô không đặt trong ngoặc kép', en: 'Quote inside an unquoted field' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: ô không đặt trong ngoặc kép lại chứa dấu " — giữ nguyên như chữ thường.',
    en: 'Row {row}, column «{column}»: an unquoted field contains a " — kept as a literal character.',
  },
  reference: RFC_4180,
});

export const csvTextAfterClosingQuote = defineRule({
  id: 'SL-CAT-CSV-003',
  severity: 'error',
  title: { vi: 'Ký tự sau ngoặc kép đóng', en: 'Text after a closing quote' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: có ký tự sau ngoặc kép đóng; ô phải kết thúc ngay sau dấu ".',
    en: 'Row {row}, column «{column}»: text follows the closing quote; the field must end right after the ".',
  },
  reference: RFC_4180,
});

export const csvNoHeader = defineRule({
  id: 'SL-CAT-CSV-004',
  severity: 'error',
  title: { vi: 'Không có dòng tiêu đề', en: 'No header row' },
  message: {
    vi: 'Tệp không có dòng nào: cần một dòng tiêu đề (Mã thủ tục, Tên thủ tục, Cơ quan, Cấp, …).',
    en: 'The file has no rows: a header row is needed (procedureCode, name, agency, tier, …).',
  },
});

export const csvUnknownColumn = defineRule({
  id: 'SL-CAT-CSV-010',
  severity: 'warning',
  title: { vi: 'Cột không nhận ra', en: 'Unknown column' },
  message: {
    vi: 'Cột «{column}» (cột thứ {index}) không phải cột của danh mục; giá trị của nó bị bỏ qua.',
    en: 'Column «{column}» (column {index}) is not a catalogue column; its values are ignored.',
  },
});

export const csvMissingColumn = defineRule({
  id: 'SL-CAT-CSV-011',
  severity: 'error',
  title: { vi: 'Thiếu cột bắt buộc', en: 'Required column missing' },
  message: {
    vi: 'Thiếu cột bắt buộc «{column}» (chấp nhận: {aliases}); không dòng nào được nhập.',
    en: 'Required column «{column}» is missing (accepted headers: {aliases}); no row is imported.',
  },
});

export const csvDuplicateColumn = defineRule({
  id: 'SL-CAT-CSV-012',
  severity: 'error',
  title: { vi: 'Cột trùng', en: 'Duplicate column' },
  message: {
    vi: 'Cột «{column}» (cột thứ {index}) trùng nghĩa với cột «{first}» (cột thứ {firstIndex}); cột sau bị bỏ qua.',
    en: 'Column «{column}» (column {index}) means the same as «{first}» (column {firstIndex}); the later one is ignored.',
  },
});

export const csvRowsBeforeHeader = defineRule({
  id: 'SL-CAT-CSV-013',
  severity: 'warning',
  title: { vi: 'Dòng trước tiêu đề bị bỏ qua', en: 'Rows before the header ignored' },
  message: {
    vi: 'Dòng tiêu đề là dòng {headerRow}; {count} dòng phía trên (bắt đầu bằng «{first}») bị bỏ qua.',
    en: 'The header is row {headerRow}; the {count} row(s) above it (starting with «{first}») are ignored.',
  },
});

export const csvUnnamedColumn = defineRule({
  id: 'SL-CAT-CSV-014',
  severity: 'warning',
  title: { vi: 'Cột không có tiêu đề', en: 'Column without a header' },
  message: {
    vi: 'Cột thứ {index} không có tiêu đề nhưng có dữ liệu (lần đầu ở dòng {row}); giá trị của nó bị bỏ qua.',
    en: 'Column {index} has no header but holds data (first at row {row}); its values are ignored.',
  },
});

export const csvTooManyFields = defineRule({
  id: 'SL-CAT-CSV-020',
  severity: 'error',
  title: { vi: 'Dòng thừa ô', en: 'Row has extra fields' },
  message: {
    vi: 'Dòng {row} có {count} ô nhưng tiêu đề chỉ có {expected} cột, và ô thừa có dữ liệu («{extra}»).',
    en: 'Row {row} has {count} fields but the header has {expected} columns, and the extra ones hold data («{extra}»).',
  },
  reference: RFC_4180,
});

export const csvTooFewFields = defineRule({
  id: 'SL-CAT-CSV-021',
  severity: 'warning',
  title: { vi: 'Dòng thiếu ô', en: 'Row has missing fields' },
  message: {
    vi: 'Dòng {row} chỉ có {count} ô trong khi tiêu đề có {expected} cột; các ô thiếu được coi là trống.',
    en: 'Row {row} has only {count} fields while the header has {expected} columns; the missing ones count as empty.',
  },
  reference: RFC_4180,
});

export const csvEmptyCell = defineRule({
  id: 'SL-CAT-CSV-030',
  severity: 'error',
  title: { vi: 'Ô bắt buộc bị trống', en: 'Required cell empty' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: ô bắt buộc bị trống (cần {accepted}).',
    en: 'Row {row}, column «{column}»: this cell is required (expected {accepted}).',
  },
});

export const csvBadBoolean = defineRule({
  id: 'SL-CAT-CSV-031',
  severity: 'error',
  title: { vi: 'Giá trị có/không không hợp lệ', en: 'Invalid yes/no value' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải giá trị có/không (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not a yes/no value (expected {accepted}).',
  },
  reference: ND43_LEVELS,
});

export const csvBadTier = defineRule({
  id: 'SL-CAT-CSV-032',
  severity: 'error',
  title: { vi: 'Cấp hành chính không hợp lệ', en: 'Invalid administrative tier' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải cấp hành chính (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not an administrative tier (expected {accepted}).',
  },
  reference: TIERS,
});

export const csvBadPayment = defineRule({
  id: 'SL-CAT-CSV-033',
  severity: 'error',
  title: { vi: 'Hình thức thanh toán không hợp lệ', en: 'Invalid payment value' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải hình thức thanh toán phí, lệ phí (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not a way of paying fees (expected {accepted}).',
  },
  reference: ND43_LEVELS,
});

export const csvBadResultChannels = defineRule({
  id: 'SL-CAT-CSV-034',
  severity: 'error',
  title: { vi: 'Kênh trả kết quả không hợp lệ', en: 'Invalid result channels' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải danh sách kênh trả kết quả (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not a list of result channels (expected {accepted}).',
  },
  reference: `${ND43_LEVELS}; điểm a ${ND42_CATEGORIES}`,
});

export const csvBadDate = defineRule({
  id: 'SL-CAT-CSV-035',
  severity: 'error',
  title: { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải ngày hợp lệ (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not a valid date (expected {accepted}).',
  },
});

export const csvBadDeclaredLevel = defineRule({
  id: 'SL-CAT-CSV-036',
  severity: 'error',
  title: { vi: 'Mức độ khai báo không hợp lệ', en: 'Invalid declared level' },
  message: {
    vi: 'Dòng {row}, cột «{column}»: «{value}» không phải mức độ dịch vụ (cần {accepted}).',
    en: 'Row {row}, column «{column}»: «{value}» is not a service level (expected {accepted}).',
  },
  reference: `${ND43_LEVELS}; ${ND42_CATEGORIES}`,
});

export const csvRowLeftOut = defineRule({
  id: 'SL-CAT-CSV-040',
  severity: 'info',
  title: { vi: 'Dòng không được nhập', en: 'Row left out' },
  message: {
    vi: 'Dòng {row} (mã thủ tục «{procedureCode}») không được đưa vào danh mục vì {errors} lỗi nêu trên.',
    en: 'Row {row} (procedure code «{procedureCode}») is left out of the catalogue because of the {errors} error(s) above.',
  },
});

export const jsonSyntax = defineRule({
  id: 'SL-CAT-JSON-001',
  severity: 'error',
  title: { vi: 'JSON không hợp lệ', en: 'Invalid JSON' },
  message: {
    vi: 'Không đọc được JSON: {detail}.',
    en: 'The text is not valid JSON: {detail}.',
  },
});

export const jsonNotCatalogue = defineRule({
  id: 'SL-CAT-JSON-002',
  severity: 'error',
  title: { vi: 'Không phải danh mục', en: 'Not a catalogue' },
  message: {
    vi: 'Dữ liệu phải là một đối tượng có mảng “services”, nhưng {found}.',
    en: 'The data must be an object with a “services” array, but {found}.',
  },
});

export const jsonInvalidValue = defineRule({
  id: 'SL-CAT-JSON-003',
  severity: 'error',
  title: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  message: {
    vi: '{path}: {detail}.',
    en: '{path}: {detail}.',
  },
});

export const jsonUnknownProperty = defineRule({
  id: 'SL-CAT-JSON-004',
  severity: 'warning',
  title: { vi: 'Thuộc tính không nhận ra', en: 'Unknown property' },
  message: {
    vi: '{path}: thuộc tính “{property}” không thuộc mô hình danh mục; bị bỏ qua.',
    en: '{path}: property “{property}” is not part of the catalogue model; ignored.',
  },
});

export const jsonServiceLeftOut = defineRule({
  id: 'SL-CAT-JSON-005',
  severity: 'info',
  title: { vi: 'Dịch vụ không được nhập', en: 'Service left out' },
  message: {
    vi: '{path} (mã thủ tục «{procedureCode}») không được đưa vào danh mục vì {errors} lỗi nêu trên.',
    en: '{path} (procedure code «{procedureCode}») is left out of the catalogue because of the {errors} error(s) above.',
  },
});

export const duplicateProcedure = defineRule({
  id: 'SL-CAT-VAL-001',
  severity: 'error',
  title: { vi: 'Thủ tục trùng trong một cơ quan', en: 'Duplicate procedure within an agency' },
  message: {
    vi: 'Thủ tục «{procedureCode}» của cơ quan «{agency}» xuất hiện lại (lần đầu ở {first}) với thời gian hiệu lực chồng lên nhau; sẽ bị đếm hai lần.',
    en: 'Procedure «{procedureCode}» of agency «{agency}» appears again (first at {first}) with an overlapping effective period; it would be counted twice.',
  },
});

export const effectivePeriodReversed = defineRule({
  id: 'SL-CAT-VAL-002',
  severity: 'error',
  title: { vi: 'Ngày hết hiệu lực trước ngày hiệu lực', en: 'Effective end before start' },
  message: {
    vi: 'Thủ tục «{procedureCode}»: hiệu lực đến {effectiveTo} trước ngày hiệu lực từ {effectiveFrom}.',
    en: 'Procedure «{procedureCode}»: effective to {effectiveTo} is before effective from {effectiveFrom}.',
  },
});

export const districtTierAbolished = defineRule({
  id: 'SL-CAT-VAL-003',
  severity: 'error',
  title: { vi: 'Cấp huyện sau 01/7/2025', en: 'District tier after 2025-07-01' },
  message: {
    vi: 'Thủ tục «{procedureCode}» thuộc cấp huyện nhưng có hiệu lực vào {date}: đơn vị hành chính cấp huyện kết thúc hoạt động từ 01/7/2025.',
    en: 'Procedure «{procedureCode}» is at the district tier but in force on {date}: district-level administrative units ended on 2025-07-01.',
  },
  reference: 'Nghị quyết 203/2025/QH15',
});

export const emptyCatalogue = defineRule({
  id: 'SL-CAT-VAL-007',
  severity: 'warning',
  title: { vi: 'Danh mục trống', en: 'Empty catalogue' },
  message: {
    vi: 'Danh mục không có dịch vụ nào.',
    en: 'The catalogue holds no service.',
  },
});

export const nd43LevelAfterReplacement = defineRule({
  id: 'SL-CAT-VAL-008',
  severity: 'info',
  title: { vi: 'Mức độ NĐ 43 sau 14/8/2022', en: 'NĐ 43 level after 2022-08-14' },
  message: {
    vi: '{count} thủ tục khai báo mức độ theo Nghị định 43/2011/NĐ-CP trong danh mục ngày {asOf}; từ 15/8/2022 phân loại theo Nghị định 42/2022/NĐ-CP (toàn trình / một phần).',
    en: '{count} procedure(s) declare a Decree 43/2011 level in a catalogue dated {asOf}; from 2022-08-15 services are classified under Decree 42/2022 (full / partial online).',
  },
  reference: 'Nghị định 42/2022/NĐ-CP',
});

export const csvRules = [
  textNotUtf8,
  csvUnterminatedQuote,
  csvQuoteInUnquotedField,
  csvTextAfterClosingQuote,
  csvNoHeader,
  csvUnknownColumn,
  csvMissingColumn,
  csvDuplicateColumn,
  csvRowsBeforeHeader,
  csvUnnamedColumn,
  csvTooManyFields,
  csvTooFewFields,
  csvEmptyCell,
  csvBadBoolean,
  csvBadTier,
  csvBadPayment,
  csvBadResultChannels,
  csvBadDate,
  csvBadDeclaredLevel,
  csvRowLeftOut,
] as const;

export const jsonRules = [
  textNotUtf8,
  jsonSyntax,
  jsonNotCatalogue,
  jsonInvalidValue,
  jsonUnknownProperty,
  jsonServiceLeftOut,
] as const;

export const validationRules = [
  duplicateProcedure,
  effectivePeriodReversed,
  districtTierAbolished,
  emptyCatalogue,
  nd43LevelAfterReplacement,
] as const;

/** Version of the catalogue rule set; bumped when a rule is added or its meaning changes. */
export const CATALOGUE_RULESET = { name: '@lienthong/service-level catalogue', version: '2.0.0' } as const;

/** Every rule the catalogue importers and `validateCatalogue` can report, with unique, stable IDs. */
export const catalogueRules = defineRuleCatalog(CATALOGUE_RULESET.name, CATALOGUE_RULESET.version, [
  ...csvRules,
  ...jsonRules.filter((rule) => rule !== textNotUtf8),
  ...validationRules,
]);

/**
 * The rules a catalogue report lists: the catalogue's own, plus the ones it reuses from other catalogues —
 * declared-vs-computed (SL-CLS-010/011/012, classification) and code formats (SL-CODE-*, reported as warnings).
 */
export const catalogueReportRules = [
  ...catalogueRules.rules,
  declaredLevelDiffers,
  declaredCategoryDiffers,
  declaredVendorCodeDiffers,
  // A malformed code in a catalogue is a warning (the service can still be classified), so the report lists
  // the code rules at the severity they are reported with there.
  ...codeRules.rules.map((rule) => ({ toChecked: () => ({ ...rule.toChecked(), severity: 'warning' as const }) })),
] as const;
