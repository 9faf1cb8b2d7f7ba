import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeQd20Code, parseQd20Code } from './qd20-code';

// The pattern of §5.2, used here only as an oracle on short strings.
const QD20_ORACLE = /^[A-Z]\d{2}(\.[0-9A-Z]+)*$/;

describe('looksLikeQd20Code', () => {
  it.each([
    ['G12', true],
    ['H41', true],
    ['G12.01', true],
    ['G12.01.A3B', true],
    ['W00', true],
    ['000.00.00.G12', false],
    ['g12', false],
    ['G1', false],
    ['G123', false],
    ['G12.', false],
    ['G12..01', false],
    ['.G12', false],
    ['G12.ab', false],
    ['G12 .01', false],
    ['', false],
    ['null', false],
    ['vxp.saas.02', false],
    ['02.29.W00', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeQd20Code(text)).toBe(expected);
  });

  it('agrees with the §5.2 pattern', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9.]{0,12}$/), (text) => {
        expect(looksLikeQd20Code(text)).toBe(QD20_ORACLE.test(text));
      }),
    );
  });

  // The segments are split first and each one is matched by a flat pattern, so no backtracking can blow up.
  // The explicit timeout is only a hang guard (a blow-up on a million characters would never finish), not a
  // performance claim.
  it('decides a million-character hostile code (500,000 segments, an empty last one) and its valid twin', () => {
    const valid = `G12${'.A'.repeat(500_000)}`;
    const hostile = `${valid}.`;
    expect(looksLikeQd20Code(hostile)).toBe(false);
    expect(parseQd20Code(hostile)).toMatchObject({ ok: false, reason: 'format' });
    expect(looksLikeQd20Code(valid)).toBe(true);
    const parsed = parseQd20Code(valid);
    expect(parsed.ok && parsed.value.depth).toBe(500_001);
  }, 30_000);
});

describe('parseQd20Code', () => {
  it('gives the level-1 unit and the opaque lower segments', () => {
    expect(parseQd20Code('G12')).toEqual({
      ok: true,
      value: { code: 'G12', level1: { kind: 'G', number: '12', code: 'G12' }, lowerSegments: [], depth: 1 },
    });
    expect(parseQd20Code('H41.01.X7')).toMatchObject({
      ok: true,
      value: { level1: { code: 'H41' }, lowerSegments: ['01', 'X7'], depth: 3 },
    });
  });

  it.each([
    ['', 'empty'],
    [' G12', 'surrounding-whitespace'],
    ['g12', 'lowercase-letter'],
    ['g12.ab', 'lowercase-letter'],
    ['G12.', 'format'],
    ['000.00.00.G12', 'format'],
    ['null', 'format'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseQd20Code(text)).toMatchObject({ ok: false, reason });
  });

  it('never throws and agrees with looksLikeQd20Code', () => {
    expect(parseQd20Code(undefined as unknown as string)).toMatchObject({ ok: false, reason: 'format' });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        expect(parseQd20Code(text).ok).toBe(looksLikeQd20Code(text));
      }),
    );
  });

  it('round-trips: code = level1 + segments joined by dots', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4}){0,3}$/), (text) => {
        const result = parseQd20Code(text);
        expect(result.ok && [result.value.level1.code, ...result.value.lowerSegments].join('.')).toBe(text);
      }),
    );
  });
});
