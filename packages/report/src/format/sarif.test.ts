import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, scenarioArb } from '../../test/arbitraries';
import { sampleReports, steppingClock } from '../../test/sample-reports';
import { createReportBuilder } from '../build/report-builder';
import type { Report } from '../model/report';
import { formatSarif, toSarifLog } from './sarif';

const sarifSchema = JSON.parse(
  readFileSync(new URL('../../test/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// The rtm.5 schema's `run.language` pattern ends in a stray `]`, which is legal only in a non-Unicode regex;
// `unicodeRegExp: false` compiles its patterns the way the schema's authors did. `strict: false` because the
// schema uses idioms Ajv's strict mode refuses (e.g. `anyOf: [{ required: ['index'] }, …]` for properties
// declared outside that subschema).
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function schemaErrors(log: unknown): unknown[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? ['invalid']);
}

describe('toSarifLog', () => {
  it('matches the snapshots (vi, en)', async () => {
    await expect(formatSarif(sampleReports())).toMatchFileSnapshot('./__snapshots__/sarif.vi.json');
    await expect(
      formatSarif(sampleReports(), {
        lang: 'en',
        toolName: 'lienthong-edxml',
        toolVersion: '1.2.3',
        informationUri: 'https://example.gov.vn/lienthong',
        helpUri: (rule) => (rule.id.startsWith('EDXML-') ? `https://example.gov.vn/rules/${rule.id}` : undefined),
      }),
    ).toMatchFileSnapshot('./__snapshots__/sarif.en.json');
  });

  it('validates against the official SARIF 2.1.0 JSON Schema', () => {
    expect(schemaErrors(toSarifLog(sampleReports()))).toEqual([]);
    expect(schemaErrors(toSarifLog([]))).toEqual([]);
    expect(
      schemaErrors(
        toSarifLog(sampleReports(), {
          lang: 'en',
          toolVersion: '1.0.0',
          informationUri: 'https://example.gov.vn/',
          helpUri: () => 'https://example.gov.vn/rules',
        }),
      ),
    ).toEqual([]);
  });

  it('stays schema-valid for arbitrary reports', () => {
    fc.assert(
      fc.property(
        fc.array(scenarioArb, { maxLength: 3 }),
        fc.constantFrom('vi' as const, 'en' as const),
        (scenarios, lang) => {
          const log = JSON.parse(formatSarif(scenarios.map(buildScenario), { lang }));
          expect(schemaErrors(log)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is checked for real: the schema rejects a broken log', () => {
    const log = toSarifLog(sampleReports()) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(schemaErrors(log)).not.toEqual([]);
  });

  it('lists the checked rules in the chosen language, with both languages in properties', () => {
    const [rule] = toSarifLog(sampleReports(), { lang: 'en' }).runs[0].tool.driver.rules;
    expect(rule).toEqual({
      id: 'EDXML-HDR-001',
      name: 'RequiredElementMissing',
      shortDescription: { text: 'Required element missing' },
      fullDescription: { text: 'Required element missing (reference: QCVN 102:2016 §1.1)' },
      defaultConfiguration: { level: 'error' },
      properties: {
        titleVi: 'Thiếu phần tử bắt buộc',
        titleEn: 'Required element missing',
        reference: 'QCVN 102:2016 §1.1',
      },
    });
  });

  it('maps issues to results with levels, locations and both messages', () => {
    const run = toSarifLog(sampleReports()).runs[0];
    expect(run.language).toBe('vi-VN');
    expect(run.results[0]).toEqual({
      ruleId: 'EDXML-HDR-001',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Thiếu phần tử bắt buộc From' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'hoso-001.xml' }, region: { startLine: 3, startColumn: 5 } },
          logicalLocations: [{ fullyQualifiedName: 'MessageHeader/From' }],
        },
      ],
      properties: {
        messageVi: 'Thiếu phần tử bắt buộc From',
        messageEn: 'Required element From is missing',
        reference: 'QCVN 102:2016 §1.1',
      },
    });
    expect(run.results.map((result) => result.level)).toContain('note');
    const unlisted = run.results.find((result) => result.ruleId === 'EDXML-SIG-009');
    expect(unlisted).toBeDefined();
    expect(unlisted).not.toHaveProperty('ruleIndex');
    for (const result of run.results) {
      if (result.ruleIndex !== undefined) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it('marks the invocation unsuccessful, with a notification per crashed or skipped step', () => {
    const [invocation] = toSarifLog(sampleReports(), { lang: 'en' }).runs[0].invocations;
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications?.map((notification) => notification.properties)).toEqual([
      expect.objectContaining({ step: 'signature', status: 'crashed' }),
      expect.objectContaining({ step: 'signature', status: 'skipped' }),
      expect.objectContaining({ step: 'totals', status: 'skipped' }),
    ]);
    expect(invocation?.toolExecutionNotifications?.[0]?.associatedRule?.id).toBe('REPORT-STEP-001');
    const [, valid] = sampleReports() as [Report, Report];
    expect(toSarifLog([valid]).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('writes subjects as URI references', () => {
    const locate = (subject: string) => {
      const builder = createReportBuilder({
        subject,
        kind: 'edxml',
        ruleset: { name: 't', version: '1' },
        now: steppingClock(),
      });
      builder.step('parse', () => undefined);
      builder.add({ ruleId: 'TEST-URI-001', severity: 'info', message: { vi: 'a', en: 'b' } });
      return toSarifLog([builder.finish()]).runs[0].results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    };
    expect(locate('hồ sơ/văn bản 1.xml')).toBe('h%E1%BB%93%20s%C6%A1/v%C4%83n%20b%E1%BA%A3n%201.xml');
    expect(locate('C:\\hoso\\a b.xml')).toBe('file:///C:/hoso/a%20b.xml');
    expect(locate('https://example.gov.vn/hồ sơ.xml')).toBe('https://example.gov.vn/h%E1%BB%93%20s%C6%A1.xml');
    expect(locate('weird:name.xml')).toBe('weird%3Aname.xml');
  });

  it('refuses options it cannot use', () => {
    expect(() => toSarifLog([], { informationUri: 'not a uri' })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    expect(() => toSarifLog(sampleReports(), { helpUri: () => '/relative' })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
  });
});
