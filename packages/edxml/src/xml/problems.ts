/**
 * What the XML layer reports about its input. Bad input never throws: every defect becomes an
 * `XmlProblem` with a stable code, a position and a message in Vietnamese and English.
 */

/** Every defect the XML layer can report. Codes never change meaning once published. */
export type XmlProblemCode =
  // Bytes and encoding
  | 'INVALID_UTF8'
  | 'UNSUPPORTED_ENCODING'
  | 'INPUT_TOO_LARGE'
  // Prolog
  | 'JUNK_BEFORE_ROOT'
  | 'MISPLACED_XML_DECLARATION'
  | 'INVALID_XML_DECLARATION'
  | 'DOCTYPE_FORBIDDEN'
  | 'NO_ROOT_ELEMENT'
  | 'MULTIPLE_ROOTS'
  | 'TEXT_OUTSIDE_ROOT'
  // Names and namespaces
  | 'INVALID_NAME'
  | 'NAME_TOO_LONG'
  | 'UNBOUND_PREFIX'
  | 'INVALID_NAMESPACE_DECLARATION'
  // Tags and attributes
  | 'MALFORMED_TAG'
  | 'DUPLICATE_ATTRIBUTE'
  | 'TOO_MANY_ATTRIBUTES'
  | 'ATTRIBUTE_VALUE_TOO_LONG'
  | 'LESS_THAN_IN_ATTRIBUTE_VALUE'
  | 'MISMATCHED_END_TAG'
  | 'UNEXPECTED_END_TAG'
  | 'UNCLOSED_ELEMENT'
  | 'DEPTH_LIMIT_EXCEEDED'
  // Character data and references
  | 'UNDEFINED_ENTITY'
  | 'INVALID_ENTITY_REFERENCE'
  | 'INVALID_CHARACTER_REFERENCE'
  | 'INVALID_CHARACTER'
  | 'CDATA_END_IN_TEXT'
  | 'TEXT_TOO_LONG'
  // Other markup
  | 'MALFORMED_COMMENT'
  | 'MALFORMED_PROCESSING_INSTRUCTION'
  | 'MALFORMED_MARKUP'
  | 'MARKUP_TOO_LONG'
  | 'UNEXPECTED_END_OF_INPUT';

/**
 * `fatal`: the document is not well-formed (or a safety limit was hit); scanning stopped there.
 * `recoverable`: the scanner worked around the defect and went on; the caller decides whether it is
 * a warning (tolerant reading) or an error (strict reading).
 */
export type XmlProblemSeverity = 'fatal' | 'recoverable';

/** A text in Vietnamese and English (the same shape as `LocalizedText` of @lienthong/report). */
export interface XmlMessage {
  readonly vi: string;
  readonly en: string;
}

/** A place in the decoded text. */
export interface XmlPosition {
  /** 1-based line; a line ends at LF, CR LF or a lone CR. */
  readonly line: number;
  /** 1-based column counted in UTF-16 code units (a character outside the BMP counts 2). */
  readonly column: number;
  /** 0-based offset in UTF-16 code units into the decoded text (a leading BOM counts as one unit). */
  readonly offset: number;
}

export interface XmlProblem extends XmlPosition {
  readonly code: XmlProblemCode;
  readonly severity: XmlProblemSeverity;
  readonly message: XmlMessage;
  /** 0-based byte offset into the input, given for problems found while decoding bytes. */
  readonly byteOffset?: number;
}

/** The values a message can mention. */
export interface XmlProblemDetails {
  /** The name (of an element, attribute, prefix, entity) the problem is about. */
  readonly name?: string;
  /** What was expected instead, e.g. the name of the open element. */
  readonly expected?: string;
  /** The limit that was exceeded. */
  readonly limit?: number;
  /** What was found, language-neutral, e.g. `U+0001`, `ISO-8859-1` or `&foo`. */
  readonly found?: string;
  /** A bilingual explanation appended to the message. */
  readonly reason?: XmlMessage;
}

type MessageBuilder = (details: XmlProblemDetails) => XmlMessage;

const quoted = (value: string | undefined): string => (value === undefined ? '' : ` '${value}'`);
const reasonVi = (details: XmlProblemDetails): string => (details.reason === undefined ? '' : `: ${details.reason.vi}`);
const reasonEn = (details: XmlProblemDetails): string => (details.reason === undefined ? '' : `: ${details.reason.en}`);

const MESSAGES: { readonly [code in XmlProblemCode]: MessageBuilder } = {
  INVALID_UTF8: () => ({
    vi: 'Dữ liệu không phải UTF-8 hợp lệ.',
    en: 'The input is not valid UTF-8.',
  }),
  UNSUPPORTED_ENCODING: (d) => ({
    vi: `Bảng mã${quoted(d.found)} không được hỗ trợ; chỉ hỗ trợ UTF-8.`,
    en: `Encoding${quoted(d.found)} is not supported; only UTF-8 is.`,
  }),
  INPUT_TOO_LARGE: (d) => ({
    vi: `Dữ liệu vượt quá giới hạn ${d.limit} byte.`,
    en: `The input exceeds the limit of ${d.limit} bytes.`,
  }),
  JUNK_BEFORE_ROOT: () => ({
    vi: 'Có ký tự thừa trước khai báo XML hoặc phần tử gốc.',
    en: 'Stray characters before the XML declaration or the root element.',
  }),
  MISPLACED_XML_DECLARATION: () => ({
    vi: 'Khai báo XML (<?xml ...?>) chỉ được đặt ở đầu tài liệu.',
    en: 'The XML declaration (<?xml ...?>) may only appear at the very start of the document.',
  }),
  INVALID_XML_DECLARATION: (d) => ({
    vi: `Khai báo XML không hợp lệ${reasonVi(d)}.`,
    en: `Invalid XML declaration${reasonEn(d)}.`,
  }),
  DOCTYPE_FORBIDDEN: () => ({
    vi: 'Không chấp nhận khai báo DOCTYPE (để tránh tấn công mở rộng thực thể).',
    en: 'DOCTYPE declarations are not accepted (they enable entity-expansion attacks).',
  }),
  NO_ROOT_ELEMENT: () => ({
    vi: 'Tài liệu không có phần tử gốc.',
    en: 'The document has no root element.',
  }),
  MULTIPLE_ROOTS: (d) => ({
    vi: `Phần tử${quoted(d.name)} nằm sau phần tử gốc; tài liệu chỉ được có một phần tử gốc.`,
    en: `Element${quoted(d.name)} follows the root element; a document has exactly one root.`,
  }),
  TEXT_OUTSIDE_ROOT: () => ({
    vi: 'Có văn bản nằm ngoài phần tử gốc.',
    en: 'Text outside the root element.',
  }),
  INVALID_NAME: (d) => ({
    vi: `Tên${quoted(d.name)} không hợp lệ trong XML${reasonVi(d)}.`,
    en: `${d.name === undefined ? 'Invalid XML name' : `'${d.name}' is not a valid XML name`}${reasonEn(d)}.`,
  }),
  NAME_TOO_LONG: (d) => ({
    vi: `Tên dài quá ${d.limit} ký tự.`,
    en: `A name is longer than ${d.limit} characters.`,
  }),
  UNBOUND_PREFIX: (d) => ({
    vi: `Tiền tố không gian tên${quoted(d.name)} chưa được khai báo (thiếu xmlns:${d.name ?? ''}).`,
    en: `Namespace prefix${quoted(d.name)} is not declared (missing xmlns:${d.name ?? ''}).`,
  }),
  INVALID_NAMESPACE_DECLARATION: (d) => ({
    vi: `Khai báo không gian tên${quoted(d.name)} không hợp lệ.`,
    en: `Invalid namespace declaration${quoted(d.name)}.`,
  }),
  MALFORMED_TAG: (d) => ({
    vi: `Thẻ${quoted(d.name)} sai cú pháp${reasonVi(d)}.`,
    en: `Malformed tag${quoted(d.name)}${reasonEn(d)}.`,
  }),
  DUPLICATE_ATTRIBUTE: (d) => ({
    vi: `Thuộc tính${quoted(d.name)} xuất hiện hai lần trong cùng một thẻ.`,
    en: `Attribute${quoted(d.name)} appears twice in the same tag.`,
  }),
  TOO_MANY_ATTRIBUTES: (d) => ({
    vi: `Một phần tử có nhiều hơn ${d.limit} thuộc tính.`,
    en: `An element has more than ${d.limit} attributes.`,
  }),
  ATTRIBUTE_VALUE_TOO_LONG: (d) => ({
    vi: `Giá trị thuộc tính${quoted(d.name)} dài quá ${d.limit} ký tự.`,
    en: `The value of attribute${quoted(d.name)} is longer than ${d.limit} characters.`,
  }),
  LESS_THAN_IN_ATTRIBUTE_VALUE: (d) => ({
    vi: `Giá trị thuộc tính${quoted(d.name)} chứa ký tự '<' (phải viết là &lt;).`,
    en: `The value of attribute${quoted(d.name)} contains '<' (write it as &lt;).`,
  }),
  MISMATCHED_END_TAG: (d) => ({
    vi: `Thẻ đóng '</${d.name ?? ''}>' không khớp với thẻ mở '<${d.expected ?? ''}>'.`,
    en: `End tag '</${d.name ?? ''}>' does not match start tag '<${d.expected ?? ''}>'.`,
  }),
  UNEXPECTED_END_TAG: (d) => ({
    vi: `Thẻ đóng '</${d.name ?? ''}>' không có thẻ mở tương ứng.`,
    en: `End tag '</${d.name ?? ''}>' has no matching start tag.`,
  }),
  UNCLOSED_ELEMENT: (d) => ({
    vi: `Phần tử${quoted(d.name)} chưa được đóng khi hết dữ liệu.`,
    en: `Element${quoted(d.name)} is not closed at the end of the input.`,
  }),
  DEPTH_LIMIT_EXCEEDED: (d) => ({
    vi: `Các phần tử lồng nhau sâu quá ${d.limit} cấp.`,
    en: `Elements are nested more than ${d.limit} levels deep.`,
  }),
  UNDEFINED_ENTITY: (d) => ({
    vi: `Thực thể${quoted(d.name)} không được định nghĩa; chỉ dùng được &lt; &gt; &amp; &apos; &quot; và tham chiếu số.`,
    en: `Entity${quoted(d.name)} is not defined; only &lt; &gt; &amp; &apos; &quot; and numeric references are allowed.`,
  }),
  INVALID_ENTITY_REFERENCE: (d) => ({
    vi: `Tham chiếu thực thể sai cú pháp${quoted(d.found)} (ký tự '&' phải viết là &amp;).`,
    en: `Malformed entity reference${quoted(d.found)} (write a literal '&' as &amp;).`,
  }),
  INVALID_CHARACTER_REFERENCE: (d) => ({
    vi: `Tham chiếu ký tự${quoted(d.found)} trỏ tới ký tự không được phép trong XML.`,
    en: `Character reference${quoted(d.found)} refers to a character XML does not allow.`,
  }),
  INVALID_CHARACTER: (d) => ({
    vi: `Ký tự ${d.found ?? ''} không được phép trong XML.`,
    en: `Character ${d.found ?? ''} is not allowed in XML.`,
  }),
  CDATA_END_IN_TEXT: () => ({
    vi: "Chuỗi ']]>' không được xuất hiện trong văn bản (phải viết là ]]&gt;).",
    en: "The sequence ']]>' is not allowed in text (write it as ]]&gt;).",
  }),
  TEXT_TOO_LONG: (d) => ({
    vi: `Văn bản của phần tử${quoted(d.name)} dài quá ${d.limit} ký tự.`,
    en: `The text of element${quoted(d.name)} is longer than ${d.limit} characters.`,
  }),
  MALFORMED_COMMENT: (d) => ({
    vi: `Chú thích sai cú pháp${reasonVi(d)}.`,
    en: `Malformed comment${reasonEn(d)}.`,
  }),
  MALFORMED_PROCESSING_INSTRUCTION: (d) => ({
    vi: `Chỉ thị xử lý${quoted(d.name)} sai cú pháp${reasonVi(d)}.`,
    en: `Malformed processing instruction${quoted(d.name)}${reasonEn(d)}.`,
  }),
  MALFORMED_MARKUP: (d) => ({
    vi: `Cú pháp đánh dấu không hợp lệ${reasonVi(d)}.`,
    en: `Invalid markup${reasonEn(d)}.`,
  }),
  MARKUP_TOO_LONG: (d) => ({
    vi: `Chú thích, chỉ thị xử lý hoặc khai báo XML dài quá ${d.limit} ký tự.`,
    en: `A comment, processing instruction or XML declaration is longer than ${d.limit} characters.`,
  }),
  UNEXPECTED_END_OF_INPUT: (d) => ({
    vi: `Dữ liệu kết thúc giữa chừng${reasonVi(d)}.`,
    en: `The input ends unexpectedly${reasonEn(d)}.`,
  }),
};

/** The bilingual message for a problem code. */
export function describeXmlProblem(code: XmlProblemCode, details: XmlProblemDetails = {}): XmlMessage {
  return MESSAGES[code](details);
}

/** Every problem code, for documentation and exhaustive tests. */
export const XML_PROBLEM_CODES = Object.keys(MESSAGES) as readonly XmlProblemCode[];

/** Formats a UTF-16 code unit or code point as `U+XXXX` for messages. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
