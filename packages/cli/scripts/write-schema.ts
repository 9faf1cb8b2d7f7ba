// Writes schema/edxml-inspect.schema.json from the zod model (the single source). A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspectJsonSchema } from '../src/commands/edxml/inspect-model';

const target = fileURLToPath(new URL('../schema/edxml-inspect.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(inspectJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
