/** The PDF object parser: every object type, positions, limits, and that malformed input only raises PdfSyntaxError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpredictPng } from './filters';
import { deepEqual, MAX_NESTING, type PdfObject, PdfParser, PdfSyntaxError, skipSpace } from './syntax';
import { latin1 } from './testkit';

const parse = (text: string): PdfObject => new PdfParser(latin1(text), 0).readObject();

describe('PdfParser', () => {
  it('reads every object type', () => {
    expect(parse('null')).toEqual({ kind: 'null' });
    expect(parse('true')).toEqual({ kind: 'bool', value: true });
    expect(parse('false')).toEqual({ kind: 'bool', value: false });
    expect(parse('-12')).toMatchObject({ kind: 'num', value: -12, int: true });
    expect(parse('3.5')).toMatchObject({ kind: 'num', value: 3.5, int: false });
    expect(parse('.5')).toMatchObject({ kind: 'num', value: 0.5, int: false });
    expect(parse('153.0')).toMatchObject({ kind: 'num', value: 153, int: false });
    expect(parse('/Name#20With#2FEscapes')).toEqual({ kind: 'name', value: 'Name With/Escapes' });
    expect(parse('12 0 R')).toEqual({ kind: 'ref', num: 12, gen: 0 });
    expect(parse('[1 2 3 R]')).toMatchObject({
      kind: 'array',
      items: [
        { kind: 'num', value: 1 },
        { kind: 'ref', num: 2, gen: 3 },
      ],
    });
  });

  it('reads literal strings with escapes, nested parentheses and octal codes', () => {
    const value = parse('(a\\(b\\)c (nested) \\101\\n\\\\ end)');
    expect(value.kind).toBe('str');
    if (value.kind === 'str') expect(Buffer.from(value.bytes).toString('latin1')).toBe('a(b)c (nested) A\n\\ end');
  });

  it('reads hex strings, records their exact extent and whether they are pure hex', () => {
    const value = parse('<3082 00ff>');
    expect(value).toMatchObject({ kind: 'str', hex: true, start: 0, end: 11, pureHex: false });
    if (value.kind === 'str') expect([...value.bytes]).toEqual([0x30, 0x82, 0x00, 0xff]);
    expect(parse('<30820a>')).toMatchObject({ pureHex: true });
    expect(parse('<308>')).toMatchObject({ pureHex: false });
    expect(() => parse('<30zz>')).toThrow(PdfSyntaxError);
  });

  it('records key offsets and duplicate keys of dictionaries', () => {
    const value = parse('<< /A 1 /B [2] /A 3 >>');
    expect(value.kind).toBe('dict');
    if (value.kind !== 'dict') return;
    expect(value.keyOffsets.get('B')).toBe(8);
    expect(value.duplicateKeys).toEqual(['A']);
    expect(value.entries.get('A')).toMatchObject({ value: 3 });
  });

  it('reads indirect objects with streams, using /Length or falling back to endstream', () => {
    const text = '7 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n';
    const object = new PdfParser(latin1(text), 0).readIndirect();
    expect(object).toMatchObject({ num: 7, gen: 0 });
    expect(object.value).toMatchObject({ kind: 'stream', dataStart: 31, dataEnd: 36 });
    const wrong = '7 0 obj\n<< /Length 999 >>\nstream\nhello\r\nendstream\nendobj';
    expect(new PdfParser(latin1(wrong), 0).readIndirect().value).toMatchObject({ dataStart: 33, dataEnd: 38 });
  });

  it('skips comments as whitespace', () => {
    expect(skipSpace(latin1('  % comment\n  x'), 0, 15)).toBe(14);
    expect(parse('% c\n[1 % c\n 2]')).toMatchObject({ kind: 'array' });
  });

  it('refuses nesting beyond the limit', () => {
    expect(() => parse(`${'['.repeat(MAX_NESTING + 2)}${']'.repeat(MAX_NESTING + 2)}`)).toThrow(/nesting too deep/);
    expect(() => parse(`${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}`)).not.toThrow();
  });

  it.each([
    '',
    '[',
    '<<',
    '<< /A >>',
    '(',
    '<',
    '<< 1 2 >>',
    '1.2.3',
    '--1',
    ')',
    '{',
    'trueish',
    '12345678901234567890123456789012345',
  ])('raises PdfSyntaxError on %j', (text) => {
    expect(() => parse(text)).toThrow(PdfSyntaxError);
  });

  it('only ever raises PdfSyntaxError, on any input (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          new PdfParser(bytes, 0).readObject();
        } catch (error) {
          expect(error).toBeInstanceOf(PdfSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips integers, names and hex strings (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.stringMatching(/^[A-Za-z0-9.]{1,20}$/),
        fc.uint8Array({ maxLength: 50 }),
        (n, name, bytes) => {
          const text = `[${n} /${name} <${Buffer.from(bytes).toString('hex')}>]`;
          const value = parse(text);
          const expected: PdfObject = parse(text);
          expect(deepEqual(value, expected, latin1(text), latin1(text))).toBe(true);
          if (value.kind !== 'array') throw new Error('not an array');
          expect(value.items[0]).toMatchObject({ value: n, int: true });
          expect(value.items[1]).toMatchObject({ value: name });
          const str = value.items[2];
          if (str?.kind !== 'str') throw new Error('not a string');
          expect(Buffer.from(str.bytes).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
    );
  });
});

describe('PNG predictors', () => {
  it('undoes None, Sub, Up, Average and Paeth rows', () => {
    const rows = [
      [0, 1, 2, 3],
      [1, 1, 1, 1],
      [2, 1, 1, 1],
      [3, 0, 0, 0],
      [4, 0, 0, 0],
    ];
    const out = unpredictPng(Uint8Array.from(rows.flat()), 3, 1);
    expect([...out]).toEqual([1, 2, 3, 1, 2, 3, 2, 3, 4, 1, 2, 3, 1, 2, 3]);
    expect(() => unpredictPng(Uint8Array.of(9, 0), 1, 1)).toThrow(PdfSyntaxError);
  });
});
