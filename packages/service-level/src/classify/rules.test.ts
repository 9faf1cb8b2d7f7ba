import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_RULESET, classificationRules } from './rules';

describe('classificationRules', () => {
  it('lists the SL-CLS rules with unique IDs, a title and a message in both languages', () => {
    expect(classificationRules.name).toBe(CLASSIFICATION_RULESET.name);
    expect(classificationRules.rules.map((rule) => rule.id)).toEqual([
      'SL-CLS-001',
      'SL-CLS-002',
      'SL-CLS-003',
      'SL-CLS-010',
      'SL-CLS-011',
      'SL-CLS-012',
    ]);
    for (const rule of classificationRules.rules) {
      for (const text of [rule.title, rule.message]) {
        expect(text.vi.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(classificationRules.get(rule.id)).toBe(rule);
    }
  });

  it('cites the decree on every rule about levels or categories', () => {
    expect(classificationRules.get('SL-CLS-010')?.reference).toBe('khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP');
    expect(classificationRules.get('SL-CLS-011')?.reference).toBe('khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP');
    expect(classificationRules.get('SL-CLS-012')?.reference).toBe('khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP');
  });
});
