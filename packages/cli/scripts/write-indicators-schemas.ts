// Writes schema/indicators-compare.schema.json from the zod schema (the single source).
// test/indicators-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indicatorsCompareJsonSchema } from '../src/commands/indicators/compare-model';

const target = fileURLToPath(new URL('../schema/indicators-compare.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(indicatorsCompareJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
