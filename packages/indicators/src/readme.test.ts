/**
 * The examples of README.md, run as written (tools/readme-examples.ts), and its reference sections (indicator
 * groups, targets, rules) rebuilt from the exported data, so the documentation cannot drift from the package.
 *
 * `UPDATE_README=1 npx vitest run --project indicators packages/indicators/src/readme.test.ts` rewrites the
 * samples and generated sections from what the code gives (then read the diff before committing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createReadmeChecker } from '../../../tools/readme-examples';
import * as packageEntry from './index';
import { INDICATOR_CATALOGUE, INDICATOR_RULES, listIndicators, validateIndicatorReport } from './index';

const checker = createReadmeChecker({
  readme: new URL('../README.md', import.meta.url),
  packageName: '@lienthong/indicators',
  entry: packageEntry,
  update: process.env.UPDATE_README === '1',
});

afterAll(() => checker.finish());

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function groupsSection(): string {
  const groups = [...new Set(INDICATOR_CATALOGUE.indicators.map((indicator) => indicator.group))];
  const rows = groups.map((group) => {
    const indicators = listIndicators({ group });
    const names = indicators.map((indicator) => `\`${indicator.name}\``);
    const shown = names.length > 6 ? [...names.slice(0, 6), '…'] : names;
    return `| \`${group}\` | ${indicators.length} | ${shown.join(', ')} |`;
  });
  return `${['| group | indicators | e.g. |', '| --- | --- | --- |', ...rows].join('\n')}\n`;
}

function targetsSection(): string {
  const rows = INDICATOR_CATALOGUE.targets.map(
    (target) =>
      `| \`${target.id}\` | \`${target.indicator}\` ${target.comparison} ${target.value} | ${cell(target.label.vi)} | ${cell(
        [target.source.document, target.source.reference].filter(Boolean).join(', '),
      )} |`,
  );
  return `${['| target | condition | vi | source |', '| --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}

function rulesSection(): string {
  const rows = INDICATOR_RULES.rules.map(
    (rule) => `| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title.vi)} | ${cell(rule.title.en)} |`,
  );
  return `${['| rule | severity | vi | en |', '| --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}

const SEEDS = new URL('../test/fixtures/seeds/', import.meta.url);

function seedFindingsSection(): string {
  const rows: string[] = [];
  for (const file of readdirSync(SEEDS)
    .filter((name) => name.endsWith('.report.json'))
    .sort()) {
    const { valid, issues } = validateIndicatorReport(readFileSync(new URL(file, SEEDS)), { subject: file });
    rows.push(`| \`${file}\` | ${valid ? 'valid' : '**invalid**'} | | |`);
    for (const issue of issues)
      rows.push(`| | ${issue.severity} \`${issue.ruleId}\` | ${cell(issue.message.vi)} | ${cell(issue.message.en)} |`);
  }
  return `${['| report | finding | vi | en |', '| --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}

describe('README examples, run as written', () => {
  it('validates a report and prints its findings', () => {
    checker.expectSample('validate', checker.runExample('validate'));
  });

  it('derives indicators from stated ones', () => {
    checker.expectSample('derive', checker.runExample('derive'));
  });

  it('compares two years', () => {
    checker.expectSample('compare', checker.runExample('compare'));
  });

  it('renders a report as Markdown', () => {
    checker.expectSample('render', checker.runExample('render'));
  });

  it('gives the JSON Schema', () => {
    checker.expectSample('schema', checker.runExample('schema'));
  });
});

describe('README reference sections', () => {
  it('shows the findings of the three seed reports, and how many statements they hold', () => {
    checker.expectGenerated('seed-findings', seedFindingsSection());
    const statements = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.report.json'))
      .reduce((sum, name) => sum + JSON.parse(readFileSync(new URL(name, SEEDS), 'utf8')).values.length, 0);
    expect(checker.text()).toContain(`(${statements} statements`);
  });

  it('lists the catalogue groups and targets', () => {
    checker.expectGenerated('groups', groupsSection());
    checker.expectGenerated('targets', targetsSection());
  });

  it('lists every rule, and mentions no other rule ID', () => {
    checker.expectGenerated('rules', rulesSection());
    const exported = new Set(INDICATOR_RULES.rules.map((rule) => rule.id));
    const mentioned = new Set(checker.text().match(/\bIND-[A-Z]+-\d{3}\b/g) ?? []);
    expect([...mentioned].filter((id) => !exported.has(id)).sort()).toEqual([]);
    expect([...exported].filter((id) => !mentioned.has(id)).sort()).toEqual([]);
  });

  it('names in the API table only what src/index.ts exports', () => {
    const entry: Record<string, unknown> = packageEntry;
    const text = checker.text();
    const api = text.slice(text.indexOf('## API'), text.indexOf('## Limits'));
    // The first column of each row names exports.
    const firstCells = api.split('\n').flatMap((line) => (line.startsWith('| `') ? [line.split(' | ')[0] ?? ''] : []));
    const names = firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Za-z_]+)/g)].map((match) => match[1] as string));
    expect(names.length).toBeGreaterThan(15);
    const missing = names.filter(
      (name) => !(name in entry) && !['IndicatorReport', 'IndicatorValue', 'IndicatorDefinition'].includes(name),
    );
    expect(missing).toEqual([]);
  });
});
