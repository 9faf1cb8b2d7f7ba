import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import { formatProcedureCode, parseProcedureCode } from './procedure-code';

const ruleIds = (text: string) => parseProcedureCode(text).issues.map((issue) => issue.ruleId);

describe('parseProcedureCode', () => {
  it('reads a national code (1.005129, domain notes §2.2)', () => {
    expect(parseProcedureCode('1.005129')).toEqual({
      ok: true,
      value: { code: '1.005129', national: '1.005129', leadingDigit: '1', serial: '005129' },
      issues: [],
    });
  });

  it('reads a local service code with its agency suffix (1.002809.000.00.00.H56)', () => {
    const result = parseProcedureCode('1.002809.000.00.00.H56');
    expect(result).toMatchObject({
      ok: true,
      value: {
        code: '1.002809.000.00.00.H56',
        national: '1.002809',
        leadingDigit: '1',
        serial: '002809',
        agencyCode: '000.00.00.H56',
        agency: { level1: { code: 'H56' }, level2: null, depth: 1 },
      },
      issues: [],
    });
  });

  it.each([
    '1.002835.000.00.00.H56',
    '1.000939.000.00.00.H56',
    '1.000656.000.00.00.H56',
    '2.000001',
    '3.000270',
    '1.000000',
    '1.005129.000.00.01.G22',
  ])('accepts %s', (code) => {
    expect(parseProcedureCode(code)).toMatchObject({ ok: true, issues: [] });
  });

  it.each([
    ['0.005129', '0'],
    ['4.005129', '4'],
    ['9.002809.000.00.00.H56', '9'],
  ])('accepts %s with a warning: the leading digit %s is not among the observed 1–3', (code, digit) => {
    const result = parseProcedureCode(code);
    expect(result).toMatchObject({ ok: true, value: { leadingDigit: digit } });
    expect(result.issues.map((issue) => [issue.ruleId, issue.severity])).toEqual([['SL-CODE-021', 'warning']]);
  });

  it.each([
    ['1.00512', 'SL-CODE-020'],
    ['1.0051290', 'SL-CODE-020'],
    ['1005129', 'SL-CODE-020'],
    ['1,005129', 'SL-CODE-020'],
    ['12.005129', 'SL-CODE-020'],
    ['a.005129', 'SL-CODE-020'],
    ['1.005129.', 'SL-CODE-020'],
    ['1.005129-000.00.00.H56', 'SL-CODE-020'],
    ['1.005129 000.00.00.H56', 'SL-CODE-020'],
    ['1.002809.000.00.00.h56', 'SL-CODE-022'],
    ['1.002809.00.00.00.H56', 'SL-CODE-022'],
    ['1.002809.H56', 'SL-CODE-022'],
    ['1.002809.000.00.00.H56.1', 'SL-CODE-022'],
    ['', 'SL-CODE-002'],
    ['1.005129 ', 'SL-CODE-004'],
    ['١.٠٠٥١٢٩', 'SL-CODE-005'],
  ])('refuses %j with %s', (text, ruleId) => {
    expect(parseProcedureCode(text).ok).toBe(false);
    expect(ruleIds(text)).toEqual([ruleId]);
  });

  it('keeps every problem: a surrounding space and a bad suffix, or an odd digit and a bad suffix', () => {
    expect(ruleIds(' 1.002809.000.00.00.h56')).toEqual(['SL-CODE-004', 'SL-CODE-022']);
    expect(ruleIds('7.002809.000.00.00.h56')).toEqual(['SL-CODE-021', 'SL-CODE-022']);
  });

  it('explains a bad suffix with the agency code problem in both languages', () => {
    const [issue] = parseProcedureCode('1.002809.000.00.00.h56').issues;
    expect(issue?.message).toEqual({
      vi: 'Phần mã cơ quan "000.00.00.h56" sau mã thủ tục 1.002809 không hợp lệ: Mã định danh "000.00.00.h56" phải viết hoa chữ cái chỉ loại đơn vị cấp 1 (ví dụ H56, không phải h56).',
      en: 'The agency suffix "000.00.00.h56" after procedure code 1.002809 is invalid: Agency code "000.00.00.h56" must write the level-1 unit letter in upper case (H56, not h56).',
    });
  });

  it('passes on the info of an agency suffix that skips a level', () => {
    const result = parseProcedureCode('1.002809.002.00.20.H13');
    expect(result.ok).toBe(true);
    expect(result.issues.map((issue) => issue.ruleId)).toEqual(['SL-CODE-012']);
  });
});

const digits = (count: number) => fc.stringMatching(new RegExp(`^[0-9]{${count}}$`));
const agencyCode = fc.stringMatching(/^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/);
const procedureParts = fc.record(
  { national: fc.tuple(digits(1), digits(6)).map(([d, s]) => `${d}.${s}`), agencyCode },
  { requiredKeys: ['national'] },
);

describe('formatProcedureCode', () => {
  it('writes the national code, then the agency code', () => {
    expect(formatProcedureCode({ national: '1.005129' })).toBe('1.005129');
    expect(formatProcedureCode({ national: '1.002809', agencyCode: '000.00.00.H56' })).toBe('1.002809.000.00.00.H56');
  });

  it('round-trips through parseProcedureCode', () => {
    fc.assert(
      fc.property(procedureParts, (parts) => {
        const code = formatProcedureCode(parts);
        const parsed = parseProcedureCode(code);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parsed.value.code).toBe(code);
          expect(parsed.value.national).toBe(parts.national);
          expect(parsed.value.agencyCode).toBe(parts.agencyCode);
          expect(formatProcedureCode(parsed.value)).toBe(code);
        }
      }),
    );
  });

  it.each([
    [{ national: '1.00512' }],
    [{ national: ' 1.005129' }],
    [{ national: '1.005129', agencyCode: '000.00.00.h56' }],
    [{ national: '1.005129', agencyCode: '' }],
  ])('treats parts no code can hold as a programming error: %o', (parts) => {
    expect(() => formatProcedureCode(parts)).toThrow(ServiceLevelError);
  });
});
