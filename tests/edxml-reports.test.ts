import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateEdxml } from '@lienthong/edxml';
import { formatJson, formatJUnit, formatSarif, formatText, parseReportDocument, ReportSchema } from '@lienthong/report';
import { describe, expect, it } from 'vitest';

// The edXML validator and the report formatters used together, as a CI pipeline of an integrator would.
const corpus = fileURLToPath(new URL('../packages/edxml/test/fixtures/corpus/', import.meta.url));
const junitXsd = fileURLToPath(new URL('../packages/report/test/schemas/jenkins-junit.xsd', import.meta.url));
const files = readdirSync(corpus).filter((name) => /\.(edxml|xml)$/.test(name));
const reports = files.map((name) => validateEdxml(readFileSync(`${corpus}${name}`), { subject: name }).report);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const inCi = Boolean(process.env.CI) && !['0', 'false'].includes(String(process.env.CI));

describe('edXML reports through every formatter', () => {
  it('are reports the report schema accepts', () => {
    for (const report of reports) expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('survive JSON and come back equal', () => {
    const parsed = parseReportDocument(formatJson(reports));
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.document.reports).toEqual(reports);
    expect(parsed.success && parsed.document.valid).toBe(false);
  });

  it('print in Vietnamese and English', () => {
    expect(formatText(reports, { lang: 'vi' })).toContain(
      'KHÔNG HỢP LỆ  axis-downloaded_2025_edoc_corrupted-binary.edxml',
    );
    expect(formatText(reports, { lang: 'en' })).toContain('INVALID  axis-downloaded_2025_edoc_corrupted-binary.edxml');
  });

  it('give SARIF results for every issue', () => {
    const sarif = JSON.parse(formatSarif(reports));
    const results = sarif.runs[0].results as unknown[];
    expect(results).toHaveLength(reports.reduce((sum, report) => sum + report.issues.length, 0));
  });

  it.skipIf(!hasXmllint && !inCi)('give JUnit XML that validates against the Jenkins schema (xmllint)', () => {
    expect(hasXmllint, 'xmllint (libxml2-utils) is required in CI').toBe(true);
    const result = spawnSync('xmllint', ['--noout', '--schema', junitXsd, '-'], { input: formatJUnit(reports) });
    expect(result.stderr.toString()).toContain('- validates');
    expect(result.status).toBe(0);
  });
});
