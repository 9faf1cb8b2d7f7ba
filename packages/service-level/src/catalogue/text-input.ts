/*
 * Turns what a caller hands an importer (a string, or the bytes of a file) into text. UTF-8 is the only
 * encoding read unless told otherwise; a byte that is not UTF-8 is reported where it is — Excel's plain
 * "CSV (Comma delimited)" writes the Windows code page (1258 for Vietnamese), and guessing would corrupt names.
 */

/** The encodings an importer decodes bytes from. */
export type TextEncodingName = 'utf-8' | 'windows-1258';

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly hadByteOrderMark: boolean }
  | { readonly ok: false; readonly byteOffset: number; readonly line: number; readonly column: number };

const BOM = '\uFEFF';

/** Decodes bytes (or takes a string) and removes a leading byte order mark. */
export function decodeText(input: string | Uint8Array, encoding: TextEncodingName = 'utf-8'): DecodedText {
  if (typeof input === 'string') {
    const hadByteOrderMark = input.startsWith(BOM);
    return { ok: true, text: hadByteOrderMark ? input.slice(1) : input, hadByteOrderMark };
  }
  if (encoding === 'windows-1258') {
    // Windows-1258 writes some tones as combining marks; NFC gives the same code points as UTF-8 files.
    return { ok: true, text: new TextDecoder('windows-1258').decode(input).normalize('NFC'), hadByteOrderMark: false };
  }
  const hadByteOrderMark = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    return { ok: true, text: hadByteOrderMark ? text.slice(1) : text, hadByteOrderMark };
  } catch {
    return { ok: false, ...firstInvalidUtf8(input) };
  }
}

/** The offset, line and column of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): { byteOffset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] as number;
    const width = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 4;
    if (lead >= 0x80 && (lead < 0xc2 || lead > 0xf4)) return { byteOffset: offset, line, column };
    if (offset + width > bytes.length) return { byteOffset: offset, line, column };
    for (let next = 1; next < width; next++) {
      const continuation = bytes[offset + next] as number;
      if ((continuation & 0xc0) !== 0x80) return { byteOffset: offset, line, column };
    }
    // Overlong and surrogate forms that the strict decoder refuses.
    const second = bytes[offset + 1] as number;
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    ) {
      return { byteOffset: offset, line, column };
    }
    if (lead === 0x0a) {
      line++;
      column = 1;
    } else {
      column += width === 4 ? 2 : 1;
    }
    offset += width;
  }
  return { byteOffset: offset, line, column };
}
