import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQcvn102Code, isQcvn102Code, parseQcvn102Code, type Qcvn102Levels } from './qcvn102-code';

describe('parseQcvn102Code', () => {
  it('reads the rightmost group as the level-1 unit', () => {
    expect(parseQcvn102Code('000.00.18.G12')).toEqual({
      ok: true,
      value: {
        code: '000.00.18.G12',
        level1: { kind: 'G', number: '12', code: 'G12' },
        level2: '18',
        level3: null,
        level4: null,
        depth: 2,
        hasLevelGap: false,
      },
    });
  });

  it.each([
    ['000.00.00.G22', 'G22', null, null, null, 1, false],
    ['000.00.00.G12', 'G12', null, null, null, 1, false],
    ['000.00.00.H41', 'H41', null, null, null, 1, false],
    ['000.00.18.G12', 'G12', '18', null, null, 2, false],
    ['000.05.18.G12', 'G12', '18', '05', null, 3, false],
    ['001.05.18.G12', 'G12', '18', '05', '001', 4, false],
    ['002.00.20.H13', 'H13', '20', null, '002', 4, true], // seen in an axis error message (§6)
    ['000.05.00.G12', 'G12', null, '05', null, 3, true],
    ['100.00.00.H14', 'H14', null, null, '100', 4, true],
    ['999.99.99.Z99', 'Z99', '99', '99', '999', 4, false],
    ['000.00.00.A00', 'A00', null, null, null, 1, false],
  ])(
    '%s → level1 %s, level2 %s, level3 %s, level4 %s, depth %i, gap %s',
    (code, level1, level2, level3, level4, depth, gap) => {
      const result = parseQcvn102Code(code);
      expect(result).toMatchObject({ ok: true, value: { code, level2, level3, level4, depth, hasLevelGap: gap } });
      expect(result.ok && result.value.level1.code).toBe(level1);
    },
  );

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [' 000.00.00.G12', 'surrounding-whitespace'],
    ['000.00.00.G12\n', 'surrounding-whitespace'],
    ['000.00.00.g12', 'lowercase-letter'],
    ['null', 'format'],
    ['G12', 'format'],
    ['02.29.W00', 'format'],
    ['001.00.20.TT2', 'format'],
    ['01.02.G22', 'format'],
    ['999.010.01.H22', 'format'],
    ['99.99.99.G21', 'format'],
    ['28.22.H17', 'format'],
    ['vxp.saas.02', 'format'],
    ['020100107370', 'format'],
    ['000.00.00.G1', 'format'],
    ['000.00.00.G123', 'format'],
    ['000.00.00.12G', 'format'],
    ['000-00-00-G12', 'format'],
    ['000.00.00.Đ12', 'format'],
    ['０００.00.00.G12', 'format'],
  ])('refuses %j (%s)', (text, reason) => {
    const result = parseQcvn102Code(text);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message.vi).not.toBe(result.message.en);
    }
  });

  it('never throws', () => {
    for (const value of [undefined, null, 12, {}]) {
      expect(parseQcvn102Code(value as unknown as string)).toMatchObject({ ok: false, reason: 'format' });
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const result = parseQcvn102Code(text);
        expect(result.ok).toBe(isQcvn102Code(text));
        if (result.ok) expect(formatQcvn102Code(result.value)).toBe(text);
      }),
    );
  });
});

const digits = (width: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: width, maxLength: width }).map((chars) => chars.join(''));
const levelArbitrary = (width: number) => digits(width).map((value) => (/^0+$/.test(value) ? null : value));

const levelsArbitrary: fc.Arbitrary<Qcvn102Levels> = fc
  .record({
    kind: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    number: digits(2),
    level2: levelArbitrary(2),
    level3: levelArbitrary(2),
    level4: levelArbitrary(3),
  })
  .map(({ kind, number, level2, level3, level4 }) => ({
    level1: { kind, number, code: `${kind}${number}` },
    level2,
    level3,
    level4,
  }));

describe('formatQcvn102Code', () => {
  it('writes missing levels as zeros', () => {
    expect(formatQcvn102Code({ level1: { kind: 'G', number: '12' }, level2: '18', level3: null, level4: null })).toBe(
      '000.00.18.G12',
    );
    expect(formatQcvn102Code({ level1: { kind: 'H', number: '41' }, level2: null, level3: null, level4: null })).toBe(
      '000.00.00.H41',
    );
    expect(formatQcvn102Code({ level1: { kind: 'G', number: '12' }, level2: '00', level3: null, level4: '001' })).toBe(
      '001.00.00.G12',
    );
  });

  it('round-trips through parseQcvn102Code', () => {
    fc.assert(
      fc.property(levelsArbitrary, (levels) => {
        const code = formatQcvn102Code(levels);
        const parsed = parseQcvn102Code(code);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          const { level1, level2, level3, level4 } = parsed.value;
          expect({ level1, level2, level3, level4 }).toEqual(levels);
        }
      }),
    );
  });

  it.each([
    [{ level1: { kind: 'g', number: '12' }, level2: null, level3: null, level4: null }],
    [{ level1: { kind: 'GG', number: '12' }, level2: null, level3: null, level4: null }],
    [{ level1: { kind: 'G', number: '1' }, level2: null, level3: null, level4: null }],
    [{ level1: { kind: 'G', number: '12', code: 'G13' }, level2: null, level3: null, level4: null }],
    [{ level1: { kind: 'G', number: '12' }, level2: '8', level3: null, level4: null }],
    [{ level1: { kind: 'G', number: '12' }, level2: null, level3: '123', level4: null }],
    [{ level1: { kind: 'G', number: '12' }, level2: null, level3: null, level4: '01' }],
    [{ level1: { kind: 'G', number: '12' }, level2: null, level3: null, level4: '0x1' }],
  ])('treats impossible levels as a programming error: %o', (levels) => {
    expect(() => formatQcvn102Code(levels)).toThrow(RangeError);
  });
});
