// Shared by the indicators tests: fixture paths, inputs written at test time, and the JSON Schema validator of
// `indicators compare --format json`.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fixture } from './support';

export const SON_LA = fixture('indicators/son-la-2018.report.json');
/** Real inconsistencies: 0 errors, 3 warnings, 1 info. */
export const HOA_BINH = fixture('indicators/hoa-binh-2019.report.json');
export const LAM_DONG = fixture('indicators/lam-dong-2017.report.json');

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

export const validateCompareOutput = compileSchema(
  JSON.parse(readFileSync(new URL('../schema/indicators-compare.schema.json', import.meta.url), 'utf8')),
);

interface SeedValue {
  indicator: string;
  value: unknown;
  tier?: string;
  decimals?: number;
}

/**
 * Sơn La "2019": the 2018 report moved one year on, with level-3 services 90 → 120, staff computer coverage
 * 100% → 98.5% and the axis connection (a yes/no) removed — so that the comparison is over time, with an
 * increase, a decrease in percentage points and a figure only in A.
 */
export function writeSonLa2019(directory: string): string {
  const report = JSON.parse(readFileSync(SON_LA, 'utf8')) as {
    period: { from: string; to: string };
    asOf: string;
    values: SeedValue[];
  };
  report.period = { from: '2019-01-01', to: '2019-12-31' };
  report.asOf = '2019-12-31';
  for (const value of report.values) {
    if (value.indicator === 'dvctt_level3_count' && value.tier === undefined) value.value = 120;
    if (value.indicator === 'may_tinh_staff_coverage_pct') Object.assign(value, { value: 98.5, decimals: 1 });
  }
  report.values = report.values.filter((value) => value.indicator !== 'truc_lien_thong_ket_noi');
  const path = join(directory, 'son-la-2019.report.json');
  writeFileSync(path, JSON.stringify(report, null, 2));
  return path;
}

/** Not JSON: a trailing comma on line 3. */
export function writeBrokenJson(directory: string): string {
  const path = join(directory, 'broken.report.json');
  writeFileSync(path, '{\n  "schemaVersion": 1,\n}\n');
  return path;
}

/** 17 MiB of zeros (a sparse file): over the 16 MiB limit of @lienthong/indicators. */
export function writeTooLarge(directory: string): string {
  const path = join(directory, 'huge.report.json');
  writeFileSync(path, '');
  truncateSync(path, 17 * 1024 * 1024);
  return path;
}
