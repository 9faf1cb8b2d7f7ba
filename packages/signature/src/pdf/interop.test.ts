/**
 * Interoperability with poppler's pdfsig (an independent PDF signature implementation on NSS), both ways, on a
 * throw-away PKI made with openssl and an NSS database built at test time (nothing committed):
 * - pdfsig -add-signature signs a PDF we wrote → verifyPdf passes it (and a second pdfsig signature on top);
 * - PDFs signed by our test writer (adbe.pkcs7.detached, ETSI.CAdES.detached, compressed structure,
 *   certification) → pdfsig says "Signature is Valid." and "Certificate is Trusted.";
 * - on every file, pdfsig's verdict and "total document signed" agree with ours.
 * Without pdfsig/certutil/pk12util (Debian: poppler-utils, libnss3-tools) these tests are skipped with a
 * reason, except in CI where their absence fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpensslLab, opensslStatus } from '../cms/testkit';
import { createTrustStore, type TrustStore } from '../pkix';
import { type PdfVerification, verifyPdf } from './index';
import {
  CORPUS_TIME,
  type CorpusName,
  corpus,
  embeddedCertificates,
  FIXTURES,
  must,
  PdfBuilder,
  pdfsigReport,
  popplerStatus,
  run,
  SIGNED_TWICE_TIME,
  type SignOptions,
} from './testkit';

const poppler = popplerStatus();
const openssl = opensslStatus();
const available = poppler.available && openssl.available;
if (!available) console.warn(poppler.reason || openssl.reason);

/** Our verdict and pdfsig's agree: valid ⇔ TOTAL-PASSED or a pure modification finding, hash ⇔ digest mismatch. */
function expectAgreement(ours: PdfVerification, theirs: ReturnType<typeof pdfsigReport>): void {
  expect(theirs).toHaveLength(ours.signatures.length);
  ours.signatures.forEach((signature, i) => {
    const other = theirs[i];
    if (signature.indication === 'TOTAL-PASSED') expect(other?.validation).toBe('Signature is Valid.');
    if (signature.subIndication === 'HASH_FAILURE') expect(other?.validation).toBe('Digest Mismatch.');
    expect(other?.total).toBe(signature.coverage?.kind === 'whole-document');
  });
}

describe.skipIf(!available)(`PDF interop with ${poppler.version || 'pdfsig'}`, () => {
  let lab: OpensslLab;
  let nss: string;
  let trust: TrustStore;
  let sign: SignOptions;
  const options = () => ({ trust, revocationPolicy: 'skip' as const });

  beforeAll(() => {
    lab = new OpensslLab();
    const ca = lab.selfSigned('ca', 'rsa:2048', { ca: true, subject: '/C=VN/O=Lienthong Test/CN=PDF Interop CA' });
    const leaf = lab.issued('leaf', 'rsa:2048', 'ca');
    trust = createTrustStore({ anchors: [ca] });
    sign = { key: lab.text('leaf.key'), certificate: leaf, chain: [ca] };
    // The NSS database pdfsig signs and validates with: the leaf with its key, the CA trusted.
    nss = lab.path('nssdb');
    must('mkdir', ['-p', nss]);
    must('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    lab.must([
      'pkcs12',
      '-export',
      '-inkey',
      'leaf.key',
      '-in',
      'leaf.pem',
      '-certfile',
      'ca.pem',
      '-name',
      'signer',
      '-out',
      'leaf.p12',
      '-passout',
      'pass:',
    ]);
    must('pk12util', ['-i', lab.path('leaf.p12'), '-d', `sql:${nss}`, '-W', '']);
    must('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'interop-ca', '-t', 'CT,C,C', '-i', lab.path('ca.pem')]);
  }, 60_000);

  afterAll(() => lab?.dispose());

  function pdfsigSign(input: Uint8Array, name: string, extra: readonly string[] = []): Uint8Array {
    lab.write(`${name}.in.pdf`, input);
    const result = run('pdfsig', [
      '-add-signature',
      '-nssdir',
      `sql:${nss}`,
      '-nick',
      'signer',
      ...extra,
      lab.path(`${name}.in.pdf`),
      lab.path(`${name}.pdf`),
    ]);
    if (result.status !== 0) throw new Error(`pdfsig -add-signature failed (${result.status}): ${result.stderr}`);
    return lab.read(`${name}.pdf`);
  }

  function theirVerdict(pdf: Uint8Array, name: string) {
    lab.write(`${name}.check.pdf`, pdf);
    return pdfsigReport(lab.path(`${name}.check.pdf`), nss);
  }

  it('pdfsig -add-signature on a PDF we wrote → TOTAL-PASSED with that CA as anchor; pdfsig agrees', async () => {
    const signed = pdfsigSign(new PdfBuilder().bytes(), 'poppler-once', ['-reason', 'Phe duyet']);
    const ours = await verifyPdf(signed, options());
    expect(ours.indication).toBe('TOTAL-PASSED');
    expect(ours.signatures[0]?.coverage?.kind).toBe('whole-document');
    expect(ours.details[0]?.subFilter).toBe('adbe.pkcs7.detached');
    expect(ours.details[0]?.reason).toBe('Phe duyet');
    expect(ours.signatures[0]?.signer?.subject.text).toContain('CN=leaf');
    const theirs = theirVerdict(signed, 'poppler-once');
    expect(theirs[0]?.certificate).toBe('Certificate is Trusted.');
    expectAgreement(ours, theirs);
  });

  it('two pdfsig signatures on a compressed document: both pass, the first with an allowed later increment', async () => {
    const once = pdfsigSign(new PdfBuilder({ compressed: true }).bytes(), 'poppler-first');
    // (poppler 22.12 signs SHA-256 only with -add-signature.)
    const twice = pdfsigSign(once, 'poppler-second', ['-new-signature-field-name', 'DauCoQuan']);
    const ours = await verifyPdf(twice, options());
    expect(ours.indication).toBe('TOTAL-PASSED');
    expect(ours.signatures.map((s) => s.coverage?.kind)).toEqual(['partial-document', 'whole-document']);
    expect(ours.signatures[1]?.algorithms.digest).toBe('SHA-256');
    expect(ours.details[1]?.fieldName).toBe('DauCoQuan');
    const kinds = ours.details[0]?.changesAfterSigning.map((c) => c.kind) ?? [];
    expect(kinds).toContain('signature');
    expect(ours.details[0]?.changesAfterSigning.every((c) => c.allowed)).toBe(true);
    expectAgreement(ours, theirVerdict(twice, 'poppler-twice'));
  });

  it('a pdfsig-signed file changed afterwards: pdfsig and we both see it', async () => {
    const signed = pdfsigSign(new PdfBuilder().bytes(), 'poppler-tamper');
    const tampered = new Uint8Array(signed);
    const at = Buffer.from(signed).indexOf('Cong hoa', 0, 'latin1');
    tampered[at] = 0x44; // 'C' → 'D' inside the signed content stream
    const ours = await verifyPdf(tampered, options());
    expect(ours.subIndication).toBe('HASH_FAILURE');
    expectAgreement(ours, theirVerdict(tampered, 'poppler-tampered'));
  });

  it.each<[string, Partial<SignOptions>]>([
    ['adbe.pkcs7.detached', {}],
    ['ETSI.CAdES.detached', { subFilter: 'ETSI.CAdES.detached' }],
    ['certification P=2 then approval', { docMdp: 2 }],
  ])('our %s signature → pdfsig says valid and trusted', async (label, extra) => {
    const builder = new PdfBuilder().sign({ ...sign, ...extra });
    if (label.startsWith('certification'))
      builder.sign({ ...sign, subFilter: 'ETSI.CAdES.detached', fieldName: 'Seal' });
    const pdf = builder.bytes();
    const ours = await verifyPdf(pdf, options());
    expect(ours.indication).toBe('TOTAL-PASSED');
    const theirs = theirVerdict(pdf, `ours-${label.replace(/\W+/g, '-')}`);
    for (const signature of theirs) {
      expect(signature.validation).toBe('Signature is Valid.');
      expect(signature.certificate).toBe('Certificate is Trusted.');
    }
    if (extra.subFilter) expect(theirs[0]?.type).toBe('ETSI.CAdES.detached');
    expectAgreement(ours, theirs);
  });

  it('our signatures on a compressed document (object streams, xref streams) → pdfsig says valid', async () => {
    const pdf = new PdfBuilder({ compressed: true })
      .sign(sign)
      .sign({ ...sign, fieldName: 'Second' })
      .bytes();
    const ours = await verifyPdf(pdf, options());
    expect(ours.indication).toBe('TOTAL-PASSED');
    expectAgreement(ours, theirVerdict(pdf, 'ours-compressed'));
  });

  it.each([
    ['signed.pdf', CORPUS_TIME],
    ['signed-twice.pdf', SIGNED_TWICE_TIME],
    ['incrementally_signed.pdf', CORPUS_TIME],
    ['signed-tampered.pdf', CORPUS_TIME],
    ['signed-appended.pdf', CORPUS_TIME],
  ] as [CorpusName, Date][])('corpus %s: pdfsig agrees with us', async (name, at) => {
    const anchors = [
      ...embeddedCertificates(corpus('signed.pdf')),
      ...embeddedCertificates(corpus('signed-twice.pdf')),
    ];
    const ours = await verifyPdf(corpus(name), { trust: createTrustStore({ anchors }), at, revocationPolicy: 'skip' });
    const theirs = pdfsigReport(`${FIXTURES}${name}`);
    expectAgreement(ours, theirs);
    if (name === 'signed-appended.pdf') {
      // pdfsig: the CMS is valid and the document is "not total"; we add that the tail is not an allowed change.
      expect(theirs[0]?.validation).toBe('Signature is Valid.');
      expect(ours.indication).toBe('INDETERMINATE');
    }
  });

  it('pdfsig -add-signature -etsi: unsupported by poppler 22.12 (ETSI is covered the other way); if supported, it verifies', async () => {
    lab.write('etsi.in.pdf', new PdfBuilder().bytes());
    const args = ['-add-signature', '-etsi', '-nssdir', `sql:${nss}`, '-nick', 'signer'];
    const result = run('pdfsig', [...args, lab.path('etsi.in.pdf'), lab.path('etsi.pdf')]);
    if (result.status !== 0) {
      expect(`${result.stdout}${result.stderr}`).toContain('not supported');
      return;
    }
    const ours = await verifyPdf(lab.read('etsi.pdf'), options());
    expect(ours.indication).toBe('TOTAL-PASSED');
    expect(ours.details[0]?.subFilter).toBe('ETSI.CAdES.detached');
  });
});
