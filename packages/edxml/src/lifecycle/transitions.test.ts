import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_STATUS_CODES, type KnownStatusCode, STATUS_CODES } from './status-codes';
import { canTransition, findStatusTransitionRule, nextStatuses, STATUS_TRANSITIONS } from './transitions';

const ALL_HANDLING = ['01', '02', '03', '04', '05', '06'];

describe('nextStatuses', () => {
  it.each<[KnownStatusCode | null, string[]]>([
    [null, ['01', '02', '03', '13']],
    ['01', ['02', '03', '13', '15', '16']],
    ['02', []],
    ['03', ['04', '05', '06', '13', '15', '16']],
    ['04', ['04', '05', '06', '13', '15', '16']],
    ['05', ['05', '06', '13', '15', '16']],
    ['06', ['15', '16']],
    ['13', ['15', '16']],
    ['15', [...ALL_HANDLING, '13', '15', '16']],
    ['16', [...ALL_HANDLING, '13', '15', '16']],
  ])('after %s: %j', (from, expected) => {
    expect(nextStatuses(from)).toEqual(expected);
  });

  it('knows nothing about unknown codes', () => {
    expect(nextStatuses('07')).toEqual([]);
    expect(nextStatuses('1')).toEqual([]);
  });
});

describe('canTransition', () => {
  it.each<[KnownStatusCode | null, string, boolean]>([
    [null, '01', true],
    [null, '03', true],
    [null, '02', true],
    [null, '13', true],
    [null, '04', false],
    [null, '06', false],
    [null, '15', false],
    ['01', '03', true],
    ['01', '02', true],
    ['01', '04', false],
    ['01', '01', false],
    ['03', '02', false], // no rejection after acceptance
    ['03', '01', false],
    ['03', '04', true],
    ['03', '05', true],
    ['03', '06', true],
    ['04', '03', false],
    ['05', '04', false],
    ['06', '05', false],
    ['06', '13', false], // a finished document is revoked, not retrieved
    ['06', '15', true],
    ['02', '03', false],
    ['02', '13', false],
    ['02', '15', false],
    ['13', '13', false],
    ['13', '05', false],
    ['13', '16', true],
    ['16', '05', true],
    ['15', '13', true],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it('is false whenever a code is unknown', () => {
    expect(canTransition('07', '01')).toBe(false);
    expect(canTransition('01', '07')).toBe(false);
    expect(canTransition(null, '1')).toBe(false);
  });

  it('agrees with nextStatuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<KnownStatusCode | null>(null, ...KNOWN_STATUS_CODES),
        fc.constantFrom(...KNOWN_STATUS_CODES),
        (from, to) => {
          expect(canTransition(from, to)).toBe(nextStatuses(from).includes(to));
        },
      ),
    );
  });
});

describe('STATUS_TRANSITIONS', () => {
  it('justifies every edge in both languages', () => {
    for (const rule of STATUS_TRANSITIONS) {
      expect(rule.to.length).toBeGreaterThan(0);
      expect(rule.why.vi.length).toBeGreaterThan(0);
      expect(rule.why.en.length).toBeGreaterThan(0);
      expect(rule.confidence).toBe('I');
    }
    expect(findStatusTransitionRule('03', '06')?.why.en).toMatch(/information only/);
    expect(findStatusTransitionRule('03', '02')).toBeUndefined();
  });

  it('lists each edge once', () => {
    const edges = STATUS_TRANSITIONS.flatMap((rule) => rule.to.map((to) => `${rule.from}>${to}`));
    expect(new Set(edges).size).toBe(edges.length);
  });

  it('never leaves 02, and after 06 allows only answers', () => {
    expect(STATUS_TRANSITIONS.filter((rule) => rule.from === '02')).toEqual([]);
    expect(nextStatuses('06').every((code) => STATUS_CODES[code].role === 'answer')).toBe(true);
  });

  it('lets 13 be requested exactly after the unfinished states', () => {
    const before13 = [null, ...KNOWN_STATUS_CODES].filter((from) => canTransition(from, '13'));
    expect(before13).toEqual([null, '01', '03', '04', '05', '15', '16']);
  });

  it('never moves handling backwards', () => {
    const handling = ['01', '02', '03', '04', '05', '06'] as const;
    for (const from of handling) {
      for (const to of handling) {
        if (canTransition(from, to)) expect(Number(to)).toBeGreaterThanOrEqual(Number(from));
      }
    }
  });
});
