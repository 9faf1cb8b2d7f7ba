import { describe, expect, it } from 'vitest';
import { REPORT_FORMAT_VERSION, type Report, ReportDocumentSchema, ReportSchema } from './report';

const base: Report = {
  subject: 'hoso.xml',
  kind: 'edxml',
  valid: true,
  ruleset: { name: 'test', version: '1' },
  steps: [{ name: 'parse', status: 'completed', durationMs: 3 }],
  rules: [],
  issues: [],
  counts: { error: 0, warning: 0, info: 0 },
  timing: { startedAt: '2025-01-01T07:00:00+07:00', durationMs: 3 },
};

const errorIssue = {
  ruleId: 'TEST-HDR-001',
  severity: 'error' as const,
  message: { vi: 'Thiếu', en: 'Missing' },
};

describe('ReportSchema', () => {
  it('accepts a consistent report', () => {
    expect(ReportSchema.safeParse(base).success).toBe(true);
  });

  it('rejects a report claiming valid: true with an error issue', () => {
    const result = ReportSchema.safeParse({ ...base, issues: [errorIssue], counts: { error: 1, warning: 0, info: 0 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['valid'] })]);
  });

  it('rejects a report claiming valid: true with a crashed or skipped step', () => {
    for (const status of ['crashed', 'skipped'] as const) {
      const result = ReportSchema.safeParse({ ...base, steps: [{ name: 'parse', status, durationMs: 0 }] });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['valid']);
    }
  });

  it('rejects a report claiming valid: true without any step', () => {
    expect(ReportSchema.safeParse({ ...base, steps: [] }).success).toBe(false);
  });

  it('rejects a report claiming valid: false when nothing is wrong', () => {
    expect(ReportSchema.safeParse({ ...base, valid: false }).success).toBe(false);
  });

  it('rejects counts that disagree with the issues', () => {
    const result = ReportSchema.safeParse({ ...base, counts: { error: 0, warning: 2, info: 0 } });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['counts'] })]);
  });

  it('rejects malformed rule IDs and timestamps without an offset', () => {
    expect(
      ReportSchema.safeParse({ ...base, rules: [{ ...errorIssue, id: 'bad', title: errorIssue.message }] }).success,
    ).toBe(false);
    expect(
      ReportSchema.safeParse({ ...base, timing: { startedAt: '2025-01-01T00:00:00', durationMs: 0 } }).success,
    ).toBe(false);
  });
});

describe('ReportDocumentSchema', () => {
  const document = { formatVersion: REPORT_FORMAT_VERSION, generator: { name: 'x', version: '1' } };

  it('derives the document validity from its reports', () => {
    expect(ReportDocumentSchema.safeParse({ ...document, valid: true, reports: [base] }).success).toBe(true);
    const invalid = { ...base, valid: false, steps: [] };
    expect(ReportDocumentSchema.safeParse({ ...document, valid: true, reports: [base, invalid] }).success).toBe(false);
    expect(ReportDocumentSchema.safeParse({ ...document, valid: false, reports: [base, invalid] }).success).toBe(true);
  });

  it('does not call an empty document valid', () => {
    expect(ReportDocumentSchema.safeParse({ ...document, valid: true, reports: [] }).success).toBe(false);
    expect(ReportDocumentSchema.safeParse({ ...document, valid: false, reports: [] }).success).toBe(true);
  });
});
