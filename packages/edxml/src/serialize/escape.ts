import { EdxmlError } from '../errors';

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F).
// The first, simple pattern rules out most text in one fast pass; surrogates then get the exact check.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;

function assertRepresentable(value: string, where: string): void {
  if (!SUSPECT.test(value)) return;
  const match = NOT_XML.exec(value);
  if (match) {
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new EdxmlError('UNSERIALIZABLE_CHARACTER', `${where} contains U+${code}, which XML 1.0 cannot represent`);
  }
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  // A raw CR would be read back as LF; the reference keeps it.
  '\r': '&#13;',
};

/** Escapes element text so that reading it back gives exactly the same string. */
export function escapeText(value: string, where: string): string {
  assertRepresentable(value, where);
  // Most values (and every base64 payload) hold none of these: skip the replace.
  if (value.indexOf('&') < 0 && value.indexOf('<') < 0 && value.indexOf('>') < 0 && value.indexOf('\r') < 0)
    return value;
  return value.replace(TEXT_SPECIAL, (char) => ENTITY[char] as string);
}

/** Escapes an attribute value (whitespace kept as references, since attribute values are normalized). */
export function escapeAttribute(value: string, where: string): string {
  assertRepresentable(value, where);
  return value.replace(ATTRIBUTE_SPECIAL, (char) => ENTITY[char] as string);
}
