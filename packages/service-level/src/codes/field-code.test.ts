import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFieldCode } from './field-code';

describe('parseFieldCode', () => {
  // The VPCP field catalogue was not found (domain notes §6): the LV parts below are illustrative shapes.
  it('reads MX1X2-LV into the level-1 unit and the field part', () => {
    expect(parseFieldCode('G22-TP01')).toEqual({
      ok: true,
      value: { code: 'G22-TP01', level1: { kind: 'G', number: '22', code: 'G22' }, field: 'TP01' },
      issues: [],
    });
  });

  it.each(['H56-01', 'G12-T', 'H01-ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 'G17-dd04'])('accepts %s', (code) => {
    expect(parseFieldCode(code)).toMatchObject({ ok: true, issues: [] });
  });

  it.each([
    ['g22-TP01', 'SL-CODE-041'],
    ['G22', 'SL-CODE-040'],
    ['G22-', 'SL-CODE-040'],
    ['-TP01', 'SL-CODE-040'],
    ['G2-TP01', 'SL-CODE-040'],
    ['G222-TP01', 'SL-CODE-040'],
    ['22G-TP01', 'SL-CODE-040'],
    ['GG2-TP01', 'SL-CODE-040'],
    ['G22_TP01', 'SL-CODE-040'],
    ['G22-TP 01', 'SL-CODE-040'],
    ['G22-TP-01', 'SL-CODE-040'],
    ['G22-Tư pháp', 'SL-CODE-040'],
    ['000.00.00.G22-TP01', 'SL-CODE-040'],
    ['G22-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456', 'SL-CODE-040'],
    ['g2-TP01', 'SL-CODE-040'],
    ['', 'SL-CODE-002'],
    ['G22-TP01\n', 'SL-CODE-004'],
    ['G２2-TP01', 'SL-CODE-005'],
  ])('refuses %j with %s', (text, ruleId) => {
    const result = parseFieldCode(text);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.ruleId)).toEqual([ruleId]);
  });

  it('cites Điều 20 Thông tư 01/2018/TT-VPCP', () => {
    expect(parseFieldCode('G22').issues[0]).toMatchObject({
      reference: 'Điều 20 Thông tư 01/2018/TT-VPCP',
      severity: 'error',
    });
  });

  it('gives back the parts it read', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][0-9]{2}-[A-Za-z0-9]{1,32}$/), (code) => {
        const result = parseFieldCode(code);
        expect(result.ok).toBe(true);
        if (result.ok) expect(`${result.value.level1.code}-${result.value.field}`).toBe(code);
      }),
    );
  });
});
