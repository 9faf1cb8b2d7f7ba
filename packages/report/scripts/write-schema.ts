// Writes schema/report.schema.json from the zod model (the single source). A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportDocumentJsonSchema } from '../src/format/json-schema';

const target = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(reportDocumentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
