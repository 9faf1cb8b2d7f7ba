// Writes schema/indicator-report.schema.json from the zod schema (the single source). A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indicatorReportJsonSchema } from '../src/schema/json-schema';

const target = fileURLToPath(new URL('../schema/indicator-report.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(indicatorReportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
