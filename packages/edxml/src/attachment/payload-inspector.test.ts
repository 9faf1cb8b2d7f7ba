import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectPayload, PayloadInspector } from './payload-inspector';
import { zipSingleFile } from './zip-writer';

function inspectInChunks(text: string, sizes: readonly number[]) {
  const inspector = new PayloadInspector();
  const pieces: Uint8Array[] = [];
  let at = 0;
  let index = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[index++ % sizes.length] ?? 1);
    pieces.push(inspector.write(text.slice(at, at + size)));
    at += size;
  }
  const end = inspector.end();
  pieces.push(end.bytes);
  return { inspection: end.inspection, bytes: Buffer.concat(pieces) };
}

const base64Text = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  // Wrapped at 76 columns, as MIME writers do.
  fc.uint8Array({ maxLength: 300 }).map((bytes) =>
    Buffer.from(bytes)
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n'),
  ),
  // Anything: invalid characters, stray padding, URL-safe alphabet.
  fc.string({ unit: fc.constantFrom(...'AQZaz09+/=-_ \n$é'.split('')), maxLength: 40 }),
);

describe('PayloadInspector', () => {
  it('finds the same things whatever the chunking, and decodes what Buffer decodes', () => {
    fc.assert(
      fc.property(
        base64Text,
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 5 }),
        (text, sizes) => {
          const whole = inspectInChunks(text, [text.length || 1]);
          const chunked = inspectInChunks(text, sizes);
          expect(chunked.inspection).toEqual(whole.inspection);
          if (whole.inspection.base64Error === undefined) {
            expect(whole.bytes.equals(Buffer.from(text, 'base64'))).toBe(true);
            expect(chunked.bytes.equals(whole.bytes)).toBe(true);
            expect(whole.inspection.byteLength).toBe(whole.bytes.length);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['QUJD-_VG', 'URL-safe characters'],
    ['QUJDQU-_', 'URL-safe characters completing a group'],
    ['QUJD$', 'a character outside the alphabet'],
    ['QUI=QUJD', 'data after padding'],
    ['Q===', 'three padding characters'],
    ['QUJDR', 'a length that is not a multiple of 4'],
  ])('refuses %s (%s), with the position', (text) => {
    const inspection = inspectPayload(text);
    expect(inspection.base64Error?.reason.vi).toBeTruthy();
    expect(inspection.base64Error?.reason.en).toBeTruthy();
  });

  it('recognises a one-file ZIP wrapper and the kind of its entry', () => {
    const zip = zipSingleFile('a.pdf', new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(5000)}`));
    const inspection = inspectPayload(Buffer.from(zip).toString('base64'));
    expect(inspection).toMatchObject({
      kind: 'zip',
      zip: { ok: true, entryCount: 1, firstEntryName: 'a.pdf', firstEntryKind: 'pdf' },
    });
  });

  it('counts replacement characters across chunk boundaries', () => {
    const bytes = Buffer.from(`%PDF-1.4 ${'\uFFFD'.repeat(10)}`);
    const text = bytes.toString('base64');
    for (const size of [1, 3, 4, 5, 7]) expect(inspectInChunks(text, [size]).inspection.replacementCount).toBe(10);
  });
});
