/**
 * Benchmark (not a test): verifyPdf on a ~20 MB PDF with two incremental signatures (a large image stream in
 * the original revision, then a person's signature and a seal signature) against SHA-256 of the same file with
 * node:crypto — the floor of any verifier that reads the file once — in the same process, in interleaved
 * rounds (the order rotates each round). Reports each side's median time and the ratio
 * sha256 time / verifyPdf time (throughput of verifyPdf relative to one SHA-256 pass). Target: ≥ 0.5.
 * For context it also times hashing each signature's covered bytes separately (two passes over the big first
 * revision); verifyPdf instead hashes the ranges in place and the prefix the signatures share once
 * (src/pdf/signed-digests.ts), and hands verifyCms the digest — about one SHA-256 pass over the file, plus the
 * parsing and two native byte scans (%%EOF markers, /ByteRange).
 *
 * Run: cd packages/signature && npx tsx bench/pdf.ts [--mb 20] [--rounds 15]
 *
 * Keys and certificates (root → leaf, RSA-2048) are made with the openssl CLI in a temporary directory.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { OpensslLab } from '../src/cms/testkit';
import { verifyPdf } from '../src/pdf/index';
import { PdfBuilder } from '../src/pdf/testkit';
import { createTrustStore } from '../src/pkix';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MB = argument('mb', 20);
const ROUNDS = argument('rounds', 15);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const lab = new OpensslLab();
try {
  const root = lab.selfSigned('root', 'rsa:2048', { ca: true, subject: '/C=VN/O=Bench/CN=Bench Root' });
  const leaf = lab.issued('leaf', 'rsa:2048', 'root');
  const sign = { key: lab.text('leaf.key'), certificate: leaf, chain: [root] };
  const started = performance.now();
  const pdf = new PdfBuilder({ imageBytes: MB * 1024 * 1024 })
    .sign({ ...sign, fieldName: 'NguoiKy', docMdp: 2 })
    .sign({ ...sign, fieldName: 'DauCoQuan', subFilter: 'ETSI.CAdES.detached' })
    .bytes();
  const trust = createTrustStore({ anchors: [root] });
  const first = await verifyPdf(pdf, { trust, revocationPolicy: 'skip' });
  const byteRanges = first.details.map((detail) => detail.byteRange as [number, number, number, number]);
  console.log(
    `Node ${process.version}; PDF of ${(pdf.length / 1024 / 1024).toFixed(1)} MiB, 3 revisions, 2 signatures (built in ${(performance.now() - started).toFixed(0)} ms); ${ROUNDS} interleaved rounds`,
  );

  const contenders = [
    {
      name: 'verifyPdf',
      run: async () => {
        const result = await verifyPdf(pdf, { trust, revocationPolicy: 'skip' });
        if (result.indication !== 'TOTAL-PASSED' || result.signatures.length !== 2)
          throw new Error(`verifyPdf did not pass the benchmark PDF: ${result.message.en}`);
      },
    },
    {
      name: 'sha256(file)',
      run: async () => {
        createHash('sha256').update(pdf).digest();
      },
    },
    {
      // For context: hashing each signature's covered bytes separately, as a verifier without a shared prefix does.
      name: 'sha256 per signature',
      run: async () => {
        for (const [, a, b, c] of byteRanges) {
          createHash('sha256')
            .update(pdf.subarray(0, a))
            .update(pdf.subarray(b, b + c))
            .digest();
        }
      },
    },
  ];
  for (const contender of contenders) for (let i = 0; i < 3; i++) await contender.run(); // warm-up + sanity
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const t0 = performance.now();
      await contender.run();
      samples.get(contender.name)?.push(performance.now() - t0);
    }
  }
  const verify = median(samples.get('verifyPdf') ?? []);
  const sha = median(samples.get('sha256(file)') ?? []);
  const perSignature = median(samples.get('sha256 per signature') ?? []);
  const mbps = (ms: number) => (pdf.length / 1024 / 1024 / (ms / 1000)).toFixed(0);
  console.log(`  verifyPdf              ${verify.toFixed(1).padStart(8)} ms  (${mbps(verify)} MiB/s)`);
  console.log(`  sha256(file)           ${sha.toFixed(1).padStart(8)} ms  (${mbps(sha)} MiB/s)`);
  console.log(
    `  sha256 per signature   ${perSignature.toFixed(1).padStart(8)} ms  (each signature's bytes hashed separately, ${byteRanges.length} passes)`,
  );
  const ratio = sha / verify;
  console.log(
    `  ratio sha256 time / verifyPdf time: ${ratio.toFixed(2)}  (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
  );
  process.exitCode = ratio >= 0.5 ? 0 : 1;
} finally {
  lab.dispose();
}
