import type { Issue } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgencyCode } from './agency-code';
import { MAX_CODE_LENGTH } from './code-text';
import { parseDossierCode } from './dossier-code';
import { parseFieldCode } from './field-code';
import type { CodeParseResult } from './parse-result';
import { parseProcedureCode } from './procedure-code';

/*
 * Codes come from spreadsheets, CSV files and other systems: every parser must turn whatever it gets into
 * issues, never an exception, and never copy a huge or control-laden text into a message.
 */

const parsers: Record<string, (text: string) => CodeParseResult<unknown>> = {
  parseAgencyCode,
  parseProcedureCode,
  parseDossierCode,
  parseFieldCode,
};

const ruleIds = (issues: readonly Issue[]) => issues.map((issue) => issue.ruleId);

describe.each(Object.entries(parsers))('%s with hostile input', (_name, parse) => {
  it('refuses a 10-million-character text unread, with a short message', () => {
    const huge = '0'.repeat(10_000_000);
    const result = parse(huge);
    expect(result.ok).toBe(false);
    expect(ruleIds(result.issues)).toEqual(['SL-CODE-003']);
    expect(result.issues[0]?.params).toMatchObject({ length: 10_000_000, limit: MAX_CODE_LENGTH });
    expect(result.issues[0]?.message.en.length).toBeLessThan(300);
  });

  it('refuses a text one character over the limit, and reads one at the limit', () => {
    expect(ruleIds(parse('x'.repeat(MAX_CODE_LENGTH + 1)).issues)).toEqual(['SL-CODE-003']);
    expect(ruleIds(parse('x'.repeat(MAX_CODE_LENGTH)).issues)).not.toContain('SL-CODE-003');
  });

  it.each([
    ['Arabic-Indic', '١', 'U+0661'],
    ['Extended Arabic-Indic', '۱', 'U+06F1'],
    ['full-width', '１', 'U+FF11'],
    ['Devanagari', '१', 'U+0967'],
    ['mathematical bold (astral)', '𝟏', 'U+1D7CF'],
  ])('names a %s digit (%s, %s)', (_script, digit, codePoint) => {
    const result = parse(`${digit}.005129`);
    expect(result.ok).toBe(false);
    expect(ruleIds(result.issues)).toEqual(['SL-CODE-005']);
    expect(result.issues[0]?.params).toMatchObject({ character: digit, codePoint });
  });

  it.each([
    ['a space', ' '],
    ['a tab', '\t'],
    ['a newline', '\n'],
    ['CR LF', '\r\n'],
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
    ['a BOM', '\ufeff'],
  ])('reports %s around the code', (_name, space) => {
    const result = parse(`${space}1.005129${space}`);
    expect(result.ok).toBe(false);
    expect(ruleIds(result.issues)[0]).toBe('SL-CODE-004');
  });

  it.each([
    ['only whitespace', ' \t\n\u00a0'],
    ['empty', ''],
  ])('reports an empty code (%s)', (_name, text) => {
    expect(ruleIds(parse(text).issues)).toEqual(['SL-CODE-002']);
  });

  it.each([null, undefined, 42, 1.005129, true, {}, [], Symbol('code'), () => '1.005129', 10n])(
    'reports a value that is not text (%s)',
    (value) => {
      const result = parse(value as unknown as string);
      expect(result.ok).toBe(false);
      expect(ruleIds(result.issues)).toEqual(['SL-CODE-001']);
    },
  );

  it('escapes control characters and cuts long texts in messages', () => {
    const result = parse(`\u001b[31m${'9'.repeat(80)}`);
    expect(result.ok).toBe(false);
    for (const issue of result.issues) {
      expect(issue.message.vi).not.toMatch(/[\u0000-\u001f]/);
      expect(issue.message.en).toContain('\\u001b[31m');
      expect(issue.message.en).not.toContain('9'.repeat(60));
    }
  });

  it('never throws, and accepts only ASCII text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme' })), (text) => {
        const result = parse(text);
        if (result.ok) expect(text).toMatch(/^[\x21-\x7e]+$/);
        else expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
      }),
    );
  });
});

describe('codes with invisible or look-alike characters inside', () => {
  it.each([
    ['a zero-width space', parseProcedureCode, '1.005\u200b129', 'SL-CODE-020'],
    ['a Cyrillic Н', parseAgencyCode, '000.00.01.\u041d56', 'SL-CODE-010'],
    ['a full-width full stop', parseProcedureCode, '1\uff0e005129', 'SL-CODE-020'],
    ['an en dash', parseDossierCode, '000.00.01.H56\u2013250224-0001', 'SL-CODE-030'],
    ['a NUL', parseDossierCode, '000.00.01.H56-250224-0001\u0000', 'SL-CODE-030'],
    ['a lone surrogate', parseFieldCode, 'G22-TP\ud800', 'SL-CODE-040'],
  ])('refuses a code with %s', (_name, parse, text, ruleId) => {
    const result = (parse as (text: string) => CodeParseResult<unknown>)(text);
    expect(result.ok).toBe(false);
    expect(ruleIds(result.issues)).toEqual([ruleId]);
  });
});
