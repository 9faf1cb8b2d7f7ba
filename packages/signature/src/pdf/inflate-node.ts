/*
 * FlateDecode (zlib) for the structure layer in Node, capped before inflating finishes (zlib `maxOutputLength`), so
 * a compression bomb costs at most the cap. The browser build gets ./inflate-browser.ts (package.json "imports":
 * `#inflate`).
 */
import { constants, inflateSync } from 'node:zlib';
import { PdfSyntaxError } from './syntax';

/** Inflates zlib data to at most `maxOutput` bytes; throws PdfSyntaxError when corrupt or over the cap. */
export function inflate(raw: Uint8Array, maxOutput: number): Uint8Array {
  try {
    // Z_SYNC_FLUSH: a stream cut short (common in real files) yields what was decoded instead of failing.
    return inflateSync(raw, { maxOutputLength: Math.max(1, maxOutput), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw new PdfSyntaxError('decoded stream exceeds the limit');
    throw new PdfSyntaxError('corrupt FlateDecode data');
  }
}
