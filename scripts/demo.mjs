// The README's "main job": validate edXML envelopes (by default the real corpus shipped as test fixtures)
// and print the report in Vietnamese, as an integrator would before sending to the national axis.
//   pnpm demo                      → every file of packages/edxml/test/fixtures/corpus
//   pnpm demo a.edxml b.edxml      → your files
//   pnpm demo --lang en --strict   → English, strict mode
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEdxml } from '@lienthong/edxml';
import { formatText, shouldUseColor } from '@lienthong/report';

const args = process.argv.slice(2);
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'vi';
const mode = args.includes('--strict') ? 'strict' : 'tolerant';
const files = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--lang');
const corpus = fileURLToPath(new URL('../packages/edxml/test/fixtures/corpus/', import.meta.url));
const targets =
  files.length > 0
    ? files
    : readdirSync(corpus)
        .filter((name) => /\.(edxml|xml)$/.test(name))
        .sort()
        .map((name) => join(corpus, name));

const reports = targets.map((file) => validateEdxml(readFileSync(file), { subject: basename(file), mode }).report);
process.stdout.write(formatText(reports, { lang, color: shouldUseColor(process.stdout) }));
