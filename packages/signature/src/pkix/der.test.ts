import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_DER_LIMITS,
  checkStructure,
  childrenOf,
  DerError,
  decodeOid,
  decodeOidContent,
  decodeString,
  decodeTime,
  encodeOid,
  encodeSequence,
  encodeTlv,
  integerHex,
  readNode,
  readSingle,
} from './der';

function failureOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof DerError) return error.failure;
    throw error;
  }
}

describe('readNode', () => {
  it('reads short and long lengths', () => {
    const short = readNode(Uint8Array.of(0x04, 0x02, 0xaa, 0xbb), 0);
    expect([short.contentStart, short.end]).toEqual([2, 4]);
    const content = new Uint8Array(300);
    const long = readSingle(encodeTlv(0x04, content));
    expect([long.contentStart, long.end]).toEqual([4, 304]);
  });

  it('rejects indefinite lengths, oversized length fields and truncation', () => {
    expect(failureOf(() => readNode(Uint8Array.of(0x30, 0x80, 0, 0), 0))).toBe('indefinite-length');
    expect(failureOf(() => readNode(Uint8Array.of(0x04, 0x85, 1, 0, 0, 0, 0), 0))).toBe('length-overflow');
    expect(failureOf(() => readNode(Uint8Array.of(0x04, 0x84, 0x7f, 0xff, 0xff, 0xff), 0))).toBe('truncated');
    expect(failureOf(() => readNode(Uint8Array.of(0x04, 0x03, 1), 0))).toBe('truncated');
    expect(failureOf(() => readNode(new Uint8Array(0), 0))).toBe('empty');
    expect(failureOf(() => readSingle(Uint8Array.of(0x05, 0x00, 0x00)))).toBe('trailing-data');
  });

  it('reads high tag numbers but caps them', () => {
    const node = readNode(Uint8Array.of(0x9f, 0x81, 0x00, 0x00), 0);
    expect([node.tagClass, node.tag]).toEqual([2, 128]);
    expect(failureOf(() => readNode(Uint8Array.of(0x9f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00), 0))).toBe('tag-overflow');
  });
});

describe('checkStructure', () => {
  it('enforces depth and element limits', () => {
    let nested: Uint8Array = Uint8Array.of(0x05, 0x00);
    for (let depth = 0; depth < 40; depth++) nested = encodeSequence(nested);
    expect(failureOf(() => checkStructure(nested, CERTIFICATE_DER_LIMITS))).toBe('nesting-too-deep');
    const many = encodeSequence(...Array.from({ length: 9000 }, () => Uint8Array.of(0x05, 0x00)));
    expect(failureOf(() => checkStructure(many, CERTIFICATE_DER_LIMITS))).toBe('too-many-elements');
  });

  it('rejects constructed elements whose children overrun them', () => {
    expect(failureOf(() => checkStructure(Uint8Array.of(0x30, 0x03, 0x04, 0x05, 0x00), CERTIFICATE_DER_LIMITS))).toBe(
      'truncated',
    );
  });
});

describe('OIDs', () => {
  it('round-trips dotted OIDs, including large arcs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.nat({ max: 39 }),
        fc.oneof(
          fc.array(fc.bigInt({ min: 0n, max: (1n << 100n) - 1n }), { maxLength: 3 }),
          fc.array(fc.bigInt({ min: 0n, max: 16383n }), { maxLength: 28 }),
        ),
        (first, second, rest) => {
          const dotted = [first, second, ...rest].join('.');
          expect(decodeOid(readSingle(encodeOid(dotted)))).toBe(dotted);
        },
      ),
    );
    expect(decodeOid(readSingle(encodeOid('2.25.329800735698586629295641978511506172918')))).toBe(
      '2.25.329800735698586629295641978511506172918',
    );
  });

  it('rejects empty, unterminated, non-minimal and oversized OIDs', () => {
    expect(failureOf(() => decodeOidContent(new Uint8Array(0)))).toBe('invalid-oid');
    expect(failureOf(() => decodeOidContent(Uint8Array.of(0x2a, 0x86)))).toBe('invalid-oid');
    expect(failureOf(() => decodeOidContent(Uint8Array.of(0x2a, 0x80, 0x01)))).toBe('invalid-oid');
    expect(failureOf(() => decodeOidContent(new Uint8Array(65).fill(0x01)))).toBe('oid-too-long');
    expect(failureOf(() => decodeOidContent(new Uint8Array(40).fill(0x01)))).toBe('oid-too-long'); // 40 arcs
  });
});

describe('strings', () => {
  const text = 'Nguyễn Văn A — Ủy ban 𝔘';
  it('decodes UTF8String, BMPString and UniversalString', () => {
    expect(decodeString(readSingle(encodeTlv(0x0c, Buffer.from(text, 'utf8'))))).toBe(text);
    const bmp = Buffer.from('Đà Nẵng', 'utf16le').swap16();
    expect(decodeString(readSingle(encodeTlv(0x1e, bmp)))).toBe('Đà Nẵng');
    const universal = Buffer.alloc([...text].length * 4);
    [...text].forEach((character, index) => {
      universal.writeUInt32BE(character.codePointAt(0) as number, index * 4);
    });
    expect(decodeString(readSingle(encodeTlv(0x1c, universal)))).toBe(text);
  });

  it('rejects malformed BMPString and UniversalString', () => {
    expect(failureOf(() => decodeString(readSingle(encodeTlv(0x1e, Uint8Array.of(0x00)))))).toBe('invalid-string');
    expect(failureOf(() => decodeString(readSingle(encodeTlv(0x1c, Uint8Array.of(0, 0x11, 0, 0)))))).toBe(
      'invalid-string',
    );
  });
});

describe('decodeTime', () => {
  const time = (tag: number, text: string) => decodeTime(readSingle(encodeTlv(tag, Buffer.from(text, 'latin1'))));
  it('reads UTCTime (RFC 5280 century rule) and GeneralizedTime', () => {
    expect(time(0x17, '491231235959Z').toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(time(0x17, '500101000000Z').toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect(time(0x18, '20481231235959Z').toISOString()).toBe('2048-12-31T23:59:59.000Z');
    expect(time(0x18, '20260101000000.5Z').toISOString()).toBe('2026-01-01T00:00:00.500Z');
    expect(time(0x18, '20260101070000+0700').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('rejects impossible dates and wrong forms', () => {
    for (const [tag, text] of [
      [0x17, '260230000000Z'],
      [0x17, '20260101000000Z'],
      [0x18, '260101000000Z'],
      [0x18, '20261301000000Z'],
      [0x18, 'garbage'],
    ] as const)
      expect(failureOf(() => time(tag, text))).toBe('invalid-time');
  });
});

describe('integers', () => {
  it('prints serial numbers as OpenSSL does (magnitude, upper-case)', () => {
    expect(integerHex(readSingle(Uint8Array.of(0x02, 0x03, 0x00, 0x95, 0x92)))).toBe('9592');
    expect(integerHex(readSingle(Uint8Array.of(0x02, 0x01, 0x00)))).toBe('00');
  });

  it('lists children of a constructed element', () => {
    const sequence = readSingle(encodeSequence(Uint8Array.of(0x05, 0x00), Uint8Array.of(0x01, 0x01, 0xff)));
    expect(childrenOf(sequence).map((child) => child.tag)).toEqual([5, 1]);
    expect(failureOf(() => childrenOf(sequence, 1))).toBe('too-many-elements');
  });
});
