import type { Issue } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import { parseAgencyCode } from './agency-code';
import { parseDossierCode } from './dossier-code';
import { parseFieldCode } from './field-code';
import { parseProcedureCode } from './procedure-code';
import { codeRules } from './rules';

/** One input per rule that makes the parsers report it. */
const triggers: readonly (readonly [string, () => { readonly issues: readonly Issue[] }])[] = [
  ['SL-CODE-001', () => parseAgencyCode(null as unknown as string)],
  ['SL-CODE-002', () => parseDossierCode('')],
  ['SL-CODE-003', () => parseProcedureCode('1'.repeat(101))],
  ['SL-CODE-004', () => parseFieldCode(' G22-TP01')],
  ['SL-CODE-005', () => parseDossierCode('٠٠٠.٠٠.٠١.H56-250224-0001')],
  ['SL-CODE-010', () => parseAgencyCode('000.00.1.H56')],
  ['SL-CODE-011', () => parseAgencyCode('000.00.01.h56')],
  ['SL-CODE-012', () => parseAgencyCode('002.00.20.H13')],
  ['SL-CODE-020', () => parseProcedureCode('1.00512')],
  ['SL-CODE-021', () => parseProcedureCode('5.005129')],
  ['SL-CODE-022', () => parseProcedureCode('1.002809.000.00.00.h56')],
  ['SL-CODE-030', () => parseDossierCode('000.00.01.H56/250224/0001')],
  ['SL-CODE-031', () => parseDossierCode('000.00.01.h56-250224-0001')],
  ['SL-CODE-032', () => parseDossierCode('000.00.01.H56-190229-0001')],
  ['SL-CODE-033', () => parseDossierCode('000.00.01.H56-250224-0000')],
  ['SL-CODE-034', () => parseDossierCode('000.00.01.H56-181231-0001')],
  ['SL-CODE-040', () => parseFieldCode('G22:TP01')],
  ['SL-CODE-041', () => parseFieldCode('g22-TP01')],
];

describe('codeRules', () => {
  it.each(triggers)('%s is reported', (ruleId, run) => {
    const issues = run().issues;
    expect(issues.map((issue) => issue.ruleId)).toContain(ruleId);
    const rule = codeRules.get(ruleId)!;
    for (const issue of issues.filter((found) => found.ruleId === ruleId)) {
      expect(issue.severity).toBe(rule.severity);
      expect(issue.message.vi).not.toBe(issue.message.en);
      expect(issue.message.vi).not.toMatch(/\{[A-Za-z]+\}/);
    }
  });

  it('has a trigger for every rule, and no trigger for a rule it does not list', () => {
    expect(triggers.map(([ruleId]) => ruleId)).toEqual(codeRules.rules.map((rule) => rule.id));
  });

  it('cites the legal text of every format rule', () => {
    for (const rule of codeRules.rules.filter((candidate) => !/^SL-CODE-00/.test(candidate.id))) {
      expect(rule.reference, rule.id).toMatch(/QCVN 102:2016|Thông tư 01\/2018\/TT-VPCP|thủ tục hành chính/);
    }
  });
});
