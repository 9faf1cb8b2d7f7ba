import { z } from 'zod';
import { REPORT_SCHEMA_METADATA, VERIFICATION_REPORT_SCHEMA_VERSION, VerificationReportSchema } from './report';

export const VERIFICATION_REPORT_SCHEMA_ID = `urn:lienthong:signature:verification-report:${VERIFICATION_REPORT_SCHEMA_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of the verification report, generated from `VerificationReportSchema`; the
 * package ships it as `@lienthong/signature/verification-report.schema.json` (schema/, rewritten by
 * `pnpm --filter @lienthong/signature schema:write`; a test fails when the committed file is stale).
 */
export function verificationReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(VerificationReportSchema, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: REPORT_SCHEMA_METADATA,
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: VERIFICATION_REPORT_SCHEMA_ID,
    title: 'lienthong signature verification report',
    description:
      'Results of verifying signed files (edXML/XMLDSig, PDF, CMS) with @lienthong/signature: one report per file, ETSI EN 319 102-1 indications, messages in Vietnamese and English.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
