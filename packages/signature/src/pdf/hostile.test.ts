/**
 * Hostile input: garbage, truncation at every position, cross-reference loops, huge counts, compression
 * bombs, deep nesting, huge objects, floods of markers — and random mutations (fast-check). verifyPdf must
 * answer with a result (INDETERMINATE / FORMAT_FAILURE, or whatever the damage implies), never throw, and never
 * pass a damaged signature. What keeps hostile input cheap is checked by the cap that stops it (the problem it
 * reports, where it stopped), not by wall-clock budgets, which are flaky on shared CI machines; the explicit test
 * timeouts are hang guards only.
 */
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileResultSchema } from '../model/result';
import { createTrustStore, type TrustStore } from '../pkix';
import { LIMITS } from './document';
import { type PdfVerification, verifyPdf } from './index';
import { FIELD_LIMITS } from './signatures';
import { MAX_ELEMENTS_PER_OBJECT, MAX_NESTING } from './syntax';
import { appendIncrement, CORPUS_TIME, concatBytes, corpus, embeddedCertificates, latin1 } from './testkit';

let trust: TrustStore;
beforeAll(() => {
  trust = createTrustStore({ anchors: embeddedCertificates(corpus('signed.pdf')) });
});
const options = () => ({ trust, at: CORPUS_TIME, revocationPolicy: 'skip' as const });

/** Verifies and checks the invariants every result must keep; returns the result. */
async function safely(pdf: Uint8Array): Promise<PdfVerification> {
  const result = await verifyPdf(pdf, options());
  FileResultSchema.parse({ ...result, subject: 'x', format: 'pdf' });
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  return result;
}

/** The first structure problem the reader set aside (the `pdf.structure` check), in English. */
function structureProblem(result: PdfVerification): string | undefined {
  return result.checks.find((check) => check.id === 'pdf.structure')?.message.en;
}

/** The byte offset a structure problem gives ("… at offset 4728."). */
function problemOffset(problem: string | undefined): number {
  const match = /at offset (\d+)/.exec(problem ?? '');
  if (match === null) throw new Error(`no offset in ${problem}`);
  return Number(match[1]);
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
    const result = await safely(pdf);
    expect(result.indication).toBe('INDETERMINATE');
    expect(['FORMAT_FAILURE', 'SIGNED_DATA_NOT_FOUND']).toContain(result.subIndication);
    expect(result.signatures).toEqual([]);
  });

  it('every truncation of signed.pdf and signed-twice.pdf is answered and never TOTAL-PASSED', async () => {
    for (const name of ['signed.pdf', 'signed-twice.pdf'] as const) {
      const full = corpus(name);
      const step = name === 'signed.pdf' ? 1 : 7;
      for (let length = 0; length < full.length; length += step) {
        const result = await safely(full.subarray(0, length));
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
    const result = await safely(pdf);
    // The looping revision is unreadable: the bytes after the signed revision cannot be analysed.
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.signatures[0]?.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(structureProblem(result)).toContain('cross-reference loop at 4655');
  });

  it('two sections pointing to each other', async () => {
    const a = base().length + 1;
    const first = `\nxref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${a + 100} >>\n`;
    const padded = first.padEnd(100, ' ');
    const second = `xref\n0 0\ntrailer\n<< /Size 14 /Root 2 0 R /Prev ${a} >>\nstartxref\n${a + 100}\n%%EOF\n`;
    const pdf = concatBytes([base(), latin1(padded + second)]);
    const result = await safely(pdf);
    expect(result.indication).not.toBe('TOTAL-PASSED');
  });

  it('a /Prev chain of 20,000 sections is cut at the cross-reference section cap', async () => {
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
    const result = await safely(concatBytes([base(), latin1(text)]));
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(20_000).toBeGreaterThan(LIMITS.sections);
    expect(structureProblem(result)).toContain('too many cross-reference sections');
  });

  it('an xref stream that inflates far beyond its declared size (compression bomb) is cut at its decode limit', async () => {
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
    const result = await safely(pdf);
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(structureProblem(result)).toContain('decoded stream exceeds the limit');
  });

  it('an object stream claiming a billion objects', async () => {
    const pdf = appendIncrement(base(), [
      { num: 14, body: '<< /Type /ObjStm /N 1000000000 /First 10 /Length 5 >>\nstream\n1 0  \nendstream' },
    ]);
    const result = await safely(pdf);
    expect(result.signatures).toHaveLength(1);
  });

  // The 30 s timeout is a hang guard (2,001 revisions), not a performance claim.
  it('two thousand tiny incremental updates on top of a signature', async () => {
    let pdf = corpus('signed.pdf');
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
    const result = await safely(pdf);
    expect(result.revisions).toBe(2001);
    // Empty increments change nothing: the signature still passes, as partial-document.
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
    expect(result.signatures[0]?.coverage?.kind).toBe('partial-document');
  }, 30_000);

  it('form fields walked again in each of many revisions stay within a global budget', async () => {
    const fields = [];
    for (let i = 0; i < 5000; i++) fields.push({ num: 100 + i, body: `<< /FT /Tx /T (f${i}) >>` });
    const list = fields.map((f) => `${f.num} 0 R`).join(' ');
    let pdf = appendIncrement(corpus('signed.pdf'), [...fields, { num: 9, body: `<< /Fields [8 0 R ${list}] >>` }]);
    for (let i = 0; i < 60; i++) pdf = appendIncrement(pdf, []);
    // Each revision alone is within the per-revision cap; walked again in 61 revisions, they exceed the global one.
    expect(fields.length + 1).toBeLessThan(FIELD_LIMITS.fields);
    expect(61 * (fields.length + 1)).toBeGreaterThan(FIELD_LIMITS.fieldVisits);
    const result = await safely(pdf);
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(result.message.en).toContain('too many form fields');
  }, 60_000);

  it('twenty thousand %%EOF markers are refused at the marker cap', async () => {
    const flood = '%%EOF\n'.repeat(20_000);
    const result = await safely(concatBytes([base(), latin1(flood)]));
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(20_000).toBeGreaterThan(LIMITS.eofMarkers);
    expect(result.message.en).toContain('too many %%EOF markers');
  });

  it('two hundred thousand /ByteRange names: the linear scan stops listing at its cap', async () => {
    const flood = '% /ByteRange\n'.repeat(200_000);
    const result = await safely(concatBytes([base(), latin1(flood)]));
    expect(result.indication).not.toBe('TOTAL-PASSED');
    expect(200_000).toBeGreaterThan(FIELD_LIMITS.scanHits);
    expect(result.checks).toContainEqual(
      expect.objectContaining({
        id: 'pdf.byterange-scan',
        passed: false,
        message: expect.objectContaining({ en: 'Too many /ByteRange occurrences to list.' }),
      }),
    );
    // Messages stay readable: ten offsets at most, the rest counted.
    for (const text of [result.message, ...result.checks.map((check) => check.message)])
      for (const lang of ['vi', 'en'] as const) expect(text[lang].length).toBeLessThan(2_000);
    expect(result.message.en).toMatch(/and \d+ more/);
  });
});

describe('deep nesting and huge objects', () => {
  /** [label, catalog body, the structure problem, and for a capped one: the repeated unit and the cap]. */
  const OBJECTS: readonly [string, string, string, { unit: string; cap: number }?][] = [
    ['arrays nested 100,000 deep', '['.repeat(100_000), 'nesting too deep', { unit: '[', cap: MAX_NESTING }],
    [
      'dictionaries nested 50,000 deep',
      '<< /A '.repeat(50_000),
      'nesting too deep',
      { unit: '<< /A ', cap: MAX_NESTING },
    ],
    ['an unterminated string of 5 MB', `(${'x'.repeat(5_000_000)}`, 'unterminated string'],
    ['an unterminated hex string of 5 MB', `<${'0'.repeat(5_000_000)}`, 'hex string'],
    [
      'a 4-million-element array',
      `[${'0 '.repeat(4_000_000)}]`,
      'too many elements in one object',
      { unit: '0 ', cap: MAX_ELEMENTS_PER_OBJECT },
    ],
  ];

  // The 30 s timeout is a hang guard, not a performance claim.
  it.each(OBJECTS)(
    '%s as the catalog of an increment → set aside as a structure problem, stopped at its cap if it has one',
    async (_label, body, problem, capped) => {
      const base = corpus('signed.pdf');
      const pdf = appendIncrement(base, [{ num: 2, body }]);
      const result = await safely(pdf);
      expect(result.indication).not.toBe('TOTAL-PASSED');
      const found = structureProblem(result);
      expect(found).toContain(problem);
      if (capped !== undefined) {
        // Reported within the first cap + 1 units of the object: the rest of it was never parsed.
        const bodyStart = Buffer.from(pdf).indexOf(body.slice(0, 16), base.length);
        expect(problemOffset(found)).toBeGreaterThanOrEqual(bodyStart);
        expect(problemOffset(found)).toBeLessThanOrEqual(bodyStart + (capped.cap + 1) * capped.unit.length);
      }
    },
    30_000,
  );

  it('form fields nested 10,000 deep through /Kids are refused at the field depth cap', async () => {
    const objects = [];
    for (let i = 0; i < 10_000; i++)
      objects.push({ num: 100 + i, body: `<< /FT /Sig /T (f${i}) /Kids [${101 + i} 0 R] >>` });
    objects.push({ num: 9, body: '<< /Fields [8 0 R 100 0 R] >>' });
    const result = await safely(appendIncrement(corpus('signed.pdf'), objects));
    expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' });
    expect(10_000).toBeGreaterThan(FIELD_LIMITS.depth);
    expect(result.message.en).toContain('form fields nested too deep');
  }, 30_000);

  it('a stream whose /Length is absurd still parses (the data ends at endstream)', async () => {
    const pdf = appendIncrement(corpus('signed.pdf'), [
      { num: 14, body: '<< /Length 99999999999 >>\nstream\nhello\nendstream' },
    ]);
    const result = await safely(pdf);
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
          const result = await safely(mutated);
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
          const result = await safely(mutated);
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
        const result = await safely(concatBytes([latin1(pdfHead), bytes, latin1('\nstartxref\n9\n%%EOF\n')]));
        expect(result.indication).not.toBe('TOTAL-PASSED');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
