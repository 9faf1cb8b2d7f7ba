/**
 * Benchmark (not a test): verification of a ~50 MB signed edXML envelope — enveloped XMLDSig, Reference URI=""
 * with enveloped-signature + exc-c14n, RSA-SHA256, signed by signEdxml; almost all of it is one base64 attachment —
 * by verifyXmlSignature (full policy: intake, structure, the signer's path to the root, the digest over the whole
 * document), against SHA-256 of the same file with node:crypto (the floor of any verifier that reads the file
 * once) and bare xml-crypto (DOM parse, `loadSignature`, `checkSignature` with the certificate pinned), in the
 * same process, in interleaved rounds (the order rotates each round; the heap is collected before each timed
 * run). Reports each side's median time and throughput, and the ratios. Targets: ≥ 25% of SHA-256's throughput; peak RSS ≤ 4× the file.
 *
 * Peak RSS is measured in child processes, one per contestant, so none pollutes another's: each reads the file
 * from disk, runs once, and reports `process.resourceUsage().maxRSS`, with the same figure before reading the
 * file (Node, tsx and the modules) for reference. `ours+bytes` and `ours+message` also read the lazy
 * `signedBytes` / `signedMessage` of the result, to show what a caller pays for asking for them.
 *
 * Run: cd packages/signature && npx tsx bench/xmldsig-large.ts [--mb 50] [--rounds 7]
 *
 * Needs the openssl CLI: a root CA and a leaf (RSA-2048) are made in a temporary directory, removed at exit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDocument, serializeEdxml } from '@lienthong/edxml';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { OpensslLab } from '../src/cms/testkit';
import { createTrustStore } from '../src/pkix';
import { signEdxml } from '../src/xmldsig/sign';
import { verifyXmlSignature } from '../src/xmldsig/verify';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

const megabytes = (bytes: number) => bytes / (1024 * 1024);

function bare(xml: string, signerPem: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DS, 'Signature')[0];
  const signed = new SignedXml({ publicCert: signerPem });
  signed.loadSignature(signature as never);
  return signed.checkSignature(xml) && signed.getSignedReferences().length === 1;
}

type ChildMode = 'ours' | 'ours+bytes' | 'ours+message' | 'bare';

interface ChildReport {
  readonly mode: ChildMode;
  readonly ok: boolean;
  readonly ms: number;
  /** Peak RSS before reading the file, and at the end, in bytes. */
  readonly baselineRss: number;
  readonly peakRss: number;
}

/** In a child process: read the file, verify once, report peak RSS. */
async function child(mode: ChildMode, file: string, rootPem: string, leafPem: string, at: Date): Promise<void> {
  const trust = createTrustStore({ anchors: [rootPem] });
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const bytes = readFileSync(file);
  const start = performance.now();
  let ok: boolean;
  if (mode === 'bare') ok = bare(bytes.toString('utf8'), leafPem);
  else {
    const result = await verifyXmlSignature(bytes, { trust, at, revocationPolicy: 'skip' });
    ok = result.indication === 'TOTAL-PASSED';
    if (mode === 'ours+bytes') ok &&= (result.signedBytes?.byteLength ?? 0) > bytes.byteLength * 0.9;
    if (mode === 'ours+message') ok &&= result.signedMessage !== undefined;
  }
  const ms = performance.now() - start;
  const report: ChildReport = { mode, ok, ms, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(report));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function pdfOf(size: number): Buffer {
  const pdf = Buffer.alloc(size);
  pdf.write('%PDF-1.7\n');
  // Incompressible-looking content; the verifier does not care, but it keeps the base64 realistic.
  for (let i = 9; i < size - 8; i++) pdf[i] = (i * 2654435761) >>> 24;
  pdf.write('\n%%EOF\n', size - 7);
  return pdf;
}

async function parent(): Promise<void> {
  const MB = argument('mb', 50);
  const ROUNDS = argument('rounds', 7);
  const lab = new OpensslLab();
  process.on('exit', () => lab.dispose());
  const rootPem = lab.selfSigned('root', 'rsa:2048', { ca: true, subject: '/C=VN/O=Lienthong Test/CN=Bench Root' });
  const leafPem = lab.issued('leaf', 'rsa:2048', 'root');
  const at = new Date(Date.now() + 60_000);
  const trust = createTrustStore({ anchors: [rootPem] });

  // An envelope of about MB megabytes: the PDF's base64 is 4/3 of it.
  const started = performance.now();
  const unsigned = serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình triển khai chữ ký số chuyên dùng công vụ trong cơ quan nhà nước',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: '12-UBND-TH.pdf', data: pdfOf(Math.round(MB * 1024 * 1024 * 0.75)) }],
    }),
  );
  const signed = signEdxml(unsigned, { key: lab.text('leaf.key'), certificate: leafPem });
  const bytes = Buffer.from(signed, 'utf8');
  const file = lab.write('signed.edxml', bytes);
  writeFileSync(lab.path('root.pem'), rootPem);
  console.log(
    `Node ${process.version}; a ${megabytes(bytes.byteLength).toFixed(1)} MB signed edXML envelope (built and signed by signEdxml in ${((performance.now() - started) / 1000).toFixed(1)} s); ${ROUNDS} interleaved rounds.\n`,
  );

  const ours = async () => {
    const result = await verifyXmlSignature(bytes, { trust, at, revocationPolicy: 'skip' });
    if (result.indication !== 'TOTAL-PASSED') throw new Error(`not passed: ${result.message.en}`);
  };
  const sha256 = async () => {
    createHash('sha256').update(bytes).digest();
  };
  // xml-crypto takes a string: decoded once here, outside its timing.
  const text = bytes.toString('utf8');
  const bareXmlCrypto = async () => {
    if (!bare(text, leafPem)) throw new Error('bare xml-crypto: not valid');
  };
  const contestants = [
    { name: 'verifyXmlSignature (full policy)', run: ours, times: [] as number[] },
    { name: 'sha256 of the file (node:crypto)', run: sha256, times: [] as number[] },
    { name: 'bare xml-crypto checkSignature', run: bareXmlCrypto, times: [] as number[] },
  ];
  // Each timed run starts on a collected heap, so none pays for another's garbage (xml-crypto leaves hundreds of MB).
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  for (const contestant of contestants) await contestant.run(); // warm-up and sanity
  for (let round = 0; round < ROUNDS; round++)
    for (let k = 0; k < contestants.length; k++) {
      const contestant = contestants[(round + k) % contestants.length] as (typeof contestants)[number];
      collect();
      const start = performance.now();
      await contestant.run();
      contestant.times.push(performance.now() - start);
    }

  const size = megabytes(bytes.byteLength);
  const [oursTime, shaTime, bareTime] = contestants.map((contestant) => median(contestant.times)) as [
    number,
    number,
    number,
  ];
  for (const contestant of contestants) {
    const ms = median(contestant.times);
    console.log(
      `  ${contestant.name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${((size * 1000) / ms).toFixed(0).padStart(6)} MB/s`,
    );
  }
  console.log(`\n  throughput vs sha256          ${((shaTime / oursTime) * 100).toFixed(0)}%  (target ≥ 25%)`);
  console.log(`  speed-up vs bare xml-crypto   ${(bareTime / oursTime).toFixed(1)}×\n`);

  console.log('Peak RSS, one child process each (Node + tsx + modules first, then the file read and verified):');
  for (const mode of ['ours', 'ours+bytes', 'ours+message', 'bare'] as const) {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        mode,
        file,
        lab.path('root.pem'),
        lab.path('leaf.pem'),
        at.toISOString(),
      ],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const report = JSON.parse(run.stdout || 'null') as ChildReport | null;
    if (report === null || !report.ok) throw new Error(`child ${mode} failed: ${run.stderr}`);
    console.log(
      `  ${mode.padEnd(13)} peak ${megabytes(report.peakRss).toFixed(0).padStart(5)} MB = ${(report.peakRss / bytes.byteLength).toFixed(2)}× the file` +
        `  (before reading the file: ${megabytes(report.baselineRss).toFixed(0)} MB; one run ${report.ms.toFixed(0)} ms)`,
    );
  }
  console.log('\n  target for `ours`: peak RSS ≤ 4× the file');
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const [mode, file, rootFile, leafFile, at] = process.argv.slice(childIndex + 1) as [
    ChildMode,
    string,
    string,
    string,
    string,
  ];
  await child(mode, file, readFileSync(rootFile, 'utf8'), readFileSync(leafFile, 'utf8'), new Date(at));
} else await parent();
