import { ReportError } from '../errors';
import type { Issue, LocalizedText, RuleId, Severity } from '../model/issue';
import { type CheckedRule, countIssues, isValidOutcome, type Report, type Ruleset, type Step } from '../model/report';
import type { Rule } from '../rules/define-rule';
import { stepCrashed, stepNotRun, stepSkipped } from '../rules/process-rules';

export interface ReportOptions {
  /** File name or label of what is validated. */
  subject: string;
  /** Kind of subject, e.g. `edxml`. */
  kind: string;
  ruleset: Ruleset;
  /** The rules this validation checks; listed in the report (and as JUnit test cases). */
  rules?: readonly Pick<Rule<never>, 'toChecked'>[];
  /** Steps that must run; any not run when `finish()` is called makes the report invalid. */
  requiredSteps?: readonly string[];
  /** Per-rule severity changes (e.g. strict mode turning warnings into errors). */
  severityOverrides?: Readonly<Record<RuleId, Severity>>;
  /** Time source, for reproducible reports in tests. */
  now?: () => Date;
}

/** Collects the issues and steps of one validation and produces its {@link Report}. */
export interface ReportBuilder {
  /** Runs a step; an exception becomes a `crashed` step with an error issue, never a throw. */
  step<T>(name: string, run: () => T): T | undefined;
  /** Async variant of {@link ReportBuilder.step}. */
  stepAsync<T>(name: string, run: () => Promise<T>): Promise<T | undefined>;
  /** Records that a step was not run, with the reason. Makes the report invalid. */
  skip(name: string, reason: LocalizedText): void;
  /** Adds findings. */
  add(...issues: Issue[]): void;
  /** Adds a checked rule after creation (for rules chosen at run time). */
  check(...rules: readonly Pick<Rule<never>, 'toChecked'>[]): void;
  /** True once an error-severity finding has been added (after severity overrides). */
  readonly hasErrors: boolean;
  /** Ends the validation. The builder cannot be used afterwards. */
  finish(): Report;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function createReportBuilder(options: ReportOptions): ReportBuilder {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const issues: Issue[] = [];
  const steps: Step[] = [];
  const rules = new Map<string, CheckedRule>();
  const overrides = options.severityOverrides ?? {};
  let finished = false;

  const ensureOpen = () => {
    if (finished) throw new ReportError('REPORT_FINISHED', `the report of ${options.subject} is already finished`);
  };
  const check = (...list: readonly Pick<Rule<never>, 'toChecked'>[]) => {
    for (const rule of list) {
      const checked = rule.toChecked();
      const severity = overrides[checked.id];
      rules.set(checked.id, severity ? { ...checked, severity } : checked);
    }
  };
  const add = (...found: Issue[]) => {
    ensureOpen();
    for (const issue of found) {
      const severity = overrides[issue.ruleId];
      issues.push(severity && severity !== issue.severity ? { ...issue, severity } : issue);
    }
  };
  const elapsedSince = (start: Date) => Math.max(0, now().getTime() - start.getTime());
  const crashed = (name: string, start: Date, error: unknown) => {
    steps.push({ name, status: 'crashed', durationMs: elapsedSince(start) });
    check(stepCrashed);
    add(stepCrashed.issue({ step: name, error: describeError(error) }));
  };

  check(...(options.rules ?? []));

  return {
    step(name, run) {
      ensureOpen();
      const start = now();
      try {
        const result = run();
        steps.push({ name, status: 'completed', durationMs: elapsedSince(start) });
        return result;
      } catch (error) {
        crashed(name, start, error);
        return undefined;
      }
    },
    async stepAsync(name, run) {
      ensureOpen();
      const start = now();
      try {
        const result = await run();
        steps.push({ name, status: 'completed', durationMs: elapsedSince(start) });
        return result;
      } catch (error) {
        crashed(name, start, error);
        return undefined;
      }
    },
    skip(name, reason) {
      ensureOpen();
      steps.push({ name, status: 'skipped', durationMs: 0 });
      check(stepSkipped);
      const issue = stepSkipped.issue({ step: name, reason: reason.en });
      issue.message = {
        vi: stepSkipped.issue({ step: name, reason: reason.vi }).message.vi,
        en: issue.message.en,
      };
      add(issue);
    },
    add,
    check,
    get hasErrors() {
      return issues.some((issue) => issue.severity === 'error');
    },
    finish() {
      ensureOpen();
      for (const required of options.requiredSteps ?? []) {
        if (!steps.some((step) => step.name === required)) {
          steps.push({ name: required, status: 'skipped', durationMs: 0 });
          check(stepNotRun);
          add(stepNotRun.issue({ step: required }));
        }
      }
      finished = true;
      return {
        subject: options.subject,
        kind: options.kind,
        valid: isValidOutcome(issues, steps),
        ruleset: { ...options.ruleset },
        steps: [...steps],
        rules: [...rules.values()],
        issues: [...issues],
        counts: countIssues(issues),
        timing: { startedAt: startedAt.toISOString(), durationMs: elapsedSince(startedAt) },
      };
    },
  };
}
