import { describe, expect, it } from 'vitest';
import { steppingClock } from '../../test/sample-reports';
import { ReportError } from '../errors';
import { ReportSchema } from '../model/report';
import { defineRule } from '../rules/define-rule';
import { createReportBuilder, type ReportOptions } from './report-builder';

const tooLong = defineRule({
  id: 'TEST-LEN-001',
  severity: 'warning',
  title: { vi: 'Quá dài', en: 'Too long' },
  message: { vi: 'Dài {length} ký tự', en: '{length} characters long' },
});

const options = (overrides: Partial<ReportOptions> = {}): ReportOptions => ({
  subject: 'hoso.xml',
  kind: 'edxml',
  ruleset: { name: 'test', version: '1' },
  rules: [tooLong],
  now: steppingClock('2025-01-01T00:00:00.000Z', 10),
  ...overrides,
});

describe('createReportBuilder', () => {
  it('produces a valid report when every step completes without errors', () => {
    const builder = createReportBuilder(options());
    expect(builder.step('parse', () => 42)).toBe(42);
    builder.add(tooLong.issue({ length: 120 }));
    const report = builder.finish();
    expect(report).toMatchObject({
      subject: 'hoso.xml',
      valid: true,
      steps: [{ name: 'parse', status: 'completed', durationMs: 10 }],
      rules: [{ id: 'TEST-LEN-001', severity: 'warning' }],
      counts: { error: 0, warning: 1, info: 0 },
      timing: { startedAt: '2025-01-01T00:00:00.000Z' },
    });
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('turns a crashed step into an invalid report with a REPORT-STEP-001 issue instead of throwing', () => {
    const builder = createReportBuilder(options());
    const result = builder.step('signature', () => {
      throw new RangeError('bad key length');
    });
    expect(result).toBeUndefined();
    const report = builder.finish();
    expect(report.valid).toBe(false);
    expect(report.steps).toEqual([{ name: 'signature', status: 'crashed', durationMs: 10 }]);
    expect(report.issues).toEqual([
      expect.objectContaining({
        ruleId: 'REPORT-STEP-001',
        severity: 'error',
        params: { step: 'signature', error: 'RangeError: bad key length' },
      }),
    ]);
    expect(report.issues[0]?.message.vi).toContain('RangeError: bad key length');
    expect(report.rules.map((rule) => rule.id)).toContain('REPORT-STEP-001');
  });

  it('makes a skipped step invalid, with the reason in each language', () => {
    const builder = createReportBuilder(options());
    builder.step('parse', () => undefined);
    builder.skip('signature', { vi: 'không có chữ ký', en: 'no signature' });
    const report = builder.finish();
    expect(report.valid).toBe(false);
    expect(report.steps.at(-1)).toEqual({ name: 'signature', status: 'skipped', durationMs: 0 });
    const issue = report.issues.find((candidate) => candidate.ruleId === 'REPORT-STEP-002');
    expect(issue?.message).toEqual({
      vi: 'Bước kiểm tra "signature" không được thực hiện: không có chữ ký',
      en: 'Validation step "signature" was not run: no signature',
    });
  });

  it('makes a report invalid when a required step did not run', () => {
    const builder = createReportBuilder(options({ requiredSteps: ['parse', 'schema'] }));
    builder.step('parse', () => undefined);
    const report = builder.finish();
    expect(report.valid).toBe(false);
    expect(report.steps).toContainEqual({ name: 'schema', status: 'skipped', durationMs: 0 });
    expect(report.issues).toEqual([expect.objectContaining({ ruleId: 'REPORT-STEP-003', params: { step: 'schema' } })]);
  });

  it('does not call a report valid when no step ran', () => {
    expect(createReportBuilder(options()).finish().valid).toBe(false);
  });

  it('applies severity overrides to issues and to the listed rules', () => {
    const builder = createReportBuilder(options({ severityOverrides: { 'TEST-LEN-001': 'error' } }));
    builder.step('validate', () => builder.add(tooLong.issue({ length: 300 })));
    expect(builder.hasErrors).toBe(true);
    const report = builder.finish();
    expect(report.valid).toBe(false);
    expect(report.issues[0]?.severity).toBe('error');
    expect(report.rules).toEqual([expect.objectContaining({ id: 'TEST-LEN-001', severity: 'error' })]);
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('can lower an error to a warning with an override', () => {
    const strictRule = defineRule({
      id: 'TEST-LEN-002',
      severity: 'error',
      title: { vi: 'a', en: 'b' },
      message: { vi: 'x', en: 'y' },
    });
    const builder = createReportBuilder(options({ severityOverrides: { 'TEST-LEN-002': 'warning' } }));
    builder.step('validate', () => builder.add(strictRule.issue({})));
    expect(builder.hasErrors).toBe(false);
    expect(builder.finish().valid).toBe(true);
  });

  it('throws ReportError REPORT_FINISHED when used after finish', () => {
    const builder = createReportBuilder(options());
    builder.step('parse', () => undefined);
    builder.finish();
    const finishedError = expect.objectContaining({ name: 'ReportError', code: 'REPORT_FINISHED' });
    expect(() => builder.finish()).toThrowError(ReportError);
    expect(() => builder.finish()).toThrowError(finishedError);
    expect(() => builder.add(tooLong.issue({ length: 1 }))).toThrowError(finishedError);
    expect(() => builder.step('late', () => undefined)).toThrowError(finishedError);
    expect(() => builder.skip('late', { vi: 'a', en: 'b' })).toThrowError(finishedError);
  });

  it('runs async steps and records async failures as crashed steps', async () => {
    const builder = createReportBuilder(options());
    await expect(builder.stepAsync('fetch', async () => 'ok')).resolves.toBe('ok');
    await expect(
      builder.stepAsync('verify', async () => {
        throw new Error('OCSP responder timed out');
      }),
    ).resolves.toBeUndefined();
    const report = builder.finish();
    expect(report.steps.map((step) => [step.name, step.status])).toEqual([
      ['fetch', 'completed'],
      ['verify', 'crashed'],
    ]);
    expect(report.valid).toBe(false);
    expect(report.issues[0]?.params?.error).toBe('Error: OCSP responder timed out');
  });

  it('rejects stepAsync after finish', async () => {
    const builder = createReportBuilder(options());
    builder.finish();
    await expect(builder.stepAsync('late', async () => 1)).rejects.toMatchObject({ code: 'REPORT_FINISHED' });
  });

  it('lists rules added with check() and measures time with the injected clock', () => {
    const builder = createReportBuilder(options({ rules: [] }));
    builder.check(tooLong);
    builder.step('a', () => undefined);
    const report = builder.finish();
    expect(report.rules.map((rule) => rule.id)).toEqual(['TEST-LEN-001']);
    // Clock reads: start 0, step start 10, step end 20, finish 30.
    expect(report.timing).toEqual({ startedAt: '2025-01-01T00:00:00.000Z', durationMs: 30 });
  });
});
