import type { Issue, Language } from '../model/issue';
import type { Report, Step } from '../model/report';
import { checkedReports, formatLocation, LABELS, languageOption, stepProblem } from './shared';

export interface JUnitFormatOptions {
  /** Language of test-case names and messages. Default `'vi'`. */
  lang?: Language;
  /** The `name` of `<testsuites>`. Default `'lienthong'`. */
  suiteName?: string;
}

// XML 1.0 allows tab, LF, CR and these ranges; anything else (other control characters, lone
// surrogates, U+FFFE/U+FFFF) cannot appear even escaped, so it is removed.
const ILLEGAL_IN_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlText(value: string): string {
  return value.replace(ILLEGAL_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttribute(value: string): string {
  // Tabs and line breaks are written as character references, or attribute normalisation would turn them into spaces.
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function element(name: string, attrs: Record<string, string | number | undefined>, text?: string): string {
  return text === undefined || text === ''
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3);
}

/** JUnit's convention (and what Ant and mocha-junit-reporter write): UTC, no zone designator. */
function junitTimestamp(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** `location: …` and `reference: …` lines of an issue. */
function issueDetails(issue: Issue, lang: Language): string[] {
  const labels = LABELS[lang];
  const lines: string[] = [];
  const location = formatLocation(issue.location);
  if (location !== undefined) lines.push(`${labels.location}: ${location}`);
  if (issue.reference !== undefined) lines.push(`${labels.reference}: ${issue.reference}`);
  return lines;
}

interface TestCase {
  name: string;
  time?: string;
  skipped?: string;
  errors: { type: string; message: string; text: string }[];
  failures: { type: string; message: string; text: string }[];
  systemOut: string[];
}

function ruleCase(name: string, issues: readonly Issue[], lang: Language): TestCase {
  const testCase: TestCase = { name, errors: [], failures: [], systemOut: [] };
  for (const issue of issues) {
    if (issue.severity === 'error') {
      testCase.failures.push({
        type: issue.ruleId,
        message: issue.message[lang],
        text: issueDetails(issue, lang).join('\n'),
      });
    } else {
      const details = issueDetails(issue, lang);
      testCase.systemOut.push(
        `[${LABELS[lang].severity[issue.severity]}] ${issue.message[lang]}${details.length > 0 ? ` (${details.join('; ')})` : ''}`,
      );
    }
  }
  return testCase;
}

function stepCase(report: Report, step: Step, lang: Language): TestCase {
  const testCase: TestCase = {
    name: `${LABELS[lang].step} "${step.name}"`,
    time: seconds(step.durationMs),
    errors: [],
    failures: [],
    systemOut: [],
  };
  const problem = stepProblem(report, step)[lang];
  if (step.status === 'crashed') testCase.errors.push({ type: step.status, message: problem, text: '' });
  if (step.status === 'skipped') testCase.skipped = problem;
  return testCase;
}

function testCases(report: Report, lang: Language): TestCase[] {
  const cases: TestCase[] = [];
  for (const step of report.steps) {
    if (step.status !== 'completed') cases.push(stepCase(report, step, lang));
  }
  const byRule = new Map<string, Issue[]>();
  for (const issue of report.issues) {
    const list = byRule.get(issue.ruleId);
    if (list === undefined) byRule.set(issue.ruleId, [issue]);
    else list.push(issue);
  }
  const listed = new Set<string>();
  for (const rule of report.rules) {
    if (listed.has(rule.id)) continue;
    listed.add(rule.id);
    cases.push(ruleCase(`${rule.id} ${rule.title[lang]}`, byRule.get(rule.id) ?? [], lang));
  }
  // Findings of rules the report does not list still show, each rule as its own test case.
  for (const [ruleId, issues] of byRule) {
    if (!listed.has(ruleId)) cases.push(ruleCase(ruleId, issues, lang));
  }
  return cases;
}

interface SuiteTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suiteXml(report: Report, lang: Language, lines: string[]): SuiteTotals {
  const cases = testCases(report, lang);
  const totals: SuiteTotals = {
    tests: cases.length,
    failures: cases.filter((testCase) => testCase.failures.length > 0).length,
    errors: cases.filter((testCase) => testCase.errors.length > 0).length,
    skipped: cases.filter((testCase) => testCase.skipped !== undefined).length,
  };
  lines.push(
    `  <testsuite${attributes({
      name: report.subject,
      tests: totals.tests,
      failures: totals.failures,
      errors: totals.errors,
      skipped: totals.skipped,
      time: seconds(report.timing.durationMs),
      timestamp: junitTimestamp(report.timing.startedAt),
    })}>`,
    '    <properties>',
    `      ${element('property', { name: 'kind', value: report.kind })}`,
    `      ${element('property', { name: 'ruleset', value: `${report.ruleset.name} ${report.ruleset.version}` })}`,
    `      ${element('property', { name: 'valid', value: String(report.valid) })}`,
    '    </properties>',
  );
  for (const testCase of cases) {
    const children: string[] = [];
    // Child order is fixed by the JUnit XSD: skipped, error, failure, system-out, system-err.
    if (testCase.skipped !== undefined) children.push(element('skipped', {}, testCase.skipped));
    for (const error of testCase.errors) {
      children.push(element('error', { message: error.message, type: error.type }, error.text));
    }
    for (const failure of testCase.failures) {
      children.push(element('failure', { message: failure.message, type: failure.type }, failure.text));
    }
    if (testCase.systemOut.length > 0) children.push(element('system-out', {}, testCase.systemOut.join('\n')));
    const open = `<testcase${attributes({ name: testCase.name, classname: report.kind, time: testCase.time })}`;
    if (children.length === 0) {
      lines.push(`    ${open}/>`);
    } else {
      lines.push(`    ${open}>`, ...children.map((child) => `      ${child}`), '    </testcase>');
    }
  }
  lines.push('  </testsuite>');
  return totals;
}

/**
 * Formats reports as JUnit XML (the Jenkins/Ant dialect CI servers read): one `<testsuite>` per report,
 * one `<testcase>` per checked rule with a `<failure>` per error and the warnings and infos in
 * `<system-out>`, a `<testcase>` per rule that has findings but is not listed, and one per crashed
 * (`<error>`) or skipped (`<skipped>`) step. Suite counts are counts of test cases.
 * The output is deterministic: the same reports give the same bytes.
 *
 * @throws {ReportError} `REPORT_INVALID` when a report is refused by `ReportSchema`; `OPTION_INVALID` for an unknown `lang`.
 */
export function formatJUnit(reports: readonly Report[], options: JUnitFormatOptions = {}): string {
  const lang = languageOption(options.lang);
  const checked = checkedReports(reports, 'formatJUnit');
  const suites: string[] = [];
  const totals: SuiteTotals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let durationMs = 0;
  for (const report of checked) {
    const suite = suiteXml(report, lang, suites);
    totals.tests += suite.tests;
    totals.failures += suite.failures;
    totals.errors += suite.errors;
    durationMs += report.timing.durationMs;
  }
  const head = `<testsuites${attributes({
    name: options.suiteName ?? 'lienthong',
    tests: totals.tests,
    failures: totals.failures,
    errors: totals.errors,
    time: seconds(durationMs),
  })}`;
  const body = suites.length === 0 ? [`${head}/>`] : [`${head}>`, ...suites, '</testsuites>'];
  return `${['<?xml version="1.0" encoding="UTF-8"?>', ...body].join('\n')}\n`;
}
