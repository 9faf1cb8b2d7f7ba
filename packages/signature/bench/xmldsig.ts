/**
 * Benchmark (not a test): full XMLDSig verification of a ~10 KB signed edXML envelope by verifyXmlSignature —
 * intake (size cap, no DOCTYPE, strict parse, unique IDs), signature structure and algorithm policy, the signer's
 * path to the trust anchor with revocation from a CRL, xml-crypto, and the edXML message re-read from the signed
 * bytes — against bare xml-crypto on the same document (DOM parse, `loadSignature`, `checkSignature` with the
 * certificate pinned, `getSignedReferences()`), in the same process, in interleaved rounds (the order rotates each
 * round). Reports each side's median verifications per second and the ratio. Target: ≥ 0.8× bare xml-crypto.
 *
 * Run: cd packages/signature && npx tsx bench/xmldsig.ts [--rounds 21] [--batch-ms 150]
 *
 * Needs the openssl CLI: keys and certificates are made in a temporary directory at start-up and removed at exit.
 */
import { performance } from 'node:perf_hooks';
import { createDocument, serializeEdxml } from '@lienthong/edxml';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { createTrustStore, type TrustStore } from '../src/pkix';
import { signEdxml } from '../src/xmldsig/sign';
import { TestPki } from '../src/xmldsig/test-support';
import { type VerifyXmlSignatureOptions, verifyXmlSignature } from '../src/xmldsig/verify';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROUNDS = argument('rounds', 21);
const BATCH_MS = argument('batch-ms', 150);
const DS = 'http://www.w3.org/2000/09/xmldsig#';

interface Scenario {
  readonly name: string;
  readonly xml: string;
  /** The signer certificate, pinned for bare xml-crypto. */
  readonly signerPem: string;
  readonly options: VerifyXmlSignatureOptions;
}

function envelope(): string {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4200, 0x41), Buffer.from('\n%%EOF\n')]);
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [
        { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
        { organId: '000.00.01.H26', organName: 'UBND Thành phố Hà Nội' },
      ],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2025/01/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình triển khai chữ ký số chuyên dùng công vụ trong cơ quan nhà nước',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: '12-UBND-TH.pdf', data: pdf }],
    }),
  );
}

const pki = new TestPki();
process.on('exit', () => pki.dispose());

const root = pki.rootCa('bench-root');
const leaf = pki.issue(root, 'bench-leaf');
const selfSigned = pki.selfSigned('bench-self');
const unsigned = envelope();
const chainTrust: TrustStore = createTrustStore({ anchors: [root.certificate] });
const at = new Date(Date.now() + 60_000);
const crl = pki.crl(root);

const scenarios: Scenario[] = [
  {
    name: 'leaf under a root CA, revocation from a CRL',
    xml: signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate }),
    signerPem: leaf.certificate,
    options: { trust: chainTrust, at, revocation: { crls: [crl] } },
  },
  {
    name: 'leaf under a root CA, revocation skipped',
    xml: signEdxml(unsigned, { key: leaf.key, certificate: leaf.certificate }),
    signerPem: leaf.certificate,
    options: { trust: chainTrust, at, revocationPolicy: 'skip' },
  },
  {
    name: 'self-signed signer as the anchor',
    xml: signEdxml(unsigned, { key: selfSigned.key, certificate: selfSigned.certificate }),
    signerPem: selfSigned.certificate,
    options: { trust: createTrustStore({ anchors: [selfSigned.certificate] }), at, revocationPolicy: 'skip' },
  },
];

function bare(xml: string, signerPem: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DS, 'Signature')[0];
  const signed = new SignedXml({ publicCert: signerPem });
  signed.loadSignature(signature as never);
  const valid = signed.checkSignature(xml);
  return valid && signed.getSignedReferences().length === 1;
}

async function ours(scenario: Scenario): Promise<boolean> {
  const result = await verifyXmlSignature(scenario.xml, scenario.options);
  return result.indication === 'TOTAL-PASSED' && result.signedMessage !== undefined;
}

async function batch(run: () => boolean | Promise<boolean>): Promise<number> {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < BATCH_MS) {
    if (!(await run())) throw new Error('verification failed during the benchmark');
    count++;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

console.log(`Node ${process.version}; ${ROUNDS} rounds of ${BATCH_MS} ms per side, interleaved.\n`);
for (const scenario of scenarios) {
  // Sanity and warm-up.
  if (!(await ours(scenario)) || !bare(scenario.xml, scenario.signerPem))
    throw new Error(`${scenario.name}: not valid`);
  for (let i = 0; i < 50; i++) {
    await ours(scenario);
    bare(scenario.xml, scenario.signerPem);
  }
  const oursRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sides = [
      async () => oursRates.push(await batch(() => ours(scenario))),
      async () => bareRates.push(await batch(() => bare(scenario.xml, scenario.signerPem))),
    ];
    if (round % 2) sides.reverse();
    for (const side of sides) await side();
  }
  const o = median(oursRates);
  const b = median(bareRates);
  // Paired ratios cancel the machine's drift between rounds better than a ratio of medians.
  const ratio = median(oursRates.map((rate, i) => rate / (bareRates[i] as number)));
  console.log(`${scenario.name} (${(Buffer.byteLength(scenario.xml) / 1024).toFixed(1)} KB)`);
  console.log(`  verifyXmlSignature (full)       ${o.toFixed(0).padStart(6)} /s`);
  console.log(`  bare xml-crypto checkSignature  ${b.toFixed(0).padStart(6)} /s`);
  console.log(`  ratio (median of paired rounds) ${ratio.toFixed(2)}×  (target ≥ 0.80×)\n`);
}
