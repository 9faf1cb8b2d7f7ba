import { describe, expect, it } from 'vitest';
import { findInvalidUtf8, incompleteTailLength } from './utf8';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('findInvalidUtf8', () => {
  it('accepts ASCII, Vietnamese and astral characters', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('a Đống Đa 😀'), true)).toBe(-1);
  });

  it.each([
    ['a lead byte that cannot start a sequence', bytes(0x41, 0xc1, 0x81), 1],
    ['a missing continuation byte', bytes(0xe1, 0x41, 0x41), 0],
    ['an overlong three-byte sequence', bytes(0xe0, 0x80, 0x80), 0],
    ['an encoded surrogate', bytes(0x41, 0xed, 0xb0, 0x80), 1],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a lone continuation byte', bytes(0x41, 0x41, 0xbf), 2],
  ])('finds %s', (_what, input, index) => {
    expect(findInvalidUtf8(input, false)).toBe(index);
  });

  it('treats a sequence cut by the end as malformed only at the end of the input', () => {
    expect(findInvalidUtf8(bytes(0x41, 0xf0, 0x9f, 0x98), false)).toBe(-1);
    expect(findInvalidUtf8(bytes(0x41, 0xf0, 0x9f, 0x98), true)).toBe(1);
  });
});

describe('incompleteTailLength', () => {
  it('counts the bytes of an unfinished character at the end', () => {
    expect(incompleteTailLength(bytes(0x41))).toBe(0);
    expect(incompleteTailLength(bytes(0x41, 0xc4))).toBe(1);
    expect(incompleteTailLength(bytes(0x41, 0xe1, 0xba))).toBe(2);
    expect(incompleteTailLength(bytes(0xf0, 0x9f, 0x98))).toBe(3);
    expect(incompleteTailLength(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(0);
    expect(incompleteTailLength(bytes(0xe1, 0xba, 0xbf))).toBe(0);
    expect(incompleteTailLength(bytes())).toBe(0);
  });
});
