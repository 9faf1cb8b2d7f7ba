/**
 * (c) Writing: `serializeEdxml` of the real 2019 message against fast-xml-parser's XMLBuilder, of a message
 * with a 5 MiB attachment against plain base64 encoding of those bytes, and `writeEdxmlStream` with a 75 MiB
 * attachment against base64 encoding of the same bytes.
 */
import { Buffer } from 'node:buffer';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { createDocument, parseEdxml, serializeEdxml, writeEdxmlStream } from '../src/index';
import { pseudoRandomBytes, type SmallEnvelope, sampleDocumentInput, sampleHeader } from './fixtures';
import { compareRuns, compareSync, MB, type Measured, MiB, printMeasured, type Row, ratioRow } from './harness';

/** Zero-copy Buffer view of bytes (so the baseline pays for base64 only, not a copy). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export async function benchSerialize(
  envelope: SmallEnvelope,
  options: { readonly batches?: number; readonly runs?: number } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  const by = (list: readonly Measured[], name: string) => list.find((result) => result.name === name) as Measured;

  // Small: the message read from the real envelope.
  const message = parseEdxml(envelope.bytes).message;
  if (message === undefined) throw new Error('the benchmark envelope could not be read');
  const fxpObject = new XMLParser({ ignoreAttributes: false }).parse(envelope.text) as unknown;
  const ours = 'serializeEdxml(message)';
  const builder = 'fast-xml-parser XMLBuilder.build';
  const small = compareSync(
    [
      { name: ours, run: () => serializeEdxml(message) },
      { name: builder, run: () => new XMLBuilder({ ignoreAttributes: false }).build(fxpObject) },
    ],
    { warmupMs: 300, batchMs: 60, batches: options.batches ?? 21 },
  );
  printMeasured('(c) serialize the 8 KB message', small, 1, 'env/s');
  rows.push(ratioRow('(c) serialize 8 KB message vs fxp XMLBuilder', by(small, ours), by(small, builder), 'env/s'));

  // 5 MiB attachment: the message holds the base64 text already; the peer encodes the raw bytes.
  const fiveMiB = pseudoRandomBytes(5 * MiB, 0x1234567);
  const large = createDocument(sampleDocumentInput([{ name: 'bao-cao.bin', data: fiveMiB }]));
  const base64 = "Buffer.toString('base64') of the 5 MiB";
  const big = compareSync(
    [
      { name: ours, run: () => serializeEdxml(large) },
      { name: base64, run: () => view(fiveMiB).toString('base64') },
    ],
    { warmupMs: 300, batchMs: 60, batches: options.batches ?? 21 },
  );
  printMeasured('(c) 5 MiB attachment, MB/s of attachment bytes', big, fiveMiB.length / MB, 'MB/s');
  rows.push(
    ratioRow('(c) serialize message with 5 MiB attachment vs base64 encode', by(big, ours), by(big, base64), 'MB/s', {
      scale: fiveMiB.length / MB,
    }),
  );

  // 75 MiB through writeEdxmlStream (fed in 1 MiB chunks from memory) against one base64 encode of it.
  const bytes = pseudoRandomBytes(75 * MiB, 0x7654321);
  const header = sampleHeader();
  const attachment = { contentId: 'cid:bench-1', attachmentName: 'bench.bin', contentType: 'application/octet-stream' };
  const streamed = 'writeEdxmlStream (1 MiB chunks in)';
  const encode = "Buffer.toString('base64') of the 75 MiB";
  const write = async () => {
    let total = 0;
    for await (const chunk of writeEdxmlStream(header, [{ attachment, data: chunksOf(bytes, MiB) }]))
      total += chunk.length;
    return total;
  };
  const written = await write();
  const expected = Math.ceil(bytes.length / 3) * 4;
  if (written < expected)
    throw new Error(`writeEdxmlStream wrote ${written} bytes, less than the ${expected} of base64`);
  const stream = await compareRuns(
    [
      { name: streamed, run: write },
      { name: encode, run: () => view(bytes).toString('base64') },
    ],
    { warmups: 1, runs: options.runs ?? 5 },
  );
  printMeasured('(c) 75 MiB attachment, MB/s of attachment bytes', stream, bytes.length / MB, 'MB/s');
  rows.push(
    ratioRow(
      '(c) writeEdxmlStream 75 MiB attachment vs base64 encode',
      by(stream, streamed),
      by(stream, encode),
      'MB/s',
      { scale: bytes.length / MB },
    ),
  );
  return rows;
}
