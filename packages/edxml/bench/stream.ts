/**
 * (b) The streaming reader on a ≈100 MB envelope carrying one 75 MiB attachment, against decoding the same
 * base64 payload held in memory (`Buffer.from(text, 'base64')`), plus a bare saxes streaming pass for context.
 * Peak RSS of the streaming read is measured in a child process (`stream-rss.ts`).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { readEdxmlStream } from '../src/index';
import { type LargeEnvelope, payloadTextOf } from './fixtures';
import { compareRuns, consume, MB, type Measured, median, printMeasured, type Row, ratioRow } from './harness';
import type { RssSummary } from './stream-rss';

const CHUNK = 1 << 20;

/** Reads the whole envelope with `readEdxmlStream`, consuming every attachment byte; returns the byte count. */
export async function readOurs(
  path: string,
  hash?: ReturnType<typeof createHash>,
): Promise<{ bytes: number; valid: boolean; issues: number }> {
  const reader = readEdxmlStream(createReadStream(path, { highWaterMark: CHUNK }));
  let bytes = 0;
  for await (const part of reader) {
    if (part.type !== 'attachment') continue;
    for await (const chunk of part.bytes) {
      bytes += chunk.length;
      hash?.update(chunk);
    }
  }
  const { report } = await reader.result;
  return { bytes, valid: report.valid, issues: report.issues.length };
}

/** A bare saxes pass over the same file, streamed in the same 1 MiB chunks. */
async function readSaxes(path: string): Promise<number> {
  const parser = new SaxesParser({ xmlns: true });
  let characters = 0;
  parser.on('text', (text) => {
    characters += text.length;
  });
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  }
  parser.write(decoder.decode()).close();
  return characters;
}

/** The child's own peak: VmHWM on Linux (maxRSS there can be inherited from the parent), else maxRSS. */
function peakOf(run: RssSummary): number {
  return Math.max(run.sampledPeakRss, run.highWaterMark ?? run.maxRss);
}

function measureRss(path: string): Promise<RssSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./stream-rss.ts', import.meta.url)), [path], { stdio: 'inherit' });
    let summary: RssSummary | undefined;
    child.on('message', (message) => {
      summary = message as RssSummary;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (summary !== undefined) resolve(summary);
      else reject(new Error(`stream-rss child exited with code ${code} without a result`));
    });
  });
}

export async function benchStream(envelope: LargeEnvelope, options: { readonly runs?: number } = {}): Promise<Row[]> {
  const { path, size } = envelope;
  // Correctness first: the reader gives back exactly the bytes written, and the report of a clean packet.
  const hash = createHash('sha256');
  const checked = await readOurs(path, hash);
  if (checked.bytes !== envelope.attachmentBytes || hash.digest('hex') !== envelope.attachmentSha256) {
    throw new Error(
      `readEdxmlStream gave ${checked.bytes} bytes that differ from the ${envelope.attachmentBytes} written`,
    );
  }
  console.log(
    `  (b) streamed read check: ${checked.bytes} bytes match, report valid=${checked.valid}, issues=${checked.issues}`,
  );

  // Peak RSS first, while this process is still small (the child's figures are its own anyway, see stream-rss.ts).
  const rssRuns: RssSummary[] = [];
  for (let i = 0; i < 3; i++) rssRuns.push(await measureRss(path));
  const peaks = rssRuns.map(peakOf);
  const peak = Math.max(...peaks);
  const startRss = median(rssRuns.map((run) => run.startRss));
  for (const run of rssRuns) {
    console.log(
      `  (b) child RSS: start ${(run.startRss / MB).toFixed(0)} MB, VmHWM ${run.highWaterMark === undefined ? 'n/a' : (run.highWaterMark / MB).toFixed(0)} MB, sampled peak ${(run.sampledPeakRss / MB).toFixed(0)} MB, maxRSS ${(run.maxRss / MB).toFixed(0)} MB (may be the parent's), ${run.attachmentBytes} bytes in ${run.milliseconds.toFixed(0)} ms`,
    );
  }

  const payloadText = payloadTextOf(readFileSync(path));
  if (Buffer.from(payloadText, 'base64').length !== envelope.attachmentBytes)
    throw new Error('baseline payload mismatch');

  const runs = options.runs ?? 5;
  const ours = 'readEdxmlStream (1 MiB chunks)';
  const baseline = "Buffer.from(text, 'base64')";
  const saxes = 'saxes streaming pass';
  const results = await compareRuns(
    [
      { name: ours, run: () => readOurs(path) },
      { name: baseline, run: () => Buffer.from(payloadText, 'base64') },
    ],
    { warmups: 1, runs },
  );
  // saxes is much slower; it gets its own (shorter) interleaved comparison against ours.
  const context = await compareRuns(
    [
      { name: ours, run: () => readOurs(path) },
      { name: saxes, run: () => readSaxes(path) },
    ],
    { warmups: 0, runs: Math.max(2, Math.ceil(runs / 2)) },
  );
  consume(payloadText.length);
  // Throughput in MB/s of input: the envelope for the readers, the base64 text (99.99% of it) for the baseline.
  const byName = (list: readonly Measured[], name: string) => list.find((result) => result.name === name) as Measured;
  printMeasured('(b) 100 MB envelope, runs/s', [...results, ...context], size / MB, 'MB/s');

  const target = 200;
  return [
    ratioRow(
      `(b) stream read ${(size / MB).toFixed(0)} MB (75 MiB attachment) vs base64 decode`,
      byName(results, ours),
      byName(results, baseline),
      'MB/s',
      { scale: size / MB, peerScale: payloadText.length / MB, target: 0.5 },
    ),
    ratioRow(
      `(b) stream read ${(size / MB).toFixed(0)} MB vs saxes streaming pass (context)`,
      byName(context, ours),
      byName(context, saxes),
      'MB/s',
      { scale: size / MB },
    ),
    {
      scenario: '(b) peak RSS of the streaming read (child process)',
      ours: `${(peak / MB).toFixed(0)} MB worst of 3 (median ${(median(peaks) / MB).toFixed(0)}; Node+tsx+library at start ${(startRss / MB).toFixed(0)} MB, so +${((peak - startRss) / MB).toFixed(0)} MB for the read)`,
      peer: '—',
      ratio: '—',
      target: `≤ ${target} MB`,
      met: peak / MB <= target ? 'yes' : `**no** (${((peak / MB / target - 1) * 100).toFixed(0)}% over)`,
    },
  ];
}
