import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorReportSchema } from '../model/report';
import { INDICATOR_REPORT_SCHEMA_ID, indicatorReportJsonSchema } from './json-schema';

/*
 * The agreement test: the committed JSON Schema and the zod schema must accept and reject the same JSON documents.
 * One difference is known and pinned in its own test below: URL syntax (WHATWG for zod, RFC 3986 for the JSON
 * Schema); generated documents use URLs both sides accept. A period's order is the validator's (IND-PER-003).
 */

const committed = JSON.parse(
  readFileSync(new URL('../../schema/indicator-report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
};

// allowUnionTypes: `value` is number | boolean | string | null, which strict mode would otherwise refuse.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const ajvAccepts = ajv.compile(committed);
const zodAccepts = (document: unknown) => IndicatorReportSchema.safeParse(document).success;

// ---- valid documents -------------------------------------------------------------------------------------------

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
// Any two days: a reversed period satisfies both schemas and is the validator's to report (IND-PER-003).
const period = fc.record({ from: isoDate, to: isoDate });
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
const organisationCode = fc.stringMatching(/^[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){0,3}$/);
const indicatorName = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:_[a-z0-9]{1,6}){0,3}$/);
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

const indicatorValue = fc.record(
  {
    indicator: indicatorName,
    value: fc.oneof(finiteNumber, fc.nat(1_000_000), fc.boolean(), text, fc.constant(null)),
    qualifier: fc.constantFrom('exact', 'approx', 'at_least', 'at_most'),
    decimals: fc.integer({ min: 0, max: 6 }),
    tier: fc.constantFrom('tinh', 'huyen', 'xa'),
    tiers: fc.constantFrom<string[]>(['tinh', 'huyen'], ['tinh', 'xa'], ['huyen', 'xa'], ['tinh', 'huyen', 'xa']),
    agency: fc.record({ name: text, organisationCode }, { requiredKeys: ['name'] }),
    period,
    asOf: isoDate,
    provenance: fc.constantFrom('stated', 'derived'),
    derivedFrom: fc.array(indicatorName, { maxLength: 3 }),
    source: fc.record(
      { quote: text, line: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), section: text },
      { requiredKeys: ['quote'] },
    ),
    note: text,
  },
  { requiredKeys: ['indicator', 'value'] },
);

const validReport = fc.record(
  {
    $schema: fc.constant('https://example.org/indicator-report.schema.json'),
    schemaVersion: fc.constant(1),
    catalogueVersion: fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map((parts) => parts.join('.')),
    reportingUnit: fc.record(
      {
        name: text,
        organisationCode,
        kind: fc.constantFrom('national', 'province', 'ministry', 'agency', 'district', 'commune'),
      },
      { requiredKeys: ['name', 'kind'] },
    ),
    period,
    asOf: isoDate,
    source: fc.record(
      { number: text, title: text, issuer: text, issuedOn: isoDate, url: fc.webUrl({ withQueryParameters: true }) },
      { requiredKeys: ['title'] },
    ),
    values: fc.array(indicatorValue, { maxLength: 4 }),
    notes: fc.array(text, { maxLength: 2 }),
  },
  { requiredKeys: ['schemaVersion', 'reportingUnit', 'period', 'values'] },
);

// ---- mutations -------------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path to a value inside the document (the root excluded). */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function objectPathsOf(document: Json): Path[] {
  return [[], ...pathsOf(document)].filter((path) => {
    const target = valueAt(document, path);
    return typeof target === 'object' && target !== null && !Array.isArray(target);
  });
}

function valueAt(document: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, document);
}

/** Wrong types, bad dates, names, codes, enum values, negative and non-finite numbers. */
const hostileValue = fc.constantFrom<unknown>(
  42,
  -1,
  0,
  1.5,
  -0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  true,
  false,
  null,
  [],
  {},
  ['x'],
  { name: 'x' },
  '2019-02-30',
  '2019-02-29',
  '2020-02-29',
  '2019-13-01',
  '2019-04-31',
  '2019-1-5',
  '20190105',
  '2019-01-05T00:00:00+07:00',
  '2018-12-31',
  '2030-01-01',
  '000.00.00.H41',
  '000.00.00.h41',
  '.H41',
  'H41.',
  'A..B',
  'A B',
  'dvctt_level4_pct',
  'Dvctt_level4',
  '1abc',
  'a__b',
  'a-b',
  '_a',
  'a_',
  'province',
  'Province',
  'tinh',
  'tỉnh',
  'exact',
  'approximately',
  'stated',
  'derived',
  'computed',
  '1.0.0',
  '1.0',
  'v1.0.0',
);

/** A document with one change: a value replaced, a property removed, or a property added. */
const mutatedReport = fc
  .tuple(
    validReport,
    fc.nat(),
    fc.constantFrom('replace', 'remove', 'add'),
    hostileValue,
    fc.constantFrom('extra', 'qualifer', 'values', 'tier'),
  )
  .map(([report, choice, kind, replacement, extraKey]) => {
    const document = structuredClone(report) as Json;
    if (kind === 'add') {
      const paths = objectPathsOf(document);
      const target = valueAt(document, paths[choice % paths.length] as Path) as Record<string, unknown>;
      target[extraKey] = replacement;
      return document;
    }
    const paths = pathsOf(document);
    const path = paths[choice % paths.length] as Path;
    const parent = valueAt(document, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (kind === 'remove' && !Array.isArray(parent)) delete parent[key];
    else parent[key] = replacement;
    return document;
  });

// ---- tests -----------------------------------------------------------------------------------------------------

describe('schema/indicator-report.schema.json', () => {
  it('is the schema generated from the zod schema', () => {
    expect(
      committed,
      'schema/indicator-report.schema.json is stale: run `pnpm --filter @lienthong/indicators schema:write` and commit the result',
    ).toEqual(indicatorReportJsonSchema());
  });

  it('is a draft 2020-12 schema with a stable $id, shipped by the package', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(INDICATOR_REPORT_SCHEMA_ID);
    expect(INDICATOR_REPORT_SCHEMA_ID).toBe('urn:lienthong:indicators:report:1');
    expect(committed.title).toBe('lienthong indicator report');
    expect(manifest.exports['./schema.json']).toBe('./schema/indicator-report.schema.json');
    expect(manifest.files).toContain('schema');
  });

  it('describes what people write: qualifier and provenance may be left out and show their defaults', () => {
    const values = (committed.properties as Record<string, { items: Record<string, unknown> }>).values;
    const item = values?.items as { required: string[]; properties: Record<string, { default?: unknown }> };
    expect(item.required).toEqual(['indicator', 'value']);
    expect(item.properties.qualifier?.default).toBe('exact');
    expect(item.properties.provenance?.default).toBe('stated');
    const minimal = {
      schemaVersion: 1,
      reportingUnit: { name: 'Sơn La', kind: 'province' },
      period: { from: '2018-01-01', to: '2018-12-31' },
      values: [{ indicator: 'tthc_total', value: 1680 }],
    };
    expect(ajvAccepts(minimal)).toBe(true);
    expect(IndicatorReportSchema.parse(minimal).values[0]).toMatchObject({ qualifier: 'exact', provenance: 'stated' });
  });
});

describe('the JSON Schema and the zod schema agree', () => {
  it('both accept every valid report (as JSON text and back)', () => {
    fc.assert(
      fc.property(validReport, (report) => {
        const document = JSON.parse(JSON.stringify(report)) as unknown;
        expect(ajvAccepts(document), JSON.stringify(ajvAccepts.errors)).toBe(true);
        expect(zodAccepts(document)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accept and reject exactly the same mutated reports', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedReport, (document) => {
        const byAjv = ajvAccepts(document);
        const byZod = zodAccepts(document);
        expect(byZod, JSON.stringify(document)).toBe(byAjv);
        if (!byZod) rejected += 1;
      }),
      { numRuns: 2000 },
    );
    // The mutations must mostly produce invalid documents, or the test would prove little.
    expect(rejected).toBeGreaterThan(600);
  });

  it('both refuse unknown properties at every level (a misspelt `qualifer` is not silently dropped)', () => {
    const base = {
      schemaVersion: 1,
      reportingUnit: { name: 'Sơn La', kind: 'province' },
      period: { from: '2018-01-01', to: '2018-12-31' },
      values: [{ indicator: 'tthc_total', value: 1680 }],
    };
    const misspelt = { ...base, values: [{ indicator: 'tthc_total', value: 1680, qualifer: 'approx' }] };
    expect([ajvAccepts(misspelt), zodAccepts(misspelt)]).toEqual([false, false]);
    const unknownInUnit = { ...base, reportingUnit: { ...base.reportingUnit, code: 'H41' } };
    expect([ajvAccepts(unknownInUnit), zodAccepts(unknownInUnit)]).toEqual([false, false]);
    const unknownInPeriod = { ...base, period: { ...base.period, until: '2018-12-31' } };
    expect([ajvAccepts(unknownInPeriod), zodAccepts(unknownInPeriod)]).toEqual([false, false]);
    // `$schema` is the one extra key a document may carry at the top, for editors.
    expect([ajvAccepts({ ...base, $schema: 'x' }), zodAccepts({ ...base, $schema: 'x' })]).toEqual([true, true]);
    expect(committed.additionalProperties).toBe(false);
  });

  it('both accept only the four combinations of several tiers, in the order tinh, huyen, xa', () => {
    const withTiers = (tiers: unknown) => ({
      schemaVersion: 1,
      reportingUnit: { name: 'Lâm Đồng', kind: 'province' },
      period: { from: '2017-01-01', to: '2017-12-31' },
      values: [{ indicator: 'tthc_total', value: 1, tiers }],
    });
    const verdicts = (tiers: unknown) => [ajvAccepts(withTiers(tiers)), zodAccepts(withTiers(tiers))];
    for (const tiers of [
      ['tinh', 'huyen'],
      ['tinh', 'xa'],
      ['huyen', 'xa'],
      ['tinh', 'huyen', 'xa'],
    ]) {
      expect(verdicts(tiers), tiers.join('+')).toEqual([true, true]);
    }
    for (const tiers of [[], ['tinh'], ['huyen', 'tinh'], ['tinh', 'tinh'], ['tinh', 'huyen', 'xa', 'xa'], 'tinh']) {
      expect(verdicts(tiers), JSON.stringify(tiers)).toEqual([false, false]);
    }
  });

  it('both reject each kind of bad field, wherever it sits', () => {
    type Report = Record<string, unknown> & { values: Record<string, unknown>[] };
    const badDates = [
      '2019-02-30',
      '2019-02-29',
      '2100-02-29',
      '2019-04-31',
      '2019-13-01',
      '2019-00-10',
      '2019-1-5',
      '20190105',
      '2019-01-05T00:00:00+07:00',
      '',
    ];
    const badCodes = ['000.00.00.h41', '.H41', 'H41.', 'A..B', 'A B', 'Á1', ''];
    const badNames = ['Dvctt_level4', '1abc', 'a__b', 'a-b', '_a', 'a_', 'tỷ_lệ', ''];
    const badNumbers = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const mutations: [string, (report: Report, bad: unknown) => void, unknown[]][] = [
      ['period.from', (r, bad) => Object.assign(r.period as object, { from: bad }), badDates],
      ['asOf', (r, bad) => Object.assign(r, { asOf: bad }), badDates],
      ['values[].asOf', (r, bad) => Object.assign(r.values[0] as object, { asOf: bad }), badDates],
      [
        'values[].period.to',
        (r, bad) => Object.assign(r.values[0] as object, { period: { from: '1900-01-01', to: bad } }),
        badDates,
      ],
      ['source.issuedOn', (r, bad) => Object.assign(r, { source: { title: 't', issuedOn: bad } }), badDates],
      [
        'reportingUnit.organisationCode',
        (r, bad) => Object.assign(r.reportingUnit as object, { organisationCode: bad }),
        badCodes,
      ],
      [
        'values[].agency.organisationCode',
        (r, bad) => Object.assign(r.values[0] as object, { agency: { name: 'Sở', organisationCode: bad } }),
        badCodes,
      ],
      ['values[].indicator', (r, bad) => Object.assign(r.values[0] as object, { indicator: bad }), badNames],
      [
        'values[].derivedFrom[]',
        (r, bad) => Object.assign(r.values[0] as object, { derivedFrom: ['tthc_total', bad] }),
        badNames,
      ],
      [
        'reportingUnit.kind',
        (r, bad) => Object.assign(r.reportingUnit as object, { kind: bad }),
        ['Province', 'tinh', 'city', '', null],
      ],
      [
        'values[].qualifier',
        (r, bad) => Object.assign(r.values[0] as object, { qualifier: bad }),
        ['approximately', 'EXACT', '', null],
      ],
      [
        'values[].tier',
        (r, bad) => Object.assign(r.values[0] as object, { tier: bad }),
        ['tỉnh', 'province', 'TINH', null],
      ],
      [
        'values[].provenance',
        (r, bad) => Object.assign(r.values[0] as object, { provenance: bad }),
        ['computed', 'Stated', null],
      ],
      [
        'values[].value',
        (r, bad) => Object.assign(r.values[0] as object, { value: bad }),
        [...badNumbers, {}, [], ['1']],
      ],
      [
        'values[].decimals',
        (r, bad) => Object.assign(r.values[0] as object, { decimals: bad }),
        [-1, 7, 1.5, '2', ...badNumbers],
      ],
      [
        'values[].source.line',
        (r, bad) => Object.assign(r.values[0] as object, { source: { quote: 'q', line: bad } }),
        [0, -1, 1.5, '3', ...badNumbers],
      ],
      ['schemaVersion', (r, bad) => Object.assign(r, { schemaVersion: bad }), [2, 0, '1', null, Number.NaN]],
      ['catalogueVersion', (r, bad) => Object.assign(r, { catalogueVersion: bad }), ['1.0', 'v1.0.0', '1.0.0-beta', 1]],
      ['reportingUnit.name', (r, bad) => Object.assign(r.reportingUnit as object, { name: bad }), ['', 42, null]],
      ['values[].source.quote', (r, bad) => Object.assign(r.values[0] as object, { source: { quote: bad } }), ['', 1]],
      ['notes[]', (r, bad) => Object.assign(r, { notes: ['ok', bad] }), ['', 1, null]],
    ];
    const mutation = fc
      .constantFrom(...mutations)
      .chain(([field, apply, bads]) => fc.tuple(fc.constant(field), fc.constant(apply), fc.constantFrom(...bads)));
    const withValue = validReport.filter((report) => report.values.length > 0);
    fc.assert(
      fc.property(withValue, mutation, (report, [field, apply, bad]) => {
        const document = structuredClone(report) as unknown as Report;
        apply(document, bad);
        expect([ajvAccepts(document), zodAccepts(document)], `${field} = ${String(bad)}`).toEqual([false, false]);
      }),
      { numRuns: 1000 },
    );
  });

  it("both accept negative and fractional values: units are the validator's business, not the schema's", () => {
    fc.assert(
      fc.property(validReport, fc.double({ noNaN: true, noDefaultInfinity: true, max: 0 }), (report, negative) => {
        const document = { ...report, values: [{ indicator: 'tthc_total', value: negative }] };
        expect([ajvAccepts(document), zodAccepts(document)]).toEqual([true, true]);
      }),
    );
  });

  it('both accept a period that ends before it starts: the validator reports it (IND-PER-003)', () => {
    const document = {
      schemaVersion: 1,
      reportingUnit: { name: 'Sơn La', kind: 'province' },
      period: { from: '2019-12-31', to: '2019-01-01' },
      values: [],
    };
    expect([ajvAccepts(document), zodAccepts(document)]).toEqual([true, true]);
  });

  it('pins the URL difference: zod parses like a browser (WHATWG), JSON Schema `format: uri` follows RFC 3986', () => {
    const withUrl = (url: string) => ({
      schemaVersion: 1,
      reportingUnit: { name: 'Sơn La', kind: 'province' },
      period: { from: '2018-01-01', to: '2018-12-31' },
      source: { title: 'Báo cáo', url },
      values: [],
    });
    const verdicts = (url: string) => [ajvAccepts(withUrl(url)), zodAccepts(withUrl(url))];
    // Agreement on ordinary URLs, on plain garbage and on other schemes (zod's `protocol`, the schema's pattern).
    expect(verdicts('https://sonla.gov.vn/bao-cao?so=14#muc-2')).toEqual([true, true]);
    expect(verdicts('HTTP://sonla.gov.vn/')).toEqual([true, true]);
    expect(verdicts('not a url')).toEqual([false, false]);
    expect(verdicts('ftp://sonla.gov.vn/bao-cao.pdf')).toEqual([false, false]);
    expect(verdicts('file:///etc/passwd')).toEqual([false, false]);
    expect(verdicts('javascript:alert(1)')).toEqual([false, false]);
    expect(verdicts('mailto:vanthu@sonla.gov.vn')).toEqual([false, false]);
    expect(verdicts('https:sonla.gov.vn')).toEqual([false, false]);
    // What remains: only the browser parser accepts spaces, a Unicode host, surrounding blanks.
    expect(verdicts('https://sonla.gov.vn/bao cao')).toEqual([false, true]);
    expect(verdicts('https://sơnla.vn/')).toEqual([false, true]);
    expect(verdicts(' https://sonla.gov.vn/')).toEqual([false, true]);
    // Only RFC 3986 accepts: an empty or impossible IPv4 host.
    expect(verdicts('http://')).toEqual([true, false]);
    expect(verdicts('http://999.1.1.1/')).toEqual([true, false]);
  });

  const seedsDir = new URL('../../test/fixtures/seeds/', import.meta.url);
  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((name) => name.endsWith('.report.json')) : [];
  it.skipIf(seeds.length === 0)(`both accept every seed report (${seeds.length} in test/fixtures/seeds)`, () => {
    for (const name of seeds) {
      const document = JSON.parse(readFileSync(new URL(name, seedsDir), 'utf8')) as unknown;
      expect(ajvAccepts(document), `${name}: ${JSON.stringify(ajvAccepts.errors)}`).toBe(true);
      expect(zodAccepts(document), name).toBe(true);
    }
  });
});
