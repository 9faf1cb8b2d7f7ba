import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../model/result';
import { corpus } from '../pdf/testkit';
import { verifyFile } from './file';
import { VERIFICATION_REPORT_SCHEMA_ID, verificationReportJsonSchema } from './json-schema';
import { toVerificationReport, toVerificationReportJson, VerificationReportSchema } from './report';
import { envelope, type Material, material, signEnvelope, standardAttachments, utf8 } from './test-support';
import { verify } from './verify';

const committed = JSON.parse(
  readFileSync(new URL('../../schema/verification-report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function compileCommittedSchema() {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile(committed);
  return compiled;
}

let m: Material;
let results: VerificationResult[];

beforeAll(async () => {
  m = material();
  const tampered = new Uint8Array(m.signedPdf);
  tampered[Buffer.from(tampered).indexOf('Cong van')] = 0x4b;
  results = [
    await verify(signEnvelope(envelope(standardAttachments(m)), m.signer), { ...m.options, subject: 'a.edxml' }),
    await verify(
      utf8(
        envelope([
          { name: 'x.pdf', data: tampered },
          { name: 'y.p7s', data: m.reportSignature },
        ]),
      ),
      {
        ...m.options,
        subject: 'b.edxml',
      },
    ),
    await verify(m.signedPdf, { trust: m.trust, at: m.options.at, subject: 'c.pdf' }),
    await verify(corpus('signed.pdf'), { ...m.options, subject: 'untrusted.pdf' }),
    await verify(m.reportSignature, { ...m.options, detachedContent: m.report, subject: 'd.p7s' }),
    await verify(utf8('garbage'), { ...m.options, subject: 'e.bin' }),
    await verify(m.signedPdf, { ...m.options, subject: 'f.pdf', maxBytes: 10 }),
    await verifyFile('/nonexistent/lienthong/g.pdf', m.options),
  ];
}, 120_000);

describe('schema/verification-report.schema.json', () => {
  it('is the schema generated from the zod schema', () => {
    expect(
      committed,
      'schema/verification-report.schema.json is stale: run `pnpm --filter @lienthong/signature schema:write` and commit the result',
    ).toEqual(verificationReportJsonSchema());
  });

  it('is a draft 2020-12 schema with a stable $id, shipped by the package', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(VERIFICATION_REPORT_SCHEMA_ID);
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./verification-report.schema.json']).toBe('./schema/verification-report.schema.json');
    expect(manifest.files).toContain('schema');
  });

  it('accepts what toVerificationReportJson writes, for every kind of outcome (and so does the zod schema)', () => {
    const validate = compileCommittedSchema();
    for (const subset of [results, results.slice(0, 1), results.slice(5), []]) {
      const document = JSON.parse(toVerificationReportJson(subset));
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect(VerificationReportSchema.safeParse(document).success).toBe(true);
    }
  });

  it('rejects documents that break the contract', () => {
    const validate = compileCommittedSchema();
    const document = JSON.parse(toVerificationReportJson(results));
    expect(validate({ ...document, schemaVersion: 2 })).toBe(false);
    const withoutSubject = structuredClone(document);
    delete withoutSubject.reports[0].subject;
    expect(validate(withoutSubject)).toBe(false);
    const badIndication = structuredClone(document);
    badIndication.reports[0].signatures[0].indication = 'VALID';
    expect(validate(badIndication)).toBe(false);
    const extra = structuredClone(document);
    extra.reports[0].attachments[0].verdict = 'ok';
    expect(validate(extra)).toBe(false);
    const absentNull = structuredClone(document);
    delete absentNull.reports[0].signatures[0].signingTime.claimed;
    expect(validate(absentNull)).toBe(false);
  });
});

describe('toVerificationReport', () => {
  it('holds the fields issue 7 names, for each input in order', () => {
    const report = toVerificationReport(results);
    expect(report.schemaVersion).toBe(1);
    expect(report.generator.name).toBe('@lienthong/signature');
    expect(report.reports.map((entry) => [entry.subject, entry.format, entry.indication])).toEqual([
      ['a.edxml', 'edxml', 'TOTAL-PASSED'],
      ['b.edxml', 'edxml', 'TOTAL-FAILED'],
      ['c.pdf', 'pdf', 'INDETERMINATE'],
      ['untrusted.pdf', 'pdf', 'INDETERMINATE'],
      ['d.p7s', 'cms', 'TOTAL-PASSED'],
      ['e.bin', 'unknown', 'INDETERMINATE'],
      ['f.pdf', 'unknown', 'INDETERMINATE'],
      ['/nonexistent/lienthong/g.pdf', 'unknown', 'INDETERMINATE'],
    ]);
    const signature = report.reports[0]?.signatures[0];
    expect(signature?.signer?.commonName).toBe('Nguyễn Văn A');
    expect(signature?.signer?.identifiers).toContainEqual({ type: 'MST', value: '0101234567' });
    expect(signature?.signer?.subject).toContain('CN=Nguyễn Văn A');
    expect(signature?.coverage?.kind).toBe('whole-document');
    expect(signature?.signingTime).toEqual({
      claimed: null,
      timestamp: null,
      validatedAt: m.options.at?.toISOString(),
    });
    const pdf = report.reports[0]?.attachments[0];
    expect(pdf?.result?.signatures[0]?.signingTime.claimed).toBe('2026-05-15T03:00:00.000Z');
    expect(pdf?.result?.signatures[0]?.chain.map((entry) => entry.source)).toEqual([
      'embedded',
      'embedded',
      'trust-anchor',
    ]);
    expect(report.reports[2]?.subIndication).toBe('TRY_LATER');
    expect(report.reports[6]?.error?.code).toBe('too-large');
    expect(report.reports[7]?.error?.code).toBe('not-found');
    expect(report.summary).toEqual({
      indication: 'TOTAL-FAILED',
      reports: 8,
      passed: 2,
      failed: 1,
      indeterminate: 5,
      errors: 2,
    });
  });

  it('writes one line by default, indented with a final newline when pretty', () => {
    const compact = toVerificationReportJson(results.slice(0, 1));
    expect(compact).not.toContain('\n');
    const pretty = toVerificationReportJson(results.slice(0, 1), { pretty: true });
    expect(pretty.endsWith('}\n')).toBe(true);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    expect(toVerificationReport([]).summary).toEqual({
      indication: 'INDETERMINATE',
      reports: 0,
      passed: 0,
      failed: 0,
      indeterminate: 0,
      errors: 0,
    });
  });
});
