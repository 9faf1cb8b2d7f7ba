// fast-check generators of reports built with the real builder, from arbitrary issues and step outcomes.
import fc from 'fast-check';
import { createReportBuilder, type Issue, type ParamValue, type Report, type Severity } from '../src/index';
import { steppingClock } from './sample-reports';

export const RULE_IDS = ['TEST-HDR-001', 'TEST-BODY-002', 'TEST-SIG-003'] as const;
const OVERRIDABLE_IDS = [...RULE_IDS, 'REPORT-STEP-001', 'REPORT-STEP-002'] as const;

export const severityArb = fc.constantFrom<Severity>('error', 'warning', 'info');

/** Any text, including control characters, lone surrogates, quotes and markup characters. */
export const nastyTextArb = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  fc.constantFrom(
    '<a & b>',
    '"quoted" \'single\'',
    ']]>',
    '\u0000\u0007\u001b[31m',
    'C:\\dữ liệu\\hồ sơ.xml',
    '\ud800x',
  ),
);

const paramValueArb: fc.Arbitrary<ParamValue> = fc.oneof(
  nastyTextArb,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
  fc.boolean(),
  fc.constant(null),
);

export const issueArb: fc.Arbitrary<Issue> = fc.record(
  {
    ruleId: fc.constantFrom(...RULE_IDS),
    severity: severityArb,
    message: fc.record({ vi: nastyTextArb, en: nastyTextArb }),
    location: fc.record(
      {
        path: nastyTextArb,
        line: fc.integer({ min: 1, max: 100_000 }),
        column: fc.integer({ min: 1, max: 1_000 }),
        offset: fc.nat(),
      },
      { requiredKeys: [] },
    ),
    reference: nastyTextArb,
    params: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/), paramValueArb, {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  },
  { requiredKeys: ['ruleId', 'severity', 'message'] },
);

export type StepOutcome = { name: string; outcome: 'completed' | 'crashed' | 'skipped' };

export const stepOutcomeArb: fc.Arbitrary<StepOutcome> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 8 }),
  outcome: fc.constantFrom('completed', 'crashed', 'skipped'),
});

export interface Scenario {
  subject: string;
  issues: Issue[];
  steps: StepOutcome[];
  requiredSteps: string[];
  /** Severity overrides, keyed by rule ID (process rules included). */
  overrides: Record<string, Severity>;
  listRules: boolean;
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  subject: nastyTextArb,
  issues: fc.array(issueArb, { maxLength: 6 }),
  steps: fc.array(stepOutcomeArb, { maxLength: 4 }),
  requiredSteps: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 2 }),
  overrides: fc.dictionary(fc.constantFrom(...OVERRIDABLE_IDS), severityArb, { maxKeys: 3, noNullPrototype: true }),
  listRules: fc.boolean(),
});

const checkedRules = RULE_IDS.map((id, index) => ({
  toChecked: () => ({
    id,
    severity: (['error', 'warning', 'info'] as const)[index]!,
    title: { vi: `Quy tắc ${id}`, en: `Rule ${id}` },
  }),
}));

/** Runs a scenario through the builder: issues are added inside the first step, or before finishing. */
export function buildScenario(scenario: Scenario): Report {
  const builder = createReportBuilder({
    subject: scenario.subject,
    kind: 'test',
    ruleset: { name: 'test', version: '1' },
    rules: scenario.listRules ? checkedRules : [],
    requiredSteps: scenario.requiredSteps,
    severityOverrides: scenario.overrides,
    now: steppingClock(),
  });
  for (const step of scenario.steps) {
    if (step.outcome === 'completed') builder.step(step.name, () => undefined);
    else if (step.outcome === 'crashed') {
      builder.step(step.name, () => {
        throw new TypeError(`failed in ${step.name}`);
      });
    } else builder.skip(step.name, { vi: 'không áp dụng', en: 'not applicable' });
  }
  builder.add(...scenario.issues);
  return builder.finish();
}

/** The validity the definition demands, computed independently of the builder. */
export function expectedValidity(scenario: Scenario): boolean {
  const effective = (issue: Issue) => scenario.overrides[issue.ruleId] ?? issue.severity;
  return (
    scenario.steps.length > 0 &&
    scenario.steps.every((step) => step.outcome === 'completed') &&
    scenario.requiredSteps.every((name) => scenario.steps.some((step) => step.name === name)) &&
    scenario.issues.every((issue) => effective(issue) !== 'error')
  );
}
