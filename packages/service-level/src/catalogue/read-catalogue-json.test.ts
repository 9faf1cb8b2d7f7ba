import { readFileSync } from 'node:fs';
import { ReportSchema } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvServiceArbitrary } from '../../test/catalogue-csv';
import { readCatalogueJson } from './read-catalogue-json';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));
}

describe('readCatalogueJson', () => {
  it('keeps the services that fit the model and locates every finding by JSON path', () => {
    const { catalogue, report } = readCatalogueJson(fixture('catalogue.json'), { subject: 'catalogue.json' });
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(catalogue.publisher).toEqual({ name: 'UBND tỉnh Thanh Hóa', code: '000.00.00.H56' });
    expect(catalogue.asOf).toBe('2024-12-31');
    expect(catalogue.services.map((service) => service.procedureCode)).toEqual(['1.001612.000.00.00.H56', '1.004227']);
    expect(report.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['SL-CAT-JSON-003', '$.services[1].tier'],
      ['SL-CAT-JSON-003', '$.services[1].capabilities.payment'],
      ['SL-CAT-JSON-003', '$.services[1].effectiveFrom'],
      ['SL-CAT-JSON-005', '$.services[1]'],
      ['SL-CAT-JSON-004', '$.services[2].ghiChu'],
      ['SL-CLS-010', '$.services[2]'],
      ['SL-CAT-VAL-008', undefined],
    ]);
    expect(report.issues[0]?.message).toEqual({
      vi: '$.services[1].tier: phải là một trong "tinh", "huyen", "xa", nhưng là "tỉnh" (string).',
      en: '$.services[1].tier: must be one of "tinh", "huyen", "xa", got "tỉnh" (string).',
    });
    expect(report.issues[2]?.message.en).toBe(
      '$.services[1].effectiveFrom: must be a real calendar date YYYY-MM-DD, got "2024-02-30" (string).',
    );
    expect(report.issues[3]?.message.en).toBe(
      '$.services[1] (procedure code «1.001193») is left out of the catalogue because of the 3 error(s) above.',
    );
    // The warning about the declared level points at the service in the file, not at its index in the result.
    expect(report.issues[5]?.message.en).toMatch(
      /^Procedure 1\.004227 declares level 4, but its capabilities give level 3\. Fees and charges can only be paid in person/,
    );
  });

  it('reads text, bytes with a byte order mark, and parsed values alike', () => {
    const text = fixture('catalogue.json').toString('utf8');
    const fromText = readCatalogueJson(text);
    const fromBytes = readCatalogueJson(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    const fromValue = readCatalogueJson(JSON.parse(text));
    expect(fromBytes.catalogue).toEqual(fromText.catalogue);
    expect(fromValue.catalogue).toEqual(fromText.catalogue);
    expect(fromBytes.report.issues).toEqual(fromText.report.issues);
  });

  it('reports text that is not JSON at its line and column, and runs no validation', () => {
    const { catalogue, report } = readCatalogueJson('{\n  "services": [\n    { "procedureCode": 1.2.3 }\n  ]\n}');
    expect(catalogue).toEqual({ services: [] });
    expect(report.valid).toBe(false);
    expect(report.issues.map((issue) => issue.ruleId)).toEqual(['SL-CAT-JSON-001']);
    expect(report.issues[0]?.location).toMatchObject({ line: 3, column: 27 });
    expect(report.steps.map((step) => step.name)).toEqual(['read']);
  });

  it('refuses a value that is not a catalogue, saying what it found', () => {
    expect(readCatalogueJson([1, 2]).report.issues[0]?.message.en).toBe(
      'The data must be an object with a “services” array, but the data is an array.',
    );
    expect(readCatalogueJson({ services: 'none' }).report.issues[0]?.message.vi).toBe(
      'Dữ liệu phải là một đối tượng có mảng “services”, nhưng “services” là "none" (string).',
    );
  });

  it('reports a bad catalogue date and unknown top-level properties, and keeps the services', () => {
    const { catalogue, report } = readCatalogueJson({ asOf: '31/12/2024', version: 2, services: [] });
    expect(catalogue).toEqual({ services: [] });
    expect(report.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['SL-CAT-JSON-004', '$.version'],
      ['SL-CAT-JSON-003', '$.asOf'],
      ['SL-CAT-VAL-007', undefined],
    ]);
  });

  it('reads back any catalogue written with JSON.stringify', () => {
    fc.assert(
      fc.property(fc.array(csvServiceArbitrary, { maxLength: 6 }), (services) => {
        const { catalogue, report } = readCatalogueJson(JSON.stringify({ asOf: '2024-01-01', services }));
        expect(catalogue).toEqual({ asOf: '2024-01-01', services });
        expect(report.issues.filter((issue) => issue.ruleId.startsWith('SL-CAT-JSON'))).toEqual([]);
      }),
    );
  });
});
