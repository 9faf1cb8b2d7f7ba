/**
 * A small benchmark harness: every contender of a comparison runs in the same process, in interleaved
 * (round-robin) batches, so that noise on a shared machine — other processes, CPU frequency changes, GC of a
 * neighbour's garbage — falls on all of them alike. Each contender's figure is the median over the batches.
 * Only ratios between contenders of one comparison are meant to be read; absolute numbers depend on the machine.
 */
import { performance } from 'node:perf_hooks';

/** Keeps results alive so the engine cannot drop a call whose value is unused. */
export let blackhole: unknown;
export function consume(value: unknown): void {
  blackhole = value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface SyncContender {
  readonly name: string;
  readonly run: () => unknown;
}

export interface SyncOptions {
  /** Time each contender is run before measuring, so the JIT has optimised it. */
  readonly warmupMs?: number;
  /** Target duration of one timed batch. */
  readonly batchMs?: number;
  /** Number of timed batches per contender. */
  readonly batches?: number;
}

export interface Measured {
  readonly name: string;
  /** Median operations per second over the batches. */
  readonly opsPerSecond: number;
  /** Spread of the batches: (max − min) / median, as a rough noise indicator. */
  readonly spread: number;
  readonly samples: readonly number[];
}

function summarize(name: string, samples: number[]): Measured {
  const mid = median(samples);
  return { name, opsPerSecond: mid, spread: (Math.max(...samples) - Math.min(...samples)) / mid, samples };
}

/** Rotates the order each round so no contender is always first (or always right after a heavy one). */
function rotation<T>(items: readonly T[], round: number): T[] {
  const start = round % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** Compares fast synchronous operations: warm-up, calibration, then interleaved timed batches. */
export function compareSync(contenders: readonly SyncContender[], options: SyncOptions = {}): Measured[] {
  const warmupMs = options.warmupMs ?? 300;
  const batchMs = options.batchMs ?? 50;
  const batches = options.batches ?? 15;
  const iterations = new Map<string, number>();
  for (const contender of contenders) {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < warmupMs) {
      consume(contender.run());
      count++;
    }
    const perOpMs = (performance.now() - start) / count;
    iterations.set(contender.name, Math.max(1, Math.round(batchMs / perOpMs)));
  }
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < batches; round++) {
    for (const contender of rotation(contenders, round)) {
      const n = iterations.get(contender.name) as number;
      const run = contender.run;
      const start = performance.now();
      for (let i = 0; i < n; i++) consume(run());
      const elapsed = performance.now() - start;
      (samples.get(contender.name) as number[]).push((n * 1000) / elapsed);
    }
  }
  return contenders.map((contender) => summarize(contender.name, samples.get(contender.name) as number[]));
}

export interface AsyncContender {
  readonly name: string;
  /** One whole operation (e.g. reading a 100 MB file); may be synchronous. */
  readonly run: () => Promise<unknown> | unknown;
}

/** Compares long operations (each call is one sample): warm-up runs, then interleaved timed runs. */
export async function compareRuns(
  contenders: readonly AsyncContender[],
  options: { readonly warmups?: number; readonly runs?: number } = {},
): Promise<Measured[]> {
  const warmups = options.warmups ?? 1;
  const runs = options.runs ?? 5;
  for (let i = 0; i < warmups; i++) for (const contender of contenders) consume(await contender.run());
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const contender of rotation(contenders, round)) {
      const start = performance.now();
      consume(await contender.run());
      const elapsed = performance.now() - start;
      (samples.get(contender.name) as number[]).push(1000 / elapsed);
    }
  }
  return contenders.map((contender) => summarize(contender.name, samples.get(contender.name) as number[]));
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
}

/**
 * The ratio of two contenders measured in the same rounds: the median of the per-round ratios (each round's two
 * batches ran seconds apart at most, so they saw the same machine), with its interquartile range.
 */
export function pairedRatio(ours: Measured, peer: Measured): { median: number; low: number; high: number } {
  const ratios = ours.samples.map((sample, round) => sample / (peer.samples[round] as number));
  return { median: median(ratios), low: quantile(ratios, 0.25), high: quantile(ratios, 0.75) };
}

/** One line of the results table. */
export interface Row {
  readonly scenario: string;
  readonly ours: string;
  readonly peer: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: string;
}

export function formatNumber(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/**
 * A throughput comparison row of two contenders measured in the same rounds; `scale` turns operations per second
 * into the unit shown; `target` is the minimum ours/peer ratio, if any.
 */
export function ratioRow(
  scenario: string,
  ours: Measured,
  peer: Measured,
  unit: string,
  options: { readonly scale?: number; readonly peerScale?: number; readonly target?: number } = {},
): Row {
  const scale = options.scale ?? 1;
  const peerScale = options.peerScale ?? scale;
  // Per-round ratios in the unit shown (the two scales differ when the denominators differ slightly).
  const { median: ratio, low, high } = pairedRatio(ours, peer);
  const factor = scale / peerScale;
  const target = options.target;
  return {
    scenario,
    ours: `${formatNumber(ours.opsPerSecond * scale)} ${unit} (${ours.name})`,
    peer: `${formatNumber(peer.opsPerSecond * peerScale)} ${unit} (${peer.name})`,
    ratio: `**${(ratio * factor).toFixed(2)}** (IQR ${(low * factor).toFixed(2)}–${(high * factor).toFixed(2)})`,
    target: target === undefined ? '—' : `≥ ${target.toFixed(1)}`,
    met:
      target === undefined
        ? 'n/a'
        : ratio * factor >= target
          ? 'yes'
          : `**no** (${((1 - (ratio * factor) / target) * 100).toFixed(0)}% short)`,
  };
}

export function markdownTable(rows: readonly Row[]): string {
  const header = '| scenario | ours | peer | ratio (ours/peer) | target | met? |';
  const rule = '|---|---|---|---|---|---|';
  const lines = rows.map(
    (row) => `| ${row.scenario} | ${row.ours} | ${row.peer} | ${row.ratio} | ${row.target} | ${row.met} |`,
  );
  return [header, rule, ...lines].join('\n');
}

export const MB = 1_000_000;
export const MiB = 1 << 20;

/** Prints each contender's median and batch spread (the noise the medians smooth out). */
export function printMeasured(title: string, results: readonly Measured[], scale = 1, unit = 'ops/s'): void {
  console.log(`  ${title}`);
  for (const result of results) {
    console.log(
      `    ${result.name.padEnd(44)} ${formatNumber(result.opsPerSecond * scale).padStart(10)} ${unit}  (spread ±${((result.spread / 2) * 100).toFixed(0)}%, n=${result.samples.length})`,
    );
  }
}
