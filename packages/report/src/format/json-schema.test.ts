import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, scenarioArb } from '../../test/arbitraries';
import { sampleReports } from '../../test/sample-reports';
import { formatJson } from './json';
import { REPORT_SCHEMA_ID, reportDocumentJsonSchema } from './json-schema';

const committed = JSON.parse(
  readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function compileCommittedSchema() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(committed);
}

describe('schema/report.schema.json', () => {
  it('is the schema generated from the zod model', () => {
    expect(
      committed,
      'schema/report.schema.json is stale: run `pnpm --filter @lienthong/report schema:write` and commit the result',
    ).toEqual(reportDocumentJsonSchema());
  });

  it('is a draft 2020-12 schema with a stable $id', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(REPORT_SCHEMA_ID);
  });

  it('accepts what formatJson writes', () => {
    const validate = compileCommittedSchema();
    for (const reports of [sampleReports(), sampleReports().slice(1, 2), []]) {
      const valid = validate(JSON.parse(formatJson(reports)));
      expect(validate.errors ?? [], 'formatJson output must match report.schema.json').toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('accepts what formatJson writes for arbitrary reports', () => {
    const validate = compileCommittedSchema();
    fc.assert(
      fc.property(fc.array(scenarioArb, { maxLength: 3 }), (scenarios) => {
        const document = JSON.parse(formatJson(scenarios.map(buildScenario)));
        expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects documents that break the format', () => {
    const validate = compileCommittedSchema();
    const document = JSON.parse(formatJson(sampleReports()));
    expect(validate({ ...document, formatVersion: '2.0' })).toBe(false);
    const withoutSubject = structuredClone(document);
    delete withoutSubject.reports[0].subject;
    expect(validate(withoutSubject)).toBe(false);
    const badSeverity = structuredClone(document);
    badSeverity.reports[0].issues[0].severity = 'fatal';
    expect(validate(badSeverity)).toBe(false);
  });
});
