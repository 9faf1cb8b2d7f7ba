/*
 * The byte helpers of ./portable.ts with Node's Buffer where it is much faster (native search, comparison and
 * encodings over whole PDFs and CMS files). Selected by the package's `#bytes` import condition; never in the
 * browser build.
 */
export * from './portable';

function view(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toHex(bytes: Uint8Array): string {
  return view(bytes).toString('hex').toUpperCase();
}

export function fromBase64(text: string): Uint8Array {
  const decoded = Buffer.from(text, 'base64');
  return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
}

export function toBase64(bytes: Uint8Array): string {
  return view(bytes).toString('base64');
}

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return view(bytes).toString('latin1', start, end);
}

export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  return view(bytes).indexOf(needle, from, 'latin1');
}

export function lastIndexOfAscii(bytes: Uint8Array, needle: string, from = bytes.length - 1): number {
  if (from < 0) return -1;
  return view(bytes).lastIndexOf(needle, from, 'latin1');
}

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && view(left).equals(view(right));
}

export function allocUninitialized(length: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
}
