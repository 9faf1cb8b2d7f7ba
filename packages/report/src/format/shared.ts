// Internal helpers shared by the formatters. Nothing here is exported from the package.
import { ReportError } from '../errors';
import type { Issue, Language, LocalizedText, Location, Severity } from '../model/issue';
import { type Report, ReportSchema, type Step, type StepStatus } from '../model/report';
import { stepCrashed, stepNotRun, stepSkipped } from '../rules/process-rules';
import { formatParam } from '../rules/template';

export interface Labels {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly stepStatus: Readonly<Record<StepStatus, string>>;
  readonly valid: string;
  readonly invalid: string;
  readonly location: string;
  readonly reference: string;
  readonly step: string;
  readonly noStepRan: string;
}

export const LABELS: Readonly<Record<Language, Labels>> = {
  vi: {
    severity: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
    stepStatus: { completed: 'hoàn thành', crashed: 'bị lỗi', skipped: 'bị bỏ qua' },
    valid: 'HỢP LỆ',
    invalid: 'KHÔNG HỢP LỆ',
    location: 'vị trí',
    reference: 'căn cứ',
    step: 'bước',
    noStepRan: 'không có bước kiểm tra nào được chạy',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    stepStatus: { completed: 'completed', crashed: 'crashed', skipped: 'skipped' },
    valid: 'VALID',
    invalid: 'INVALID',
    location: 'location',
    reference: 'reference',
    step: 'step',
    noStepRan: 'no validation step ran',
  },
};

/** The language option of every formatter; an unknown language is a programmer error. */
export function languageOption(lang: Language | undefined): Language {
  if (lang === undefined) return 'vi';
  if (lang !== 'vi' && lang !== 'en') {
    throw new ReportError('OPTION_INVALID', `lang must be "vi" or "en", not ${JSON.stringify(lang)}`);
  }
  return lang;
}

/** An absolute URI option (SARIF requires absolute URIs); a malformed one is a programmer error. */
export function uriOption(name: string, value: string): string {
  if (!URL.canParse(value)) {
    throw new ReportError('OPTION_INVALID', `${name} must be an absolute URI, not ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Formatters accept only reports that `ReportSchema` accepts, so no output can claim a validity
 * the issues and steps do not support. A report that fails is a programmer error.
 */
export function checkedReports(reports: readonly Report[], formatter: string): Report[] {
  if (!Array.isArray(reports)) {
    throw new ReportError('REPORT_INVALID', `${formatter} expects an array of reports`);
  }
  return reports.map((report, index) => {
    const result = ReportSchema.safeParse(report);
    if (!result.success) {
      const details = result.error.issues
        .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new ReportError('REPORT_INVALID', `${formatter}: report ${index} is not a valid report: ${details}`, {
        cause: result.error,
      });
    }
    return result.data;
  });
}

/** `path (line:column)`, `path (line)`, `(line:column)`, `path`, or undefined when nothing is known. */
export function formatLocation(location: Location | undefined): string | undefined {
  if (location === undefined) return undefined;
  const parts: string[] = [];
  if (location.path !== undefined) parts.push(location.path);
  if (location.line !== undefined) {
    parts.push(location.column === undefined ? `(${location.line})` : `(${location.line}:${location.column})`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** A number as a reader of the language expects it (1.234 in Vietnamese, 1,234 in English). */
export function formatCount(value: number, lang: Language): string {
  return formatParam(value, lang);
}

const PROCESS_RULE_BY_STATUS: Readonly<Record<Exclude<StepStatus, 'completed'>, readonly string[]>> = {
  crashed: [stepCrashed.id],
  skipped: [stepSkipped.id, stepNotRun.id],
};

/** The process issue (REPORT-STEP-001..003) the builder recorded for a step that did not complete. */
export function stepIssue(report: Report, step: Step): Issue | undefined {
  if (step.status === 'completed') return undefined;
  const ruleIds = PROCESS_RULE_BY_STATUS[step.status];
  return report.issues.find((issue) => ruleIds.includes(issue.ruleId) && issue.params?.step === step.name);
}

/**
 * Why a step did not complete: the message of its process issue, or a generic text when the report
 * carries none (e.g. a report built by hand).
 */
export function stepProblem(report: Report, step: Step): LocalizedText {
  return (
    stepIssue(report, step)?.message ?? {
      vi: `Bước kiểm tra "${step.name}" ${LABELS.vi.stepStatus[step.status]}.`,
      en: `Validation step "${step.name}" ${LABELS.en.stepStatus[step.status]}.`,
    }
  );
}

/** The steps that did not complete. */
export function incompleteSteps(report: Report): Step[] {
  return report.steps.filter((step) => step.status !== 'completed');
}
