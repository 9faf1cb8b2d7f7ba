import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, scenarioArb } from '../../test/arbitraries';
import { missingElement, sampleReports, steppingClock } from '../../test/sample-reports';
import { createReportBuilder } from '../build/report-builder';
import type { Report } from '../model/report';
import { formatJUnit } from './junit';

const XSD = fileURLToPath(new URL('../../test/schemas/jenkins-junit.xsd', import.meta.url));
const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error === undefined;
const onCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
const MISSING = 'xmllint was not found (Debian/Ubuntu: apt-get install libxml2-utils)';

/** Validates XML against the Jenkins JUnit XSD; returns xmllint's complaints, empty when valid. */
function schemaErrors(xml: string): string {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, '-'], { input: xml, encoding: 'utf8' });
  return result.status === 0 ? '' : `${result.stderr}`.trim() || `xmllint exited with ${result.status}`;
}

/** Runs when xmllint exists; fails on CI when it does not; otherwise is skipped with the reason in its name. */
const withXmllint = (name: string, test: () => void) =>
  it.skipIf(!hasXmllint && !onCi)(hasXmllint || onCi ? name : `${name} — skipped: ${MISSING}`, () => {
    if (!hasXmllint) throw new Error(`CI is set but ${MISSING}; the JUnit output cannot be checked against its XSD`);
    test();
  });

describe('formatJUnit', () => {
  it('matches the snapshots (vi, en)', async () => {
    await expect(formatJUnit(sampleReports())).toMatchFileSnapshot('./__snapshots__/junit.vi.xml');
    await expect(formatJUnit(sampleReports(), { lang: 'en', suiteName: 'hồ sơ tháng 3' })).toMatchFileSnapshot(
      './__snapshots__/junit.en.xml',
    );
  });

  it('is deterministic', () => {
    expect(formatJUnit(sampleReports())).toBe(formatJUnit(sampleReports()));
  });

  it('has one testsuite per report and one testcase per checked rule, unlisted rule and failed step', () => {
    const xml = formatJUnit(sampleReports(), { lang: 'en' });
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain(
      '<testsuite name="hoso-001.xml" tests="6" failures="2" errors="1" skipped="0" time="0.035" timestamp="2025-03-14T02:30:00">',
    );
    expect(xml).toContain('<testcase name="EDXML-HDR-001 Required element missing" classname="edxml">');
    expect(xml).toContain('<testcase name="EDXML-SIG-009" classname="edxml">');
    expect(xml).toContain('<testcase name="step &quot;signature&quot;" classname="edxml" time="0.005">');
    expect(xml).toContain('<testsuites name="lienthong" tests="13" failures="5" errors="1" time="0.085">');
  });

  it('writes a failure per error and puts warnings and infos in system-out', () => {
    const xml = formatJUnit(sampleReports(), { lang: 'en' });
    expect(xml).toContain(
      '<failure message="Required element From is missing" type="EDXML-HDR-001">location: MessageHeader/From (3:5)\nreference: QCVN 102:2016 §1.1</failure>',
    );
    expect(xml).toContain(
      '<system-out>[warning] The subject is 1,250 characters long, more than 1,000 (location: MessageHeader/Subject; reference: QCVN 102:2016 §1.4)</system-out>',
    );
  });

  it('escapes markup and strips characters XML 1.0 cannot carry', () => {
    const xml = formatJUnit(sampleReports(), { lang: 'en' });
    expect(xml).toContain('message="Indicator CT-01 has an invalid value: &lt;12 &amp; &quot;x&quot; ]]&gt; "');
    expect(xml).not.toContain('\u0007');
  });

  it('keeps child elements in the order the XSD requires: failure before system-out', () => {
    const builder = createReportBuilder({
      subject: 'order.xml',
      kind: 'edxml',
      ruleset: { name: 't', version: '1' },
      rules: [missingElement],
      now: steppingClock(),
    });
    builder.step('validate', () => {
      builder.add(missingElement.issue({ element: 'A' }, undefined, { severity: 'warning' }));
      builder.add(missingElement.issue({ element: 'B' }));
    });
    const xml = formatJUnit([builder.finish()], { lang: 'en' });
    const failure = xml.indexOf('<failure message="Required element B is missing"');
    const systemOut = xml.indexOf('<system-out>[warning] Required element A is missing');
    expect(failure).toBeGreaterThan(0);
    expect(systemOut).toBeGreaterThan(failure);
  });

  it('writes an empty testsuites element when there is no report', () => {
    expect(formatJUnit([])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lienthong" tests="0" failures="0" errors="0" time="0.000"/>\n',
    );
  });

  it('refuses forged reports', () => {
    const [invalid] = sampleReports() as [Report];
    expect(() => formatJUnit([{ ...invalid, valid: true }])).toThrowError(
      expect.objectContaining({ code: 'REPORT_INVALID' }),
    );
  });

  withXmllint('validates against the Jenkins JUnit XSD with xmllint', () => {
    expect(schemaErrors(formatJUnit(sampleReports()))).toBe('');
    expect(schemaErrors(formatJUnit(sampleReports(), { lang: 'en' }))).toBe('');
    expect(schemaErrors(formatJUnit([]))).toBe('');
  });

  withXmllint('stays valid for arbitrary text (control characters, lone surrogates, markup)', () => {
    const reports = fc.sample(scenarioArb, { numRuns: 60, seed: 20250314 }).map(buildScenario);
    expect(schemaErrors(formatJUnit(reports))).toBe('');
    expect(schemaErrors(formatJUnit(reports, { lang: 'en', suiteName: '\u0000<&>"' }))).toBe('');
  });

  withXmllint('is checked for real: xmllint rejects a testcase with children out of order', () => {
    const broken = formatJUnit(sampleReports()).replace(
      /<skipped>([^<]*)<\/skipped>/,
      '<system-out>x</system-out><skipped>$1</skipped>',
    );
    expect(schemaErrors(broken)).not.toBe('');
  });
});
