import { z } from 'zod';

/** XLink attributes some senders put on a manifest Reference. */
export const XlinkSchema = z.object({
  href: z.string().optional(),
  role: z.string().optional(),
  type: z.string().optional(),
});
export type Xlink = z.infer<typeof XlinkSchema>;

/** edXMLManifest/Reference: the metadata of one attachment, joined to its payload by ContentId. */
export const ReferenceSchema = z.object({
  /** `cid:<uuid>`; some senders omit the `cid:` prefix. */
  contentId: z.string().optional(),
  /** MIME type of the original file (the payload may be zipped). */
  contentType: z.string().optional(),
  description: z.string().optional(),
  attachmentName: z.string().optional(),
  xlink: XlinkSchema.optional(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const ManifestSchema = z.object({
  version: z.string().optional(),
  references: z.array(ReferenceSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** AttachmentEncoded/Attachment: the base64 payload of one attachment. */
export const AttachmentSchema = z.object({
  contentId: z.string().optional(),
  attachmentName: z.string().optional(),
  description: z.string().optional(),
  /** MIME type of the encoded payload, often `application/zip` when the sender zipped the file. */
  contentType: z.string().optional(),
  /** VNPT extensions, written only when set. */
  fieldName: z.string().optional(),
  mimeType: z.string().optional(),
  /** The base64 text exactly as carried in ContentTransferEncoded. */
  contentTransferEncoded: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
