/*
 * The JSON that `lienthong edxml inspect --format json` writes. The zod schema is the single source: the type,
 * and the JSON Schema shipped as schema/edxml-inspect.schema.json (`pnpm --filter @lienthong/cli schema:write`;
 * a test fails when the committed file is stale).
 */
import { IssueCountsSchema, LocalizedTextSchema } from '@lienthong/report';
import { z } from 'zod';

export const INSPECT_FORMAT_VERSION = '1.0';
export const INSPECT_SCHEMA_ID = 'urn:lienthong:cli:edxml-inspect:1.0';

const OrganizationSummarySchema = z.object({
  organId: z.string(),
  organName: z.string().optional(),
});

const ContentKindSchema = z.enum(['pdf', 'zip', 'ole', 'png', 'jpeg', 'gif', 'tiff', 'xml', 'empty', 'unknown']);

export const InspectAttachmentSchema = z.object({
  /** 1-based, as the report numbers attachments. */
  number: z.number().int().min(1),
  name: z.string().optional(),
  contentId: z.string().optional(),
  /** The ContentType the envelope declares. */
  contentType: z.string().optional(),
  description: z.string().optional(),
  /** Decoded size in bytes (base64 removed). */
  size: z.number().int().min(0),
  /** What the first bytes are, whatever the declared type says. */
  detectedType: ContentKindSchema,
});

export const InspectResultSchema = z.object({
  formatVersion: z.literal(INSPECT_FORMAT_VERSION),
  file: z.string().min(1),
  /** Size of the file in bytes; absent when it could not be read. */
  size: z.number().int().min(0).optional(),
  /** `document`, `status`, or null when the file holds no readable edXML envelope. */
  kind: z.enum(['document', 'status']).nullable(),
  /** The verdict of `edxml validate` (tolerant mode) on the same file, and its counts. */
  valid: z.boolean(),
  counts: IssueCountsSchema,
  /** The errors found, in both languages (run `edxml validate` for every issue). */
  errors: z.array(z.object({ ruleId: z.string(), message: LocalizedTextSchema, path: z.string().optional() })),
  header: z
    .object({
      from: OrganizationSummarySchema,
      documentId: z.string().optional(),
      /** `number/notation`, e.g. `12/UBND-TH`. */
      code: z.string().optional(),
      subject: z.string().optional(),
      documentType: z.string().optional(),
      promulgationPlace: z.string().optional(),
      /** `yyyy/MM/dd` as written. */
      promulgationDate: z.string().optional(),
      signer: z.string().optional(),
      dueDate: z.string().optional(),
      /** Status packets: when the status was sent, `yyyy/MM/dd HH:mm:ss` Vietnam time as written. */
      timestamp: z.string().optional(),
      /** The document a status or reply answers. */
      responseFor: z
        .array(
          z.object({
            organId: z.string().optional(),
            code: z.string().optional(),
            documentId: z.string().optional(),
            promulgationDate: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  recipients: z.array(OrganizationSummarySchema),
  status: z
    .object({ code: z.string(), label: LocalizedTextSchema.optional(), description: z.string().optional() })
    .optional(),
  signed: z.boolean(),
  attachments: z.array(InspectAttachmentSchema),
  /** Present when the file could not be read: why (the command exits 2). */
  error: z.object({ code: z.string(), message: LocalizedTextSchema }).optional(),
});

export type InspectResult = z.infer<typeof InspectResultSchema>;
export type InspectAttachment = z.infer<typeof InspectAttachmentSchema>;

/** The JSON Schema (draft 2020-12) of the inspect output. */
export function inspectJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(InspectResultSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: INSPECT_SCHEMA_ID,
    title: 'lienthong edxml inspect',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
