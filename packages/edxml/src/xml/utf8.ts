/**
 * Just enough UTF-8 knowledge to say where decoding went wrong (TextDecoder only says that it did)
 * and whether a chunk ends inside a multi-byte sequence.
 */

/** How many bytes a sequence starting with `lead` has, or 0 if `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The range the second byte of a sequence must be in (tighter after E0, ED, F0, F4: no overlongs, surrogates or > U+10FFFF). */
function secondByteInRange(lead: number, second: number): boolean {
  switch (lead) {
    case 0xe0:
      return second >= 0xa0 && second <= 0xbf;
    case 0xed:
      return second >= 0x80 && second <= 0x9f;
    case 0xf0:
      return second >= 0x90 && second <= 0xbf;
    case 0xf4:
      return second >= 0x80 && second <= 0x8f;
    default:
      return second >= 0x80 && second <= 0xbf;
  }
}

/**
 * Index of the first byte of the first malformed sequence in `bytes`, or -1 if there is none.
 * A sequence cut by the end of `bytes` counts as malformed only when `isEndOfInput`.
 */
export function findInvalidUtf8(bytes: Uint8Array, isEndOfInput: boolean): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const needed = sequenceLength(lead);
    if (needed === 0) return i;
    for (let k = 1; k < needed; k++) {
      if (i + k >= length) return isEndOfInput ? i : -1;
      const next = bytes[i + k]!;
      const valid = k === 1 ? secondByteInRange(lead, next) : next >= 0x80 && next <= 0xbf;
      if (!valid) return i;
    }
    i += needed;
  }
  return -1;
}

/**
 * How many bytes at the end of `bytes` start a multi-byte sequence that is not complete yet
 * (0 to 3). `bytes` must be valid UTF-8 apart from that cut.
 */
export function incompleteTailLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if (byte >= 0x80 && byte <= 0xbf) continue;
    const needed = sequenceLength(byte);
    return needed > back ? back : 0;
  }
  return 0;
}
