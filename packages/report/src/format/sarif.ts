import type { Issue, Language, Severity } from '../model/issue';
import type { CheckedRule, Report, Step } from '../model/report';
import { checkedReports, LABELS, languageOption, stepIssue, stepProblem, uriOption } from './shared';

// These types describe the subset of SARIF 2.1.0 this formatter writes. They are plain interfaces,
// not zod schemas: the authority on SARIF is the OASIS JSON Schema, against which the tests validate the output.

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn?: number };
  };
  logicalLocations?: { fullyQualifiedName: string }[];
}

export interface SarifReportingDescriptor {
  id: string;
  /** A PascalCase friendly name derived from the English title, when it has ASCII letters or digits. */
  name?: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  helpUri?: string;
  properties: { titleVi: string; titleEn: string; reference?: string };
}

export interface SarifResult {
  ruleId: string;
  /** Index into `tool.driver.rules`; absent for findings of rules the reports do not list. */
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  properties: { messageVi: string; messageEn: string; reference?: string };
}

export interface SarifNotification {
  level: 'error';
  message: SarifMessage;
  locations: SarifLocation[];
  associatedRule?: { id: string; index: number };
  properties: { messageVi: string; messageEn: string; step?: string; status?: 'crashed' | 'skipped' };
}

export interface SarifInvocation {
  /** False when a step crashed or was skipped, or a report ran no step: the results are then incomplete. */
  executionSuccessful: boolean;
  toolExecutionNotifications?: SarifNotification[];
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version?: string;
      informationUri?: string;
      rules: SarifReportingDescriptor[];
    };
  };
  invocations: SarifInvocation[];
  /** `vi-VN` or `en-US`: the language of the `text` of messages. */
  language: 'vi-VN' | 'en-US';
  results: SarifResult[];
}

export interface SarifLog {
  $schema: typeof SARIF_SCHEMA_URI;
  version: '2.1.0';
  runs: [SarifRun];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifFormatOptions {
  /** Language of `message.text` and rule descriptions (both languages are kept in `properties`). Default `'vi'`. */
  lang?: Language;
  /** `tool.driver.name`. Default `'lienthong'`. */
  toolName?: string;
  /** `tool.driver.version`, when given. */
  toolVersion?: string;
  /** `tool.driver.informationUri`, when given; must be an absolute URI. */
  informationUri?: string;
  /** The documentation page of a rule (`helpUri`), when there is one; must return an absolute URI. */
  helpUri?: (rule: CheckedRule) => string | undefined;
}

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The subject as a SARIF `uri-reference`: URIs are kept, file paths become relative references
 * (or `file:` URIs for Windows drive paths) with every segment percent-encoded.
 */
function subjectUri(subject: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(subject) && URL.canParse(subject)) return new URL(subject).href;
  const path = subject.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(path);
  const rest = drive === null ? path : path.slice(2);
  const encoded = rest
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, '\ufffd')))
    .join('/');
  return drive === null ? encoded : `file:///${drive[1]}:${encoded}`;
}

/** `Required element missing` → `RequiredElementMissing`. */
function pascalName(title: string): string | undefined {
  const words = title.match(/[A-Za-z0-9]+/g);
  if (words === null) return undefined;
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function subjectLocation(subject: string, issue?: Issue): SarifLocation {
  const location: SarifLocation = { physicalLocation: { artifactLocation: { uri: subjectUri(subject) } } };
  const found = issue?.location;
  if (found?.line !== undefined) {
    location.physicalLocation.region =
      found.column === undefined ? { startLine: found.line } : { startLine: found.line, startColumn: found.column };
  }
  if (found?.path !== undefined) location.logicalLocations = [{ fullyQualifiedName: found.path }];
  return location;
}

function descriptor(
  rule: CheckedRule,
  lang: Language,
  helpUri: SarifFormatOptions['helpUri'],
): SarifReportingDescriptor {
  const title = rule.title[lang];
  const name = pascalName(rule.title.en);
  const help = helpUri?.(rule);
  return {
    id: rule.id,
    ...(name === undefined ? {} : { name }),
    shortDescription: { text: title },
    fullDescription: {
      text: rule.reference === undefined ? title : `${title} (${LABELS[lang].reference}: ${rule.reference})`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    ...(help === undefined ? {} : { helpUri: uriOption('helpUri', help) }),
    properties: {
      titleVi: rule.title.vi,
      titleEn: rule.title.en,
      ...(rule.reference === undefined ? {} : { reference: rule.reference }),
    },
  };
}

function notification(
  report: Report,
  lang: Language,
  ruleIndex: ReadonlyMap<string, number>,
  step: Step | undefined,
): SarifNotification {
  const text = step === undefined ? { vi: LABELS.vi.noStepRan, en: LABELS.en.noStepRan } : stepProblem(report, step);
  const result: SarifNotification = {
    level: 'error',
    message: { text: text[lang] },
    locations: [subjectLocation(report.subject)],
    properties: { messageVi: text.vi, messageEn: text.en },
  };
  if (step !== undefined && step.status !== 'completed') {
    const ruleId = stepIssue(report, step)?.ruleId;
    const index = ruleId === undefined ? undefined : ruleIndex.get(ruleId);
    if (ruleId !== undefined && index !== undefined) result.associatedRule = { id: ruleId, index };
    result.properties.step = step.name;
    result.properties.status = step.status;
  }
  return result;
}

/**
 * The reports as one SARIF 2.1.0 run: the checked rules as `tool.driver.rules`, each issue as a result
 * (error → `error`, warning → `warning`, info → `note`) located in the subject, and an invocation that is
 * not successful, with a notification per step, when a step crashed or was skipped.
 *
 * @throws {ReportError} `REPORT_INVALID` when a report is refused by `ReportSchema`; `OPTION_INVALID` for an
 * unknown `lang` or a URI option that is not an absolute URI.
 */
export function toSarifLog(reports: readonly Report[], options: SarifFormatOptions = {}): SarifLog {
  const lang = languageOption(options.lang);
  const checked = checkedReports(reports, 'toSarifLog');

  const rules: SarifReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const report of checked) {
    for (const rule of report.rules) {
      if (ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(descriptor(rule, lang, options.helpUri));
    }
  }

  const results: SarifResult[] = [];
  const notifications: SarifNotification[] = [];
  for (const report of checked) {
    for (const issue of report.issues) {
      const index = ruleIndex.get(issue.ruleId);
      results.push({
        ruleId: issue.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[issue.severity],
        message: { text: issue.message[lang] },
        locations: [subjectLocation(report.subject, issue)],
        properties: {
          messageVi: issue.message.vi,
          messageEn: issue.message.en,
          ...(issue.reference === undefined ? {} : { reference: issue.reference }),
        },
      });
    }
    if (report.steps.length === 0) notifications.push(notification(report, lang, ruleIndex, undefined));
    for (const step of report.steps) {
      if (step.status !== 'completed') notifications.push(notification(report, lang, ruleIndex, step));
    }
  }

  const invocation: SarifInvocation = { executionSuccessful: notifications.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName ?? 'lienthong',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            ...(options.informationUri === undefined
              ? {}
              : { informationUri: uriOption('informationUri', options.informationUri) }),
            rules,
          },
        },
        invocations: [invocation],
        language: lang === 'vi' ? 'vi-VN' : 'en-US',
        results,
      },
    ],
  };
}

/** The JSON text of {@link toSarifLog}, indented with two spaces and ending with a newline. */
export function formatSarif(reports: readonly Report[], options: SarifFormatOptions = {}): string {
  return `${JSON.stringify(toSarifLog(reports, options), null, 2)}\n`;
}
