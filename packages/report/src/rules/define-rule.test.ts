import { describe, expect, it } from 'vitest';
import { ReportError } from '../errors';
import { defineRule, defineRuleCatalog } from './define-rule';

const missing = defineRule({
  id: 'TEST-HDR-001',
  severity: 'error',
  title: { vi: 'Thiếu phần tử', en: 'Missing element' },
  message: { vi: 'Thiếu phần tử {element} ({count} lần)', en: 'Element {element} is missing ({count} times)' },
  reference: 'QCVN 102:2016 §1.1',
});

describe('defineRule', () => {
  it('renders both languages from the same parameters, numbers in each locale', () => {
    const issue = missing.issue({ element: 'From', count: 12340 }, { path: 'MessageHeader/From', line: 3, column: 5 });
    expect(issue).toEqual({
      ruleId: 'TEST-HDR-001',
      severity: 'error',
      message: { vi: 'Thiếu phần tử From (12.340 lần)', en: 'Element From is missing (12,340 times)' },
      location: { path: 'MessageHeader/From', line: 3, column: 5 },
      reference: 'QCVN 102:2016 §1.1',
      params: { element: 'From', count: 12340 },
    });
  });

  it('lets a caller raise or lower the severity of one finding', () => {
    expect(missing.issue({ element: 'To', count: 1 }, undefined, { severity: 'warning' }).severity).toBe('warning');
  });

  it('refuses templates whose languages use different placeholders', () => {
    const define = defineRule as (definition: unknown) => unknown;
    expect(() =>
      define({
        id: 'TEST-HDR-002',
        severity: 'error',
        title: { vi: 'a', en: 'b' },
        message: { vi: 'Thiếu {element}', en: 'Missing {name}' },
      }),
    ).toThrowError(ReportError);
  });

  it('refuses malformed rule IDs', () => {
    const define = defineRule as (definition: unknown) => unknown;
    expect(() =>
      define({ id: 'bad id', severity: 'error', title: { vi: 'a', en: 'b' }, message: { vi: 'x', en: 'y' } }),
    ).toThrowError(/rule ID/);
  });

  it('throws a programmer error when a parameter is missing at run time', () => {
    const issue = missing.issue as (params: object) => unknown;
    expect(() => issue({ element: 'From' })).toThrowError(expect.objectContaining({ code: 'RULE_PARAM_MISSING' }));
  });

  it('keeps rule IDs unique within a catalogue', () => {
    expect(() => defineRuleCatalog('test', '1', [missing, missing])).toThrowError(
      expect.objectContaining({ code: 'RULE_DUPLICATE' }),
    );
    expect(defineRuleCatalog('test', '1', [missing]).get('TEST-HDR-001')).toBe(missing);
  });

  it('checks placeholders at compile time', () => {
    expect(() =>
      // @ts-expect-error the en message lacks {element}
      defineRule({
        id: 'TEST-HDR-003',
        severity: 'info',
        title: { vi: 'a', en: 'b' },
        message: { vi: 'Thiếu {element}', en: 'Missing' },
      }),
    ).toThrowError(ReportError);
    // @ts-expect-error the parameter `element` is required
    expect(() => missing.issue({ count: 1 })).toThrow();
  });
});
