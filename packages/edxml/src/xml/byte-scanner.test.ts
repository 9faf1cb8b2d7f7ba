import { describe, expect, it } from 'vitest';
import { createXmlByteScanner } from './byte-scanner';
import type { XmlProblem } from './problems';
import type { XmlScanOptions } from './types';

const encoder = new TextEncoder();

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const arrays = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : new Uint8Array(part)));
  const joined = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    joined.set(array, offset);
    offset += array.length;
  }
  return joined;
}

/** Feeds `chunks` to a byte scanner; returns the problems and the text it delivered. */
function scanBytes(chunks: Uint8Array[], options: XmlScanOptions = {}): { problems: XmlProblem[]; text: string } {
  const problems: XmlProblem[] = [];
  let text = '';
  const scanner = createXmlByteScanner(
    {
      onProblem: (problem) => problems.push(problem),
      onText: (piece) => {
        text += piece;
      },
    },
    options,
  );
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return { problems, text };
}

describe('createXmlByteScanner', () => {
  it('decodes Vietnamese text split inside multi-byte characters', () => {
    const bytes = bytesOf('<a>Văn phòng Chính phủ 😀</a>');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(scanBytes([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({
        problems: [],
        text: 'Văn phòng Chính phủ 😀',
      });
    }
  });

  it('decodes a four-byte character fed one byte at a time', () => {
    const bytes = bytesOf('<a>😀</a>');
    expect(scanBytes([...bytes].map((byte) => new Uint8Array([byte])))).toEqual({ problems: [], text: '😀' });
  });

  it('reports an invalid byte with its byte offset and the character position, after scanning what precedes it', () => {
    const { problems, text } = scanBytes([bytesOf('<a>\nđã', [0xff], 'x</a>')]);
    expect(text).toBe('\nđã');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_UTF8',
        severity: 'fatal',
        byteOffset: 8,
        line: 2,
        column: 3,
        offset: 6,
      }),
    ]);
    expect(problems[0]!.message.vi).toContain('UTF-8');
  });

  it('locates an invalid sequence that starts in one chunk and fails in the next', () => {
    const { problems } = scanBytes([bytesOf('<a>ab', [0xe1, 0x80]), bytesOf('c</a>')]);
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_UTF8', byteOffset: 5, column: 6 })]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0x80]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a stray continuation byte', [0x80]],
  ])('rejects %s', (_what, invalid) => {
    const { problems } = scanBytes([bytesOf('<a>', invalid, '</a>')]);
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_UTF8', byteOffset: 3 })]);
  });

  it('reports input that ends inside a character', () => {
    const { problems } = scanBytes([bytesOf('<a/>', [0xe1, 0x80])]);
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_UTF8', byteOffset: 4 })]);
  });

  it('recognizes UTF-16 by its byte order mark and reports it as unsupported', () => {
    const { problems } = scanBytes([new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00])]);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_ENCODING', severity: 'fatal', byteOffset: 0, line: 1, column: 1 }),
    ]);
    expect(problems[0]!.message.en).toContain('UTF-16');
  });

  it('skips a UTF-8 byte order mark, also when split across chunks', () => {
    const bom: number[] = [];
    const scanner = createXmlByteScanner({ onByteOrderMark: () => bom.push(1) });
    scanner.write(new Uint8Array([0xef]));
    scanner.write(bytesOf([0xbb, 0xbf], '<a/>'));
    scanner.end();
    expect(bom).toEqual([1]);
    expect(scanner.failed).toBe(false);
  });

  it('stops at maxInputBytes before decoding the chunk that exceeds it', () => {
    const scanner = createXmlByteScanner({}, { maxInputBytes: 8 });
    const problems: XmlProblem[] = [];
    const withProblems = createXmlByteScanner({ onProblem: (p) => problems.push(p) }, { maxInputBytes: 8 });
    withProblems.write(bytesOf('<a>1'));
    withProblems.write(bytesOf('23456</a>'));
    expect(problems).toEqual([expect.objectContaining({ code: 'INPUT_TOO_LARGE', byteOffset: 8, column: 5 })]);
    expect(withProblems.bytesWritten).toBe(13);
    scanner.write(bytesOf('<a/>'));
    expect(scanner.failed).toBe(false);
  });

  it('throws on misuse: writing after end, ending twice', () => {
    const scanner = createXmlByteScanner({});
    scanner.write(bytesOf('<a/>'));
    scanner.end();
    expect(scanner.stopped).toBe(true);
    expect(() => scanner.write(bytesOf('x'))).toThrow(/after end/);
    expect(() => scanner.end()).toThrow(/twice/);
  });
});
