import type { Issue } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import { parseChannel } from './channel';
import { parseDossierStatus } from './dossier-status';
import { enumerationRules } from './rules';
import { parseTier } from './tier';

const triggers: readonly (readonly [string, () => { readonly issues: readonly Issue[] }])[] = [
  ['SL-ENUM-001', () => parseDossierStatus('11')],
  ['SL-ENUM-002', () => parseChannel('4')],
  ['SL-ENUM-003', () => parseTier('quan')],
  ['SL-ENUM-004', () => parseTier('huyen', { on: '2026-01-01' })],
];

describe('enumerationRules', () => {
  it.each(triggers)('%s is reported', (ruleId, run) => {
    const issues = run().issues;
    expect(issues.map((issue) => issue.ruleId)).toEqual([ruleId]);
    expect(issues[0]?.severity).toBe(enumerationRules.get(ruleId)?.severity);
    expect(issues[0]?.message.vi).not.toBe(issues[0]?.message.en);
  });

  it('has a trigger for every rule', () => {
    expect(triggers.map(([ruleId]) => ruleId)).toEqual(enumerationRules.rules.map((rule) => rule.id));
  });
});
