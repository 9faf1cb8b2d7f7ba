/*
 * From what a caller hands the reader (a string or the bytes of a file) to text: the size limit is checked
 * before anything is decoded, a byte order mark is removed (and reported), and bytes that are not UTF-8 are
 * located rather than replaced — a report saved in a Windows code page would otherwise read as garbled names.
 */

export type TextInputResult =
  | { readonly kind: 'text'; readonly text: string; readonly hadByteOrderMark: boolean }
  | { readonly kind: 'too_large'; readonly bytes: number }
  | { readonly kind: 'not_utf8'; readonly byteOffset: number; readonly line: number; readonly column: number };

const BOM = '\uFEFF';

/** The number of bytes a string takes in UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function readTextInput(input: string | Uint8Array, maxBytes: number): TextInputResult {
  if (typeof input === 'string') {
    // A UTF-16 code unit never takes less than one UTF-8 byte: a long string is refused without counting.
    const bytes = input.length > maxBytes ? input.length : utf8ByteLength(input);
    if (bytes > maxBytes) return { kind: 'too_large', bytes };
    const hadByteOrderMark = input.startsWith(BOM);
    return { kind: 'text', text: hadByteOrderMark ? input.slice(1) : input, hadByteOrderMark };
  }
  if (input.byteLength > maxBytes) return { kind: 'too_large', bytes: input.byteLength };
  const hadByteOrderMark = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    return { kind: 'text', text: hadByteOrderMark ? text.slice(1) : text, hadByteOrderMark };
  } catch {
    return { kind: 'not_utf8', ...firstInvalidUtf8(input) };
  }
}

/** Where the first byte is that does not start or continue a well-formed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(bytes: Uint8Array): { byteOffset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] as number;
    if (lead < 0x80) {
      if (lead === 0x0a) {
        line++;
        column = 1;
      } else column++;
      offset++;
      continue;
    }
    const width =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (width === 0 || offset + width > bytes.length) break;
    const second = bytes[offset + 1] as number;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or > U+10FFFF).
    const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < secondMin || second > secondMax) break;
    let continuationsOk = true;
    for (let next = 2; next < width; next++) {
      if (((bytes[offset + next] as number) & 0xc0) !== 0x80) continuationsOk = false;
    }
    if (!continuationsOk) break;
    column++;
    offset += width;
  }
  return { byteOffset: offset, line, column };
}
