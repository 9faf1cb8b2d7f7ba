import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyOrganId, type OrganIdKind } from './classify';

describe('classifyOrganId', () => {
  it.each<[string | null | undefined, OrganIdKind]>([
    ['000.00.00.G22', 'qcvn102'],
    ['000.00.18.G12', 'qcvn102'],
    ['002.00.20.H13', 'qcvn102'],
    [' 000.00.00.G12 ', 'qcvn102'],
    ['G12', 'qd20'],
    ['G12.01', 'qd20'],
    ['null', 'null-literal'],
    ['NULL', 'null-literal'],
    [' null\n', 'null-literal'],
    ['', 'empty'],
    ['  \t', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    // Identifiers that travel on the axis but follow neither scheme (§5.2).
    ['vxp.saas.02', 'other'],
    ['020100107370', 'other'],
    ['02.29.W00', 'other'],
    ['00.22.W00', 'other'],
    ['001.00.20.TT2', 'other'],
    ['01.02.G22', 'other'],
    ['999.010.01.H22', 'other'],
    ['99.99.99.G21', 'other'],
    ['28.22.H17', 'other'],
    ['000.00.00.g12', 'other'],
    ['nullx', 'other'],
  ])('%j → %s', (id, kind) => {
    expect(classifyOrganId(id)).toBe(kind);
  });

  it('never throws and always answers one of the five kinds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(['qcvn102', 'qd20', 'other', 'empty', 'null-literal']).toContain(classifyOrganId(text));
      }),
    );
  });
});
