/**
 * Attacks on PDF signatures (signatures.md §3 (b); Mainka et al., "1 Trillion Dollar Refund", 2019, and the
 * shadow attacks of Mladenov et al., 2021), crafted from the corpus signed.pdf and from PDFs signed at test
 * time: ByteRange manipulation, gaps that are not this signature's /Contents, data hidden in the gap,
 * universal signature forgery with a copied CMS, fake signatures in streams, and incremental saving attacks
 * (content replaced, page redirected, catalog actions, hidden objects, dangling references, rewritten object
 * streams, non-incremental rewrites). None may be TOTAL-PASSED.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT } from '../../test/pki';
import { createTrustStore, type TrustStore } from '../pkix';
import { verifyPdf } from './index';
import {
  appendIncrement,
  CORPUS_TIME,
  concatBytes,
  corpus,
  embeddedCertificates,
  latin1,
  PdfBuilder,
  patch,
  type SignOptions,
  streamBody,
} from './testkit';

let trust: TrustStore;
const options = () => ({ trust, at: CORPUS_TIME, revocationPolicy: 'skip' as const });
const signed = () => corpus('signed.pdf');
/** signed.pdf's /ByteRange is `[0 153 3379 1275]` followed by 22 spaces of room. */
const ORIGINAL = '[0 153 3379 1275]                      ';
const withByteRange = (text: string) => patch(signed(), ORIGINAL, text.padEnd(ORIGINAL.length, ' '));

beforeAll(() => {
  trust = createTrustStore({ anchors: embeddedCertificates(signed()) });
});

describe('ByteRange manipulation (crafted from signed.pdf)', () => {
  it.each([
    ['pointing elsewhere: the gap starts before /Contents', '[0 100 3379 1275]', 'gap-not-contents'],
    ['the gap ends inside /Contents', '[0 153 3000 1654]', 'gap-not-contents'],
    ['the gap is one byte short at the start', '[0 154 3379 1275]', 'gap-not-contents'],
    ['the gap is one byte long at the end', '[0 153 3380 1274]', 'gap-not-contents'],
    ['overlapping ranges (b < a)', '[0 3379 153 4501]', 'byterange-bounds'],
    ['empty gap', '[0 153 153 4501]', 'byterange-bounds'],
    ['the first range not at 0', '[5 148 3379 1275]', 'byterange-bounds'],
    ['reaching past the end of the file', '[0 153 3379 1276]', 'byterange-bounds'],
    ['five numbers', '[0 153 3379 1275 0]', 'byterange-shape'],
    ['three numbers', '[0 153 3379]', 'byterange-shape'],
    ['a negative number', '[0 153 3379 -1275]', 'byterange-shape'],
    ['a real number', '[0 153.0 3379 1275]', 'byterange-shape'],
    ['an indirect reference instead of an array', '99 0 R', 'byterange-shape'],
    ['a name inside', '[0 /a 3379 1275]', 'byterange-shape'],
  ])('%s → TOTAL-FAILED / FORMAT_FAILURE', async (_label, byteRange, failure) => {
    const result = await verifyPdf(withByteRange(byteRange), options());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    const check = result.signatures[0]?.checks.find((c) => c.id === 'pdf.byterange');
    expect(check?.passed).toBe(false);
    const expectedText = {
      'gap-not-contents': "is not exactly this signature's /Contents",
      'byterange-bounds': 'is not of the form [0 a b c]',
      'byterange-shape': 'exactly 4 non-negative integers',
    }[failure];
    expect(check?.message.en).toContain(expectedText);
  });

  it('the unmodified file still passes (the attacks above are the only difference)', async () => {
    expect((await verifyPdf(withByteRange('[0 153 3379 1275]'), options())).indication).toBe('TOTAL-PASSED');
  });

  it('/Contents written as a literal string instead of hex → FORMAT_FAILURE', async () => {
    let pdf = patch(signed(), '/Contents <3082', '/Contents (3082');
    pdf = patch(pdf, '466667eb>', '466667eb)');
    const result = await verifyPdf(pdf, options());
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.signatures[0]?.message.en).toContain('not a direct hexadecimal string');
  });

  it('a signature dictionary repeating /ByteRange → FORMAT_FAILURE (ambiguous for readers)', async () => {
    const pdf = withByteRange('[0 153 3379 1275] /ByteRange [0 1 2 3]');
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.signatures[0]?.message.en).toContain('repeats a key');
  });
});

describe('data hidden in the gap, copied CMS, fake signatures', () => {
  let sign: SignOptions;
  beforeAll(() => {
    const pki = createTestPki();
    trust = createTrustStore({ anchors: [...embeddedCertificates(signed()), pki.root.pem] });
    sign = {
      key: readFileSync(pki.leaves.valid.keyPath, 'utf8'),
      certificate: pki.leaves.valid.pem,
      chain: [pki.intermediate.pem],
      signingTime: TEST_PKI_AT,
    };
  }, 120_000);
  const at = () => ({ trust, at: TEST_PKI_AT, revocationPolicy: 'skip' as const });

  it('non-zero bytes after the CMS in /Contents (unsigned data smuggled into the gap) → FORMAT_FAILURE', async () => {
    const pdf = new PdfBuilder().sign(sign).bytes();
    expect((await verifyPdf(pdf, at())).indication).toBe('TOTAL-PASSED');
    const view = Buffer.from(pdf);
    const end = view.indexOf('>', view.indexOf('/Contents <'), 'latin1');
    const smuggled = new Uint8Array(pdf);
    smuggled.set(latin1('41'), end - 100); // inside the zero padding: the CMS still verifies
    const result = await verifyPdf(smuggled, at());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.signatures[0]?.message.en).toContain('followed only by zero bytes');
  });

  it('/Contents that is not DER at all → FORMAT_FAILURE', async () => {
    const pdf = new PdfBuilder().sign({ ...sign, cms: () => new Uint8Array(64).fill(0x41) }).bytes();
    const result = await verifyPdf(pdf, at());
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.signatures[0]?.message.en).toContain('DER');
  });

  it("universal signature forgery: a new field whose /ByteRange points at the original signature's /Contents", async () => {
    // The attacker's signature dictionary borrows signed.pdf's ByteRange (so a naive verifier re-checks the
    // genuine CMS over the genuine bytes) and carries its own /Contents.
    const original = signed();
    const fakeSig = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 153 3379 1275] /Contents <${'00'.repeat(64)}> /M (D:20260101000000Z) >>`;
    const pdf = appendIncrement(original, [
      { num: 14, body: fakeSig },
      { num: 15, body: '<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /T (Forged) /V 14 0 R /P 6 0 R >>' },
      { num: 9, body: '<< /Type /AcroForm /SigFlags 3 /Fields [8 0 R 15 0 R] >>' },
    ]);
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.signatures).toHaveLength(2);
    const forged = result.signatures[result.details.findIndex((d) => d.fieldName === 'Forged')];
    expect(forged?.indication).toBe('TOTAL-FAILED');
    expect(forged?.subIndication).toBe('FORMAT_FAILURE');
  });

  it('a copied CMS with a correct-looking ByteRange does not verify over the new bytes (HASH_FAILURE)', async () => {
    const original = new PdfBuilder().sign(sign).bytes();
    const view = Buffer.from(original);
    const start = view.indexOf('/Contents <', 0, 'latin1') + 11;
    const hex = view.subarray(start, view.indexOf('>', start, 'latin1')).toString('latin1');
    const cms = new Uint8Array(Buffer.from(hex, 'hex'));
    const replay = new PdfBuilder({ text: 'Quyet dinh khac' }).sign({ ...sign, cms: () => cms }).bytes();
    const result = await verifyPdf(replay, at());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('HASH_FAILURE');
  });

  it('a fake signature dictionary inside an appended stream: found by the scan only → file not TOTAL-PASSED', async () => {
    const fake = '<< /Type /Sig /ByteRange [0 153 3379 1275] /Contents <3082> >>';
    const pdf = appendIncrement(signed(), [{ num: 14, body: streamBody(fake) }]);
    const result = await verifyPdf(pdf, options());
    // The structure knows one signature only, and it is intact (a new unused object is an allowed addition)…
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
    // …but the stray /ByteRange keeps the file from passing.
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    const scan = result.checks.find((c) => c.id === 'pdf.byterange-scan');
    expect(scan?.passed).toBe(false);
    expect(scan?.message.en).toMatch(/offset\(s\) \d+/);
  });

  it('a second /ByteRange inside a signed content stream is never taken for the signature', async () => {
    const pdf = new PdfBuilder({ contentExtra: '% /Type /Sig /ByteRange [0 10 20 30] /Contents <00>\n' })
      .sign(sign)
      .bytes();
    const result = await verifyPdf(pdf, at());
    expect(result.signatures).toHaveLength(1);
    expect(result.details[0]?.byteRange?.[1]).not.toBe(10);
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
    expect(result.indication).toBe('INDETERMINATE');
  });
});

describe('incremental saving attacks on signed.pdf (objects: 2 catalog, 6 page, 4 content, 7 signature, 8 field)', () => {
  const expectModified = async (pdf: Uint8Array, kind: string) => {
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    const [signature] = result.signatures;
    expect(signature?.coverage?.kind).toBe('partial-document');
    expect(signature?.message.en).toContain('modified after signing');
    expect(result.details[0]?.changesAfterSigning.filter((c) => !c.allowed).map((c) => c.kind)).toContain(kind);
    // The CMS itself is intact: only the modification keeps it from passing.
    expect(signature?.checks.find((c) => c.id === 'cms.signature')?.passed).toBe(true);
    return result;
  };

  it('page content replaced', async () => {
    await expectModified(
      appendIncrement(signed(), [{ num: 4, body: streamBody('BT /F1 24 Tf 72 720 Td (PAID IN FULL) Tj ET') }]),
      'page-content',
    );
  });

  it('page content replaced by a stream that calls itself an xref stream', async () => {
    await expectModified(
      appendIncrement(signed(), [{ num: 4, body: streamBody('BT /F1 24 Tf 72 720 Td (PAID) Tj ET', ' /Type /XRef') }]),
      'page-content',
    );
  });

  it('page redirected to new content', async () => {
    const page =
      '<< /Type /Page /Parent 1 0 R /MediaBox [0 0 595.28 841.89] /Contents 14 0 R /Resources 5 0 R /Annots [8 0 R] >>';
    await expectModified(
      appendIncrement(signed(), [
        { num: 14, body: streamBody('BT /F1 24 Tf 72 720 Td (PAID) Tj ET') },
        { num: 6, body: page },
      ]),
      'page',
    );
  });

  it('catalog given an /OpenAction', async () => {
    await expectModified(
      appendIncrement(signed(), [
        { num: 14, body: '<< /S /JavaScript /JS (app.alert\\(1\\)) >>' },
        { num: 2, body: '<< /Type /Catalog /Pages 1 0 R /AcroForm 9 0 R /OpenAction 14 0 R >>' },
      ]),
      'catalog',
    );
  });

  it('the signature dictionary redefined', async () => {
    const result = await verifyPdf(
      appendIncrement(signed(), [{ num: 7, body: '<< /Type /Sig /Reason (changed) >>' }]),
      options(),
    );
    expect(result.indication).not.toBe('TOTAL-PASSED');
  });

  it("the field's signature replaced by another dictionary", async () => {
    const pdf = appendIncrement(signed(), [
      { num: 14, body: '<< /Type /Sig /Filter /Adobe.PPKLite >>' },
      {
        num: 8,
        body: '<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /V 14 0 R /T (Signature1) /F 4 /P 6 0 R >>',
      },
    ]);
    const result = await verifyPdf(pdf, options());
    expect(result.indication).toBe('TOTAL-FAILED'); // the replacement is no signature at all
    const index = result.details.findIndex((d) => d.revision === 1);
    expect(result.signatures[index]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
    });
    expect(result.details[index]?.changesAfterSigning.map((c) => c.kind)).toContain('signature-replaced');
  });

  it('a signed object deleted', async () => {
    await expectModified(appendIncrement(signed(), [], { freed: [5] }), 'deleted-object');
  });

  it('an object hidden in the increment, outside its cross-reference', async () => {
    const base = appendIncrement(signed(), [{ num: 14, body: '<< /Harmless true >>' }]);
    // Insert "4 0 obj … endobj" before the increment's xref without listing it.
    const view = Buffer.from(base);
    const xrefAt = view.lastIndexOf('xref\n', view.length, 'latin1');
    const hidden = latin1(`4 0 obj\n${Buffer.from(streamBody('BT (PAID) Tj ET')).toString('latin1')}\nendobj\n`);
    const prefix = base.subarray(0, xrefAt);
    let tail = Buffer.from(base.subarray(xrefAt)).toString('latin1');
    tail = tail.replace(/startxref\n\d+/, `startxref\n${xrefAt + hidden.length}`);
    const pdf = concatBytes([prefix, hidden, latin1(tail)]);
    await expectModified(pdf, 'unlisted-object');
  });

  it('a rewrite appended without /Prev (not an incremental update)', async () => {
    const objects = [
      { num: 2, body: '<< /Type /Catalog /Pages 1 0 R >>' },
      { num: 1, body: '<< /Type /Pages /Count 0 /Kids [] >>' },
    ];
    await expectModified(appendIncrement(signed(), objects, { prev: null }), 'not-incremental');
  });

  it('garbage appended after %%EOF', async () => {
    const pdf = concatBytes([signed(), latin1('\n<script>alert(1)</script>\n')]);
    await expectModified(pdf, 'unstructured-data');
  });
});

describe('incremental saving attacks on PDFs signed at test time', () => {
  let sign: SignOptions;
  beforeAll(() => {
    const pki = createTestPki();
    trust = createTrustStore({ anchors: [pki.root.pem] });
    sign = {
      key: readFileSync(pki.leaves.valid.keyPath, 'utf8'),
      certificate: pki.leaves.valid.pem,
      chain: [pki.intermediate.pem],
      signingTime: TEST_PKI_AT,
    };
  }, 120_000);
  const at = () => ({ trust, at: TEST_PKI_AT, revocationPolicy: 'skip' as const });

  it('a dangling reference in the signed page, defined after signing (and "justified" as a widget appearance)', async () => {
    // The signed page draws /Fx1, which refers to object 40: missing when signed (drawn as nothing).
    const builder = new PdfBuilder({ contentExtra: 'q /Fx1 Do Q\n', pageExtra: ' /Thumb 40 0 R' });
    builder.sign(sign);
    const pdf = builder.bytes();
    expect((await verifyPdf(pdf, at())).indication).toBe('TOTAL-PASSED');
    const widget = builder.allocate();
    builder.annots.push(widget);
    builder.commit(
      new Map<number, string | Uint8Array>([
        [
          40,
          streamBody(
            'BT /F1 30 Tf 72 500 Td (DA THANH TOAN) Tj ET',
            ' /Type /XObject /Subtype /Form /BBox [0 0 595 842]',
          ),
        ],
        [
          widget,
          `<< /Type /Annot /Subtype /Widget /FT /Tx /T (note) /Rect [0 0 10 10] /AP << /N 40 0 R >> /P ${builder.pageNum} 0 R >>`,
        ],
        [builder.pageNum, builder.pageBody()],
      ]),
    );
    const result = await verifyPdf(builder.bytes(), at());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.details[0]?.changesAfterSigning.filter((c) => !c.allowed).map((c) => c.kind)).toContain(
      'page-content',
    );
  });

  it('shadow attack: a trailer pointing /Root at an alternative catalog hidden in the signed bytes', async () => {
    // Signed revision: the visible document plus an unused catalog → pages → page → content ("hide").
    const builder = new PdfBuilder();
    const [catalog, pages, page, content] = [
      builder.allocate(),
      builder.allocate(),
      builder.allocate(),
      builder.allocate(),
    ];
    builder.commit(
      new Map<number, string | Uint8Array>([
        [catalog, `<< /Type /Catalog /Pages ${pages} 0 R >>`],
        [pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`],
        [page, `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R >>`],
        [content, streamBody('BT /F1 18 Tf 72 760 Td (Hop dong vo hieu) Tj ET')],
      ]),
    );
    builder.sign(sign);
    const pdf = builder.bytes();
    expect((await verifyPdf(pdf, at())).indication).toBe('TOTAL-PASSED');
    // "Replace": an increment with no object at all, only a new /Root.
    const result = await verifyPdf(appendIncrement(pdf, [], { root: catalog }), at());
    expect(result.indication).toBe('INDETERMINATE');
    const change = result.details[0]?.changesAfterSigning.find((c) => !c.allowed);
    expect(change).toMatchObject({ kind: 'catalog' });
    expect(change?.detail).toContain('/Root');
  });

  it('a new text field (not a signature field) on a P=2 document is refused as an annotation; a signature is fine', async () => {
    const builder = new PdfBuilder().sign({ ...sign, docMdp: 2 });
    const widget = builder.allocate();
    builder.annots.push(widget);
    builder.fields.push(widget);
    builder.commit(
      new Map<number, string | Uint8Array>([
        [
          widget,
          `<< /Type /Annot /Subtype /Widget /FT /Tx /T (Paid) /V (PAID) /Rect [0 0 595 842] /P ${builder.pageNum} 0 R >>`,
        ],
        [builder.pageNum, builder.pageBody()],
        [builder.rootNum, builder.catalogBody()],
      ]),
    );
    const result = await verifyPdf(builder.bytes(), at());
    expect(result.indication).toBe('INDETERMINATE');
    const refused = result.details[0]?.changesAfterSigning.filter((c) => !c.allowed).map((c) => c.kind);
    expect(refused).toContain('annotation');
  });

  it('an object stream of the signed revision rewritten under the same number', async () => {
    const builder = new PdfBuilder({ compressed: true }).sign(sign);
    // Object 6 is the object stream holding catalog, pages, page and font (see PdfBuilder).
    builder.commit(new Map([[6, '<< /Type /ObjStm /N 0 /First 0 /Length 0 >>\nstream\n\nendstream']]));
    const result = await verifyPdf(builder.bytes(), at());
    expect(result.indication).not.toBe('TOTAL-PASSED');
  });

  it('form filling on a P=2 document is allowed, a new page is not', async () => {
    const builder = new PdfBuilder().sign({ ...sign, docMdp: 2 });
    const page = builder.allocate();
    builder.commit(
      new Map<number, string | Uint8Array>([
        [page, `<< /Type /Page /Parent ${builder.pagesNum} 0 R /MediaBox [0 0 595 842] >>`],
        [builder.pagesNum, `<< /Type /Pages /Kids [${builder.pageNum} 0 R ${page} 0 R] /Count 2 >>`],
      ]),
    );
    const result = await verifyPdf(builder.bytes(), at());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.signatures[0]?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
  });
});
