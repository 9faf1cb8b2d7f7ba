import { Buffer } from 'node:buffer';

/** Decodes base64 text (whitespace is ignored). Check it first with `inspectPayload` when it is untrusted. */
export function decodeBase64(text: string): Uint8Array {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Encodes bytes as unwrapped base64, as the SDKs write it. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
