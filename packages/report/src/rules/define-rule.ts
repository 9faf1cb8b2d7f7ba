import { ReportError } from '../errors';
import {
  type Issue,
  type LocalizedText,
  type Location,
  type ParamValue,
  RuleIdSchema,
  type Severity,
} from '../model/issue';
import type { CheckedRule } from '../model/report';
import { type Placeholders, placeholdersOf, renderLocalized, type TemplateParams } from './template';

/** The data that defines a rule. Rules are data: validators list them, reports cite them. */
export interface RuleDefinition<Vi extends string, En extends string> {
  /** Stable identifier, e.g. `EDXML-HDR-003`. */
  readonly id: string;
  /** Default severity; callers can override it per report (e.g. strict mode). */
  readonly severity: Severity;
  /** One-line name of the rule, shown in JUnit test-case names and SARIF rule lists. */
  readonly title: LocalizedText;
  /** The message of each finding; `{name}` placeholders are filled from the finding's params. */
  readonly message: { readonly vi: Vi; readonly en: En };
  /** The clause of the standard or regulation, e.g. `QCVN 102:2016 §1.14`. */
  readonly reference?: string;
}

/** What a rule can produce: issues with its ID, severity, reference and both messages. */
export interface Rule<Params extends Readonly<Record<string, ParamValue>> = Readonly<Record<string, ParamValue>>> {
  readonly id: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly message: LocalizedText;
  readonly reference?: string;
  /** Builds one finding of this rule. */
  issue(params: Params, location?: Location, options?: { severity?: Severity }): Issue;
  /** The rule as listed among the rules a report checked. */
  toChecked(): CheckedRule;
}

type SamePlaceholders<Vi extends string, En extends string> = [Placeholders<Vi>] extends [Placeholders<En>]
  ? [Placeholders<En>] extends [Placeholders<Vi>]
    ? unknown
    : { readonly 'vi and en messages must use the same placeholders': never }
  : { readonly 'vi and en messages must use the same placeholders': never };

/**
 * Defines a validation rule. Both message templates must use the same `{placeholders}`;
 * TypeScript checks this when the templates are literals, and the function checks it at run time.
 *
 * @example
 * const missing = defineRule({
 *   id: 'EDXML-HDR-001',
 *   severity: 'error',
 *   title: { vi: 'Thiếu phần tử bắt buộc', en: 'Required element missing' },
 *   message: { vi: 'Thiếu phần tử bắt buộc {element}', en: 'Required element {element} is missing' },
 *   reference: 'QCVN 102:2016 §1.1',
 * });
 * missing.issue({ element: 'From' }, { path: 'MessageHeader/From' });
 */
export function defineRule<const Vi extends string, const En extends string>(
  definition: RuleDefinition<Vi, En> & SamePlaceholders<Vi, En>,
): Rule<TemplateParams<Vi>> {
  const { id, severity, title, message, reference } = definition;
  if (!RuleIdSchema.safeParse(id).success) {
    throw new ReportError('RULE_DEFINITION_INVALID', `rule ID "${id}" does not look like EDXML-HDR-003`);
  }
  if (!title.vi || !title.en || !message.vi || !message.en) {
    throw new ReportError('RULE_DEFINITION_INVALID', `rule ${id} needs a title and a message in vi and en`);
  }
  const vi = placeholdersOf(message.vi);
  const en = placeholdersOf(message.en);
  if (vi.size !== en.size || [...vi].some((name) => !en.has(name))) {
    throw new ReportError(
      'RULE_DEFINITION_INVALID',
      `rule ${id}: the vi message uses {${[...vi].join('}, {')}} but the en message uses {${[...en].join('}, {')}}`,
    );
  }
  const frozenMessage: LocalizedText = { vi: message.vi, en: message.en };
  // Reports list the rules they checked; one shared, frozen description per rule spares an object per report.
  const checked: CheckedRule = Object.freeze({
    id,
    severity,
    title,
    ...(reference === undefined ? {} : { reference }),
  });
  const rule: Rule<TemplateParams<Vi>> = {
    id,
    severity,
    title,
    message: frozenMessage,
    ...(reference === undefined ? {} : { reference }),
    issue(params, location, options) {
      const values = params as Readonly<Record<string, ParamValue>>;
      const issue: Issue = {
        ruleId: id,
        severity: options?.severity ?? severity,
        message: renderLocalized(frozenMessage, values),
      };
      if (location !== undefined && Object.keys(location).length > 0) issue.location = { ...location };
      if (reference !== undefined) issue.reference = reference;
      if (Object.keys(values).length > 0) issue.params = { ...values };
      return issue;
    },
    toChecked() {
      return checked;
    },
  };
  return Object.freeze(rule);
}

/**
 * A set of rules with unique IDs, looked up by ID. Validators export one so that
 * documentation, JUnit and SARIF list exactly the rules they check.
 */
export interface RuleCatalog<R extends Rule<never> = Rule<never>> {
  readonly name: string;
  readonly version: string;
  readonly rules: readonly R[];
  get(id: string): R | undefined;
}

export function defineRuleCatalog<const R extends Rule<never>>(
  name: string,
  version: string,
  rules: readonly R[],
): RuleCatalog<R> {
  const byId = new Map<string, R>();
  for (const rule of rules) {
    if (byId.has(rule.id)) throw new ReportError('RULE_DUPLICATE', `rule ${rule.id} is defined twice in ${name}`);
    byId.set(rule.id, rule);
  }
  return Object.freeze({ name, version, rules: [...rules], get: (id: string) => byId.get(id) });
}
