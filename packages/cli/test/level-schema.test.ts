// The committed JSON Schemas of the level outputs must be what the zod schemas generate
// (rewrite them with `npx tsx scripts/write-level-schemas.ts`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { levelClassifyJsonSchema, levelStatsJsonSchema } from '../src/commands/level/schema';

const committed = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), 'utf8'));

describe('level JSON Schemas', () => {
  it('schema/level-classify.schema.json is up to date', () => {
    expect(committed('level-classify.schema.json')).toEqual(levelClassifyJsonSchema());
  });

  it('schema/level-stats.schema.json is up to date', () => {
    expect(committed('level-stats.schema.json')).toEqual(levelStatsJsonSchema());
  });

  it('names every indicator under its machine name', () => {
    const schema = levelStatsJsonSchema() as { properties: { indicators: { required: string[] } } };
    expect(schema.properties.indicators.required).toEqual([
      'tthc_total',
      'tthc_below_level1_count',
      'dvctt_level1_count',
      'dvctt_level2_count',
      'dvctt_level3_count',
      'dvctt_level4_count',
      'dvctt_level34_count',
      'dvctt_level34_pct',
      'dvctt_level4_pct',
      'tthc_not_online_count',
      'dvctt_toan_trinh_count',
      'dvctt_mot_phan_count',
      'dvctt_total',
      'dvctt_toan_trinh_pct',
    ]);
  });
});
