import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, expectedValidity, scenarioArb } from '../../test/arbitraries';
import { formatJson, parseReportDocument } from '../format/json';
import { ReportSchema } from './report';

describe('report validity (property)', () => {
  it('is false whenever an error exists or a step did not complete, true otherwise', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const report = buildScenario(scenario);
        expect(report.valid).toBe(expectedValidity(scenario));
        const hasError = report.issues.some((issue) => issue.severity === 'error');
        const incomplete = report.steps.length === 0 || report.steps.some((step) => step.status !== 'completed');
        expect(report.valid).toBe(!hasError && !incomplete);
        expect(ReportSchema.safeParse(report).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('survives a round trip through formatJson and parseReportDocument', () => {
    fc.assert(
      fc.property(fc.array(scenarioArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (scenarios, pretty) => {
        const reports = scenarios.map(buildScenario);
        const parsed = parseReportDocument(formatJson(reports, { pretty }));
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.document.reports).toEqual(reports);
        expect(parsed.document.valid).toBe(reports.every((report) => report.valid));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws in parseReportDocument, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) => {
        const result = parseReportDocument(input);
        if (!result.success) {
          for (const issue of result.issues) {
            expect(issue.message.vi.length).toBeGreaterThan(0);
            expect(issue.message.en.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
