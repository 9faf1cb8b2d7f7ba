// The committed JSON Schema of `indicators compare --format json` must be what the zod schema generates
// (rewrite it with `npx tsx scripts/write-indicators-schemas.ts`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indicatorsCompareJsonSchema } from '../src/commands/indicators/compare-model';

describe('indicators JSON Schemas', () => {
  it('schema/indicators-compare.schema.json is up to date, byte for byte', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../schema/indicators-compare.schema.json', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(`${JSON.stringify(indicatorsCompareJsonSchema(), null, 2)}\n`);
  });

  it('has its own $id and every definition it refers to', () => {
    const schema = indicatorsCompareJsonSchema() as { $id: string; $defs: Record<string, unknown> };
    expect(schema.$id).toBe('urn:lienthong:cli:indicators-compare:1');
    expect(Object.keys(schema.$defs).sort()).toEqual([
      'CompareInput',
      'ComparisonRow',
      'IndicatorValue',
      'Issue',
      'LocalizedText',
      'Period',
      'ReportingUnit',
    ]);
  });
});
