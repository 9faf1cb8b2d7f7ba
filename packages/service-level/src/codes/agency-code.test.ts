import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgencyCode } from './agency-code';

describe('parseAgencyCode', () => {
  it('reads 000.00.01.H56 as level-2 unit 01 of the province H56', () => {
    expect(parseAgencyCode('000.00.01.H56')).toEqual({
      ok: true,
      value: {
        code: '000.00.01.H56',
        level1: { kind: 'H', number: '56', code: 'H56' },
        level2: '01',
        level3: null,
        level4: null,
        depth: 2,
        hasLevelGap: false,
      },
      issues: [],
    });
  });

  it.each([
    // Domain notes §2.1–2.3: real codes from OpenCPS, the Thanh Hóa system and the dossier-code example.
    ['000.00.00.G22', 'G22', null, null, null, 1],
    ['000.00.00.H56', 'H56', null, null, null, 1],
    ['000.00.01.H01', 'H01', '01', null, null, 2],
    ['000.01.01.H08', 'H08', '01', '01', null, 3],
    ['000.00.00.H20', 'H20', null, null, null, 1],
    ['000.00.00.G17', 'G17', null, null, null, 1],
    ['001.05.18.G12', 'G12', '18', '05', '001', 4],
  ])('accepts %s (level 1 %s, levels 2–4 %s %s %s, depth %i)', (code, level1, level2, level3, level4, depth) => {
    const result = parseAgencyCode(code);
    expect(result).toMatchObject({ ok: true, value: { code, level2, level3, level4, depth }, issues: [] });
    expect(result.ok && result.value.level1.code).toBe(level1);
  });

  it('accepts a code that skips a level, with an info issue (real codes do this)', () => {
    const result = parseAgencyCode('002.00.20.H13');
    expect(result).toMatchObject({ ok: true, value: { hasLevelGap: true, depth: 4 } });
    expect(result.issues.map((issue) => [issue.ruleId, issue.severity])).toEqual([['SL-CODE-012', 'info']]);
  });

  it.each([
    ['000.00.01.h56', 'SL-CODE-011'],
    ['000.00.01.H5', 'SL-CODE-010'],
    ['000.00.01.H567', 'SL-CODE-010'],
    ['00.00.01.H56', 'SL-CODE-010'],
    ['000-00-01-H56', 'SL-CODE-010'],
    ['000.00.01.56H', 'SL-CODE-010'],
    ['000.00.01.Đ56', 'SL-CODE-010'],
    ['G22', 'SL-CODE-010'],
    ['02.29.W00', 'SL-CODE-010'],
    ['000.00.01.H56-250224-0001', 'SL-CODE-010'],
    ['', 'SL-CODE-002'],
    ['   ', 'SL-CODE-002'],
    [' 000.00.01.H56', 'SL-CODE-004'],
    ['000.00.01.H56\t', 'SL-CODE-004'],
    ['０００.00.01.H56', 'SL-CODE-005'],
  ])('refuses %j with %s', (text, ruleId) => {
    const result = parseAgencyCode(text);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.ruleId)).toEqual([ruleId]);
  });

  it('names the problem in both languages and cites QCVN 102:2016', () => {
    const [issue] = parseAgencyCode('000.00.01.h56').issues;
    expect(issue).toMatchObject({
      severity: 'error',
      message: {
        vi: 'Mã định danh "000.00.01.h56" phải viết hoa chữ cái chỉ loại đơn vị cấp 1 (ví dụ H56, không phải h56).',
        en: 'Agency code "000.00.01.h56" must write the level-1 unit letter in upper case (H56, not h56).',
      },
      reference: 'QCVN 102:2016/BTTTT (Thông tư 10/2016/TT-BTTTT)',
    });
  });

  it('puts the caller’s path on every issue', () => {
    const result = parseAgencyCode(' x', { path: 'services[2].agency.code' });
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) expect(issue.location).toEqual({ path: 'services[2].agency.code' });
  });

  it('is ok exactly when the text is NNN.NN.NN.LNN, and gives back the text it read', () => {
    const agencyCode = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(agencyCode)), (text) => {
        const result = parseAgencyCode(text);
        expect(result.ok).toBe(agencyCode.test(text));
        if (result.ok) expect(result.value.code).toBe(text);
        else expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
      }),
    );
  });
});
