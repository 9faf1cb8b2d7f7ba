import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from './text-input';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('decodeText', () => {
  it('removes a byte order mark from text and from bytes, and says so', () => {
    expect(decodeText('\uFEFFabc')).toEqual({ ok: true, text: 'abc', hadByteOrderMark: true });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      ok: true,
      text: 'a',
      hadByteOrderMark: true,
    });
    expect(decodeText(new TextEncoder().encode('Tỉnh'))).toEqual({ ok: true, text: 'Tỉnh', hadByteOrderMark: false });
  });

  it('reads Windows-1258 tone marks into NFC text', () => {
    // "Tỉnh": T, i, combining hook above (0xD2), n, h.
    const decoded = decodeText(new Uint8Array([0x54, 0x69, 0xd2, 0x6e, 0x68]), 'windows-1258');
    expect(decoded).toEqual({ ok: true, text: 'Tỉnh', hadByteOrderMark: false });
  });

  it('locates the first byte that is not UTF-8, by line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Mã\nTỉ'), 0xc3, 0x28]);
    expect(decodeText(bytes)).toEqual({ ok: false, byteOffset: 8, line: 2, column: 3 });
  });

  it('reports, for any bytes the strict decoder refuses, the end of the longest valid prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const decoded = decodeText(bytes);
        expect(decoded.ok).toBe(decodes(bytes));
        if (!decoded.ok) {
          expect(decodes(bytes.subarray(0, decoded.byteOffset))).toBe(true);
          // No longer prefix that ends on a character boundary decodes.
          for (let end = decoded.byteOffset + 1; end <= Math.min(bytes.length, decoded.byteOffset + 4); end++) {
            expect(decodes(bytes.subarray(0, end))).toBe(false);
          }
        }
      }),
    );
  });
});
