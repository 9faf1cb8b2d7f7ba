import type { DocumentMessage } from '../model/message';
import type { ByteSource } from '../stream/byte-source';
import { writeEdxmlStream } from '../stream/write-stream';
import {
  type AttachmentDescription,
  type AttachmentInput,
  type CreateDocumentInput,
  createDocument,
  describeAttachment,
} from './create-document';

/** A file to attach whose bytes may come from a stream. */
export interface StreamedAttachmentSource extends Omit<AttachmentInput, 'data'> {
  readonly data: Uint8Array | ByteSource;
}

export interface CreateDocumentStreamInput extends Omit<CreateDocumentInput, 'attachments' | 'zipLikeVnpt'> {
  readonly attachments: readonly StreamedAttachmentSource[];
}

/** A document whose envelope is known now and whose bytes are written as the attachments are read. */
export interface DocumentStream {
  /** The message without payloads; its manifest already lists every attachment. */
  readonly message: Omit<DocumentMessage, 'attachments'>;
  readonly attachments: readonly AttachmentDescription[];
  /** The edXML bytes, written with bounded memory. Call once: the attachment sources are read as it goes. */
  write(): AsyncGenerator<Uint8Array>;
}

/**
 * {@link createDocument} for files too large to hold: the same envelope (DocumentId, trace stamp, ContentIds,
 * manifest), with each attachment's bytes read from its source while the envelope is written. The bytes written
 * equal what `serializeEdxmlToBytes(createDocument(…))` gives for the same files and ContentIds.
 *
 * @example
 * const doc = createDocumentStream({ ...header, attachments: [{ name: 'ho-so.pdf', data: createReadStream('ho-so.pdf') }] });
 * await pipeline(Readable.from(doc.write()), createWriteStream('ho-so.edxml'));
 */
export function createDocumentStream(input: CreateDocumentStreamInput): DocumentStream {
  const { attachments: sources, ...header } = input;
  const { attachments: _none, ...message } = createDocument({ ...header, attachments: [] });
  const attachments = sources.map(({ data: _data, ...file }) => describeAttachment(file));
  message.manifest = { version: '1.0', references: attachments.map((attachment) => attachment.reference) };
  return {
    message,
    attachments,
    write: () =>
      writeEdxmlStream(
        message,
        attachments.map((described, index) => ({
          attachment: described.attachment,
          data: (sources[index] as StreamedAttachmentSource).data,
        })),
      ),
  };
}
