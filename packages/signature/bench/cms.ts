/**
 * Benchmark (not a test): full detached CMS verification — parse, content digest, signature, certification path
 * to a trust anchor, no revocation — by verifyCms against pkijs 4 `SignedData.verify({ checkChain: true })` on
 * the same CMS, in the same process, in interleaved rounds (the order rotates each round), reporting each side's
 * median verifications per second and the ratio. Target: verifyCms ≥ 10× pkijs.
 *
 * verifyCms memoises parsed certificates by their DER (signers and intermediates recur from one document to the
 * next); "verifyCms (cold)" clears that memo before each call, so every certificate is parsed anew — the figure
 * for a CMS whose certificates were never seen before. pkijs keeps no such state between calls.
 *
 * Run: cd packages/signature && npx tsx bench/cms.ts [--rounds 15] [--batch-ms 200]
 *
 * Inputs: the corpus detached signature (test/fixtures/cms: RSA-2048, SHA-256, self-signed signer as the trust
 * anchor) and, when the openssl CLI is present, a CMS signed by a leaf under an intermediate and a root (two-link
 * path), made in a temporary directory at start-up.
 */
import { spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifyCms } from '../src/cms/index';
import { clearCertificateMemo } from '../src/cms/verify';
import { createTrustStore } from '../src/pkix';

pkijs.setEngine(
  'node',
  new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.ICryptoEngine['crypto'] }),
);

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROUNDS = argument('rounds', 15);
const BATCH_MS = argument('batch-ms', 200);

interface Scenario {
  readonly name: string;
  readonly cms: Uint8Array;
  readonly content: Uint8Array;
  readonly anchorPem: string;
  readonly at: Date;
}

const fixtures = fileURLToPath(new URL('../test/fixtures/cms/', import.meta.url));
const scenarios: Scenario[] = [
  {
    name: 'corpus detached.p7s (1.7 KB, RSA-2048, self-signed anchor)',
    cms: new Uint8Array(readFileSync(join(fixtures, 'detached.p7s'))),
    content: new Uint8Array(readFileSync(join(fixtures, 'content.txt'))),
    anchorPem: readFileSync(join(fixtures, 'test-signer-selfsigned.pem'), 'utf8'),
    at: new Date('2027-01-15T00:00:00Z'),
  },
];

let cleanup = (): void => {};
if (spawnSync('openssl', ['version']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-cms-bench-'));
  cleanup = () => rmSync(dir, { recursive: true, force: true });
  const run = (...args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir });
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  };
  const ext = (ca: boolean) =>
    ca
      ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
      : 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid';
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '30',
    '-subj',
    '/C=VN/O=Bench/CN=Bench Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ); // prettier-ignore
  for (const [name, issuer, ca] of [
    ['inter', 'root', true],
    ['leaf', 'inter', false],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), `${ext(ca)}\n`);
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/C=VN/O=Bench/CN=Bench ${name}`,
    ); // prettier-ignore
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-CAcreateserial',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ); // prettier-ignore
  }
  const content = new Uint8Array(8192).map((_, i) => (i * 31) & 0xff);
  writeFileSync(join(dir, 'content.bin'), content);
  run(
    'cms',
    '-sign',
    '-binary',
    '-in',
    'content.bin',
    '-signer',
    'leaf.pem',
    '-inkey',
    'leaf.key',
    '-certfile',
    'inter.pem',
    '-md',
    'sha256',
    '-outform',
    'DER',
    '-out',
    'leaf.p7s',
  ); // prettier-ignore
  scenarios.push({
    name: 'openssl detached, 8 KB content, leaf → intermediate → root (RSA-2048)',
    cms: new Uint8Array(readFileSync(join(dir, 'leaf.p7s'))),
    content,
    anchorPem: readFileSync(join(dir, 'root.pem'), 'utf8'),
    at: new Date(),
  });
} else console.log('openssl not found: only the corpus scenario is measured');

function pkijsCertificate(pem: string): pkijs.Certificate {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
  return pkijs.Certificate.fromBER(der);
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

type Contender = { name: string; run: () => Promise<boolean> };

function contenders(scenario: Scenario): Contender[] {
  const trust = createTrustStore({ anchors: [scenario.anchorPem] });
  const anchor = pkijsCertificate(scenario.anchorPem);
  const cmsBuffer = arrayBuffer(scenario.cms);
  const contentBuffer = arrayBuffer(scenario.content);
  return [
    {
      name: 'verifyCms',
      run: async () => {
        const result = await verifyCms(scenario.cms, {
          trust,
          content: scenario.content,
          at: scenario.at,
          revocationPolicy: 'skip',
        });
        return result.indication === 'TOTAL-PASSED';
      },
    },
    {
      // Every certificate parsed anew (node:crypto X509Certificate included): a CMS from signers never seen before.
      name: 'verifyCms (cold)',
      run: async () => {
        clearCertificateMemo();
        const result = await verifyCms(scenario.cms, {
          trust,
          content: scenario.content,
          at: scenario.at,
          revocationPolicy: 'skip',
        });
        return result.indication === 'TOTAL-PASSED';
      },
    },
    {
      name: 'pkijs SignedData.verify',
      run: async () => {
        const asn1 = asn1js.fromBER(cmsBuffer);
        const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
        const signedData = new pkijs.SignedData({ schema: contentInfo.content });
        return signedData.verify({
          signer: 0,
          data: contentBuffer,
          checkChain: true,
          trustedCerts: [anchor],
          checkDate: scenario.at,
        });
      },
    },
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function batch(contender: Contender, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    if (!(await contender.run())) throw new Error(`${contender.name} did not verify the benchmark CMS`);
    count++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (count * 1000) / elapsed;
}

async function measure(scenario: Scenario): Promise<number> {
  const list = contenders(scenario);
  for (const contender of list) await batch(contender, 500); // warm-up, and a sanity check: each one verifies
  const samples = new Map(list.map((contender) => [contender.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...list.slice(round % list.length), ...list.slice(0, round % list.length)];
    for (const contender of order) samples.get(contender.name)?.push(await batch(contender, BATCH_MS));
  }
  const [ours, cold, theirs] = list.map((contender) => median(samples.get(contender.name) ?? [])) as [
    number,
    number,
    number,
  ];
  const ratio = ours / theirs;
  console.log(`\n${scenario.name}`);
  for (const contender of list) {
    const values = samples.get(contender.name) ?? [];
    const mid = median(values);
    const spread = (Math.max(...values) - Math.min(...values)) / mid;
    console.log(
      `  ${contender.name.padEnd(26)} ${mid.toFixed(0).padStart(7)} verifications/s  (spread ${(spread * 100).toFixed(0)}%)`,
    );
  }
  console.log(`  ratio verifyCms / pkijs: ${ratio.toFixed(1)}×  (target ≥ 10×) ${ratio >= 10 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`  ratio verifyCms (cold) / pkijs: ${(cold / theirs).toFixed(1)}×`);
  return ratio;
}

try {
  console.log(`Node ${process.version}, ${ROUNDS} interleaved rounds of ${BATCH_MS} ms per contender`);
  const ratios: number[] = [];
  for (const scenario of scenarios) ratios.push(await measure(scenario));
  process.exitCode = ratios.every((ratio) => ratio >= 10) ? 0 : 1;
} finally {
  cleanup();
}
