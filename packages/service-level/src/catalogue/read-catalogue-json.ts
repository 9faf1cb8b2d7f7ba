/*
 * Imports a catalogue from JSON written in the package's own model (`CatalogueSchema`): text, bytes, or an
 * already-parsed value. Findings are located by JSON path (`$.services[3].capabilities.payment`); a service
 * that breaks the model is left out and says so; the catalogue-wide checks run on the rest.
 */
import { createReportBuilder, type Issue } from '@lienthong/report';
import type { Catalogue } from '../model/service';
import { readCatalogueShape } from './catalogue-shape';
import type { CatalogueImport } from './read-catalogue-csv';
import { CATALOGUE_RULESET, catalogueReportRules, jsonSyntax, textNotUtf8 } from './rules';
import { decodeText } from './text-input';
import { checkCatalogue, jsonLocator } from './validate-catalogue';

export interface ReadCatalogueJsonOptions {
  /** What the report is about (a file name); default `catalogue.json`. */
  readonly subject?: string;
  /** Clock for the report's start time, for reproducible reports. */
  readonly now?: () => Date;
}

/** Line and column of a 0-based offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type Parsed = { ok: true; value: unknown } | { ok: false };

/**
 * Reads a catalogue from JSON text (UTF-8 bytes, with or without a byte order mark) or from a parsed value.
 * Returns the services that fit the model and a report of every finding; never throws for bad input.
 */
export function readCatalogueJson(input: unknown, options: ReadCatalogueJsonOptions = {}): CatalogueImport {
  const builder = createReportBuilder({
    subject: options.subject ?? 'catalogue.json',
    kind: 'service-catalogue',
    ruleset: CATALOGUE_RULESET,
    rules: catalogueReportRules,
    requiredSteps: ['read'],
    ...(options.now ? { now: options.now } : {}),
  });
  let catalogue: Catalogue = { services: [] };
  const shape = builder.step('read', () => {
    const parsed = parse(input, builder.add);
    if (!parsed.ok) return undefined;
    const result = readCatalogueShape(parsed.value);
    for (const issue of result.issues) builder.add(issue);
    catalogue = result.catalogue;
    return result;
  });
  // Nothing to validate when the text is not JSON (that error is already reported).
  if (shape) {
    builder.step('validate', () => checkCatalogue(shape.catalogue, jsonLocator(shape.sourceIndexes), builder.add));
  }
  return { catalogue, report: builder.finish() };
}

function parse(input: unknown, add: (issue: Issue) => void): Parsed {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return { ok: true, value: input };
  const decoded = decodeText(input);
  if (!decoded.ok) {
    const { byteOffset, line, column } = decoded;
    add(textNotUtf8.issue({ byteOffset, line, column }, { line, column, offset: byteOffset }));
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(decoded.text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : undefined;
    const location = offset === undefined ? {} : { ...lineAndColumn(decoded.text, offset), offset };
    add(jsonSyntax.issue({ detail: message }, location));
    return { ok: false };
  }
}
