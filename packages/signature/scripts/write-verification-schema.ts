// Writes schema/verification-report.schema.json from the zod schema (the single source). A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verificationReportJsonSchema } from '../src/verify/json-schema';

const target = fileURLToPath(new URL('../schema/verification-report.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(verificationReportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
