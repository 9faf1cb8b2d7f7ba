/** (a) Reading the ≈8 KB real envelope: ours (validate, parse) against bare fast-xml-parser and saxes passes. */
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { parseEdxml, validateEdxml } from '../src/index';
import type { SmallEnvelope } from './fixtures';
import { compareSync, type Measured, printMeasured, type Row, ratioRow } from './harness';

export const CONTENDERS = {
  validate: 'validateEdxml(bytes)',
  parse: 'parseEdxml(bytes)',
  fxp: 'fast-xml-parser parse',
  saxes: 'saxes write+close',
} as const;

export function benchParse(envelope: SmallEnvelope, options: { readonly batches?: number } = {}): Row[] {
  const { bytes, text } = envelope;
  // Sanity: every contender reads this input without a fatal error.
  const checked = validateEdxml(bytes);
  if (checked.message === undefined) throw new Error('validateEdxml could not read the benchmark envelope');
  const results = compareSync(
    [
      { name: CONTENDERS.validate, run: () => validateEdxml(bytes) },
      { name: CONTENDERS.parse, run: () => parseEdxml(bytes) },
      { name: CONTENDERS.fxp, run: () => new XMLParser({ ignoreAttributes: false }).parse(text) },
      {
        name: CONTENDERS.saxes,
        run: () => {
          const parser = new SaxesParser({ xmlns: true });
          parser.write(text).close();
          return parser;
        },
      },
    ],
    { warmupMs: 400, batchMs: 60, batches: options.batches ?? 21 },
  );
  printMeasured(`(a) ${envelope.source}`, results, 1, 'env/s');
  const by = (name: string): Measured => results.find((result) => result.name === name) as Measured;
  const [validate, parse, fxp, saxes] = [CONTENDERS.validate, CONTENDERS.parse, CONTENDERS.fxp, CONTENDERS.saxes].map(
    by,
  ) as [Measured, Measured, Measured, Measured];
  return [
    ratioRow('(a) parse+validate 8 KB vs fast-xml-parser', validate, fxp, 'env/s', { target: 1.0 }),
    ratioRow('(a) parse+validate 8 KB vs saxes', validate, saxes, 'env/s'),
    ratioRow('(a) parseEdxml alone 8 KB vs fast-xml-parser', parse, fxp, 'env/s'),
    ratioRow('(a) parseEdxml alone 8 KB vs saxes', parse, saxes, 'env/s'),
  ];
}
