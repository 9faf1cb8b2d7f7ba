/**
 * Micro-benchmark of the XML layer against fast-xml-parser and saxes on a real ~8 KB envelope.
 * Not a test: run with `npx tsx packages/edxml/src/xml/scanner.bench.ts` from the repository root.
 *
 * Each contender runs in its own Node process (so one library's JIT and GC state cannot slow the
 * next), parses the same input repeatedly for a fixed time after a warm-up, and keeps the best of
 * several rounds, the least noisy figure on a shared machine.
 *
 * With the argument `large`, it instead streams a ~100 MB envelope (the same header around a 75 MB
 * base64 attachment) through the byte scanner in 64 KiB chunks and compares the time with a bare
 * `Buffer.from(payload, 'base64')`: the budget of the streaming reader built on this scanner.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { createXmlScanner, createXmlTreeParser, parseXmlTree, type XmlTextSink } from './index';

const CORPUS_FILE = new URL('../../test/fixtures/corpus/axis-downloaded_2019_edoc.edxml', import.meta.url);
const ROUND_MILLISECONDS = 400;
const ROUNDS = 5;

const bytes = new Uint8Array(readFileSync(CORPUS_FILE));
const text = new TextDecoder().decode(bytes);

let sink = 0;

const contenders: Record<string, () => void> = {
  'fast-xml-parser XMLParser.parse (defaults)': () => {
    const parsed = new XMLParser().parse(text) as object;
    sink += Object.keys(parsed).length;
  },
  'fast-xml-parser XMLParser.parse (ignoreAttributes: false)': () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(text) as object;
    sink += Object.keys(parsed).length;
  },
  'saxes (xmlns: true), no handlers': () => {
    new SaxesParser({ xmlns: true }).write(text).close();
    sink++;
  },
  'saxes (xmlns: true), opentag + text handlers': () => {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', () => {
      sink++;
    });
    parser.on('text', (piece) => {
      sink += piece.length;
    });
    parser.write(text).close();
  },
  'lienthong createXmlScanner, no handlers': () => {
    const scanner = createXmlScanner({});
    scanner.write(text);
    scanner.end();
    sink++;
  },
  'lienthong parseXmlTree(string)': () => {
    sink += parseXmlTree(text).problems.length + 1;
  },
  'lienthong parseXmlTree(Uint8Array)': () => {
    sink += parseXmlTree(bytes).problems.length + 1;
  },
};

function opsPerSecond(run: () => void): number {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_MILLISECONDS) {
      for (let i = 0; i < 20; i++) run();
      count += 20;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (count * 1000) / elapsed);
  }
  return best;
}

/** Decodes base64 pieces as they come, carrying over what does not fill a 4-character group. */
function base64DecodingSink(validatesCharacters: boolean): XmlTextSink & { decodedBytes: number } {
  let carried = '';
  const sink = {
    decodedBytes: 0,
    validatesCharacters,
    write(piece: string) {
      const text = carried + piece;
      const usable = text.length - (text.length % 4);
      carried = text.slice(usable);
      sink.decodedBytes += Buffer.from(text.slice(0, usable), 'base64').length;
    },
  };
  return sink;
}

function benchmarkLargeEnvelope(): void {
  const payloadBytes = Buffer.alloc(75 * 1024 * 1024);
  for (let i = 0; i < payloadBytes.length; i++) payloadBytes[i] = (i * 2654435761) >>> 24;
  const payload = payloadBytes.toString('base64');
  const start = text.indexOf('UEsDBBQ');
  const end = text.indexOf('</edXML:ContentTransferEncoded>');
  const envelope = new TextEncoder().encode(text.slice(0, start) + payload + text.slice(end));
  const chunkBytes = 64 * 1024;

  const timeBest = (run: () => void): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const stream = (makeSink: () => XmlTextSink | undefined): void => {
    const parser = createXmlTreeParser({
      streamText: (element) => (element.localName === 'ContentTransferEncoded' ? makeSink() : undefined),
    });
    for (let offset = 0; offset < envelope.length; offset += chunkBytes) {
      parser.write(envelope.subarray(offset, offset + chunkBytes));
    }
    if (parser.end().problems.length > 0) throw new Error('the benchmark envelope should be well-formed');
  };

  const baseline = timeBest(() => {
    sink += Buffer.from(payload, 'base64').length;
  });
  const rows: [string, number][] = [
    ['Buffer.from(payload, "base64") (baseline)', baseline],
    [
      'scan only, sink validates characters',
      timeBest(() => stream(() => ({ validatesCharacters: true, write: () => {} }))),
    ],
    ['scan only, scanner checks characters', timeBest(() => stream(() => ({ write: () => {} })))],
    ['scan + base64 decode, sink validates characters', timeBest(() => stream(() => base64DecodingSink(true)))],
    ['scan + base64 decode, scanner checks characters', timeBest(() => stream(() => base64DecodingSink(false)))],
  ];
  console.log(`envelope: ${(envelope.length / 1048576).toFixed(1)} MiB in 64 KiB chunks, node ${process.version}`);
  for (const [name, milliseconds] of rows) {
    const throughput = envelope.length / 1048576 / (milliseconds / 1000);
    console.log(
      `${name.padEnd(50)} ${milliseconds.toFixed(1).padStart(7)} ms  ${throughput.toFixed(0).padStart(5)} MiB/s  ${((100 * baseline) / milliseconds).toFixed(0)}% of baseline speed`,
    );
  }
}

const contender = process.argv[2];
if (contender === 'large') {
  benchmarkLargeEnvelope();
} else if (contender !== undefined) {
  const run = contenders[contender];
  if (run === undefined) throw new Error(`unknown contender ${contender}`);
  for (let i = 0; i < 500; i++) run();
  console.log(JSON.stringify({ opsPerSecond: opsPerSecond(run), sink }));
} else {
  const results = Object.keys(contenders).map((name) => {
    const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
      encoding: 'utf8',
    });
    return { name, opsPerSecond: (JSON.parse(output) as { opsPerSecond: number }).opsPerSecond };
  });
  const fastXmlParser = results[0]!.opsPerSecond;
  const saxes = results[2]!.opsPerSecond;
  console.log(`input: ${CORPUS_FILE.pathname.split('/').pop()} (${bytes.length} bytes), node ${process.version}`);
  for (const { name, opsPerSecond: ops } of results) {
    console.log(
      `${name.padEnd(60)} ${ops.toFixed(0).padStart(7)} docs/s   ×${(ops / fastXmlParser).toFixed(2)} fast-xml-parser   ×${(ops / saxes).toFixed(2)} saxes`,
    );
  }
}
