/**
 * The covered bytes hashed in place, with the common prefix of the signatures hashed once (./signed-digests),
 * against the straightforward way — each signature's bytes concatenated into a copy and hashed, or given to
 * verifyCms as content: the same digests in any order, and the same CMS outcome for every corpus vector and for
 * PDFs signed twice at test time, tampered where both signatures or only the later one cover the change.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, type TestPki } from '../../test/pki';
import { verifyCms } from '../cms';
import type { DigestName } from '../cms/algorithms';
import { cryptoBackend as nodeBackend } from '../crypto/node';
import { cryptoBackend as webBackend } from '../crypto/web';
import type { SignatureResult } from '../model/result';
import { createTrustStore, type TrustStore } from '../pkix';
import { PdfDocument } from './document';
import { verifyPdf } from './index';
import { checkByteRange, findSignatures, signedBytes } from './signatures';
import { SignedRangeDigests, type SignedRanges } from './signed-digests';
import {
  CORPUS_TIME,
  type CorpusName,
  corpus,
  embeddedCertificates,
  PdfBuilder,
  SIGNED_TWICE_TIME,
  type SignOptions,
} from './testkit';

const ALGORITHMS: readonly DigestName[] = ['sha1', 'sha256', 'sha384', 'sha512'];
const VECTORS: readonly { name: CorpusName; at: Date }[] = [
  { name: 'signed.pdf', at: CORPUS_TIME },
  { name: 'signed-twice.pdf', at: SIGNED_TWICE_TIME },
  { name: 'signed-tampered.pdf', at: CORPUS_TIME },
  { name: 'signed-appended.pdf', at: CORPUS_TIME },
  { name: 'incrementally_signed.pdf', at: CORPUS_TIME },
];

/** Each structurally sound signature of the file, in file order: its ranges and its CMS. */
function signaturesOf(pdf: Uint8Array): { ranges: SignedRanges; cms: Uint8Array }[] {
  const doc = new PdfDocument(pdf);
  const out: { ranges: SignedRanges; cms: Uint8Array; end: number }[] = [];
  for (const candidate of findSignatures(doc)) {
    const check = checkByteRange(doc, candidate);
    if (check.ok) out.push({ ranges: check.ranges, cms: check.cms, end: check.signedEnd });
  }
  return out.sort((x, y) => x.end - y.end);
}

const straightDigest = (algorithm: DigestName, pdf: Uint8Array, ranges: SignedRanges): Uint8Array =>
  new Uint8Array(createHash(algorithm).update(signedBytes(pdf, ranges)).digest());

/**
 * verifyPdf's result for each signature against verifyCms given that signature's covered bytes as a copy: the
 * CMS checks (the tail of the PDF checks), signer, chain, algorithms and — unless a later change was refused —
 * the indication agree.
 */
async function expectSameAsStraightforward(
  pdf: Uint8Array,
  options: { trust: TrustStore; at: Date; revocationPolicy: 'skip' },
): Promise<SignatureResult[]> {
  const result = await verifyPdf(pdf, options);
  const signatures = signaturesOf(pdf);
  expect(result.signatures).toHaveLength(signatures.length);
  for (const [index, { ranges, cms }] of signatures.entries()) {
    const reference = await verifyCms(cms, { ...options, content: signedBytes(pdf, ranges) });
    const expected = reference.signatures[0] as SignatureResult;
    const actual = result.signatures[index] as SignatureResult;
    expect(result.details[index]?.byteRange).toEqual([0, ranges[0][1], ranges[1][0], ranges[1][1]]);
    expect(actual.checks.slice(-expected.checks.length)).toEqual(expected.checks);
    expect(actual.signer).toEqual(expected.signer);
    expect(actual.chain).toEqual(expected.chain);
    expect(actual.algorithms).toEqual(expected.algorithms);
    expect(actual.legacy).toBe(expected.legacy);
    if (result.details[index]?.changesAfterSigning.every((change) => change.allowed))
      expect([actual.indication, actual.subIndication]).toEqual([expected.indication, expected.subIndication]);
  }
  return result.signatures;
}

describe('SignedRangeDigests', () => {
  // With node:crypto's Hash#copy, and with the browser build's WebCrypto backend (chunks kept, hashed whole).
  it('equals hashing each signature’s concatenated bytes, for every corpus vector, in file order and reversed', async () => {
    for (const backend of [nodeBackend, webBackend])
      for (const { name } of VECTORS) {
        const pdf = corpus(name);
        const signatures = signaturesOf(pdf);
        expect(signatures.length, name).toBeGreaterThan(0);
        for (const order of [signatures, [...signatures].reverse()]) {
          const digests = new SignedRangeDigests(pdf, backend);
          for (const { ranges } of order)
            for (const algorithm of ALGORITHMS)
              expect(await digests.digest(algorithm, ranges), `${backend.name} ${name} ${algorithm}`).toEqual(
                straightDigest(algorithm, pdf, ranges),
              );
        }
      }
  });

  it('equals the straightforward digest for arbitrary ranges asked in any order, repeated or not', async () => {
    const buf = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    let seed = 12345;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    const digests = new SignedRangeDigests(buf);
    for (let i = 0; i < 200; i++) {
      const a = 1 + next(buf.length - 2);
      const b = a + 1 + next(buf.length - a - 1);
      const c = next(buf.length - b + 1);
      const ranges: SignedRanges = [
        [0, a],
        [b, c],
      ];
      const algorithm = ALGORITHMS[next(ALGORITHMS.length)] as DigestName;
      expect(await digests.digest(algorithm, ranges), `[0 ${a} ${b} ${c}]`).toEqual(
        straightDigest(algorithm, buf, ranges),
      );
    }
  });
});

describe('verifyPdf with shared digests gives the straightforward result', () => {
  it('for every corpus vector (signed, signed-twice, tampered, appended, incrementally_signed)', async () => {
    const anchors = [
      ...embeddedCertificates(corpus('signed.pdf')),
      ...embeddedCertificates(corpus('signed-twice.pdf')),
    ];
    const trust = createTrustStore({ anchors });
    const outcomes = new Map<CorpusName, SignatureResult[]>();
    for (const { name, at } of VECTORS)
      outcomes.set(name, await expectSameAsStraightforward(corpus(name), { trust, at, revocationPolicy: 'skip' }));
    expect(outcomes.get('signed-twice.pdf')?.map((signature) => signature.indication)).toEqual([
      'TOTAL-PASSED',
      'TOTAL-PASSED',
    ]);
    // A precomputed digest that does not match the message-digest attribute is still a HASH_FAILURE.
    expect(outcomes.get('signed-tampered.pdf')?.[0]).toMatchObject({
      indication: 'TOTAL-FAILED',
      subIndication: 'HASH_FAILURE',
    });
    expect(
      outcomes.get('signed-tampered.pdf')?.[0]?.checks.find((check) => check.id === 'cms.message-digest')?.passed,
    ).toBe(false);
  });

  describe('PDFs signed twice at test time (test PKI)', () => {
    let pki: TestPki;
    let trust: TrustStore;
    let sign: SignOptions;
    let twice: Uint8Array;
    const options = () => ({ trust, at: TEST_PKI_AT, revocationPolicy: 'skip' as const });
    const flip = (pdf: Uint8Array, at: number): Uint8Array => {
      const copy = new Uint8Array(pdf);
      copy[at] = (copy[at] as number) ^ 0x01;
      return copy;
    };
    const offsetOf = (pdf: Uint8Array, text: string): number => Buffer.from(pdf).indexOf(text, 0, 'latin1');

    beforeAll(() => {
      pki = createTestPki();
      trust = createTrustStore({ anchors: [pki.root.pem] });
      sign = {
        key: readFileSync(pki.leaves.valid.keyPath, 'utf8'),
        certificate: pki.leaves.valid.pem,
        chain: [pki.intermediate.pem],
        signingTime: TEST_PKI_AT,
      };
      // A first revision of 256 KiB of image data, then a person's signature and a seal signature on top.
      twice = new PdfBuilder({ imageBytes: 256 * 1024 })
        .sign({ ...sign, fieldName: 'NguoiKy', docMdp: 2 })
        .sign({ ...sign, fieldName: 'DauCoQuan', subFilter: 'ETSI.CAdES.detached', reason: 'Dong dau co quan' })
        .bytes();
    }, 120_000);

    it('both signatures pass, as they do the straightforward way', async () => {
      const signatures = await expectSameAsStraightforward(twice, options());
      expect(signatures.map((signature) => signature.indication)).toEqual(['TOTAL-PASSED', 'TOTAL-PASSED']);
    });

    it('a byte changed in the shared first revision fails both signatures with HASH_FAILURE', async () => {
      const imageData = offsetOf(twice, '/Subtype /Image');
      expect(imageData).toBeGreaterThan(0);
      const signatures = await expectSameAsStraightforward(flip(twice, imageData + 4096), options());
      expect(signatures.map((signature) => [signature.indication, signature.subIndication])).toEqual([
        ['TOTAL-FAILED', 'HASH_FAILURE'],
        ['TOTAL-FAILED', 'HASH_FAILURE'],
      ]);
    });

    it('a byte changed only under the second signature fails that one alone', async () => {
      const reason = offsetOf(twice, '/Reason (Dong dau co quan)');
      const [first, second] = signaturesOf(twice);
      expect(reason).toBeGreaterThan((first as { ranges: SignedRanges }).ranges[1][0]);
      expect(reason).toBeGreaterThan((second as { ranges: SignedRanges }).ranges[1][0]);
      const signatures = await expectSameAsStraightforward(flip(twice, reason + 9), options());
      expect(signatures.map((signature) => [signature.indication, signature.subIndication])).toEqual([
        ['TOTAL-PASSED', null],
        ['TOTAL-FAILED', 'HASH_FAILURE'],
      ]);
    });

    it('a CMS without signed attributes is checked over the bytes themselves, as the straightforward way does', async () => {
      const noAttributes = (content: Uint8Array) =>
        new Uint8Array(
          pki.openssl(
            [
              ...['cms', '-sign', '-binary', '-noattr', '-md', 'sha256', '-outform', 'DER'],
              ...['-certfile', pki.intermediate.certificatePath],
              ...['-signer', pki.leaves.valid.certificatePath, '-inkey', pki.leaves.valid.keyPath],
            ],
            content,
          ),
        );
      const pdf = new PdfBuilder().sign({ ...sign, cms: noAttributes }).bytes();
      const [intact] = await expectSameAsStraightforward(pdf, options());
      // Refused by policy, yet its signature value was checked over the covered bytes.
      expect(intact).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
      expect(intact?.checks.find((check) => check.id === 'cms.signature')?.passed).toBe(true);
      const [tampered] = await expectSameAsStraightforward(flip(pdf, offsetOf(pdf, 'Cong hoa')), options());
      expect(tampered).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
    });
  });
});
