/**
 * Hostile input: garbage, truncation at every position, cross-reference loops, huge counts, compression
 * bombs, deep nesting, huge objects, floods of markers — and random mutations (fast-check). verifyPdf must
 * answer quickly with a result (INDETERMINATE / FORMAT_FAILURE, or whatever the damage implies), never throw,
 * and never pass a damaged signature.
 */
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileResultSchema } from '../model/result';
import { createTrustStore, type TrustStore } from '../pkix';
import { type PdfVerification, verifyPdf } from './index';
import { appendIncrement, CORPUS_TIME, concatBytes, corpus, embeddedCertificates, latin1 } from './testkit';

let trust: TrustStore;
beforeAll(() => {
  trust = createTrustStore({ anchors: embeddedCertificates(corpus('signed.pdf')) });
});
const options = () => ({ trust, at: CORPUS_TIME, revocationPolicy: 'skip' as const });

/** Verifies and checks the invariants every result must keep; returns the result and the time taken. */
async function safely(pdf: Uint8Array): Promise<{ result: PdfVerification; ms: number }> {
  const started = performance.now();
  const result = await verifyPdf(pdf, options());
  const ms = performance.now() - started;
  FileResultSchema.parse({ ...result, subject: 'x', format: 'pdf' });
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  return { result, ms };
}

const pdfHead = '%PDF-1.7\n';

describe('garbage and truncation', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['one byte', Uint8Array.of(0x25)],
    ['header only', latin1(pdfHead)],
    ['not a PDF', latin1('<html><body>not a pdf</body></html>')],
    ['random bytes', Uint8Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24)],
    [
      'header then random bytes',
      concatBytes([latin1(pdfHead), Uint8Array.from({ length: 50_000 }, (_, i) => (i * 40503) & 255)]),
    ],
    ['%%EOF without anything', latin1(`${pdfHead}%%EOF\n`)],
    ['startxref to nowhere', latin1(`${pdfHead}startxref\n999999\n%%EOF\n`)],
    ['startxref to itself', latin1(`${pdfHead}startxref\n9\n%%EOF\n`)],
    ['xref with an absurd count', latin1(`${pdfHead}xref\n0 999999999\ntrailer\n<< >>\nstartxref\n9\n%%EOF\n`)],
    [
      'trailer that is not a dictionary',
      latin1(`${pdfHead}xref\n0 1\n0000000000 65535 f \ntrailer\n[1 2 3]\nstartxref\n9\n%%EOF\n`),
    ],
    [
      'root pointing to a missing object',
      latin1(`${pdfHead}xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 5 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n`),
    ],
  ])('%s → a result, not a throw', async (_label, pdf) => {
    const { result, ms } = await safely(pdf);
    expect(result.indication).toBe('INDETERMINATE');
    expect(['FORMAT_FAILURE', 'SIGNED_DATA_NOT_FOUND']).toContain(result.subIndication);
    expect(result.signatures).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });

  it('every truncation of signed.pdf and signed-twice.pdf is answered and never TOTAL-PASSED', async () => {
    for (const name of ['signed.pdf', 'signed-twice.pdf'] as const) {
      const full = corpus(name);
      const step = name === 'signed.pdf' ? 1 : 7;
      for (let length = 0; length < full.length; length += step) {
        const { result } = await safely(full.subarray(0, length));
        expect(result.indication, `${name} cut at ${length}`).not.toBe('TOTAL-PASSED');
      }
    }
  }, 120_000);

  it('every truncation of signed-twice.pdf at a revision end keeps what it had', async () => {
    // Cut right after revision 2: signature #1 then covers the whole (shorter) file.
    const cut = corpus('signed-twice.pdf').subarray(0, 19431);
    const result = await verifyPdf(cut, { ...options(), at: new Date('2018-10-01T00:00:00Z') });
    expect(result.revisions).toBe(2);
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
  });
});

describe('cross-reference loops and bombs', () => {
  const base = () => corpus('signed.pdf'); // startxref 4220, 14 objects

  it('a /Prev pointing to itself', async () => {
    const pdf = concatBytes([
      base(),
      latin1('\nxref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev 4655 >>\nstartxref\n4655\n%%EOF\n'),
    ]);
    const { result, ms } = await safely(pdf);
    // The looping revision is unreadable: the bytes after the signed revision cannot be analysed.
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.signatures[0]?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(ms).toBeLessThan(1000);
  });

  it('two sections pointing to each other', async () => {
    const a = base().length + 1;
    const first = `\nxref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${a + 100} >>\n`;
    const padded = first.padEnd(100, ' ');
    const second = `xref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${a} >>\nstartxref\n${a + 100}\n%%EOF\n`;
    const pdf = concatBytes([base(), latin1(padded + second)]);
    const { result } = await safely(pdf);
    expect(result.indication).not.toBe('TOTAL-PASSED');
  });

  it('a /Prev chain of 20,000 sections is refused quickly', async () => {
    let text = '';
    let offset = base().length;
    let prev = 4220;
    for (let i = 0; i < 20_000; i++) {
      const section = `xref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${prev} >>\n`;
      prev = offset;
      offset += section.length;
      text += section;
    }
    text += `startxref\n${prev}\n%%EOF\n`;
    const { result, ms } = await safely(concatBytes([base(), latin1(text)]));
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(ms).toBeLessThan(5000);
  });

  it('an xref stream that inflates far beyond its declared size (compression bomb)', async () => {
    const bomb = deflateSync(new Uint8Array(50 * 1024 * 1024));
    const body = concatBytes([
      latin1(
        `<< /Type /XRef /Size 1 /W [1 1 1] /Root 2 0 R /Prev 4220 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`,
      ),
      bomb,
      latin1('\nendstream'),
    ]);
    const start = base().length + 1;
    const pdf = concatBytes([base(), latin1('\n99 0 obj\n'), body, latin1(`\nendobj\nstartxref\n${start}\n%%EOF\n`)]);
    const { result, ms } = await safely(pdf);
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(ms).toBeLessThan(2000);
  });

  it('an object stream claiming a billion objects', async () => {
    const pdf = appendIncrement(base(), [
      { num: 14, body: '<< /Type /ObjStm /N 1000000000 /First 10 /Length 5 >>\nstream\n1 0  \nendstream' },
    ]);
    const { result, ms } = await safely(pdf);
    expect(ms).toBeLessThan(1000);
    expect(result.signatures).toHaveLength(1);
  });

  it('two thousand tiny incremental updates on top of a signature', async () => {
    let pdf = corpus('signed.pdf');
    const started = performance.now();
    let text = '';
    let prev = 4220;
    let offset = pdf.length + 1;
    for (let i = 0; i < 2000; i++) {
      const section = `xref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`;
      prev = offset;
      offset += section.length;
      text += section;
    }
    pdf = concatBytes([pdf, latin1(`\n${text}`)]);
    const { result, ms } = await safely(pdf);
    expect(result.revisions).toBe(2001);
    // Empty increments change nothing: the signature still passes, as partial-document.
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.coverage?.kind).toBe('partial-document');
    expect(ms).toBeLessThan(10_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('form fields walked again in each of many revisions stay within a global budget', async () => {
    const fields = [];
    for (let i = 0; i < 5000; i++) fields.push({ num: 100 + i, body: `<< /FT /Tx /T (f${i}) >>` });
    const list = fields.map((f) => `${f.num} 0 R`).join(' ');
    let pdf = appendIncrement(corpus('signed.pdf'), [...fields, { num: 9, body: `<< /Fields [8 0 R ${list}] >>` }]);
    for (let i = 0; i < 60; i++) pdf = appendIncrement(pdf, []);
    const { result, ms } = await safely(pdf);
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(result.message.en).toContain('too many form fields');
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('twenty thousand %%EOF markers', async () => {
    const flood = '%%EOF\n'.repeat(20_000);
    const { result, ms } = await safely(concatBytes([base(), latin1(flood)]));
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(ms).toBeLessThan(2000);
  });

  it('two hundred thousand /ByteRange names', async () => {
    const flood = '% /ByteRange\n'.repeat(200_000);
    const { result, ms } = await safely(concatBytes([base(), latin1(flood)]));
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(ms).toBeLessThan(3000);
  });
});

describe('deep nesting and huge objects', () => {
  it.each([
    ['arrays nested 100,000 deep', '['.repeat(100_000)],
    ['dictionaries nested 50,000 deep', '<< /A '.repeat(50_000)],
    ['an unterminated string of 5 MB', `(${'x'.repeat(5_000_000)}`],
    ['an unterminated hex string of 5 MB', `<${'0'.repeat(5_000_000)}`],
    ['a 4-million-element array', `[${'0 '.repeat(4_000_000)}]`],
  ])(
    '%s as the catalog of an increment → answered quickly',
    async (_label, body) => {
      const pdf = appendIncrement(corpus('signed.pdf'), [{ num: 2, body }]);
      const { result, ms } = await safely(pdf);
      expect(result.indication).not.toBe('TOTAL-PASSED');
      expect(ms).toBeLessThan(5000);
    },
    30_000,
  );

  it('form fields nested 10,000 deep through /Kids', async () => {
    const objects = [];
    for (let i = 0; i < 10_000; i++)
      objects.push({ num: 100 + i, body: `<< /FT /Sig /T (f${i}) /Kids [${101 + i} 0 R] >>` });
    objects.push({ num: 9, body: '<< /Fields [8 0 R 100 0 R] >>' });
    const { result, ms } = await safely(appendIncrement(corpus('signed.pdf'), objects));
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it('a stream whose /Length is absurd still parses (the data ends at endstream)', async () => {
    const pdf = appendIncrement(corpus('signed.pdf'), [
      { num: 14, body: '<< /Length 99999999999 >>\nstream\nhello\nendstream' },
    ]);
    const { result } = await safely(pdf);
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED'); // an unused new object is an allowed addition
  });
});

describe('random mutations (fast-check)', () => {
  const signed = corpus('signed.pdf');

  it('never throws; any change inside the signed ranges is never TOTAL-PASSED', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: signed.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, xor) => {
          const mutated = new Uint8Array(signed);
          mutated[position] = (mutated[position] as number) ^ xor;
          const { result } = await safely(mutated);
          const inSignedRanges = position < 153 || position >= 3379;
          if (inSignedRanges) expect(result.indication).not.toBe('TOTAL-PASSED');
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('never throws on splices, deletions and insertions of random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: signed.length }),
        fc.integer({ min: 0, max: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        async (at, remove, insert) => {
          const mutated = concatBytes([
            signed.subarray(0, at),
            insert,
            signed.subarray(Math.min(signed.length, at + remove)),
          ]);
          const changed = !Buffer.from(mutated).equals(Buffer.from(signed));
          const { result } = await safely(mutated);
          if (changed && !(at >= 153 && at + remove <= 3379 && insert.length === remove))
            expect(result.indication).not.toBe('TOTAL-PASSED');
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws on arbitrary bytes behind a PDF header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const { result } = await safely(concatBytes([latin1(pdfHead), bytes, latin1('\nstartxref\n9\n%%EOF\n')]));
        expect(result.indication).not.toBe('TOTAL-PASSED');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
