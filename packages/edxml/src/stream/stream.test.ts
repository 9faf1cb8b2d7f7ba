import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument } from '../../test/arbitrary-message';
import { corpusFiles, readCorpus } from '../../test/corpus';
import { SAMPLE_PDF } from '../../test/sample-files';
import { decodeBase64 } from '../attachment/base64';
import { createDocument, describeAttachment } from '../build/create-document';
import type { EdxmlMessage } from '../model/message';
import { validateEdxml } from '../parse/parse-edxml';
import { serializeEdxmlToBytes } from '../serialize/serialize';
import { readEdxmlStream, type StreamedPart } from './read-stream';
import { writeEdxmlStream } from './write-stream';

async function* chunks(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let index = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[index++ % sizes.length] ?? 1);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of iterable) parts.push(part);
  return Buffer.concat(parts);
}

/** Reads a stream to its end, keeping each attachment's bytes. */
async function readAll(bytes: Uint8Array, sizes: readonly number[]) {
  const reader = readEdxmlStream(chunks(bytes, sizes), { subject: 's', now: () => new Date(0) });
  const parts: { part: StreamedPart; bytes?: Buffer }[] = [];
  for await (const part of reader) {
    parts.push(part.type === 'attachment' ? { part, bytes: await collect(part.bytes) } : { part });
  }
  return { parts, result: await reader.result };
}

function withoutPayloads(message: EdxmlMessage | undefined): EdxmlMessage | undefined {
  if (message?.kind !== 'document') return message;
  return { ...message, attachments: message.attachments.map((a) => ({ ...a, contentTransferEncoded: '' })) };
}

/** The in-memory result, for comparison. */
function inMemory(bytes: Uint8Array) {
  return validateEdxml(bytes, { subject: 's', now: () => new Date(0) });
}

describe('readEdxmlStream', () => {
  it.each(corpusFiles)('%s: same report, message and bytes as the in-memory reader, in any chunking', async (name) => {
    const bytes = readCorpus(name);
    const expected = inMemory(bytes);
    // One-byte chunks only for small files: they cost a scanner call per byte.
    const splits =
      bytes.length < 8192 ? [[bytes.length], [1], [7, 3, 64], [4096]] : [[bytes.length], [7, 3, 64], [4096]];
    for (const sizes of splits) {
      const { parts, result } = await readAll(bytes, sizes);
      expect(result.report).toEqual(expected.report);
      expect(withoutPayloads(result.message)).toEqual(withoutPayloads(expected.message));
      expect(parts[0]?.part.type).toBe('header');
      const attachments = parts.filter((p) => p.part.type === 'attachment');
      const message = expected.message;
      if (message?.kind === 'document') {
        expect(attachments).toHaveLength(message.attachments.length);
        attachments.forEach((streamed, index) => {
          const text = message.attachments[index]?.contentTransferEncoded ?? '';
          const valid = !expected.report.issues.some(
            (issue) =>
              issue.ruleId === 'EDXML-ATT-007' &&
              issue.location?.path?.startsWith(`AttachmentEncoded/Attachment[${index + 1}]`),
          );
          if (valid) expect(streamed.bytes?.equals(Buffer.from(decodeBase64(text)))).toBe(true);
        });
      }
    }
  });

  it('gives the header before any attachment byte', async () => {
    const bytes = readCorpus('axis-downloaded_2025_edoc_pdf.edxml');
    const reader = readEdxmlStream(chunks(bytes, [512]));
    const iterator = reader[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.type).toBe('header');
    const header = first.value?.type === 'header' ? first.value.message : undefined;
    expect(header?.kind === 'document' && header.header.subject).toBeTruthy();
    for (;;) if ((await iterator.next()).done) break;
    expect((await reader.result).report.valid).toBe(true);
  });

  it('agrees with the in-memory reader on generated envelopes and random chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryDocument,
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        async (message, sizes) => {
          const bytes = serializeEdxmlToBytes(message);
          const expected = inMemory(bytes);
          const { result } = await readAll(bytes, sizes);
          expect(result.report).toEqual(expected.report);
          expect(withoutPayloads(result.message)).toEqual(withoutPayloads(expected.message));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips attachments the consumer does not read and still reports on them', async () => {
    const message = createDocument({
      from: { organId: '000.00.00.H41' },
      to: [{ organId: '000.00.00.G22' }],
      code: { codeNumber: '1', codeNotation: 'UBND' },
      promulgation: { date: '2025/01/15' },
      subject: 'Hai tệp',
      attachments: [
        { name: 'a.pdf', data: SAMPLE_PDF },
        { name: 'b.pdf', data: SAMPLE_PDF },
      ],
    });
    const reader = readEdxmlStream(chunks(serializeEdxmlToBytes(message), [50]));
    const seen: string[] = [];
    for await (const part of reader) if (part.type === 'attachment') seen.push(part.attachment.attachmentName ?? '');
    expect(seen).toEqual(['a.pdf', 'b.pdf']);
    expect((await reader.result).report.valid).toBe(true);
  });

  it('decodes a large attachment without holding it: each piece is about one input chunk', async () => {
    const payload = randomBytes(8 * 1024 * 1024);
    const big = describeAttachment({ name: 'big.bin', contentType: 'application/octet-stream' });
    const header = createDocument({
      from: { organId: '000.00.00.H41' },
      to: [{ organId: '000.00.00.G22' }],
      code: { codeNumber: '1', codeNotation: 'UBND' },
      promulgation: { date: '2025/01/15' },
      subject: 'Tệp lớn',
    });
    header.manifest?.references.push(big.reference);
    const body = await collect(
      writeEdxmlStream(header, [{ attachment: big.attachment, data: chunks(payload, [65536]) }]),
    );
    const reader = readEdxmlStream(chunks(body, [65536]));
    let largest = 0;
    let total = 0;
    for await (const part of reader) {
      if (part.type !== 'attachment') continue;
      for await (const piece of part.bytes) {
        largest = Math.max(largest, piece.length);
        total += piece.length;
      }
    }
    expect(total).toBe(payload.length);
    expect(largest).toBeLessThanOrEqual(65536);
    const { report } = await reader.result;
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('writeEdxmlStream', () => {
  it('writes byte for byte what serializeEdxmlToBytes writes', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument, fc.integer({ min: 1, max: 50 }), async (message, chunkSize) => {
        const validBase64 = {
          ...message,
          attachments: message.attachments.map((attachment, index) => ({
            ...attachment,
            contentTransferEncoded: Buffer.from(`tệp số ${index} `.repeat(index * 7 + 1)).toString('base64'),
          })),
        };
        const { attachments, ...envelope } = validBase64;
        const streamed = await collect(
          writeEdxmlStream(
            envelope,
            attachments.map(({ contentTransferEncoded, ...attachment }) => ({
              attachment,
              data: chunks(Buffer.from(contentTransferEncoded, 'base64'), [chunkSize]),
            })),
          ),
        );
        expect(streamed.equals(Buffer.from(serializeEdxmlToBytes(validBase64)))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
