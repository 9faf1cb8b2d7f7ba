import { z } from 'zod';
import { IssueSchema, LocalizedTextSchema, RuleIdSchema, SeveritySchema } from './issue';

/** Version of the JSON report format described by `report.schema.json`. */
export const REPORT_FORMAT_VERSION = '1.0' as const;

/**
 * Whether a validation step ran to its end. A step that found problems still `completed`;
 * `crashed` and `skipped` mean the subject was not fully checked.
 */
export const StepStatusSchema = z.enum(['completed', 'crashed', 'skipped']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const StepSchema = z.object({
  /** Short machine name, e.g. `parse`, `validate`, `signature`. */
  name: z.string().min(1),
  status: StepStatusSchema,
  durationMs: z.number().nonnegative(),
});
export type Step = z.infer<typeof StepSchema>;

/** A rule that was checked, as listed in a report (JUnit has one test case per checked rule). */
export const CheckedRuleSchema = z.object({
  id: RuleIdSchema,
  severity: SeveritySchema,
  title: LocalizedTextSchema,
  reference: z.string().min(1).optional(),
});
export type CheckedRule = z.infer<typeof CheckedRuleSchema>;

export const RulesetSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
});
export type Ruleset = z.infer<typeof RulesetSchema>;

export const IssueCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type IssueCounts = z.infer<typeof IssueCountsSchema>;

export const TimingSchema = z.object({
  /** ISO-8601 instant with offset. */
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: z.number().nonnegative(),
});
export type Timing = z.infer<typeof TimingSchema>;

const ReportShape = z.object({
  /** File name or label of what was validated. */
  subject: z.string().min(1),
  /** What kind of subject this is, e.g. `edxml`, `indicators-report`, `service-catalogue`. */
  kind: z.string().min(1),
  /** True only when no issue has severity `error` and every step completed. */
  valid: z.boolean(),
  ruleset: RulesetSchema,
  steps: z.array(StepSchema),
  rules: z.array(CheckedRuleSchema),
  issues: z.array(IssueSchema),
  counts: IssueCountsSchema,
  timing: TimingSchema,
});

/** The issue counts of a list of issues. */
export function countIssues(issues: readonly { severity: z.infer<typeof SeveritySchema> }[]): IssueCounts {
  const counts: IssueCounts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

/**
 * The only definition of validity: no error-severity issue, at least one step, and every step completed.
 * A report of which nothing ran cannot be valid.
 */
export function isValidOutcome(
  issues: readonly { severity: z.infer<typeof SeveritySchema> }[],
  steps: readonly { status: StepStatus }[],
): boolean {
  return (
    steps.length > 0 &&
    steps.every((step) => step.status === 'completed') &&
    issues.every((issue) => issue.severity !== 'error')
  );
}

/**
 * A validation report. The schema itself refuses a report whose `valid` or `counts`
 * disagree with its issues and steps, so a report read from JSON cannot claim validity it has not earned.
 */
export const ReportSchema = ReportShape.superRefine((report, ctx) => {
  const expected = isValidOutcome(report.issues, report.steps);
  if (report.valid !== expected) {
    ctx.addIssue({
      code: 'custom',
      path: ['valid'],
      message: `valid must be ${expected}: it is derived from the issues and steps`,
      params: { reason: 'report-valid-derived', expected },
    });
  }
  const counts = countIssues(report.issues);
  if (
    counts.error !== report.counts.error ||
    counts.warning !== report.counts.warning ||
    counts.info !== report.counts.info
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['counts'],
      message: 'counts must match the issues',
      params: { reason: 'report-counts-derived' },
    });
  }
});
export type Report = z.infer<typeof ReportSchema>;

/** The program that wrote a report document. */
export const ReportGeneratorSchema = z.object({ name: z.string().min(1), version: z.string().min(1) });
export type ReportGenerator = z.infer<typeof ReportGeneratorSchema>;

/** A document is valid only when it holds at least one report and every report is valid. */
export function isValidDocumentOutcome(reports: readonly { valid: boolean }[]): boolean {
  return reports.length > 0 && reports.every((report) => report.valid);
}

/**
 * The JSON document the JSON formatter writes: one or more reports. Like {@link ReportSchema},
 * it refuses a document whose `valid` disagrees with its reports.
 */
export const ReportDocumentSchema = z
  .object({
    formatVersion: z.literal(REPORT_FORMAT_VERSION),
    generator: ReportGeneratorSchema,
    valid: z.boolean(),
    reports: z.array(ReportSchema),
  })
  .superRefine((document, ctx) => {
    const expected = isValidDocumentOutcome(document.reports);
    if (document.valid !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid'],
        message: `valid must be ${expected}: it is true only when there is a report and every report is valid`,
        params: { reason: 'document-valid-derived', expected },
      });
    }
  });
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;
