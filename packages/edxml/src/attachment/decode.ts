import type { LocalizedText } from '@lienthong/report';
import type { Attachment, Reference } from '../model/attachment';
import { decodeBase64 } from './base64';
import { detectContentKind, expectedKindOf } from './content-kind';
import { inspectPayload } from './payload-inspector';
import { extractZipEntry, inspectZip } from './zip';

/** An attachment's original file, as the sender had it. */
export type DecodedAttachment =
  | {
      readonly ok: true;
      /** The original file name (from the Attachment, else the manifest Reference). */
      readonly name: string | undefined;
      /** The original MIME type (the manifest's, when the payload was a ZIP wrapper). */
      readonly contentType: string | undefined;
      readonly data: Uint8Array;
      /** True when the payload was a one-file ZIP wrapper that was opened. */
      readonly unzipped: boolean;
      /** The name of the entry inside the wrapper, when one was opened. */
      readonly entryName?: string;
    }
  | { readonly ok: false; readonly reason: LocalizedText };

export interface DecodeOptions {
  /** The manifest Reference of the attachment, whose ContentType names the original file. */
  readonly reference?: Reference;
  /** Largest output in bytes (a ZIP bomb stops here). Default 100 MiB. */
  readonly maxBytes?: number;
}

/**
 * Decodes an attachment to the file the sender attached: base64 removed and, when the sender wrapped the file
 * in a one-entry ZIP (the VNPT SDK does this for most types), the ZIP opened. Never throws for bad data.
 */
export function decodeAttachment(
  attachment: Pick<Attachment, 'contentTransferEncoded' | 'contentType' | 'attachmentName'>,
  options: DecodeOptions = {},
): DecodedAttachment {
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  const inspection = inspectPayload(attachment.contentTransferEncoded);
  if (inspection.base64Error) return { ok: false, reason: inspection.base64Error.reason };
  if (inspection.byteLength > maxBytes) {
    return {
      ok: false,
      reason: { vi: `tệp lớn hơn giới hạn ${maxBytes} byte`, en: `the file is larger than the ${maxBytes}-byte limit` },
    };
  }
  const bytes = decodeBase64(attachment.contentTransferEncoded);
  const name = attachment.attachmentName ?? options.reference?.attachmentName;
  const originalType = options.reference?.contentType ?? attachment.contentType;
  const originalKind = expectedKindOf(options.reference?.contentType, options.reference?.attachmentName ?? name);
  const isWrapper =
    detectContentKind(bytes) === 'zip' &&
    expectedKindOf(attachment.contentType) === 'zip' &&
    originalKind !== 'zip' &&
    !/\.(zip|docx|xlsx|odt|ods)$/i.test(name ?? '');
  if (!isWrapper) return { ok: true, name, contentType: originalType, data: bytes, unzipped: false };
  const zip = inspectZip(bytes);
  if (!zip.ok) return { ok: false, reason: zip.reason };
  const [entry, ...others] = zip.entries;
  if (entry === undefined || others.length > 0) {
    return {
      ok: false,
      reason: {
        vi: `tệp nén bọc ngoài phải chứa đúng một tệp nhưng chứa ${zip.entries.length}`,
        en: `the ZIP wrapper must hold exactly one file but holds ${zip.entries.length}`,
      },
    };
  }
  const extracted = extractZipEntry(bytes, entry, maxBytes);
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  return {
    ok: true,
    name,
    contentType: options.reference?.contentType,
    data: extracted.data,
    unzipped: true,
    entryName: extracted.name,
  };
}
