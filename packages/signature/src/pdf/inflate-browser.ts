/*
 * FlateDecode (zlib) for the structure layer in the browser build, with fflate (a page has no synchronous zlib;
 * DecompressionStream is asynchronous). The input is pushed in small steps and the output counted as it comes,
 * so a compression bomb costs at most the cap plus one step's output (deflate expands at most 1032:1). A stream
 * cut short yields the blocks decoded before the cut — fewer bytes than Node's zlib, which also returns the
 * decoded part of the last block. Node gets ./inflate-node.ts (package.json "imports": `#inflate`).
 */
import { Unzlib } from 'fflate';
import { concatBytes } from '../bytes';
import { PdfSyntaxError } from './syntax';

const INPUT_STEP = 1024;

/** Inflates zlib data to at most `maxOutput` bytes; throws PdfSyntaxError when corrupt or over the cap. */
export function inflate(raw: Uint8Array, maxOutput: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > maxOutput) throw new PdfSyntaxError('decoded stream exceeds the limit');
    parts.push(chunk);
  });
  try {
    // Never `final`: a truncated stream then ends quietly with what was decoded, as zlib's Z_SYNC_FLUSH does.
    for (let offset = 0; offset < raw.length; offset += INPUT_STEP)
      stream.push(raw.subarray(offset, offset + INPUT_STEP), false);
  } catch (error) {
    if (error instanceof PdfSyntaxError) throw error;
    throw new PdfSyntaxError('corrupt FlateDecode data');
  }
  return concatBytes(parts);
}
