import { z } from 'zod';
import { REPORT_FORMAT_VERSION, ReportDocumentSchema } from '../model/report';

export const REPORT_SCHEMA_ID = `urn:lienthong:report:${REPORT_FORMAT_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of the JSON report document, generated from the zod model.
 * The rule "valid is derived from issues and steps" cannot be expressed in JSON Schema; it is
 * stated in the description and enforced by {@link ReportDocumentSchema}.
 */
export function reportDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportDocumentSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REPORT_SCHEMA_ID,
    title: 'lienthong validation report',
    description:
      'Reports written by @lienthong validators. A report is valid only when it has no error-severity issue and every step completed.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
