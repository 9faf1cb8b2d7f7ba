import { z } from 'zod';
import { type Attachment, AttachmentSchema, ManifestSchema } from './attachment';
import { StatusCodeSchema } from './codes';
import { DocumentHeaderSchema, TraceHeaderListSchema } from './document';
import { OrganizationSchema, ResponseForSchema, StaffInfoSchema } from './organization';

/**
 * An XML signature found in the header, kept as XML text (namespace declarations it needs included) so that
 * it can be verified by @lienthong/signature. Real traffic carries it in the XMLDSig namespace, in the
 * edXML namespace (VNPT SDK output), or as an empty `DigitalSignature` element (.NET SDK sample).
 */
export const SignatureSlotSchema = z.object({
  localName: z.string().min(1),
  namespace: z.string().nullable(),
  xml: z.string(),
});
export type SignatureSlot = z.infer<typeof SignatureSlotSchema>;

/** A document packet (văn bản): new, revocation, update or replacement. */
export const DocumentMessageSchema = z.object({
  kind: z.literal('document'),
  header: DocumentHeaderSchema,
  traceHeaderList: TraceHeaderListSchema.optional(),
  signature: SignatureSlotSchema.optional(),
  manifest: ManifestSchema.optional(),
  attachments: z.array(AttachmentSchema),
});
export type DocumentMessage = z.infer<typeof DocumentMessageSchema>;

/** The MessageHeader of a status packet (§2.1). */
export const StatusHeaderSchema = z.object({
  from: OrganizationSchema,
  responseFor: ResponseForSchema.optional(),
  staffInfo: StaffInfoSchema.optional(),
  statusCode: StatusCodeSchema.optional(),
  description: z.string().optional(),
  /** `yyyy/MM/dd HH:mm:ss`, Vietnam local time. */
  timestamp: z.string().optional(),
});
export type StatusHeader = z.infer<typeof StatusHeaderSchema>;

/** A status packet (gói tin trạng thái). */
export const StatusMessageSchema = z.object({
  kind: z.literal('status'),
  header: StatusHeaderSchema,
  signature: SignatureSlotSchema.optional(),
});
export type StatusMessage = z.infer<typeof StatusMessageSchema>;

export const EdxmlMessageSchema = z.discriminatedUnion('kind', [DocumentMessageSchema, StatusMessageSchema]);
export type EdxmlMessage = z.infer<typeof EdxmlMessageSchema>;

export type { Attachment };
