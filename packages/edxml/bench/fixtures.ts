/** Inputs of the benchmarks: the real 2019 envelope (or a generated stand-in) and pseudo-random payloads. */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  type CreateDocumentInput,
  createDocument,
  type DocumentMessage,
  serializeEdxml,
  writeEdxmlStream,
} from '../src/index';
import { MiB } from './harness';

/** The real envelope; `EDXML_BENCH_CORPUS` points elsewhere (a missing path exercises the generated fallback). */
export const CORPUS_FILE =
  process.env.EDXML_BENCH_CORPUS ??
  fileURLToPath(new URL('../test/fixtures/corpus/axis-downloaded_2019_edoc.edxml', import.meta.url));

/** A deterministic xorshift32 filler: fast, and the same bytes on every run. */
export function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array<ArrayBuffer> {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return new Uint8Array(words.buffer, 0, length);
}

/** `total` pseudo-random bytes in chunks of `chunkSize`, generated as they are asked for. */
export async function* pseudoRandomChunks(total: number, chunkSize = MiB): AsyncGenerator<Uint8Array> {
  let seed = 0x2545f491;
  for (let done = 0; done < total; done += chunkSize) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    yield pseudoRandomBytes(Math.min(chunkSize, total - done), seed);
  }
}

/** What a sender passes to `createDocument` (attachments added by each benchmark). */
export function sampleDocumentInput(attachments: CreateDocumentInput['attachments'] = []): CreateDocumentInput {
  return {
    from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
    to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
    code: { codeNumber: '12', codeNotation: 'UBND-TH' },
    promulgation: { place: 'Nghệ An', date: '2025/01/15' },
    subject: 'V/v báo cáo tình hình triển khai hệ thống quản lý văn bản và điều hành',
    attachments,
    sentAt: new Date('2025-01-15T03:00:00Z'),
  };
}

/** Header of a document packet (no attachments), as a sender would build it. */
export function sampleHeader(): Omit<DocumentMessage, 'attachments'> {
  const { attachments: _none, ...message } = createDocument(sampleDocumentInput());
  return message;
}

export interface SmallEnvelope {
  readonly bytes: Buffer;
  readonly text: string;
  /** Where the bytes come from, for the output. */
  readonly source: string;
}

/** The ≈8 KB real envelope, or — when the shared corpus is absent — a generated one of similar size. */
export function loadSmallEnvelope(): SmallEnvelope {
  if (existsSync(CORPUS_FILE)) {
    const bytes = readFileSync(CORPUS_FILE);
    return { bytes, text: bytes.toString('utf8'), source: `real envelope ${CORPUS_FILE} (${bytes.length} B)` };
  }
  const message = createDocument(
    sampleDocumentInput([
      { name: 'bao-cao.pdf', data: new TextEncoder().encode(`%PDF-1.4\n${'x'.repeat(3000)}\n%%EOF\n`) },
    ]),
  );
  const text = serializeEdxml(message);
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, text, source: `GENERATED envelope (createDocument; ${CORPUS_FILE} missing) (${bytes.length} B)` };
}

export interface LargeEnvelope {
  readonly path: string;
  readonly size: number;
  readonly attachmentBytes: number;
  /** SHA-256 of the attachment's raw bytes, to check what the reader gives back. */
  readonly attachmentSha256: string;
}

/** Writes a document packet with one pseudo-random attachment of `attachmentBytes` into the temp directory. */
export async function writeLargeEnvelope(attachmentBytes: number): Promise<LargeEnvelope> {
  const path = join(tmpdir(), `lienthong-edxml-bench-${process.pid}.edxml`);
  const header = sampleHeader();
  const contentId = 'cid:bench-attachment-1';
  const message = {
    ...header,
    manifest: {
      version: '1.0',
      references: [{ contentId, contentType: 'application/octet-stream', attachmentName: 'bench.bin' }],
    },
  };
  const hash = createHash('sha256');
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of pseudoRandomChunks(attachmentBytes)) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const body = writeEdxmlStream(message, [
    {
      attachment: { contentId, attachmentName: 'bench.bin', contentType: 'application/octet-stream' },
      data: hashed(),
    },
  ]);
  await pipeline(Readable.from(body), createWriteStream(path));
  return { path, size: statSync(path).size, attachmentBytes, attachmentSha256: hash.digest('hex') };
}

/** The base64 text of the (single) ContentTransferEncoded element of an envelope file. */
export function payloadTextOf(file: Buffer): string {
  const open = file.indexOf('ContentTransferEncoded');
  const start = file.indexOf('>', open) + 1;
  const end = file.indexOf('<', start);
  return file.toString('latin1', start, end);
}
