/**
 * Peak memory of one streaming read, in a process of its own so nothing else (the baseline's 100 MB string,
 * the parent's buffers) counts. Run by `stream.ts` via `child_process.fork`; also runnable by hand:
 * `npx tsx bench/stream-rss.ts /tmp/big.edxml`. Prints (and, when forked, sends) a JSON summary.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readEdxmlStream } from '../src/index';

export interface RssSummary {
  /** RSS after start-up (runtime, tsx, the library loaded), before reading. */
  readonly startRss: number;
  /** Highest RSS seen by sampling every 2 ms during the read. */
  readonly sampledPeakRss: number;
  /**
   * `process.resourceUsage().maxRSS` at the end, in bytes. On Linux it is kept across fork+exec, so in a child
   * it can be the *parent's* high-water mark; `highWaterMark` below is the one to trust there.
   */
  readonly maxRss: number;
  /** Linux `VmHWM` of /proc/self/status: this process's own RSS high-water mark (start-up included); undefined elsewhere. */
  readonly highWaterMark: number | undefined;
  readonly attachmentBytes: number;
  readonly valid: boolean;
  readonly milliseconds: number;
}

function vmHighWaterMark(): number | undefined {
  try {
    const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'latin1'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(path: string): Promise<RssSummary> {
  const startRss = process.memoryUsage.rss();
  let sampledPeakRss = startRss;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > sampledPeakRss) sampledPeakRss = rss;
  }, 2);
  const start = performance.now();
  const reader = readEdxmlStream(createReadStream(path, { highWaterMark: 1 << 20 }));
  let attachmentBytes = 0;
  for await (const part of reader) {
    if (part.type === 'attachment') for await (const chunk of part.bytes) attachmentBytes += chunk.length;
    const rss = process.memoryUsage.rss();
    if (rss > sampledPeakRss) sampledPeakRss = rss;
  }
  const { report } = await reader.result;
  const milliseconds = performance.now() - start;
  clearInterval(sampler);
  sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
  return {
    startRss,
    sampledPeakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    highWaterMark: vmHighWaterMark(),
    attachmentBytes,
    valid: report.valid,
    milliseconds,
  };
}

const path = process.argv[2];
if (path === undefined) {
  console.error('usage: tsx bench/stream-rss.ts <envelope.edxml>');
  process.exit(2);
}
const summary = await main(path);
if (process.send) process.send(summary, () => process.disconnect());
else console.log(JSON.stringify(summary));
