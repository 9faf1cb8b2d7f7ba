/*
 * RC2-CBC decryption (RFC 2268). Legacy PKCS#12 files — `openssl pkcs12 -legacy`, older Windows and Java
 * exports — encrypt their certificates with pbeWithSHAAnd40BitRC2-CBC, and OpenSSL 3 only offers RC2 in its
 * legacy provider, which Node does not load. Decryption only: nothing here is ever used to protect data.
 */

/** RFC 2268 §2: PITABLE, a permutation of 0–255 derived from the digits of π. */
const PITABLE = Uint8Array.from([
  0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d, 0xc6, 0x7e, 0x37,
  0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2, 0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3,
  0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32, 0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0,
  0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82, 0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14,
  0xa7, 0x8c, 0xf1, 0xdc, 0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6,
  0x26, 0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03, 0xf8, 0x11,
  0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7, 0x08, 0xe8, 0xea, 0xde, 0x80,
  0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a, 0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74,
  0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec, 0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf,
  0x50, 0xa1, 0xf4, 0x70, 0x39, 0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55,
  0x97, 0x31, 0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9, 0xd3,
  0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9, 0x0d, 0x38, 0x34, 0x1b,
  0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e, 0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c,
  0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
]);

/** RFC 2268 §2: the 64 16-bit subkeys for `key` (1–128 bytes) at `effectiveBits` (1–1024). */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  if (key.length < 1 || key.length > 128) throw new RangeError('RC2 keys are 1 to 128 bytes');
  if (!Number.isInteger(effectiveBits) || effectiveBits < 1 || effectiveBits > 1024)
    throw new RangeError('RC2 effective key bits are 1 to 1024');
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i++) l[i] = PITABLE[((l[i - 1] as number) + (l[i - t] as number)) & 0xff] as number;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[(l[128 - t8] as number) & tm] as number;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[(l[i + 1] as number) ^ (l[i + t8] as number)] as number;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = (l[2 * i] as number) | ((l[2 * i + 1] as number) << 8);
  return k;
}

const SHIFTS = [1, 2, 3, 5] as const;

/** RFC 2268 §4: decrypts one 8-byte block of `input` at `offset` into `output` at the same offset. */
export function rc2DecryptBlock(k: Uint16Array, input: Uint8Array, output: Uint8Array, offset: number): void {
  const r = new Uint16Array(4);
  for (let i = 0; i < 4; i++) r[i] = (input[offset + 2 * i] as number) | ((input[offset + 2 * i + 1] as number) << 8);
  let j = 63;
  const rMix = () => {
    for (let i = 3; i >= 0; i--) {
      const s = SHIFTS[i] as number;
      const word = r[i] as number;
      const rotated = ((word >>> s) | (word << (16 - s))) & 0xffff;
      const a = r[(i + 3) % 4] as number;
      const b = r[(i + 2) % 4] as number;
      const c = r[(i + 1) % 4] as number;
      r[i] = rotated - (k[j--] as number) - (a & b) - (~a & c);
    }
  };
  const rMash = () => {
    for (let i = 3; i >= 0; i--) r[i] = (r[i] as number) - (k[(r[(i + 3) % 4] as number) & 63] as number);
  };
  for (let round = 0; round < 5; round++) rMix();
  rMash();
  for (let round = 0; round < 6; round++) rMix();
  rMash();
  for (let round = 0; round < 5; round++) rMix();
  for (let i = 0; i < 4; i++) {
    output[offset + 2 * i] = (r[i] as number) & 0xff;
    output[offset + 2 * i + 1] = (r[i] as number) >> 8;
  }
}

/**
 * RC2-CBC decryption with PKCS#7 padding removed. Returns undefined when the ciphertext is not whole blocks
 * or the padding is wrong — with PKCS#12 almost always a wrong password.
 */
export function rc2CbcDecrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array | undefined {
  if (iv.length !== 8 || ciphertext.length === 0 || ciphertext.length % 8 !== 0) return undefined;
  const k = rc2ExpandKey(key, effectiveBits);
  const plain = new Uint8Array(ciphertext.length);
  for (let offset = 0; offset < ciphertext.length; offset += 8) {
    rc2DecryptBlock(k, ciphertext, plain, offset);
    const previous = offset === 0 ? iv : ciphertext.subarray(offset - 8, offset);
    for (let i = 0; i < 8; i++) plain[offset + i] = (plain[offset + i] as number) ^ (previous[i] as number);
  }
  const pad = plain[plain.length - 1] as number;
  if (pad < 1 || pad > 8) return undefined;
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) return undefined;
  return plain.subarray(0, plain.length - pad);
}
