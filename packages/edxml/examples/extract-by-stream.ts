// Extract every attachment of an envelope of any size (1 GB is fine) without loading it into memory.
import { createReadStream, createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readEdxmlStream } from '@lienthong/edxml';

export async function extractByStream(envelopePath: string, outDir: string) {
  const reader = readEdxmlStream(createReadStream(envelopePath, { highWaterMark: 1 << 20 }), {
    subject: basename(envelopePath),
    limits: { maxAttachmentBytes: 2 * 1024 ** 3 },
  });
  const written: string[] = [];
  for await (const part of reader) {
    if (part.type === 'header' && part.message?.kind === 'document') {
      console.log(`Văn bản: ${part.message.header.subject}`);
    }
    if (part.type === 'attachment') {
      // Never trust a file name from the network: keep only its last path segment.
      const target = join(outDir, basename(part.attachment.attachmentName ?? `attachment-${part.index + 1}`));
      await pipeline(Readable.from(part.bytes), createWriteStream(target));
      written.push(target);
    }
  }
  const { report } = await reader.result; // the same report validateEdxml gives
  return { written, valid: report.valid, issues: report.issues };
}
