/*
 * A lean, bounded DER reader for certificates, CRLs and OCSP responses, and the few encoders needed to build an
 * OCSP request. Every read is checked against the enclosing element; lengths, tag numbers, nesting, element
 * counts and OID sizes are capped, so hostile input (truncated, oversized, deeply nested, huge OIDs) fails fast
 * with a `DerError` that the public functions turn into a typed result. Nothing here allocates in proportion to a
 * length field before checking it against the bytes actually present.
 */

import { toHex } from '../bytes';

/** Why a DER input was rejected. */
export type DerFailure =
  | 'empty'
  | 'truncated'
  | 'indefinite-length'
  | 'length-overflow'
  | 'tag-overflow'
  | 'nesting-too-deep'
  | 'too-many-elements'
  | 'oid-too-long'
  | 'invalid-oid'
  | 'unexpected-element'
  | 'trailing-data'
  | 'invalid-string'
  | 'invalid-time'
  | 'invalid-integer'
  | 'invalid-boolean'
  | 'invalid-bit-string'
  | 'duplicate-extension'
  | 'invalid-extension';

/** Internal parse failure; public functions catch it and return `{ ok: false, reason }`. */
export class DerError extends Error {
  override readonly name = 'DerError';
  readonly failure: DerFailure;
  /** Byte offset where the problem was found. */
  readonly offset: number;
  /** What was wrong, for developers; for extension failures, the extension's name. */
  readonly detail: string | undefined;

  constructor(failure: DerFailure, offset: number, detail?: string) {
    super(detail ? `${failure} at byte ${offset}: ${detail}` : `${failure} at byte ${offset}`);
    this.failure = failure;
    this.offset = offset;
    this.detail = detail;
  }
}

export const TAG_CLASS = { universal: 0, application: 1, context: 2, private: 3 } as const;

export const UNIVERSAL = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  enumerated: 10,
  utf8String: 12,
  sequence: 16,
  set: 17,
  numericString: 18,
  printableString: 19,
  teletexString: 20,
  videotexString: 21,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  graphicString: 25,
  visibleString: 26,
  generalString: 27,
  universalString: 28,
  bmpString: 30,
} as const;

/** One TLV element: where its header and content sit in `bytes`. */
export interface DerNode {
  readonly bytes: Uint8Array;
  readonly tagClass: number;
  readonly constructed: boolean;
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the content. */
  readonly end: number;
}

/** Limits for a full structural walk. */
export interface DerLimits {
  /** Deepest allowed nesting of constructed elements (the outermost element is depth 1). */
  maxDepth: number;
  /** Most elements in the whole input. */
  maxElements: number;
  /** Longest allowed OBJECT IDENTIFIER content, in bytes. */
  maxOidBytes: number;
}

/** Limits used for one certificate (at most 64 KiB of DER). */
export const CERTIFICATE_DER_LIMITS: DerLimits = { maxDepth: 24, maxElements: 8192, maxOidBytes: 64 };

/** Largest OID content accepted anywhere (a UUID arc under 2.25 takes 19 bytes; real OIDs stay well under 64). */
export const MAX_OID_BYTES = 64;
/** Most arcs in one OID. */
export const MAX_OID_ARCS = 32;

/** Reads the element starting at `offset`, which must end at or before `limit`. */
export function readNode(bytes: Uint8Array, offset: number, limit: number = bytes.length): DerNode {
  if (offset >= limit) throw new DerError(offset === 0 && limit === 0 ? 'empty' : 'truncated', offset);
  const identifier = bytes[offset] as number;
  const tagClass = identifier >> 6;
  const constructed = (identifier & 0x20) !== 0;
  let tag = identifier & 0x1f;
  let cursor = offset + 1;
  if (tag === 0x1f) {
    // High tag number form: base-128, at most 4 octets (28 bits).
    tag = 0;
    for (let count = 0; ; count++) {
      if (cursor >= limit) throw new DerError('truncated', cursor);
      if (count >= 4) throw new DerError('tag-overflow', cursor);
      const octet = bytes[cursor++] as number;
      tag = tag * 128 + (octet & 0x7f);
      if ((octet & 0x80) === 0) break;
    }
  }
  if (cursor >= limit) throw new DerError('truncated', cursor);
  const first = bytes[cursor++] as number;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else if (first === 0x80) {
    throw new DerError('indefinite-length', cursor - 1);
  } else {
    const octets = first & 0x7f;
    if (octets > 4) throw new DerError('length-overflow', cursor - 1);
    if (cursor + octets > limit) throw new DerError('truncated', cursor);
    length = 0;
    for (let index = 0; index < octets; index++) length = length * 256 + (bytes[cursor++] as number);
  }
  const end = cursor + length;
  if (end > limit) throw new DerError('truncated', cursor, `content of ${length} bytes runs past the end`);
  return { bytes, tagClass, constructed, tag, start: offset, contentStart: cursor, end };
}

/** Reads exactly one element spanning all of `bytes`. */
export function readSingle(bytes: Uint8Array): DerNode {
  const node = readNode(bytes, 0, bytes.length);
  if (node.end !== bytes.length) throw new DerError('trailing-data', node.end);
  return node;
}

/** The content octets of an element (a view, not a copy). */
export function contentOf(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.contentStart, node.end);
}

/** The whole encoding (header and content) of an element (a view, not a copy). */
export function encodingOf(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.start, node.end);
}

/** The direct children of a constructed element, at most `maxCount`. */
export function childrenOf(node: DerNode, maxCount = 100_000): DerNode[] {
  if (!node.constructed) throw new DerError('unexpected-element', node.start, 'expected a constructed element');
  const children: DerNode[] = [];
  let offset = node.contentStart;
  while (offset < node.end) {
    if (children.length >= maxCount) throw new DerError('too-many-elements', offset);
    const child = readNode(node.bytes, offset, node.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Calls `visit` for each direct child without keeping them (for long lists such as CRL entries). */
export function forEachChild(node: DerNode, visit: (child: DerNode) => void): void {
  if (!node.constructed) throw new DerError('unexpected-element', node.start, 'expected a constructed element');
  let offset = node.contentStart;
  while (offset < node.end) {
    const child = readNode(node.bytes, offset, node.end);
    visit(child);
    offset = child.end;
  }
}

declare const matched: unique symbol;
/** A node a tag test accepted (a one-sided narrowing: a failed test leaves the type as it was). */
export type MatchedNode = DerNode & { readonly [matched]: true };

export function isUniversal(node: DerNode | undefined, tag: number): node is MatchedNode {
  return node !== undefined && node.tagClass === TAG_CLASS.universal && node.tag === tag;
}

export function isContext(node: DerNode | undefined, tag: number): node is MatchedNode {
  return node !== undefined && node.tagClass === TAG_CLASS.context && node.tag === tag;
}

/** Asserts a universal element of the given tag (and, for SEQUENCE/SET, that it is constructed). */
export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined) throw new DerError('unexpected-element', 0, `missing ${what}`);
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== tag)
    throw new DerError('unexpected-element', node.start, `expected ${what}`);
  const mustBeConstructed = tag === UNIVERSAL.sequence || tag === UNIVERSAL.set;
  if (mustBeConstructed !== node.constructed) throw new DerError('unexpected-element', node.start, `malformed ${what}`);
  return node;
}

export function expectSequence(node: DerNode | undefined, what: string): DerNode {
  return expectUniversal(node, UNIVERSAL.sequence, what);
}

/**
 * Walks the whole tree once, iteratively, checking that every constructed element's children tile its content
 * exactly, and enforcing depth, element-count and OID-size limits. Call it before schema reading so that later
 * reads cannot meet a surprise deep inside.
 */
export function checkStructure(bytes: Uint8Array, limits: DerLimits): DerNode {
  const root = readSingle(bytes);
  let elements = 1;
  const stack: { node: DerNode; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: DerNode; depth: number };
    if (node.tagClass === TAG_CLASS.universal && node.tag === UNIVERSAL.oid) {
      if (node.end - node.contentStart > limits.maxOidBytes) throw new DerError('oid-too-long', node.start);
    }
    if (!node.constructed) continue;
    if (depth >= limits.maxDepth && node.end > node.contentStart) throw new DerError('nesting-too-deep', node.start);
    let offset = node.contentStart;
    while (offset < node.end) {
      if (++elements > limits.maxElements) throw new DerError('too-many-elements', offset);
      const child = readNode(bytes, offset, node.end);
      stack.push({ node: child, depth: depth + 1 });
      offset = child.end;
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Primitive decoders

/** OBJECT IDENTIFIER as dotted text; size- and arc-capped. */
export function decodeOid(node: DerNode): string {
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== UNIVERSAL.oid || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected an OBJECT IDENTIFIER');
  return decodeOidContent(contentOf(node), node.contentStart);
}

export function decodeOidContent(content: Uint8Array, offset = 0): string {
  if (content.length === 0) throw new DerError('invalid-oid', offset, 'empty');
  if (content.length > MAX_OID_BYTES) throw new DerError('oid-too-long', offset);
  const arcs: bigint[] = [];
  let value = 0n;
  let started = false;
  for (let index = 0; index < content.length; index++) {
    const octet = content[index] as number;
    if (!started && octet === 0x80) throw new DerError('invalid-oid', offset + index, 'non-minimal arc');
    started = true;
    value = (value << 7n) | BigInt(octet & 0x7f);
    if ((octet & 0x80) === 0) {
      arcs.push(value);
      if (arcs.length > MAX_OID_ARCS) throw new DerError('oid-too-long', offset + index);
      value = 0n;
      started = false;
    }
  }
  if (started) throw new DerError('invalid-oid', offset + content.length, 'last arc unterminated');
  const first = arcs[0] as bigint;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].map(String).join('.');
}

/** An INTEGER that must fit in a small non-negative number (versions, path lengths, reason codes). */
export function decodeSmallInteger(node: DerNode, tag: number = UNIVERSAL.integer): number {
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== tag || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected an INTEGER');
  const content = contentOf(node);
  if (content.length === 0) throw new DerError('invalid-integer', node.start, 'empty');
  if (content.length > 4 || ((content[0] as number) & 0x80) !== 0)
    throw new DerError('invalid-integer', node.start, 'out of range');
  let value = 0;
  for (const octet of content) value = value * 256 + octet;
  return value;
}

/** The content octets of an INTEGER (two's complement, as encoded). */
export function integerContent(node: DerNode): Uint8Array {
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== UNIVERSAL.integer || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected an INTEGER');
  const content = contentOf(node);
  if (content.length === 0) throw new DerError('invalid-integer', node.start, 'empty');
  return content;
}

/** Upper-case hex of an INTEGER's magnitude, without the sign octet (as OpenSSL prints serial numbers). */
export function integerHex(node: DerNode): string {
  return magnitudeHex(integerContent(node));
}

/** Upper-case hex of INTEGER content octets without leading zero octets (keeps one for zero). */
export function magnitudeHex(content: Uint8Array): string {
  let start = 0;
  while (start < content.length - 1 && content[start] === 0) start++;
  return toHex(content.subarray(start));
}

export function decodeBoolean(node: DerNode): boolean {
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== UNIVERSAL.boolean || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected a BOOLEAN');
  if (node.end - node.contentStart !== 1) throw new DerError('invalid-boolean', node.start);
  return node.bytes[node.contentStart] !== 0;
}

/** A BIT STRING: its unused-bit count and octets. */
export function decodeBitString(
  node: DerNode,
  implicitTag?: { tagClass: number; tag: number },
): {
  unusedBits: number;
  bytes: Uint8Array;
} {
  const tagClass = implicitTag?.tagClass ?? TAG_CLASS.universal;
  const tag = implicitTag?.tag ?? UNIVERSAL.bitString;
  if (node.tagClass !== tagClass || node.tag !== tag || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected a BIT STRING');
  const content = contentOf(node);
  if (content.length === 0) throw new DerError('invalid-bit-string', node.start, 'empty');
  const unusedBits = content[0] as number;
  if (unusedBits > 7 || (content.length === 1 && unusedBits !== 0))
    throw new DerError('invalid-bit-string', node.start);
  return { unusedBits, bytes: content.subarray(1) };
}

/** Whether bit `index` (0 = most significant bit of the first octet) is set in a named-bit BIT STRING. */
export function bitIsSet(bits: Uint8Array, index: number): boolean {
  const octet = bits[index >> 3];
  return octet !== undefined && (octet & (0x80 >> (index & 7))) !== 0;
}

export function decodeOctetString(node: DerNode): Uint8Array {
  if (node.tagClass !== TAG_CLASS.universal || node.tag !== UNIVERSAL.octetString || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected an OCTET STRING');
  return contentOf(node);
}

const TIME_PATTERN = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,9}))?(Z|[+-]\d{4})$/;

/** UTCTime or GeneralizedTime as a Date. */
export function decodeTime(node: DerNode): Date {
  if (node.tagClass !== TAG_CLASS.universal || node.constructed)
    throw new DerError('unexpected-element', node.start, 'expected a time');
  const isUtc = node.tag === UNIVERSAL.utcTime;
  if (!isUtc && node.tag !== UNIVERSAL.generalizedTime)
    throw new DerError('unexpected-element', node.start, 'expected a time');
  const content = contentOf(node);
  if (content.length > 32) throw new DerError('invalid-time', node.start);
  const text = String.fromCharCode(...content);
  const match = TIME_PATTERN.exec(text);
  if (!match) throw new DerError('invalid-time', node.start, text);
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string,
  ];
  if (isUtc !== (yearText.length === 2) || (isUtc && fraction !== undefined))
    throw new DerError('invalid-time', node.start, text);
  let year = Number(yearText);
  if (isUtc) year += year < 50 ? 2000 : 1900; // RFC 5280 §4.1.2.5.1
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    throw new DerError('invalid-time', node.start, text);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) throw new DerError('invalid-time', node.start);
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return new Date(utc - offsetMinutes * 60_000);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Whether an element is one of the ASN.1 character-string types. */
export function isStringType(node: DerNode): boolean {
  if (node.tagClass !== TAG_CLASS.universal || node.constructed) return false;
  switch (node.tag) {
    case UNIVERSAL.utf8String:
    case UNIVERSAL.numericString:
    case UNIVERSAL.printableString:
    case UNIVERSAL.teletexString:
    case UNIVERSAL.videotexString:
    case UNIVERSAL.ia5String:
    case UNIVERSAL.graphicString:
    case UNIVERSAL.visibleString:
    case UNIVERSAL.generalString:
    case UNIVERSAL.universalString:
    case UNIVERSAL.bmpString:
      return true;
    default:
      return false;
  }
}

/**
 * A character string as text: UTF8String (invalid sequences become U+FFFD), BMPString (UTF-16BE),
 * UniversalString (UTF-32BE), the ASCII types (read as UTF-8 when a CA put non-ASCII in them), TeletexString
 * (read as Latin-1, like most toolkits).
 */
export function decodeString(node: DerNode): string {
  if (!isStringType(node)) throw new DerError('unexpected-element', node.start, 'expected a character string');
  const content = contentOf(node);
  switch (node.tag) {
    case UNIVERSAL.bmpString:
      if (content.length % 2 !== 0) throw new DerError('invalid-string', node.start, 'odd BMPString length');
      try {
        return utf16be.decode(content);
      } catch {
        throw new DerError('invalid-string', node.start, 'invalid BMPString');
      }
    case UNIVERSAL.universalString: {
      if (content.length % 4 !== 0) throw new DerError('invalid-string', node.start, 'bad UniversalString length');
      let text = '';
      for (let index = 0; index < content.length; index += 4) {
        const codePoint =
          (content[index] as number) * 0x1000000 +
          ((content[index + 1] as number) << 16) +
          ((content[index + 2] as number) << 8) +
          (content[index + 3] as number);
        if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
          throw new DerError('invalid-string', node.start, 'invalid UniversalString code point');
        text += String.fromCodePoint(codePoint);
      }
      return text;
    }
    case UNIVERSAL.teletexString:
    case UNIVERSAL.videotexString:
      return latin1.decode(content);
    default:
      return utf8.decode(content);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Hex and byte helpers

export { toHex };

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoders (for OCSP requests)

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** One TLV with a low tag number (identifier octet given whole, e.g. 0x30 for SEQUENCE). */
export function encodeTlv(identifier: number, ...contents: Uint8Array[]): Uint8Array {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  const header = encodeLength(length);
  const out = new Uint8Array(1 + header.length + length);
  out[0] = identifier;
  out.set(header, 1);
  let offset = 1 + header.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function encodeSequence(...contents: Uint8Array[]): Uint8Array {
  return encodeTlv(0x30, ...contents);
}

export function encodeOctetString(content: Uint8Array): Uint8Array {
  return encodeTlv(0x04, content);
}

export function encodeNull(): Uint8Array {
  return Uint8Array.of(0x05, 0x00);
}

/** Encodes a dotted OID (programmer-supplied constants only). */
export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [first = 0n, second = 0n, ...rest] = arcs;
  const octets: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const group: number[] = [Number(arc & 0x7fn)];
    for (let value = arc >> 7n; value > 0n; value >>= 7n) group.unshift(Number(value & 0x7fn) | 0x80);
    octets.push(...group);
  }
  return encodeTlv(0x06, Uint8Array.from(octets));
}
