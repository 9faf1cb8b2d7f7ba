/*
 * Byte-array encodings and searches in plain JavaScript, for any platform (the browser build uses these). ./node.ts
 * replaces the ones where Node's Buffer is much faster; both are reached through ./index.ts.
 */

const HEX_DIGITS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

/** Upper-case hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index++) text += HEX_DIGITS[bytes[index] as number];
  return text;
}

/** Bytes of an even-length hexadecimal string (the package's own `toHex` output: serial numbers, key ids). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let index = 0; index < out.length; index++)
    out[index] = Number.parseInt(hex.slice(2 * index, 2 * index + 2), 16);
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let index = 0; index < BASE64_ALPHABET.length; index++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(index)] = index;

/**
 * Decodes base64 text whose alphabet the caller has checked; decoding stops at the first `=`, and a trailing partial
 * group yields its whole bytes (as Node's Buffer does).
 */
export function fromBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let length = 0;
  let bits = 0;
  let collected = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3d) break; // '='
    const value = code < 128 ? (BASE64_VALUES[code] as number) : -1;
    if (value < 0) continue;
    bits = ((bits << 6) | value) & 0xffffff;
    collected += 6;
    if (collected >= 8) {
      collected -= 8;
      out[length++] = (bits >> collected) & 0xff;
    }
  }
  return out.subarray(0, length);
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const group = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number);
    text +=
      BASE64_ALPHABET.charAt(group >> 18) +
      BASE64_ALPHABET.charAt((group >> 12) & 63) +
      BASE64_ALPHABET.charAt((group >> 6) & 63) +
      BASE64_ALPHABET.charAt(group & 63);
  }
  const rest = bytes.length - index;
  if (rest > 0) {
    const group = ((bytes[index] as number) << 16) | (rest === 2 ? (bytes[index + 1] as number) << 8 : 0);
    text += BASE64_ALPHABET.charAt(group >> 18) + BASE64_ALPHABET.charAt((group >> 12) & 63);
    text += rest === 2 ? `${BASE64_ALPHABET.charAt((group >> 6) & 63)}=` : '==';
  }
  return text;
}

/** Bytes as Latin-1 text, one character per byte. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let index = start; index < end; index += 4096)
    text += String.fromCharCode(...bytes.subarray(index, Math.min(end, index + 4096)));
  return text;
}

/** First occurrence of an ASCII needle at or after `from`; -1 when none. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (at + needle.length > bytes.length) return -1;
    if (matchesAt(bytes, at, needle)) return at;
  }
  return -1;
}

/** Last occurrence of an ASCII needle starting at or before `from`; -1 when none. */
export function lastIndexOfAscii(bytes: Uint8Array, needle: string, from = bytes.length - 1): number {
  const first = needle.charCodeAt(0);
  const start = Math.min(from, bytes.length - needle.length);
  if (start < 0) return -1;
  for (let at = bytes.lastIndexOf(first, start); at >= 0; at = at > 0 ? bytes.lastIndexOf(first, at - 1) : -1)
    if (matchesAt(bytes, at, needle)) return at;
  return -1;
}

function matchesAt(bytes: Uint8Array, at: number, needle: string): boolean {
  for (let index = 1; index < needle.length; index++) if (bytes[at + index] !== needle.charCodeAt(index)) return false;
  return true;
}

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

/** The parts one after another, in a new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A new array whose every byte the caller will write (Node skips zero-filling it). */
export function allocUninitialized(length: number): Uint8Array {
  return new Uint8Array(length);
}
