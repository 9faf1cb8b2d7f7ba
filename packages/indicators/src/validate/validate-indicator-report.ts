import { createReportBuilder, type Issue, type Report, type RuleId, type Severity } from '@lienthong/report';
import type { IndicatorCatalogue } from '../model/indicator';
import type { IndicatorReport, IndicatorValue } from '../model/report';
import { type ParseIndicatorReportOptions, parseIndicatorReport, parseLimits } from '../parse/parse-indicator-report';
import { checkRatios } from './check-ratios';
import { checkStatements, checkTargets } from './check-statements';
import { checkSums } from './check-sums';
import { checkValues } from './check-values';
import type { CheckContext } from './context';
import { definitionsByName, FactIndex } from './facts';
import { resolveCatalogue } from './resolve-catalogue';
import { INDICATOR_RULES, INDICATOR_RULESET } from './rules';

export interface ValidateIndicatorReportOptions extends ParseIndicatorReportOptions {
  /** The catalogue to check against; default `INDICATOR_CATALOGUE`. */
  readonly catalogue?: IndicatorCatalogue;
  /** Per-rule severity changes, e.g. `{ 'IND-SUM-012': 'error' }` for a strict mode. */
  readonly severityOverrides?: Readonly<Record<RuleId, Severity>>;
  /** Clock for the report's start time, for reproducible reports. */
  readonly now?: () => Date;
  /** What the report is about (a file name); default `indicator-report`. */
  readonly subject?: string;
}

export interface IndicatorReportValidation {
  /** True when no finding is an error and every step ran (see `report.valid`). */
  readonly valid: boolean;
  readonly issues: readonly Issue[];
  /** The validation report (`@lienthong/report`), listing every rule checked. */
  readonly report: Report;
  /** The indicator report as read (defaults filled in), when it satisfies the model. */
  readonly indicatorReport?: IndicatorReport;
  /** Its values, when it satisfies the model. */
  readonly values?: readonly IndicatorValue[];
}

/**
 * Validates an indicator report — JSON text, UTF-8 bytes, or an object — against the catalogue and against
 * itself (ranges, scopes, dates, sums, percentages, conflicting statements, targets). Never throws for bad
 * input, never modifies it, never corrects a figure: every finding is an issue quoting the numbers involved.
 */
export function validateIndicatorReport(
  input: unknown,
  options: ValidateIndicatorReportOptions = {},
): IndicatorReportValidation {
  const catalogue = resolveCatalogue(options.catalogue);
  const limits = parseLimits(options);
  const builder = createReportBuilder({
    subject: options.subject ?? 'indicator-report',
    kind: 'indicator-report',
    ruleset: { ...INDICATOR_RULESET },
    rules: INDICATOR_RULES.rules,
    requiredSteps: ['parse'],
    ...(options.severityOverrides ? { severityOverrides: options.severityOverrides } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const indicatorReport = builder.step('parse', () => {
    const parsed = parseIndicatorReport(input, limits);
    builder.add(...parsed.issues);
    return parsed.report;
  });
  if (indicatorReport) {
    builder.step('validate', () => {
      const context: CheckContext = {
        report: indicatorReport,
        catalogue,
        definitions: definitionsByName(catalogue),
        index: new FactIndex(indicatorReport),
        add: (issue) => builder.add(issue),
      };
      checkValues(context);
      checkStatements(context);
      checkSums(context);
      checkRatios(context);
      checkTargets(context);
    });
  }
  const report = builder.finish();
  return {
    valid: report.valid,
    issues: report.issues,
    report,
    ...(indicatorReport ? { indicatorReport, values: indicatorReport.values } : {}),
  };
}
