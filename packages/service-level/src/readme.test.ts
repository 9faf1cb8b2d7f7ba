/**
 * The examples of README.md, run as written: each `ts` block is taken from the README, its types stripped, and
 * run against src/index.ts; what it prints is compared exactly with the text block after `<!-- sample: name -->`.
 * The generated sections (rule tables, CSV columns, indicators) are rebuilt from the exported data and compared
 * too, so a rule ID, a header or an indicator that appears or disappears fails this test.
 *
 * `UPDATE_README=1 npx vitest run --project service-level packages/service-level/src/readme.test.ts` rewrites
 * the samples and generated sections from what the code gives (then read the diff before committing).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createReadmeChecker } from '../../../tools/readme-examples';
import * as packageEntry from './index';
import {
  aggregateRules,
  CATALOGUE_COLUMNS,
  catalogueRules,
  classificationRules,
  codeRules,
  enumerationRules,
  IGNORED_HEADERS,
  SERVICE_LEVEL_INDICATORS,
  timelinessRuleCatalog,
} from './index';

const checker = createReadmeChecker({
  readme: new URL('../README.md', import.meta.url),
  packageName: '@lienthong/service-level',
  entry: packageEntry,
  update: process.env.UPDATE_README === '1',
});
const { expectSample, expectGenerated, runExample } = checker;

afterAll(() => checker.finish());

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The owners first: a catalogue that also runs another one's rules lists them by ID only. */
const RULE_CATALOGS = [
  classificationRules,
  codeRules,
  enumerationRules,
  catalogueRules,
  aggregateRules,
  timelinessRuleCatalog,
] as const;

function rulesSection(): string {
  const parts: string[] = [];
  const listed = new Set<string>();
  for (const catalog of RULE_CATALOGS) {
    parts.push(`### ${catalog.name} ${catalog.version}`, '');
    const shared = catalog.rules.filter((rule) => listed.has(rule.id)).map((rule) => `\`${rule.id}\``);
    const own = catalog.rules.filter((rule) => !listed.has(rule.id));
    if (own.length > 0) {
      parts.push('| rule | severity | vi | en | provision |', '| --- | --- | --- | --- | --- |');
      for (const rule of own) {
        listed.add(rule.id);
        parts.push(
          `| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title.vi)} | ${cell(rule.title.en)} | ${cell(rule.reference ?? '')} |`,
        );
      }
      parts.push('');
    }
    if (shared.length > 0) parts.push(`Also runs the rules listed above: ${shared.join(', ')}.`, '');
  }
  return `${parts.join('\n')}`;
}

function columnsSection(): string {
  const rows = CATALOGUE_COLUMNS.map(
    (definition) =>
      `| \`${definition.column}\` | ${definition.required ? 'yes' : 'no'} | ${definition.headers.map((header) => `\`${header}\``).join(', ')} |`,
  );
  return `${['| column | required | headers |', '| --- | --- | --- |', ...rows].join('\n')}\n`;
}

function indicatorsSection(): string {
  const rows = SERVICE_LEVEL_INDICATORS.map(
    (indicator) =>
      `| \`${indicator.name}\` | ${indicator.label.vi} | ${indicator.unit} | ${indicator.scheme ?? '—'} | \`${cell(indicator.formula)}\` |`,
  );
  return `${['| machine name | label | unit | scheme | formula |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}

describe('README examples, run as written', () => {
  it('classifies one service with its reasons, vendor code and the scheme in force', () => {
    expectSample('classify', runExample('classify'));
  });

  it('gives the scheme in force on a date and over a period', () => {
    expectSample('scheme', runExample('scheme'));
  });

  it('imports a CSV catalogue with Vietnamese headers and aggregates it into the report figures', () => {
    expectSample('aggregate', runExample('aggregate'));
  });

  it('imports JSON and validates a catalogue', () => {
    expectSample('json', runExample('json'));
  });

  it('parses and formats codes, checking the date of a dossier code', () => {
    expectSample('codes', runExample('codes'));
  });

  it('lists the enumerations and the 2025-07-01 tier rule', () => {
    expectSample('enums', runExample('enums'));
  });

  it('classifies timeliness at each granularity and computes the period statistics', () => {
    expectSample('timeliness', runExample('timeliness'));
  });
});

describe('README reference sections', () => {
  it('lists every rule of every exported catalogue, and no other rule ID', () => {
    expectGenerated('rules', rulesSection());
    const exported = new Set(RULE_CATALOGS.flatMap((catalog) => catalog.rules.map((rule) => rule.id)));
    const mentioned = new Set(checker.text().match(/\bSL-[A-Z]+(?:-[A-Z]+)*-\d{3}\b/g) ?? []);
    const expandedRanges = [...checker.text().matchAll(/\b(SL-[A-Z-]+-)(\d{3})\/(\d{3})(?:\/(\d{3}))?/g)].flatMap(
      (match) =>
        [match[2], match[3], match[4]].filter((part) => part !== undefined).map((part) => `${match[1]}${part}`),
    );
    for (const id of expandedRanges) mentioned.add(id);
    expect([...mentioned].filter((id) => !exported.has(id) && !/-00x$/.test(id)).sort()).toEqual([]);
    expect([...exported].filter((id) => !mentioned.has(id)).sort()).toEqual([]);
  });

  it('names in the API table only what src/index.ts exports', () => {
    const entry: Record<string, unknown> = packageEntry;
    const api = checker.text().slice(checker.text().indexOf('## API'), checker.text().indexOf('## Rules'));
    const firstCells = [...api.matchAll(/^\| (.+?) \| /gm)].map((match) => match[1] ?? '');
    const names = firstCells.flatMap((text) => [...text.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => name !== 'export' && !(name in entry))).toEqual([]);
  });

  it('lists the CSV columns with every accepted header', () => {
    expectGenerated('columns', columnsSection());
    for (const header of IGNORED_HEADERS) expect(checker.text()).toContain(`\`${header}\``);
  });

  it('lists the indicators under their machine names', () => {
    expectGenerated('indicators', indicatorsSection());
  });
});
