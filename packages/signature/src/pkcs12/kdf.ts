/*
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2) and the password encodings PKCS#12 files use.
 * PKCS#12 derives its MAC key, and the keys and IVs of its own PBE schemes (3DES, RC2), from the password as a
 * BMPString (UTF-16 big-endian with a two-byte terminator); PBES2 uses the password's UTF-8 bytes instead.
 */
import { createHash, hash } from 'node:crypto';

/** Digests the PKCS#12 KDF runs over, with their output (u) and block (v) sizes in bytes. */
const KDF_DIGESTS = {
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
  'sha512-224': { u: 28, v: 128 },
  'sha512-256': { u: 32, v: 128 },
} as const;

export type KdfDigest = keyof typeof KDF_DIGESTS;

/** What the derived bytes are for (RFC 7292 B.3): the ID byte of the diversifier. */
export const KDF_PURPOSE = { key: 1, iv: 2, mac: 3 } as const;

export function kdfDigestSize(digest: KdfDigest): number {
  return KDF_DIGESTS[digest].u;
}

/** UTF-16BE code units of `password` followed by 0x0000 — what PKCS#12 calls the BMPString form. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/**
 * Derives `length` bytes for `purpose` from `password` (already in BMPString form; empty for an absent
 * password) and `salt` with `iterations` rounds of `digest`.
 */
export function pkcs12Kdf(
  digest: KdfDigest,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  purpose: number,
  length: number,
): Uint8Array {
  const { u, v } = KDF_DIGESTS[digest];
  const diversifier = new Uint8Array(v).fill(purpose);
  const stretch = (source: Uint8Array) => {
    const out = new Uint8Array(source.length === 0 ? 0 : v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] as number;
    return out;
  };
  const input = new Uint8Array([...stretch(salt), ...stretch(password)]);
  const output = new Uint8Array(length);
  const rounds = Math.ceil(length / u);
  for (let round = 0; round < rounds; round++) {
    let a = createHash(digest).update(diversifier).update(input).digest();
    // One-shot hash(): about three times faster than createHash per round (NSS writes 600,000 iterations).
    for (let i = 1; i < iterations; i++) a = hash(digest, a, 'buffer');
    output.set(a.subarray(0, Math.min(u, length - round * u)), round * u);
    if (round === rounds - 1) break;
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block I_j of I, where B is A repeated to v bytes.
    for (let block = 0; block < input.length; block += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (input[block + k] as number) + (a[k % u] as number) + carry;
        input[block + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return output;
}
