/**
 * Character classes of XML 1.0 (fifth edition): which characters may appear in a document and
 * which may start or continue a name. ASCII goes through a lookup table because names in real
 * envelopes are almost always ASCII and this check runs once per name character.
 */

export const CHAR_TAB = 0x09;
export const CHAR_LF = 0x0a;
export const CHAR_CR = 0x0d;
export const CHAR_SPACE = 0x20;
export const CHAR_BANG = 0x21;
export const CHAR_DOUBLE_QUOTE = 0x22;
export const CHAR_HASH = 0x23;
export const CHAR_AMPERSAND = 0x26;
export const CHAR_SINGLE_QUOTE = 0x27;
export const CHAR_MINUS = 0x2d;
export const CHAR_SLASH = 0x2f;
export const CHAR_COLON = 0x3a;
export const CHAR_SEMICOLON = 0x3b;
export const CHAR_LESS_THAN = 0x3c;
export const CHAR_EQUALS = 0x3d;
export const CHAR_GREATER_THAN = 0x3e;
export const CHAR_QUESTION_MARK = 0x3f;
export const CHAR_OPEN_BRACKET = 0x5b;
export const CHAR_CLOSE_BRACKET = 0x5d;
export const CHAR_LOWER_X = 0x78;
export const CHAR_BYTE_ORDER_MARK = 0xfeff;

/** `ASCII_NAME_CLASS[c]` for c < 0x80: 0 = not in names, 1 = may continue a name, 2 = may also start one. */
const ASCII_NAME_CLASS = new Uint8Array(0x80);
for (let c = 0x30; c <= 0x39; c++) ASCII_NAME_CLASS[c] = 1;
ASCII_NAME_CLASS[CHAR_MINUS] = 1;
ASCII_NAME_CLASS[0x2e] = 1; // '.'
for (let c = 0x41; c <= 0x5a; c++) ASCII_NAME_CLASS[c] = 2;
for (let c = 0x61; c <= 0x7a; c++) ASCII_NAME_CLASS[c] = 2;
ASCII_NAME_CLASS[0x5f] = 2; // '_'
ASCII_NAME_CLASS[CHAR_COLON] = 2;

/** NameStartChar of XML 1.0 §2.3, for any code point. */
export function isNameStartCodePoint(cp: number): boolean {
  if (cp < 0x80) return ASCII_NAME_CLASS[cp] === 2;
  return (
    (cp >= 0xc0 && cp <= 0xd6) ||
    (cp >= 0xd8 && cp <= 0xf6) ||
    (cp >= 0xf8 && cp <= 0x2ff) ||
    (cp >= 0x370 && cp <= 0x37d) ||
    (cp >= 0x37f && cp <= 0x1fff) ||
    (cp >= 0x200c && cp <= 0x200d) ||
    (cp >= 0x2070 && cp <= 0x218f) ||
    (cp >= 0x2c00 && cp <= 0x2fef) ||
    (cp >= 0x3001 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfdcf) ||
    (cp >= 0xfdf0 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0xeffff)
  );
}

/** NameChar of XML 1.0 §2.3, for any code point. */
export function isNameCodePoint(cp: number): boolean {
  if (cp < 0x80) return ASCII_NAME_CLASS[cp] !== 0;
  return cp === 0xb7 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x203f && cp <= 0x2040) || isNameStartCodePoint(cp);
}

/** For ASCII code units: 0 = not in names, 1 = may continue a name, 2 = may also start one. */
export function asciiNameClass(c: number): number {
  return ASCII_NAME_CLASS[c]!;
}

/** Char of XML 1.0 §2.2: the code points a document may contain at all. */
export function isXmlCodePoint(cp: number): boolean {
  return cp >= 0x20
    ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
    : cp === CHAR_TAB || cp === CHAR_LF || cp === CHAR_CR;
}

export function isXmlWhitespace(c: number): boolean {
  return c === CHAR_SPACE || c === CHAR_LF || c === CHAR_CR || c === CHAR_TAB;
}

export function isHighSurrogate(c: number): boolean {
  return (c & 0xfc00) === 0xd800;
}

export function isLowSurrogate(c: number): boolean {
  return (c & 0xfc00) === 0xdc00;
}

export function combineSurrogates(high: number, low: number): number {
  return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
}

/**
 * Finds code units that may be illegal: C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF and
 * every surrogate (a surrogate is legal only as part of a pair, which the caller then checks).
 * One character class and no quantifier, so matching is linear; searching with a native regex is
 * several times faster than a JavaScript loop over large text such as a base64 attachment.
 */
export const SUSPECT_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/**
 * Line-end normalization of XML (§2.11): CR LF and a lone CR become LF. Written out by hand because
 * it runs on every whitespace run of a CR LF file, where `replace` with a regex costs twice as much.
 */
export function normalizeLineBreaks(text: string): string {
  let carriageReturn = text.indexOf('\r');
  if (carriageReturn === -1) return text;
  let normalized = '';
  let segmentStart = 0;
  while (carriageReturn !== -1) {
    if (text.charCodeAt(carriageReturn + 1) === CHAR_LF) {
      // Drop the CR; the LF that follows stays.
      normalized += text.slice(segmentStart, carriageReturn);
    } else {
      normalized += `${text.slice(segmentStart, carriageReturn)}\n`;
    }
    segmentStart = carriageReturn + 1;
    carriageReturn = text.indexOf('\r', segmentStart);
  }
  return normalized + text.slice(segmentStart);
}

/** Attribute-value normalization (§3.3.3) for literal whitespace: CR LF, CR, LF and TAB each become one space. */
const ATTRIBUTE_WHITESPACE = /\r\n|[\r\n\t]/g;

export function normalizeAttributeWhitespace(text: string): string {
  return text.replace(ATTRIBUTE_WHITESPACE, ' ');
}
