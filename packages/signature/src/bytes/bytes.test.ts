/**
 * The portable byte helpers (what the browser build uses) against the Buffer-backed ones Node uses: same results
 * on random input, and both against Buffer itself where Buffer defines the answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as nodeBytes from './node';
import * as portable from './portable';

const implementations = [
  ['node', nodeBytes],
  ['portable', portable],
] as const;

describe('byte helpers, portable and Buffer-backed', () => {
  it('hex and base64 round-trip and match Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex').toUpperCase();
        const base64 = Buffer.from(bytes).toString('base64');
        for (const [name, impl] of implementations) {
          expect(impl.toHex(bytes), name).toBe(hex);
          expect(impl.fromHex(hex), name).toEqual(bytes);
          expect(impl.toBase64(bytes), name).toBe(base64);
          expect(impl.fromBase64(base64), name).toEqual(bytes);
          expect(impl.fromBase64(base64.replace(/=+$/, '')), name).toEqual(bytes);
        }
      }),
    );
  });

  it('decode base64 text of any length the way Buffer does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/]{0,40}={0,2}$/), (text) => {
        const expected = new Uint8Array(Buffer.from(text, 'base64'));
        for (const [name, impl] of implementations) expect(impl.fromBase64(text), name).toEqual(expected);
      }),
    );
  });

  it('read Latin-1 text, compare bytes and search ASCII needles alike', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }).map((bytes) => bytes.map((byte) => (byte % 4) + 0x61)), // a–d: many hits
        fc.stringMatching(/^[a-d]{1,4}$/),
        fc.nat(420),
        (bytes, needle, from) => {
          const buffer = Buffer.from(bytes);
          const start = Math.min(from, bytes.length);
          for (const [name, impl] of implementations) {
            expect(impl.latin1(bytes), name).toBe(buffer.toString('latin1'));
            expect(impl.latin1(bytes, start), name).toBe(buffer.toString('latin1', start));
            expect(impl.indexOfAscii(bytes, needle, from), name).toBe(buffer.indexOf(needle, from, 'latin1'));
            expect(impl.lastIndexOfAscii(bytes, needle, from), name).toBe(buffer.lastIndexOf(needle, from, 'latin1'));
            expect(impl.lastIndexOfAscii(bytes, needle), name).toBe(buffer.lastIndexOf(needle, undefined, 'latin1'));
            expect(impl.bytesEqual(bytes, new Uint8Array(bytes)), name).toBe(true);
            expect(impl.bytesEqual(bytes, bytes.subarray(1)), name).toBe(bytes.length === 0);
            expect(impl.allocUninitialized(bytes.length).length, name).toBe(bytes.length);
            const parts = [bytes.subarray(0, start), new Uint8Array(0), bytes.subarray(start)];
            expect(impl.concatBytes(parts), name).toEqual(new Uint8Array(Buffer.concat(parts)));
          }
        },
      ),
    );
  });

  it('keep Latin-1 bytes above 0x7F as their code points (not windows-1252)', () => {
    const bytes = Uint8Array.of(0x80, 0x9f, 0xa0, 0xe9, 0xff);
    for (const [name, impl] of implementations) expect(impl.latin1(bytes), name).toBe('\x80\x9f\xa0\xe9\xff');
  });
});
