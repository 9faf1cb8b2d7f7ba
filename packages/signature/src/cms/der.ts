/*
 * A small, bounds-checked BER/DER reader and a DER writer, enough for CMS SignedData. The reader never
 * allocates copies (values are subarrays of the input), caps the nesting depth of indefinite lengths, and
 * throws `DerError` — an internal error that the CMS layer turns into a FORMAT_FAILURE result — on anything
 * malformed: truncation, lengths past the end, primitive indefinite lengths, depth bombs.
 */

import { bytesEqual, concatBytes as concat } from '../bytes';

/** Malformed encoding. Internal: never escapes the public API (caught and reported as FORMAT_FAILURE). */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** The deepest nesting of indefinite-length encodings we follow (CMS needs about 6). */
export const MAX_INDEFINITE_DEPTH = 32;

/** One element: identifier, where its value lies, and where the next element starts. */
export interface Tlv {
  /** Class bits and constructed bit of the identifier, with the tag number (low or high form). */
  readonly cls: number;
  readonly constructed: boolean;
  readonly num: number;
  /** The first identifier octet (enough to compare low-number tags: 0x30 SEQUENCE, 0xa0 [0] …). */
  readonly id: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first value octet. */
  readonly valueStart: number;
  /** Offset just past the value (before the end-of-contents octets of an indefinite length). */
  readonly valueEnd: number;
  /** Offset just past the whole element (after end-of-contents octets, if any). */
  readonly end: number;
  readonly indefinite: boolean;
}

/** Reads the element starting at `pos`, which must end at or before `limit`. */
export function readTlv(buf: Uint8Array, pos: number, limit: number, depth = 0): Tlv {
  if (pos >= limit) throw new DerError('unexpected end of data');
  const start = pos;
  const id = buf[pos++] as number;
  const cls = id >> 6;
  const constructed = (id & 0x20) !== 0;
  let num = id & 0x1f;
  if (num === 0x1f) {
    // High tag number: base-128, at most 4 octets (tag numbers < 2^28), minimal.
    num = 0;
    let count = 0;
    for (;;) {
      if (pos >= limit) throw new DerError('truncated tag');
      const b = buf[pos++] as number;
      if (count === 0 && b === 0x80) throw new DerError('non-minimal tag');
      num = num * 128 + (b & 0x7f);
      if (++count > 4) throw new DerError('tag number too large');
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) throw new DerError('truncated length');
  const first = buf[pos++] as number;
  if (first < 0x80) {
    const valueEnd = pos + first;
    if (valueEnd > limit) throw new DerError('length past the end of data');
    return { cls, constructed, num, id, start, valueStart: pos, valueEnd, end: valueEnd, indefinite: false };
  }
  if (first === 0x80) {
    if (!constructed) throw new DerError('indefinite length on a primitive element');
    if (depth >= MAX_INDEFINITE_DEPTH) throw new DerError('nesting too deep');
    const valueStart = pos;
    let p = pos;
    for (;;) {
      if (p + 2 <= limit && buf[p] === 0 && buf[p + 1] === 0) {
        return { cls, constructed, num, id, start, valueStart, valueEnd: p, end: p + 2, indefinite: true };
      }
      p = readTlv(buf, p, limit, depth + 1).end;
    }
  }
  const count = first & 0x7f;
  if (count > 4) throw new DerError('length too large');
  if (pos + count > limit) throw new DerError('truncated length');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (buf[pos++] as number);
  const valueEnd = pos + length;
  if (valueEnd > limit) throw new DerError('length past the end of data');
  return { cls, constructed, num, id, start, valueStart: pos, valueEnd, end: valueEnd, indefinite: false };
}

/** Reads the children of a constructed element, in order (at most `max`). */
export function children(buf: Uint8Array, parent: Tlv, max = 4096): Tlv[] {
  if (!parent.constructed) throw new DerError('expected a constructed element');
  const out: Tlv[] = [];
  let pos = parent.valueStart;
  while (pos < parent.valueEnd) {
    if (out.length >= max) throw new DerError('too many elements');
    const child = readTlv(buf, pos, parent.valueEnd);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** Reads an element and checks its first identifier octet. */
export function expectTlv(buf: Uint8Array, pos: number, limit: number, id: number, what: string): Tlv {
  const tlv = readTlv(buf, pos, limit);
  if (tlv.id !== id) throw new DerError(`expected ${what}`);
  return tlv;
}

/** The bytes of an element, identifier to end. */
export function raw(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}

/** The value octets of a primitive element. */
export function value(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.valueStart, tlv.valueEnd);
}

/**
 * The content of an OCTET STRING, primitive (DER) or constructed from primitive segments (BER, as streamed
 * encoders write eContent). A constructed string is copied into one buffer.
 */
export function octetStringContent(buf: Uint8Array, tlv: Tlv): Uint8Array {
  if (tlv.num !== 4 || tlv.cls !== 0) throw new DerError('expected an OCTET STRING');
  if (!tlv.constructed) return value(buf, tlv);
  const parts: Uint8Array[] = [];
  const collect = (node: Tlv, depth: number): void => {
    if (depth > MAX_INDEFINITE_DEPTH) throw new DerError('nesting too deep');
    for (const child of children(buf, node, 1 << 20)) {
      if (child.num !== 4 || child.cls !== 0) throw new DerError('expected OCTET STRING segments');
      if (child.constructed) collect(child, depth + 1);
      else parts.push(value(buf, child));
    }
  };
  collect(tlv, 0);
  return concat(parts);
}

/** A non-negative small INTEGER (versions, salt lengths); larger or negative values are malformed here. */
export function smallInteger(buf: Uint8Array, tlv: Tlv): number {
  if (tlv.id !== 0x02) throw new DerError('expected an INTEGER');
  const bytes = value(buf, tlv);
  if (bytes.length === 0 || bytes.length > 4 || ((bytes[0] as number) & 0x80) !== 0)
    throw new DerError('INTEGER out of range');
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

/** The longest OID we decode (real ones are under 30 octets; long ones are a known DoS vector). */
export const MAX_OID_BYTES = 64;

/** Dotted notation of an OBJECT IDENTIFIER's value octets. */
export function oidToString(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.length > MAX_OID_BYTES) throw new DerError('bad OBJECT IDENTIFIER length');
  if (((bytes[bytes.length - 1] as number) & 0x80) !== 0) throw new DerError('truncated OBJECT IDENTIFIER');
  const arcs: string[] = [];
  let n = 0n;
  let first = true;
  let fresh = true;
  for (const b of bytes) {
    if (fresh && b === 0x80) throw new DerError('non-minimal OBJECT IDENTIFIER arc');
    n = (n << 7n) | BigInt(b & 0x7f);
    fresh = false;
    if ((b & 0x80) === 0) {
      if (first) {
        const top = n < 40n ? 0n : n < 80n ? 1n : 2n;
        arcs.push(top.toString(), (n - top * 40n).toString());
        first = false;
      } else arcs.push(n.toString());
      n = 0n;
      fresh = true;
    }
  }
  return arcs.join('.');
}

/** Reads an OBJECT IDENTIFIER element and returns its dotted form. */
export function readOid(buf: Uint8Array, tlv: Tlv): string {
  if (tlv.id !== 0x06) throw new DerError('expected an OBJECT IDENTIFIER');
  return oidToString(value(buf, tlv));
}

/** UTCTime or GeneralizedTime (the forms RFC 5280 and RFC 5652 use; fractions of seconds accepted). */
export function readTime(buf: Uint8Array, tlv: Tlv): Date {
  if (tlv.valueEnd - tlv.valueStart > 32) throw new DerError('malformed time');
  const text = String.fromCharCode(...value(buf, tlv));
  let match: RegExpExecArray | null;
  let year: number;
  if (tlv.id === 0x17) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) throw new DerError('malformed UTCTime');
    const yy = Number(match[1]);
    year = yy < 50 ? 2000 + yy : 1900 + yy;
  } else if (tlv.id === 0x18) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
    if (!match) throw new DerError('malformed GeneralizedTime');
    year = Number(match[1]);
  } else throw new DerError('expected a time');
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match?.[i]));
  const ms = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, (month as number) - 1, day, hour, minute, second, ms));
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCMonth() !== (month as number) - 1 ||
    date.getUTCDate() !== day ||
    (hour as number) > 23 ||
    (minute as number) > 59 ||
    (second as number) > 59
  )
    throw new DerError('invalid date');
  return date;
}

// The byte helpers every DER user here needs, from ../bytes (native in Node).
export { bytesEqual, concat };

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------------
// DER writer

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** An element with a low-number identifier octet and the given content. */
export function encode(id: number, ...content: readonly Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(id), encodeLength(body.length), body]);
}

export const sequence = (...content: readonly Uint8Array[]): Uint8Array => encode(0x30, ...content);

/** A DER SET OF: the elements sorted by their encodings (X.690 11.6). */
export function setOf(elements: readonly Uint8Array[], id = 0x31): Uint8Array {
  return encode(id, ...[...elements].sort(compareBytes));
}

export const octetString = (bytes: Uint8Array): Uint8Array => encode(0x04, bytes);
export const NULL = Uint8Array.of(0x05, 0x00);

export function smallIntegerDer(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new RangeError('integer out of range');
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return encode(0x02, Uint8Array.from(bytes));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [a = 0n, b = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let n = arc >> 7n; n > 0n; n >>= 7n) chunk.unshift(Number(n & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return encode(0x06, Uint8Array.from(out));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3), whole seconds. */
export function time(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const year = date.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  if (year >= 1950 && year < 2050) return encode(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`));
  return encode(0x18, new TextEncoder().encode(`${digits}Z`));
}
