import { defineRule, defineRuleCatalog } from '@lienthong/report';

/*
 * SL-CODE-*: the codes of one-stop-shop ↔ DVCQG integration (domain notes §2.1–2.3). IDs are stable: a rule
 * never changes meaning once published; new checks get new numbers.
 *
 * 001–009: the text itself, whatever code it should be; 010–019 agency codes; 020–029 procedure codes;
 * 030–039 dossier codes; 040–049 field codes.
 */

const QCVN102 = 'QCVN 102:2016/BTTTT (Thông tư 10/2016/TT-BTTTT)';
const DOSSIER_CODE_ARTICLE = 'Điều 19 Thông tư 01/2018/TT-VPCP';
const FIELD_CODE_ARTICLE = 'Điều 20 Thông tư 01/2018/TT-VPCP';
/** No legal text fixing the procedure-code format was found (domain notes §2.2, §6): the format is observed. */
const PROCEDURE_CODE_SOURCE = 'Cơ sở dữ liệu quốc gia về thủ tục hành chính (định dạng quan sát được)';

export const codeNotText = defineRule({
  id: 'SL-CODE-001',
  severity: 'error',
  title: { vi: 'Mã không phải chuỗi ký tự', en: 'Code is not text' },
  message: { vi: '{kind} không phải chuỗi ký tự (nhận được {received}).', en: '{kind} is not text (got {received}).' },
});

export const codeEmpty = defineRule({
  id: 'SL-CODE-002',
  severity: 'error',
  title: { vi: 'Mã trống', en: 'Code empty' },
  message: { vi: '{kind} trống.', en: '{kind} is empty.' },
});

export const codeTooLong = defineRule({
  id: 'SL-CODE-003',
  severity: 'error',
  title: { vi: 'Mã quá dài', en: 'Code too long' },
  message: {
    vi: '{kind} dài {length} ký tự, quá giới hạn {limit} ký tự; không mã hợp lệ nào dài như vậy nên văn bản không được phân tích.',
    en: '{kind} is {length} characters long, over the limit of {limit}; no valid code is that long, so the text was not analysed.',
  },
});

export const codeSurroundingWhitespace = defineRule({
  id: 'SL-CODE-004',
  severity: 'error',
  title: { vi: 'Mã có khoảng trắng thừa', en: 'Code has surrounding whitespace' },
  message: {
    vi: '{kind} {value} có khoảng trắng ở đầu hoặc cuối; hãy bỏ khoảng trắng đó.',
    en: '{kind} {value} has leading or trailing whitespace; remove it.',
  },
});

export const codeNonAsciiDigit = defineRule({
  id: 'SL-CODE-005',
  severity: 'error',
  title: { vi: 'Mã có chữ số không phải ASCII', en: 'Code has a non-ASCII digit' },
  message: {
    vi: '{kind} {value} chứa chữ số {character} ({codePoint}); mã chỉ dùng các chữ số ASCII 0–9.',
    en: '{kind} {value} contains the digit {character} ({codePoint}); codes use only the ASCII digits 0–9.',
  },
});

export const agencyCodeFormat = defineRule({
  id: 'SL-CODE-010',
  severity: 'error',
  title: { vi: 'Mã định danh cơ quan sai định dạng', en: 'Agency code malformed' },
  message: {
    vi: '{value} không phải mã định danh cơ quan theo QCVN 102:2016 (dạng NNN.NN.NN.LNN, ví dụ 000.00.01.H56).',
    en: '{value} is not a QCVN 102:2016 agency code (form NNN.NN.NN.LNN, e.g. 000.00.01.H56).',
  },
  reference: QCVN102,
});

export const agencyCodeLowercaseLetter = defineRule({
  id: 'SL-CODE-011',
  severity: 'error',
  title: { vi: 'Chữ cái mã đơn vị cấp 1 viết thường', en: 'Level-1 unit letter in lower case' },
  message: {
    vi: 'Mã định danh {value} phải viết hoa chữ cái chỉ loại đơn vị cấp 1 (ví dụ H56, không phải h56).',
    en: 'Agency code {value} must write the level-1 unit letter in upper case (H56, not h56).',
  },
  reference: QCVN102,
});

export const agencyCodeLevelGap = defineRule({
  id: 'SL-CODE-012',
  severity: 'info',
  title: { vi: 'Mã định danh bỏ trống cấp trung gian', en: 'Agency code skips a level' },
  message: {
    vi: 'Mã định danh {value} có đơn vị cấp dưới trong khi một cấp phía trên bằng 0; mã thật có dạng này nên vẫn được chấp nhận.',
    en: 'Agency code {value} sets a lower level while a level above it is zero; real codes do this, so it is accepted.',
  },
  reference: QCVN102,
});

export const procedureCodeFormat = defineRule({
  id: 'SL-CODE-020',
  severity: 'error',
  title: { vi: 'Mã thủ tục hành chính sai định dạng', en: 'Procedure code malformed' },
  message: {
    vi: '{value} không phải mã thủ tục hành chính (dạng d.dddddd, có thể kèm mã cơ quan: 1.002809.000.00.00.H56).',
    en: '{value} is not an administrative procedure code (form d.dddddd, optionally with an agency code: 1.002809.000.00.00.H56).',
  },
  reference: PROCEDURE_CODE_SOURCE,
});

export const procedureCodeUnusualLeadingDigit = defineRule({
  id: 'SL-CODE-021',
  severity: 'warning',
  title: { vi: 'Chữ số đầu của mã thủ tục chưa gặp', en: 'Unusual procedure code leading digit' },
  message: {
    vi: 'Mã thủ tục hành chính {value} bắt đầu bằng {digit}; các mã công khai đã biết chỉ bắt đầu bằng 1, 2 hoặc 3 và ý nghĩa của chữ số này chưa được xác minh. Mã vẫn được chấp nhận; hãy đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
    en: 'Procedure code {value} starts with {digit}; the public codes known start with 1, 2 or 3 only, and the meaning of that digit is not verified. The code is accepted; check it against the national database of administrative procedures.',
  },
  reference: PROCEDURE_CODE_SOURCE,
});

export const procedureCodeAgencyInvalid = defineRule({
  id: 'SL-CODE-022',
  severity: 'error',
  title: { vi: 'Phần mã cơ quan của mã thủ tục không hợp lệ', en: 'Agency suffix of procedure code invalid' },
  message: {
    vi: 'Phần mã cơ quan {agencyCode} sau mã thủ tục {national} không hợp lệ: {reason}',
    en: 'The agency suffix {agencyCode} after procedure code {national} is invalid: {reason}',
  },
  reference: QCVN102,
});

export const dossierCodeFormat = defineRule({
  id: 'SL-CODE-030',
  severity: 'error',
  title: { vi: 'Mã hồ sơ sai định dạng', en: 'Dossier code malformed' },
  message: {
    vi: '{value} không phải mã hồ sơ theo Điều 19 Thông tư 01/2018/TT-VPCP (dạng <mã cơ quan>-YYMMDD-XXXX, ví dụ 000.00.01.H56-250224-0001).',
    en: '{value} is not a dossier code under Article 19 of Circular 01/2018/TT-VPCP (form <agency code>-YYMMDD-XXXX, e.g. 000.00.01.H56-250224-0001).',
  },
  reference: DOSSIER_CODE_ARTICLE,
});

export const dossierCodeAgencyInvalid = defineRule({
  id: 'SL-CODE-031',
  severity: 'error',
  title: { vi: 'Phần mã cơ quan của mã hồ sơ không hợp lệ', en: 'Agency part of dossier code invalid' },
  message: {
    vi: 'Phần mã cơ quan {agencyCode} của mã hồ sơ {value} không hợp lệ: {reason}',
    en: 'The agency part {agencyCode} of dossier code {value} is invalid: {reason}',
  },
  reference: DOSSIER_CODE_ARTICLE,
});

export const dossierCodeDateInvalid = defineRule({
  id: 'SL-CODE-032',
  severity: 'error',
  title: { vi: 'Ngày tiếp nhận trong mã hồ sơ không có thật', en: 'Dossier code date does not exist' },
  message: {
    vi: 'Ngày tiếp nhận {yymmdd} trong mã hồ sơ {value} không phải ngày có thật: {reason}.',
    en: 'The received date {yymmdd} in dossier code {value} is not a real date: {reason}.',
  },
  reference: DOSSIER_CODE_ARTICLE,
});

export const dossierCodeSequenceZero = defineRule({
  id: 'SL-CODE-033',
  severity: 'error',
  title: { vi: 'Số thứ tự hồ sơ bằng 0', en: 'Dossier sequence number is zero' },
  message: {
    vi: 'Số thứ tự {sequence} trong mã hồ sơ {value} phải từ 0001 đến 9999.',
    en: 'The sequence number {sequence} in dossier code {value} must be 0001 to 9999.',
  },
  reference: DOSSIER_CODE_ARTICLE,
});

export const dossierCodeBeforeCircular = defineRule({
  id: 'SL-CODE-034',
  severity: 'warning',
  title: {
    vi: 'Mã hồ sơ trước khi Thông tư 01/2018 có hiệu lực',
    en: 'Dossier code before Circular 01/2018 took effect',
  },
  message: {
    vi: 'Ngày tiếp nhận {receivedOn} trong mã hồ sơ {value} trước ngày Thông tư 01/2018/TT-VPCP có hiệu lực (06/01/2019); hãy kiểm tra năm (YY được đọc là 20YY).',
    en: 'The received date {receivedOn} in dossier code {value} is before Circular 01/2018/TT-VPCP took effect (2019-01-06); check the year (YY is read as 20YY).',
  },
  reference: DOSSIER_CODE_ARTICLE,
});

export const fieldCodeFormat = defineRule({
  id: 'SL-CODE-040',
  severity: 'error',
  title: { vi: 'Mã lĩnh vực sai định dạng', en: 'Field code malformed' },
  message: {
    vi: '{value} không phải mã ngành, lĩnh vực theo Điều 20 Thông tư 01/2018/TT-VPCP (dạng MX1X2-LV: mã đơn vị cấp 1 như G22 hoặc H56, dấu gạch ngang, rồi mã lĩnh vực gồm chữ cái và chữ số ASCII).',
    en: '{value} is not a field code under Article 20 of Circular 01/2018/TT-VPCP (form MX1X2-LV: a level-1 unit code such as G22 or H56, a hyphen, then the field code in ASCII letters and digits).',
  },
  reference: FIELD_CODE_ARTICLE,
});

export const fieldCodeLowercaseLetter = defineRule({
  id: 'SL-CODE-041',
  severity: 'error',
  title: { vi: 'Chữ cái mã đơn vị cấp 1 viết thường', en: 'Level-1 unit letter in lower case' },
  message: {
    vi: 'Mã lĩnh vực {value} phải viết hoa chữ cái của mã đơn vị cấp 1 (ví dụ G22, không phải g22).',
    en: 'Field code {value} must write the letter of the level-1 unit code in upper case (G22, not g22).',
  },
  reference: FIELD_CODE_ARTICLE,
});

/** Version of the code rules; bumped when a rule is added or its meaning changes. */
export const CODE_RULESET = { name: '@lienthong/service-level codes', version: '1.0.0' } as const;

/** Every rule the code parsers can report. */
export const codeRules = defineRuleCatalog(CODE_RULESET.name, CODE_RULESET.version, [
  codeNotText,
  codeEmpty,
  codeTooLong,
  codeSurroundingWhitespace,
  codeNonAsciiDigit,
  agencyCodeFormat,
  agencyCodeLowercaseLetter,
  agencyCodeLevelGap,
  procedureCodeFormat,
  procedureCodeUnusualLeadingDigit,
  procedureCodeAgencyInvalid,
  dossierCodeFormat,
  dossierCodeAgencyInvalid,
  dossierCodeDateInvalid,
  dossierCodeSequenceZero,
  dossierCodeBeforeCircular,
  fieldCodeFormat,
  fieldCodeLowercaseLetter,
]);
