// Writes schema/level-classify.schema.json and schema/level-stats.schema.json from the zod schemas (the single
// source). test/level-schema.test.ts fails when a committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { levelClassifyJsonSchema, levelStatsJsonSchema } from '../src/commands/level/schema';

for (const [name, schema] of [
  ['level-classify.schema.json', levelClassifyJsonSchema()],
  ['level-stats.schema.json', levelStatsJsonSchema()],
] as const) {
  const target = fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
