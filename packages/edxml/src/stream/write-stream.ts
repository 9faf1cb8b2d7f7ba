import { Buffer } from 'node:buffer';
import { EdxmlError } from '../errors';
import type { Attachment } from '../model/attachment';
import type { DocumentMessage, StatusMessage } from '../model/message';
import {
  ATTACHMENT_CLOSE,
  ATTACHMENTS_CLOSE,
  ATTACHMENTS_OPEN,
  attachmentOpening,
  ROOT_CLOSE,
  writeEnvelope,
} from '../serialize/serialize';

import type { ByteSource } from './byte-source';

/** An attachment whose payload is written from a source of raw (not yet base64) bytes. */
export interface StreamedAttachmentInput {
  readonly attachment: Omit<Attachment, 'contentTransferEncoded'>;
  readonly data: Uint8Array | ByteSource;
}

async function* bytesOf(data: Uint8Array | ByteSource): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) {
    yield data;
    return;
  }
  if (Symbol.asyncIterator in data) {
    yield* data as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (data as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Base64-encodes a byte stream chunk by chunk, carrying 0–2 bytes so no padding appears mid-stream. */
async function* base64Of(data: Uint8Array | ByteSource): AsyncGenerator<string> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of bytesOf(data)) {
    if (!(chunk instanceof Uint8Array))
      throw new EdxmlError('STREAM_MISUSE', 'attachment sources must yield Uint8Array chunks');
    const joined = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    const usable = joined.length - (joined.length % 3);
    if (usable > 0) yield Buffer.from(joined.buffer, joined.byteOffset, usable).toString('base64');
    carry = joined.slice(usable);
  }
  if (carry.length > 0) yield Buffer.from(carry).toString('base64');
}

const encoder = new TextEncoder();

/**
 * Writes an envelope as a stream of UTF-8 bytes, encoding each attachment's payload as it is read, so an envelope
 * of any size is written with bounded memory. For the same message and payload bytes the output is byte for byte
 * what `serializeEdxmlToBytes` writes.
 *
 * @example
 * const message = createDocument({ ...header, attachments: [] });
 * const body = writeEdxmlStream(message, [{ attachment: { contentId: 'cid:1', attachmentName: 'scan.pdf', contentType: 'application/pdf' }, data: createReadStream('scan.pdf') }]);
 * await pipeline(Readable.from(body), createWriteStream('out.edxml'));
 */
export async function* writeEdxmlStream(
  message: Omit<DocumentMessage, 'attachments'> | StatusMessage,
  attachments: readonly StreamedAttachmentInput[] = [],
): AsyncGenerator<Uint8Array> {
  if (message.kind === 'status' && attachments.length > 0) {
    throw new EdxmlError('INVALID_ARGUMENT', 'a status packet carries no attachments');
  }
  const head: string[] = [];
  writeEnvelope((piece) => head.push(piece), { ...message, attachments: [] } as DocumentMessage | StatusMessage);
  yield encoder.encode(head.join(''));
  if (attachments.length > 0) {
    yield encoder.encode(ATTACHMENTS_OPEN);
    for (const { attachment, data } of attachments) {
      yield encoder.encode(attachmentOpening(attachment));
      // base64 text is ASCII: its UTF-8 bytes are its characters.
      for await (const text of base64Of(data)) yield encoder.encode(text);
      yield encoder.encode(ATTACHMENT_CLOSE);
    }
    yield encoder.encode(ATTACHMENTS_CLOSE);
  }
  yield encoder.encode(ROOT_CLOSE);
}
