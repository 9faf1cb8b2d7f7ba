/** The document reader: revisions, cross-reference tables and streams, hybrid files, object streams, signatures by structure. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseChanges, docMdpPermission } from './changes';
import { PdfDocument } from './document';
import {
  checkByteRange,
  findSignatures,
  pdfDate,
  SignedBytesAssembler,
  scanByteRanges,
  signedBytes,
  textOf,
} from './signatures';
import { appendIncrement, concatBytes, corpus, latin1, PdfBuilder, streamBody } from './testkit';

describe('revisions', () => {
  it('finds each %%EOF with its startxref, and the end of each revision after its EOL', () => {
    const doc = new PdfDocument(corpus('signed-twice.pdf'));
    expect(doc.revisions.map((r) => [r.startxref, r.eof, r.end])).toEqual([
      [12787, 13258, 13264],
      [19194, 19425, 19431],
      [25264, 25470, 25475],
    ]);
    expect(doc.revisions[1]?.ownSections?.map((s) => s.offset)).toEqual([19194]);
    expect(doc.revisions[2]?.chain.map((s) => s.offset)).toEqual([25264, 19194, 12787]);
  });

  it('records %%EOF markers without startxref (signed-appended.pdf)', () => {
    const doc = new PdfDocument(corpus('signed-appended.pdf'));
    expect(doc.revisions).toHaveLength(1);
    expect(doc.strayEofMarkers).toEqual([4687]);
  });

  it('resolves objects as of a revision: an object redefined later keeps its old value in the old revision', () => {
    const pdf = appendIncrement(corpus('signed.pdf'), [{ num: 11, body: '(lienthong)' }]);
    const doc = new PdfDocument(pdf);
    const [first, second] = doc.revisions;
    if (!first || !second) throw new Error('two revisions expected');
    const old = doc.resolve(first, 11)?.value;
    const now = doc.resolve(second, 11)?.value;
    expect(old?.kind === 'str' && Buffer.from(old.bytes).toString()).toBe('PDFKit');
    expect(now?.kind === 'str' && Buffer.from(now.bytes).toString()).toBe('lienthong');
  });

  it('reads object streams and xref streams with PNG predictors', () => {
    const doc = new PdfDocument(new PdfBuilder({ compressed: true }).bytes());
    const last = doc.last;
    if (!last) throw new Error('no revision');
    expect(last.chain[0]?.kind).toBe('stream');
    expect(doc.entry(last, 1)).toMatchObject({ type: 2, index: 0 });
    expect(doc.catalog(last)?.entries.get('Type')).toEqual({ kind: 'name', value: 'Catalog' });
    expect(doc.resolve(last, 3)?.source).toBe('objstm');
  });

  it('merges a hybrid file /XRefStm into its table section', () => {
    // An increment whose table lists nothing, and whose /XRefStm stream gives object 20.
    const base = corpus('signed.pdf');
    const objectAt = base.length + 1;
    const object = '20 0 obj\n(hidden-in-xrefstm)\nendobj\n';
    const row = Uint8Array.of(1, (objectAt >> 8) & 255, objectAt & 255, 0);
    const streamAt = objectAt + object.length;
    const stream = concatBytes([
      latin1(`21 0 obj\n<< /Type /XRef /Size 22 /W [1 2 1] /Index [20 1] /Length ${row.length} >>\nstream\n`),
      row,
      latin1('\nendstream\nendobj\n'),
    ]);
    const tableAt = streamAt + stream.length;
    const table = `xref\n0 0\ntrailer\n<< /Size 22 /Root 2 0 R /Prev 4220 /XRefStm ${streamAt} >>\nstartxref\n${tableAt}\n%%EOF\n`;
    const doc = new PdfDocument(concatBytes([base, latin1('\n'), latin1(object), stream, latin1(table)]));
    const last = doc.last;
    if (!last) throw new Error('no revision');
    expect(doc.revisions).toHaveLength(2);
    expect(last.chain[0]?.xrefStm).toBe(streamAt);
    expect(textOf(doc.resolve(last, 20)?.value)).toBe('hidden-in-xrefstm');
  });

  it('leaves out a revision whose chain loops, and records why', () => {
    const pdf = concatBytes([
      corpus('signed.pdf'),
      latin1('\nxref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev 4655 >>\nstartxref\n4655\n%%EOF\n'),
    ]);
    const doc = new PdfDocument(pdf);
    expect(doc.revisions).toHaveLength(1);
    expect(doc.problems[0]?.detail).toContain('cross-reference loop');
  });

  it('does not treat a revision whose chain reaches past its own %%EOF as a revision (linearization)', () => {
    const base = corpus('signed.pdf');
    // A first-page-style section near the start whose /Prev points to the main section at the end.
    const pdf = concatBytes([
      base,
      latin1('\nxref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev 99999 >>\nstartxref\n4655\n%%EOF\n'),
    ]);
    const doc = new PdfDocument(pdf);
    expect(doc.revisions).toHaveLength(1);
    expect(doc.problems.length).toBe(1);
  });
});

describe('signatures through the structure', () => {
  it("finds signed.pdf's signature and checks its ByteRange", () => {
    const doc = new PdfDocument(corpus('signed.pdf'));
    const [candidate] = findSignatures(doc);
    if (!candidate) throw new Error('no signature');
    expect(candidate).toMatchObject({ fieldName: 'Signature1', sigNum: 7, fieldNum: 8, revisions: [0] });
    expect(candidate.dict.keyOffsets.get('ByteRange')).toBe(92);
    const check = checkByteRange(doc, candidate);
    expect(check.ok && check.ranges).toEqual([
      [0, 153],
      [3379, 1275],
    ]);
    expect(check.ok && check.cms.length).toBe(1612);
    expect(scanByteRanges(doc.buf)).toEqual({ offsets: [92], truncated: false });
  });

  it('a signature field seen in several revisions is one signature', () => {
    const doc = new PdfDocument(corpus('signed-twice.pdf'));
    const found = findSignatures(doc);
    expect(found.map((c) => [c.fieldName, c.revisions])).toEqual([
      ['Signature1', [1, 2]],
      ['Signature2', [2]],
    ]);
  });

  it('scan ignores longer names (/ByteRangeX)', () => {
    expect(scanByteRanges(latin1('/ByteRangeX /ByteRange[')).offsets).toEqual([12]);
  });
});

describe('signed bytes', () => {
  it('the assembler lends exactly the concatenated ranges, for any sequence of ByteRanges (fast-check)', () => {
    const file = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255);
    const byteRange = fc
      .tuple(fc.integer({ min: 1, max: 298 }), fc.integer({ min: 1, max: 298 }), fc.integer({ min: 0, max: 298 }))
      .filter(([a, b, c]) => a < b && b + c <= file.length)
      .map(
        ([a, b, c]) =>
          [
            [0, a],
            [b, c],
          ] as [[number, number], [number, number]],
      );
    fc.assert(
      fc.property(fc.array(byteRange, { minLength: 1, maxLength: 6 }), (sequence) => {
        const assembler = new SignedBytesAssembler(file);
        for (const ranges of sequence)
          expect(Buffer.from(assembler.lend(ranges)).equals(Buffer.from(signedBytes(file, ranges)))).toBe(true);
      }),
    );
  });
});

describe('changes after signing', () => {
  it("classifies signed-twice.pdf's last increment as a signature, its field and widget", () => {
    const doc = new PdfDocument(corpus('signed-twice.pdf'));
    const analysis = analyseChanges(doc, 1);
    expect(analysis.allowed).toBe(true);
    expect(analysis.changes.map((c) => c.kind).sort()).toEqual(['form-field', 'form-field', 'form-field', 'signature']);
    expect(analysis.changes.every((c) => c.revision === 2)).toBe(true);
  });

  it('reads DocMDP permissions from /Perms', () => {
    const builder = new PdfBuilder();
    builder.commit(
      new Map([[50, '<< /Type /Sig /Reference [<< /TransformMethod /DocMDP /TransformParams << /P 3 >> >>] >>']]),
    );
    builder.setCatalogExtra(' /Perms << /DocMDP 50 0 R >>');
    builder.commit(new Map([[builder.rootNum, builder.catalogBody()]]));
    const doc = new PdfDocument(builder.bytes());
    expect(docMdpPermission(doc, doc.last as never)).toBe(3);
    expect(docMdpPermission(doc, doc.revisions[0] as never)).toBeUndefined();
  });

  it('reports an increment rewriting an unrelated object as a modification', () => {
    const pdf = appendIncrement(corpus('signed.pdf'), [{ num: 5, body: '<< /ProcSet [/PDF] >>' }]);
    const analysis = analyseChanges(new PdfDocument(pdf), 0);
    expect(analysis.allowed).toBe(false);
    expect(analysis.changes[0]).toMatchObject({ kind: 'page-content', num: 5 });
  });

  it('reports new unreferenced objects as supporting data (allowed)', () => {
    const pdf = appendIncrement(corpus('signed.pdf'), [{ num: 14, body: streamBody('x') }]);
    expect(analyseChanges(new PdfDocument(pdf), 0)).toMatchObject({ allowed: true, changes: [{ kind: 'supporting' }] });
  });
});

describe('strings and dates', () => {
  it('decodes PDF text strings (UTF-16BE with BOM, UTF-8 with BOM, PDFDocEncoding)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hà Nội', 'utf16le').swap16()]);
    expect(textOf({ kind: 'str', bytes: utf16, hex: true, start: 0, end: 0, pureHex: true })).toBe('Hà Nội');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hà Nội')]);
    expect(textOf({ kind: 'str', bytes: utf8, hex: true, start: 0, end: 0, pureHex: true })).toBe('Hà Nội');
    expect(textOf({ kind: 'name', value: 'x' })).toBeUndefined();
  });

  it('parses PDF dates', () => {
    expect(pdfDate('D:20190521105845Z')).toBe('2019-05-21T10:58:45.000Z');
    expect(pdfDate("D:20260101120000+07'00'")).toBe('2026-01-01T05:00:00.000Z');
    expect(pdfDate('D:2026')).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfDate('D:20xx')).toBeUndefined();
    expect(pdfDate('nonsense')).toBeUndefined();
  });
});
