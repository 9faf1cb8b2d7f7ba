/**
 * The pseudo-attributes of an XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`).
 * The text is at most `maxMarkupLength` long and every loop below moves forward, so this is linear.
 */

export interface XmlDeclarationFields {
  readonly version: string;
  readonly encoding?: string;
  readonly standalone?: boolean;
}

/** Why a declaration is invalid, in English and Vietnamese. */
export interface XmlDeclarationDefect {
  readonly en: string;
  readonly vi: string;
}

const VERSION = /^1\.[0-9]+$/;
const ENCODING_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;
const PSEUDO_ATTRIBUTE_ORDER = ['version', 'encoding', 'standalone'] as const;

function isDeclarationWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isLowerCaseLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Parses the text after `<?xml` and before `?>`. */
export function parseXmlDeclarationFields(text: string): XmlDeclarationFields | XmlDeclarationDefect {
  const values = new Map<string, string>();
  let nextAllowed = 0;
  let i = 0;
  const length = text.length;
  for (;;) {
    const beforeSpace = i;
    while (i < length && isDeclarationWhitespace(text.charCodeAt(i))) i++;
    if (i >= length) break;
    if (i === beforeSpace) {
      return {
        en: 'pseudo-attributes must be separated by whitespace',
        vi: 'các thuộc tính phải cách nhau bằng khoảng trắng',
      };
    }
    const nameStart = i;
    while (i < length && isLowerCaseLetter(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    const order = PSEUDO_ATTRIBUTE_ORDER.indexOf(name as (typeof PSEUDO_ATTRIBUTE_ORDER)[number]);
    if (order < nextAllowed) {
      return {
        en: `unexpected '${name || text.charAt(nameStart)}' (expected version, encoding, standalone in this order)`,
        vi: `không mong đợi '${name || text.charAt(nameStart)}' (cần version, encoding, standalone theo thứ tự)`,
      };
    }
    nextAllowed = order + 1;
    while (i < length && isDeclarationWhitespace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) {
      return { en: `'=' expected after '${name}'`, vi: `thiếu '=' sau '${name}'` };
    }
    i++;
    while (i < length && isDeclarationWhitespace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) {
      return { en: `the value of '${name}' must be quoted`, vi: `giá trị của '${name}' phải nằm trong dấu nháy` };
    }
    const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close === -1) {
      return { en: `the value of '${name}' is not closed`, vi: `giá trị của '${name}' thiếu dấu nháy đóng` };
    }
    values.set(name, text.slice(i + 1, close));
    i = close + 1;
  }

  const version = values.get('version');
  if (version === undefined) return { en: "'version' is missing", vi: "thiếu 'version'" };
  if (!VERSION.test(version))
    return { en: `unsupported version '${version}'`, vi: `phiên bản '${version}' không hợp lệ` };
  const encoding = values.get('encoding');
  if (encoding !== undefined && !ENCODING_NAME.test(encoding)) {
    return { en: `invalid encoding name '${encoding}'`, vi: `tên bảng mã '${encoding}' không hợp lệ` };
  }
  const standalone = values.get('standalone');
  if (standalone !== undefined && standalone !== 'yes' && standalone !== 'no') {
    return { en: "standalone must be 'yes' or 'no'", vi: "standalone phải là 'yes' hoặc 'no'" };
  }
  return {
    version,
    ...(encoding === undefined ? {} : { encoding }),
    ...(standalone === undefined ? {} : { standalone: standalone === 'yes' }),
  };
}

export function isDeclarationDefect(
  parsed: XmlDeclarationFields | XmlDeclarationDefect,
): parsed is XmlDeclarationDefect {
  return 'en' in parsed;
}
