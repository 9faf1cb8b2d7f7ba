/**
 * verifyPdf on the node-signpdf corpus (expected outcomes from shared/corpus/signatures/SOURCES.md) and on
 * PDFs written and signed at test time with the test PKI: one and several signatures, certification
 * signatures (DocMDP), compressed structure (object and xref streams), SubFilters, allowed and forbidden
 * changes after signing, arguments.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, type TestPki } from '../../test/pki';
import { OpensslLab } from '../cms/testkit';
import { SignatureError } from '../errors';
import { SignatureResultSchema } from '../model/result';
import { createTrustStore, type TrustStore } from '../pkix';
import { TsaLab } from '../timestamp/testkit';
import { DEFAULT_MAX_PDF_BYTES, verifyPdf } from './index';
import {
  CORPUS_TIME,
  corpus,
  embeddedCertificates,
  PdfBuilder,
  SIGNED_TWICE_TIME,
  type SignOptions,
  streamBody,
} from './testkit';

let corpusTrust: TrustStore;

beforeAll(() => {
  // The signers' self-signed certificates, extracted from the CMS inside the corpus PDFs, configured as anchors.
  const anchors = [...embeddedCertificates(corpus('signed.pdf')), ...embeddedCertificates(corpus('signed-twice.pdf'))];
  corpusTrust = createTrustStore({ anchors });
});

const corpusOptions = (at = CORPUS_TIME) => ({ trust: corpusTrust, at, revocationPolicy: 'skip' as const });

describe('node-signpdf corpus', () => {
  it('extracts the self-signed signer certificate CN=signpdf, C=BG from the CMS', () => {
    const [certificate] = embeddedCertificates(corpus('signed.pdf'));
    expect(certificate).toBeDefined();
    expect(corpusTrust.anchors.some((anchor) => anchor.info.subject.text.includes('CN=signpdf'))).toBe(true);
    expect(corpusTrust.anchors.some((anchor) => anchor.info.subject.text.includes('C=BG'))).toBe(true);
  });

  it('signed.pdf: one signature over the whole file, TOTAL-PASSED', async () => {
    const result = await verifyPdf(corpus('signed.pdf'), corpusOptions());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.subIndication).toBeNull();
    expect(result.revisions).toBe(1);
    expect(result.signatures).toHaveLength(1);
    const [signature] = result.signatures;
    expect(signature?.format).toBe('pdf');
    expect(signature?.indication).toBe('TOTAL-PASSED');
    expect(signature?.coverage).toMatchObject({ kind: 'whole-document', unsignedTrailingBytes: 0 });
    expect(signature?.coverage?.description).toContain('0–153 and 3379–4654 of 4654');
    expect(signature?.signer?.subject.text).toContain('CN=signpdf');
    expect(signature?.algorithms.digest).toBe('SHA-256');
    expect(signature?.signingTime.claimed).toBe('2019-05-21T10:58:45.000Z');
    expect(result.details[0]).toMatchObject({
      kind: 'signature',
      fieldName: 'Signature1',
      subFilter: 'adbe.pkcs7.detached',
      byteRange: [0, 153, 3379, 1275],
      revision: 1,
      reason: 'I am the author',
      claimedTime: 'D:20190521105845Z',
      docMdp: null,
    });
    for (const s of result.signatures) expect(SignatureResultSchema.parse(s)).toEqual(s);
  });

  it('signed-twice.pdf: both signatures verify; the first is partial with an allowed later increment', async () => {
    const result = await verifyPdf(corpus('signed-twice.pdf'), corpusOptions(SIGNED_TWICE_TIME));
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.revisions).toBe(3);
    const [first, second] = result.signatures;
    expect(result.signatures).toHaveLength(2);
    expect(first?.indication).toBe('TOTAL-PASSED');
    expect(first?.coverage).toMatchObject({ kind: 'partial-document', unsignedTrailingBytes: 6045 });
    expect(first?.message.en).toContain('Modified after signing, with allowed changes only');
    expect(first?.message.en).toContain('a further signature');
    const changes = result.details[0]?.changesAfterSigning ?? [];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.allowed)).toBe(true);
    expect(changes.map((change) => change.kind)).toContain('signature');
    expect(result.details[0]?.revision).toBe(2);
    expect(second?.indication).toBe('TOTAL-PASSED');
    expect(second?.coverage).toMatchObject({ kind: 'whole-document', unsignedTrailingBytes: 0 });
    expect(second?.signer?.subject.text).toContain('CN=SignPdf');
    expect(result.details.map((d) => d.fieldName)).toEqual(['Signature1', 'Signature2']);
  });

  it('incrementally_signed.pdf: a signature on an incremental update, TOTAL-PASSED', async () => {
    const result = await verifyPdf(corpus('incrementally_signed.pdf'), corpusOptions());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.revisions).toBe(2);
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]?.coverage).toMatchObject({ kind: 'whole-document', unsignedTrailingBytes: 0 });
    expect(result.details[0]?.revision).toBe(2);
  });

  it('signed-tampered.pdf: TOTAL-FAILED / HASH_FAILURE', async () => {
    const result = await verifyPdf(corpus('signed-tampered.pdf'), corpusOptions());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('HASH_FAILURE');
    expect(result.signatures[0]?.checks.find((c) => c.id === 'cms.message-digest')?.passed).toBe(false);
  });

  it('signed-appended.pdf: not TOTAL-PASSED, "modified after signing", 39 unsigned bytes', async () => {
    const result = await verifyPdf(corpus('signed-appended.pdf'), corpusOptions());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    const [signature] = result.signatures;
    expect(signature?.coverage).toMatchObject({ kind: 'partial-document', unsignedTrailingBytes: 39 });
    expect(signature?.message.en).toContain('modified after signing');
    expect(signature?.message.vi).toContain('thay đổi sau khi ký');
    // The CMS itself still verifies: the failure is the modification, not the signature.
    expect(signature?.checks.find((c) => c.id === 'cms.message-digest')?.passed).toBe(true);
    expect(signature?.checks.find((c) => c.id === 'cms.signature')?.passed).toBe(true);
    const change = result.details[0]?.changesAfterSigning[0];
    expect(change).toMatchObject({ kind: 'unlisted-object', num: 1, allowed: false });
  });

  it('corpus signers are not trusted without explicit anchors', async () => {
    const result = await verifyPdf(corpus('signed.pdf'), {
      trust: createTrustStore({ anchors: [] }),
      at: CORPUS_TIME,
      revocationPolicy: 'skip',
    });
    expect(result.indication).not.toBe('TOTAL-PASSED');
  });
});

describe('PDFs signed at test time', () => {
  let pki: TestPki;
  let trust: TrustStore;
  let sign: SignOptions;
  const options = () => ({ trust, at: TEST_PKI_AT, revocationPolicy: 'skip' as const });

  beforeAll(() => {
    pki = createTestPki();
    trust = createTrustStore({ anchors: [pki.root.pem] });
    sign = {
      key: readFileSync(pki.leaves.valid.keyPath, 'utf8'),
      certificate: pki.leaves.valid.pem,
      chain: [pki.intermediate.pem],
      signingTime: TEST_PKI_AT,
    };
  }, 120_000);

  it('one signature, with the intermediate embedded and CRLs required: TOTAL-PASSED', async () => {
    const pdf = new PdfBuilder().sign(sign).bytes();
    const result = await verifyPdf(pdf, {
      trust,
      at: TEST_PKI_AT,
      revocation: { crls: [pki.crls.root.der, pki.crls.intermediate.der] },
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.revisions).toBe(2);
    const chain = result.signatures[0]?.chain ?? [];
    expect(chain).toHaveLength(3);
    expect(chain[0]?.source).toBe('embedded');
    expect(chain[2]?.source).toBe('trust-anchor');
    expect(result.signatures[0]?.revocation.length).toBeGreaterThan(0);
  });

  it('the intermediate supplied by the caller instead of embedded', async () => {
    const pdf = new PdfBuilder().sign({ ...sign, chain: [] }).bytes();
    expect((await verifyPdf(pdf, options())).indication).not.toBe('TOTAL-PASSED');
    const result = await verifyPdf(pdf, { ...options(), intermediates: [pki.intermediate.pem] });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('a revoked signer is not TOTAL-PASSED', async () => {
    const pdf = new PdfBuilder()
      .sign({ ...sign, key: readFileSync(pki.leaves.revoked.keyPath, 'utf8'), certificate: pki.leaves.revoked.pem })
      .bytes();
    const result = await verifyPdf(pdf, {
      trust,
      at: TEST_PKI_AT,
      revocation: { crls: [pki.crls.root.der, pki.crls.intermediate.der] },
    });
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.subIndication).toMatch(/REVOKED/);
  });

  it('ETSI.CAdES.detached and adbe.pkcs7.detached, person then seal (two signatures, P=2 certification)', async () => {
    const pdf = new PdfBuilder()
      .sign({ ...sign, docMdp: 2, fieldName: 'NguoiKy' })
      .sign({ ...sign, subFilter: 'ETSI.CAdES.detached', fieldName: 'DauCoQuan' })
      .bytes();
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.details.map((d) => [d.fieldName, d.subFilter, d.docMdp])).toEqual([
      ['NguoiKy', 'adbe.pkcs7.detached', 2],
      ['DauCoQuan', 'ETSI.CAdES.detached', 2],
    ]);
    expect(result.signatures[0]?.coverage?.kind).toBe('partial-document');
    expect(result.signatures[1]?.coverage?.kind).toBe('whole-document');
  });

  it('compressed structure (object streams, xref streams with PNG predictors) verifies the same', async () => {
    const pdf = new PdfBuilder({ compressed: true })
      .sign(sign)
      .sign({ ...sign, fieldName: 'Second' })
      .bytes();
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures).toHaveLength(2);
    expect(result.revisions).toBe(3);
  });

  it('signature dictionaries reached through a field hierarchy (/Kids, inherited /FT)', async () => {
    const pdf = new PdfBuilder().sign({ ...sign, parentField: 'ChuKy', fieldName: 'LanhDao' }).bytes();
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.details[0]?.fieldName).toBe('ChuKy.LanhDao');
  });

  it('P=1 certification: a later signature is a change that is not allowed', async () => {
    const pdf = new PdfBuilder()
      .sign({ ...sign, docMdp: 1 })
      .sign({ ...sign, fieldName: 'Late' })
      .bytes();
    const result = await verifyPdf(pdf, options());
    const [first, second] = result.signatures;
    expect(first?.indication).toBe('INDETERMINATE');
    expect(first?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(first?.message.en).toContain('modified after signing');
    expect(second?.indication).toBe('TOTAL-PASSED');
    expect(result.indication).toBe('INDETERMINATE');
  });

  it('P=1 certification: DSS data added afterwards is allowed (ISO 32000-2 §12.8.2.2)', async () => {
    const builder = new PdfBuilder().sign({ ...sign, docMdp: 1 });
    const dssNum = builder.allocate();
    const certNum = builder.allocate();
    builder.setCatalogExtra(` /DSS ${dssNum} 0 R /Extensions << /ESIC << /BaseVersion /1.7 /ExtensionLevel 5 >> >>`);
    builder.commit(
      new Map<number, string | Uint8Array>([
        [certNum, streamBody(pki.intermediate.der)],
        [dssNum, `<< /Type /DSS /Certs [${certNum} 0 R] >>`],
        [builder.rootNum, builder.catalogBody()],
      ]),
    );
    const result = await verifyPdf(builder.bytes(), options());
    expect(result.indication).toBe('TOTAL-PASSED');
    const kinds = result.details[0]?.changesAfterSigning.map((c) => c.kind);
    expect(kinds).toContain('dss');
    expect(result.details[0]?.changesAfterSigning.every((c) => c.allowed)).toBe(true);
  });

  it('annotations after signing: allowed without DocMDP and under P=3, not under P=2', async () => {
    for (const [docMdp, expected] of [
      [undefined, 'TOTAL-PASSED'],
      [3, 'TOTAL-PASSED'],
      [2, 'INDETERMINATE'],
    ] as const) {
      const builder = new PdfBuilder().sign({ ...sign, ...(docMdp ? { docMdp } : {}) });
      const note = builder.allocate();
      builder.annots.push(note);
      builder.commit(
        new Map<number, string | Uint8Array>([
          [
            note,
            `<< /Type /Annot /Subtype /Text /Rect [100 100 120 120] /Contents (Ghi chu) /P ${builder.pageNum} 0 R >>`,
          ],
          [builder.pageNum, builder.pageBody()],
        ]),
      );
      const result = await verifyPdf(builder.bytes(), options());
      expect(result.indication, `DocMDP ${docMdp}`).toBe(expected);
      expect(result.details[0]?.changesAfterSigning.map((c) => c.kind)).toContain('annotation');
    }
  });

  it('document information updated after signing is metadata (allowed under P=2)', async () => {
    const builder = new PdfBuilder().sign({ ...sign, docMdp: 2 });
    const info = builder.allocate();
    builder.commit(new Map([[info, '<< /Producer (lienthong) /ModDate (D:20260601000000Z) >>']]), {
      trailerExtra: ` /Info ${info} 0 R`,
    });
    const result = await verifyPdf(builder.bytes(), options());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.details[0]?.changesAfterSigning.map((c) => c.kind)).toEqual(['metadata']);
  });

  it('trailing whitespace after the signed revision does not change the result', async () => {
    const pdf = new PdfBuilder().sign(sign).bytes();
    const padded = new Uint8Array([...pdf, 0x0a, 0x0a, 0x20]);
    const result = await verifyPdf(padded, options());
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.coverage).toMatchObject({ kind: 'partial-document', unsignedTrailingBytes: 3 });
    expect(result.signatures[0]?.checks.find((c) => c.id === 'pdf.coverage')?.message.en).toContain('whitespace');
  });

  it('a content change after the LAST signature is never TOTAL-PASSED', async () => {
    const builder = new PdfBuilder().sign(sign).sign({ ...sign, fieldName: 'Last' });
    builder.commit(new Map([[builder.contentNum, streamBody('BT /F1 18 Tf 72 760 Td (Noi dung da bi sua) Tj ET')]]));
    const result = await verifyPdf(builder.bytes(), options());
    expect(result.indication).toBe('INDETERMINATE');
    for (const signature of result.signatures) {
      expect(signature.indication).toBe('INDETERMINATE');
      expect(signature.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
      expect(signature.coverage?.kind).toBe('partial-document');
    }
    expect(result.details[1]?.changesAfterSigning.map((c) => c.kind)).toEqual(['page-content']);
  });

  describe('document timestamps (ETSI.RFC3161, made by openssl ts with the test PKI TSA)', () => {
    let lab: OpensslLab;
    beforeAll(() => {
      lab = new OpensslLab();
      lab.write('serial', '01\n');
      lab.write(
        'ts.cnf',
        '[ tsa ]\ndefault_tsa = tsa1\n[ tsa1 ]\nserial = ./serial\ncrypto_device = builtin\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = no\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\nother_policies = 1.2.3.4.2\n',
      );
    });
    afterAll(() => lab?.dispose());

    /** An RFC 3161 token over `data` from the test TSA (id-kp-timeStamping). */
    const token = (data: Uint8Array): Uint8Array => {
      lab.write('data.bin', data);
      lab.must(['ts', '-query', '-data', 'data.bin', '-sha256', '-cert', '-no_nonce', '-out', 'req.tsq']);
      const tsa = pki.leaves.timestamping;
      lab.must([
        ...['ts', '-reply', '-queryfile', 'req.tsq', '-signer', tsa.certificatePath, '-inkey', tsa.keyPath],
        ...['-chain', pki.intermediate.certificatePath, '-config', 'ts.cnf', '-token_out', '-out', 'token.der'],
      ]);
      return lab.read('token.der');
    };
    const timestamp = (cms: (content: Uint8Array) => Uint8Array): SignOptions => ({
      ...sign,
      type: 'DocTimeStamp',
      subFilter: 'ETSI.RFC3161',
      fieldName: 'Timestamp',
      cms,
    });

    it('a document timestamp after a P=1 certification signature: both pass, the timestamp is an allowed change', async () => {
      const pdf = new PdfBuilder()
        .sign({ ...sign, docMdp: 1 })
        .sign(timestamp(token))
        .bytes();
      // openssl stamps the current time: validate after it (a timestamp cannot be trusted before it was made).
      const result = await verifyPdf(pdf, { ...options(), at: new Date() });
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.details.map((d) => d.kind)).toEqual(['signature', 'document-timestamp']);
      const [certification, dts] = result.signatures;
      expect(certification?.coverage?.kind).toBe('partial-document');
      expect(result.details[0]?.changesAfterSigning.map((c) => c.kind)).toContain('timestamp');
      expect(dts?.signingTime.timestamp).toMatch(/^\d{4}-/);
      expect(dts?.checks.find((c) => c.id === 'pdf.timestamp-imprint')?.passed).toBe(true);
      expect(dts?.checks.find((c) => c.id === 'pdf.timestamp-eku')?.passed).toBe(true);
    });

    it('a document timestamp whose imprint is SHA-1 is refused, unless allowSha1 (then reported legacy)', async () => {
      const config = Buffer.from(lab.read('ts.cnf'))
        .toString('utf8')
        .replace('digests = sha256', 'digests = sha1, sha256');
      lab.write('ts-sha1.cnf', config);
      const sha1Token = (data: Uint8Array): Uint8Array => {
        lab.write('data1.bin', data);
        lab.must(['ts', '-query', '-data', 'data1.bin', '-sha1', '-cert', '-no_nonce', '-out', 'req1.tsq']);
        const tsa = pki.leaves.timestamping;
        lab.must([
          ...['ts', '-reply', '-queryfile', 'req1.tsq', '-signer', tsa.certificatePath, '-inkey', tsa.keyPath],
          ...['-chain', pki.intermediate.certificatePath, '-config', 'ts-sha1.cnf', '-token_out', '-out', 't1.der'],
        ]);
        return lab.read('t1.der');
      };
      const pdf = new PdfBuilder().sign(timestamp(sha1Token)).bytes();
      const refused = await verifyPdf(pdf, options());
      expect([refused.indication, refused.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
      expect(refused.signatures[0]?.checks.find((c) => c.id === 'pdf.timestamp-imprint')?.passed).toBe(false);
      const allowed = await verifyPdf(pdf, { ...options(), at: new Date(), allowSha1: true });
      expect(allowed.indication).toBe('TOTAL-PASSED');
      expect(allowed.signatures[0]?.legacy).toBe(true);
    });

    it('a document timestamp made after the validation time → INDETERMINATE, as for any timestamp token', async () => {
      const pdf = new PdfBuilder().sign(timestamp(token)).bytes();
      const before = new Date(Date.now() - 3_600_000);
      const result = await verifyPdf(pdf, { ...options(), at: before });
      expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE']);
      expect(result.signatures[0]?.checks.find((c) => c.id === 'pdf.timestamp-time')?.passed).toBe(false);
    });

    it('a TSA certificate whose timeStamping EKU is not critical → INDETERMINATE, as for any timestamp token', async () => {
      const tsa = new TsaLab();
      try {
        const genTime = new Date('2026-06-01T08:00:00Z');
        const pdf = new PdfBuilder()
          .sign(timestamp((content) => tsa.craftedToken(content, { genTime, tsa: 'tsaNonCriticalEku' })))
          .bytes();
        const trustTsa = createTrustStore({ anchors: [tsa.certificate('root')] });
        const result = await verifyPdf(pdf, {
          trust: trustTsa,
          at: new Date('2026-06-02T00:00:00Z'),
          revocationPolicy: 'skip',
        });
        expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
        expect(result.signatures[0]?.checks.find((c) => c.id === 'pdf.timestamp-eku')?.passed).toBe(false);
      } finally {
        tsa.dispose();
      }
    });

    it('a document timestamp over other bytes → HASH_FAILURE', async () => {
      const pdf = new PdfBuilder().sign(timestamp(() => token(new TextEncoder().encode('something else')))).bytes();
      const result = await verifyPdf(pdf, options());
      expect(result.indication).toBe('TOTAL-FAILED');
      expect(result.subIndication).toBe('HASH_FAILURE');
      expect(result.signatures[0]?.message.en).toContain('does not match the signed bytes');
    });

    it('an ordinary CMS signature posing as a document timestamp → FORMAT_FAILURE', async () => {
      const pdf = new PdfBuilder().sign({ ...timestamp(() => new Uint8Array()), cms: undefined }).bytes();
      const result = await verifyPdf(pdf, options());
      expect(result.indication).toBe('TOTAL-FAILED');
      expect(result.subIndication).toBe('FORMAT_FAILURE');
      expect(result.signatures[0]?.message.en).toContain('TSTInfo');
    });
  });

  it('SHA-1 legacy SubFilter adbe.pkcs7.sha1: rejected by default, legacy with allowSha1', async () => {
    // The legacy form: the CMS signs (attached) the SHA-1 digest of the signed bytes.
    const { signCmsAttached } = await import('../cms');
    const pdf = new PdfBuilder()
      .sign({
        ...sign,
        subFilter: 'adbe.pkcs7.sha1',
        cms: (content) =>
          signCmsAttached(new Uint8Array(createHash('sha1').update(content).digest()), {
            key: sign.key,
            certificate: sign.certificate,
            chain: [...(sign.chain ?? [])],
            signingTime: TEST_PKI_AT,
          }),
      })
      .bytes();
    const strict = await verifyPdf(pdf, options());
    expect(strict.indication).toBe('INDETERMINATE');
    expect(strict.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
    const lenient = await verifyPdf(pdf, { ...options(), allowSha1: true });
    expect(lenient.indication).toBe('TOTAL-PASSED');
    expect(lenient.signatures[0]?.legacy).toBe(true);
  });

  it('an unknown SubFilter is not verified', async () => {
    const pdf = new PdfBuilder().sign({ ...sign, subFilter: 'adbe.x509.rsa_sha1' }).bytes();
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
  });

  it('a document with no signature: SIGNED_DATA_NOT_FOUND', async () => {
    const builder = new PdfBuilder();
    const result = await verifyPdf(builder.bytes(), options());
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND', revisions: 1 });
    expect(result.signatures).toEqual([]);
  });

  it('a PDF signature whose CMS holds two SignerInfos is refused (ISO 32000-1 §12.8.3.3: exactly one)', async () => {
    const org = pki.leaves.organisation;
    const pdf = new PdfBuilder()
      .sign({
        ...sign,
        cms: (content) =>
          new Uint8Array(
            pki.openssl(
              [
                ...[
                  'cms',
                  '-sign',
                  '-binary',
                  '-md',
                  'sha256',
                  '-outform',
                  'DER',
                  '-certfile',
                  pki.intermediate.certificatePath,
                ],
                ...['-signer', pki.leaves.valid.certificatePath, '-inkey', pki.leaves.valid.keyPath],
                ...['-signer', org.certificatePath, '-inkey', org.keyPath],
              ],
              content,
            ),
          ),
      })
      .bytes();
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.signatures[0]?.message.en).toContain('exactly one SignerInfo');
  });

  it('messages exist in Vietnamese and English for every outcome', async () => {
    for (const name of ['signed.pdf', 'signed-tampered.pdf', 'signed-appended.pdf'] as const) {
      const result = await verifyPdf(corpus(name), corpusOptions());
      for (const message of [result.message, ...result.signatures.map((s) => s.message)]) {
        expect(message.vi.length).toBeGreaterThan(0);
        expect(message.en.length).toBeGreaterThan(0);
        expect(message.vi).not.toBe(message.en);
      }
    }
  });
});

describe('arguments (programmer errors throw SignatureError)', () => {
  it('refuses a non-Uint8Array, missing options or trust, a bad date or size cap', async () => {
    const trust = createTrustStore({ anchors: [] });
    await expect(verifyPdf('pdf' as unknown as Uint8Array, { trust })).rejects.toThrow(SignatureError);
    await expect(verifyPdf(new Uint8Array(1), undefined as never)).rejects.toThrow(SignatureError);
    await expect(verifyPdf(new Uint8Array(1), {} as never)).rejects.toThrow(SignatureError);
    await expect(verifyPdf(new Uint8Array(1), { trust, at: new Date('x') })).rejects.toThrow(SignatureError);
    await expect(verifyPdf(new Uint8Array(1), { trust, maxBytes: 0 })).rejects.toThrow(SignatureError);
  });

  it('caps the size before parsing (default 256 MiB)', async () => {
    expect(DEFAULT_MAX_PDF_BYTES).toBe(256 * 1024 * 1024);
    const result = await verifyPdf(corpus('signed.pdf'), { ...corpusOptions(), maxBytes: 1000 });
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(result.message.en).toContain('too large');
  });
});
