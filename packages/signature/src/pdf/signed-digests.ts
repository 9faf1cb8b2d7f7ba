/*
 * Digests of the bytes a PDF signature covers, [0, a) ∥ [b, b + c), read in place (no concatenated copy). The
 * signatures of a file overlap: every ByteRange starts at 0, and the signatures of later revisions cover the
 * earlier ones, whose first range [0, a) is a prefix of theirs. So one running hash per algorithm advances along
 * the file, and each signature's digest is a copy of it at its own `a` continued with its second range: a 20 MB
 * first revision signed twice is hashed once, not twice. Signatures are checked in file order (growing `a`);
 * one whose `a` lies behind the running hash is hashed on its own, leaving the running hash as it was.
 * The running hashes come from the crypto backend (../crypto): Node's Hash#copy; in the browser build WebCrypto has
 * no incremental digest, so there a copy keeps the ranges and each signature hashes its covered bytes whole.
 */
import type { DigestName } from '../cms/algorithms';
import { type CryptoBackend, cryptoBackend, type IncrementalDigest } from '../crypto';

/** ByteRange [0 a b c] as [offset, length] pairs, already checked to lie inside the file. */
export type SignedRanges = readonly [readonly [number, number], readonly [number, number]];

export class SignedRangeDigests {
  private readonly prefixes = new Map<DigestName, { hash: IncrementalDigest; end: number }>();

  constructor(
    private readonly buf: Uint8Array,
    private readonly backend: CryptoBackend = cryptoBackend,
  ) {}

  /** The digest of the bytes `ranges` cover, under `algorithm`. */
  digest(algorithm: DigestName, ranges: SignedRanges): Promise<Uint8Array> {
    const [[, a], [b, c]] = ranges;
    let prefix = this.prefixes.get(algorithm);
    if (!prefix) {
      prefix = { hash: this.backend.createDigest(algorithm), end: 0 };
      this.prefixes.set(algorithm, prefix);
    }
    let hash: IncrementalDigest;
    if (prefix.end <= a) {
      prefix.hash.update(this.buf.subarray(prefix.end, a));
      prefix.end = a;
      hash = prefix.hash.copy();
    } else hash = this.backend.createDigest(algorithm).update(this.buf.subarray(0, a));
    return hash.update(this.buf.subarray(b, b + c)).digest();
  }
}
