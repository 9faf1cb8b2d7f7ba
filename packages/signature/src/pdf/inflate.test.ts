/**
 * FlateDecode in both builds: zlib (Node) and fflate (browser build) give the same bytes for complete streams, the
 * browser's output for a truncated stream is a prefix of zlib's, and both enforce the output cap and refuse
 * corrupt data with PdfSyntaxError.
 */
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflate as inflateBrowser } from './inflate-browser';
import { inflate as inflateNode } from './inflate-node';
import { PdfSyntaxError } from './syntax';

describe('FlateDecode, Node and browser builds', () => {
  it('decode complete streams alike, and truncated ones to a prefix of what zlib recovers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 70_000 }),
          fc.string({ maxLength: 20_000 }).map((text) => new TextEncoder().encode(text.repeat(3))),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (data, cut) => {
          const compressed = new Uint8Array(deflateSync(data));
          expect(inflateBrowser(compressed, 1 << 20)).toEqual(data);
          expect(new Uint8Array(inflateNode(compressed, 1 << 20))).toEqual(data);
          const truncated = compressed.subarray(0, Math.floor(compressed.length * cut));
          let fromNode: Uint8Array | undefined;
          try {
            fromNode = new Uint8Array(inflateNode(truncated, 1 << 20));
          } catch (error) {
            expect(error).toBeInstanceOf(PdfSyntaxError);
          }
          let fromBrowser: Uint8Array | undefined;
          try {
            fromBrowser = inflateBrowser(truncated, 1 << 20);
          } catch (error) {
            expect(error).toBeInstanceOf(PdfSyntaxError);
          }
          if (fromNode && fromBrowser) expect(fromNode.subarray(0, fromBrowser.length)).toEqual(fromBrowser);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stop a compression bomb at the cap', () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(8 * 1024 * 1024)));
    for (const inflate of [inflateNode, inflateBrowser]) {
      expect(() => inflate(bomb, 1024 * 1024)).toThrow(new PdfSyntaxError('decoded stream exceeds the limit'));
      expect(inflate(bomb, 8 * 1024 * 1024).length).toBe(8 * 1024 * 1024);
    }
  });

  it('refuse data that is not zlib', () => {
    const garbage = Uint8Array.of(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0);
    for (const inflate of [inflateNode, inflateBrowser])
      expect(() => inflate(garbage, 1024)).toThrow(new PdfSyntaxError('corrupt FlateDecode data'));
  });
});
