/*
 * The PDF object syntax (ISO 32000-1 §7.2–7.3), read from bytes with positions kept: enough to parse the
 * indirect objects a signature verifier needs (catalog, form fields, signature dictionaries, xref streams,
 * object streams, pages). Hand-written byte scanning, no regular expressions; every loop advances; nesting
 * is capped; anything malformed throws `PdfSyntaxError`, an internal error the verifier turns into a result.
 */

import { indexOfAscii as findAscii, lastIndexOfAscii as findLastAscii, bytesEqual as sameBytes } from '../bytes';

/** Malformed PDF. Internal: never escapes the public API (reported as FORMAT_FAILURE). */
export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

/** The deepest nesting of arrays and dictionaries we parse (real files need < 10). */
export const MAX_NESTING = 64;
/** The most elements (array items + dictionary entries) one parse may produce. */
export const MAX_ELEMENTS_PER_OBJECT = 1_000_000;
/** Longest number token we accept (a longer one is not a PDF number). */
const MAX_NUMBER_LENGTH = 32;

export interface PdfNull {
  readonly kind: 'null';
}
export interface PdfBoolean {
  readonly kind: 'bool';
  readonly value: boolean;
}
export interface PdfNumber {
  readonly kind: 'num';
  readonly value: number;
  /** Written without a decimal point or exponent (an integer token). */
  readonly int: boolean;
  readonly start: number;
  readonly end: number;
}
export interface PdfName {
  readonly kind: 'name';
  /** Decoded (`#xx` escapes applied), each byte as one latin-1 character. */
  readonly value: string;
}
export interface PdfString {
  readonly kind: 'str';
  readonly bytes: Uint8Array;
  readonly hex: boolean;
  /** Offset of the opening `(` or `<`, and just past the closing delimiter. */
  readonly start: number;
  readonly end: number;
  /** Hex strings only: every character between the brackets was a hex digit (no whitespace), even count. */
  readonly pureHex: boolean;
}
export interface PdfArray {
  readonly kind: 'array';
  readonly items: readonly PdfObject[];
  readonly start: number;
  readonly end: number;
}
export interface PdfDict {
  readonly kind: 'dict';
  readonly entries: ReadonlyMap<string, PdfObject>;
  /** Offset of each key's `/`. */
  readonly keyOffsets: ReadonlyMap<string, number>;
  /** Keys that occurred more than once (the last value is kept; callers that care refuse such dictionaries). */
  readonly duplicateKeys: readonly string[];
  readonly start: number;
  readonly end: number;
}
export interface PdfRef {
  readonly kind: 'ref';
  readonly num: number;
  readonly gen: number;
}
export interface PdfStream {
  readonly kind: 'stream';
  readonly dict: PdfDict;
  /** The raw (encoded) data, as positions in the buffer the object was read from. */
  readonly dataStart: number;
  readonly dataEnd: number;
}
export type PdfObject =
  | PdfNull
  | PdfBoolean
  | PdfNumber
  | PdfName
  | PdfString
  | PdfArray
  | PdfDict
  | PdfRef
  | PdfStream;

export const PDF_NULL: PdfNull = Object.freeze({ kind: 'null' });

/** An indirect object as read from a buffer: `num gen obj … endobj`. */
export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfObject;
  /** Offset of the object number, and just past `endobj` (or past the value when `endobj` is missing). */
  readonly start: number;
  readonly end: number;
}

// Character classes (ISO 32000-1 §7.2.2).
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[0x41 + i] = 10 + i;
  HEX[0x61 + i] = 10 + i;
}

export const isWhite = (c: number): boolean => WHITE[c] === 1;
export const isDelimiter = (c: number): boolean => DELIM[c] === 1;
export const isRegular = (c: number): boolean => WHITE[c] === 0 && DELIM[c] === 0;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const hexValue = (c: number): number => HEX[c] as number;

/** Skips whitespace and comments from `pos`; returns the first other offset (or `limit`). */
export function skipSpace(buf: Uint8Array, pos: number, limit: number): number {
  while (pos < limit) {
    const c = buf[pos] as number;
    if (WHITE[c] === 1) pos++;
    else if (c === 0x25 /* % */) {
      while (pos < limit && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++;
    } else break;
  }
  return pos;
}

/** True when `word` is at `pos` and is a whole token (followed by a delimiter, whitespace or the limit). */
export function keywordAt(buf: Uint8Array, pos: number, limit: number, word: string): boolean {
  if (pos + word.length > limit) return false;
  for (let i = 0; i < word.length; i++) if (buf[pos + i] !== word.charCodeAt(i)) return false;
  const next = pos + word.length;
  return next >= limit || !isRegular(buf[next] as number);
}

/** Reads an unsigned integer token at `pos` (digits only); undefined when there is none or it is too long. */
export function readUnsigned(buf: Uint8Array, pos: number, limit: number): { value: number; end: number } | undefined {
  let end = pos;
  let value = 0;
  while (end < limit && isDigit(buf[end] as number)) {
    if (end - pos >= 15) return undefined; // beyond 2^49: not an offset or object number we accept
    value = value * 10 + ((buf[end] as number) - 0x30);
    end++;
  }
  if (end === pos) return undefined;
  if (end < limit && isRegular(buf[end] as number)) return undefined; // e.g. `12.5`, `12R`
  return { value, end };
}

/** A parser over `buf[0, limit)`, positioned anywhere. */
export class PdfParser {
  pos: number;
  private elements = 0;

  constructor(
    readonly buf: Uint8Array,
    pos: number,
    readonly limit: number = buf.length,
  ) {
    this.pos = pos;
  }

  fail(what: string): never {
    throw new PdfSyntaxError(`${what} at offset ${this.pos}`);
  }

  skipSpace(): void {
    this.pos = skipSpace(this.buf, this.pos, this.limit);
  }

  /** Consumes `word` (after whitespace) if it is the next token. */
  tryKeyword(word: string): boolean {
    this.skipSpace();
    if (!keywordAt(this.buf, this.pos, this.limit, word)) return false;
    this.pos += word.length;
    return true;
  }

  /** Reads one direct object (references `n g R` recognised). */
  readObject(depth = 0): PdfObject {
    if (depth > MAX_NESTING) this.fail('nesting too deep');
    if (++this.elements > MAX_ELEMENTS_PER_OBJECT) this.fail('too many elements in one object');
    this.skipSpace();
    if (this.pos >= this.limit) this.fail('unexpected end of data');
    const buf = this.buf;
    const c = buf[this.pos] as number;
    switch (c) {
      case 0x2f /* / */:
        return this.readName();
      case 0x28 /* ( */:
        return this.readLiteralString();
      case 0x3c /* < */:
        if (buf[this.pos + 1] === 0x3c) return this.readDict(depth);
        return this.readHexString();
      case 0x5b /* [ */:
        return this.readArray(depth);
      default:
        break;
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.readNumberOrRef();
    if (keywordAt(buf, this.pos, this.limit, 'true')) {
      this.pos += 4;
      return { kind: 'bool', value: true };
    }
    if (keywordAt(buf, this.pos, this.limit, 'false')) {
      this.pos += 5;
      return { kind: 'bool', value: false };
    }
    if (keywordAt(buf, this.pos, this.limit, 'null')) {
      this.pos += 4;
      return PDF_NULL;
    }
    this.fail(`unexpected byte 0x${c.toString(16)}`);
  }

  private readName(): PdfName {
    const buf = this.buf;
    let pos = this.pos + 1;
    let value = '';
    let chunkStart = pos;
    while (pos < this.limit && isRegular(buf[pos] as number)) {
      if (buf[pos] === 0x23 /* # */) {
        const hi = hexValue(buf[pos + 1] ?? 0);
        const lo = hexValue(buf[pos + 2] ?? 0);
        if (pos + 2 < this.limit && hi >= 0 && lo >= 0) {
          value += latin1(buf, chunkStart, pos) + String.fromCharCode(hi * 16 + lo);
          pos += 3;
          chunkStart = pos;
          continue;
        }
      }
      pos++;
    }
    value += latin1(buf, chunkStart, pos);
    this.pos = pos;
    return { kind: 'name', value };
  }

  private readNumberOrRef(): PdfNumber | PdfRef {
    const first = this.readNumber();
    if (!first.int || first.value < 0 || buf0(this.buf, first.start) === 0x2b) return first;
    // `n g R`: look ahead without consuming.
    const save = this.pos;
    const p1 = skipSpace(this.buf, this.pos, this.limit);
    if (p1 > save) {
      const gen = readUnsigned(this.buf, p1, this.limit);
      if (gen !== undefined) {
        const p2 = skipSpace(this.buf, gen.end, this.limit);
        if (p2 > gen.end && keywordAt(this.buf, p2, this.limit, 'R')) {
          this.pos = p2 + 1;
          return { kind: 'ref', num: first.value, gen: gen.value };
        }
      }
    }
    this.pos = save;
    return first;
  }

  private readNumber(): PdfNumber {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    if (buf[pos] === 0x2b || buf[pos] === 0x2d) pos++;
    let digits = 0;
    let dot = false;
    while (pos < this.limit) {
      const c = buf[pos] as number;
      if (isDigit(c)) digits++;
      else if (c === 0x2e && !dot) dot = true;
      else break;
      pos++;
      if (pos - start > MAX_NUMBER_LENGTH) this.fail('number too long');
    }
    if (digits === 0) this.fail('malformed number');
    if (pos < this.limit && isRegular(buf[pos] as number)) this.fail('malformed number');
    const value = Number(latin1(buf, start, pos));
    if (!Number.isFinite(value)) this.fail('malformed number');
    this.pos = pos;
    return { kind: 'num', value, int: !dot && Number.isSafeInteger(value), start, end: pos };
  }

  private readLiteralString(): PdfString {
    const buf = this.buf;
    const start = this.pos;
    let pos = start + 1;
    let depth = 1;
    const out: number[] = [];
    while (pos < this.limit) {
      const c = buf[pos++] as number;
      if (c === 0x5c /* \ */) {
        if (pos >= this.limit) break;
        const e = buf[pos++] as number;
        switch (e) {
          case 0x6e:
            out.push(0x0a);
            break;
          case 0x72:
            out.push(0x0d);
            break;
          case 0x74:
            out.push(0x09);
            break;
          case 0x62:
            out.push(0x08);
            break;
          case 0x66:
            out.push(0x0c);
            break;
          case 0x0d:
            if (buf[pos] === 0x0a) pos++;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let v = e - 0x30;
              for (let k = 0; k < 2 && pos < this.limit; k++) {
                const d = buf[pos] as number;
                if (d < 0x30 || d > 0x37) break;
                v = v * 8 + (d - 0x30);
                pos++;
              }
              out.push(v & 0xff);
            } else out.push(e);
        }
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) {
          this.pos = pos;
          return { kind: 'str', bytes: Uint8Array.from(out), hex: false, start, end: pos, pureHex: false };
        }
        out.push(c);
      } else out.push(c);
    }
    this.pos = start;
    this.fail('unterminated string');
  }

  private readHexString(): PdfString {
    const buf = this.buf;
    const start = this.pos;
    let pos = start + 1;
    // Find the closing bracket first so the output is allocated once.
    const close = indexOfByte(buf, 0x3e, pos, this.limit);
    if (close < 0) this.fail('unterminated hex string');
    const out = new Uint8Array(Math.ceil((close - pos) / 2));
    let n = 0;
    let half = -1;
    let pure = true;
    for (; pos < close; pos++) {
      const c = buf[pos] as number;
      const v = HEX[c] as number;
      if (v < 0) {
        if (WHITE[c] === 1) {
          pure = false;
          continue;
        }
        this.fail('bad character in hex string');
      }
      if (half < 0) half = v;
      else {
        out[n++] = half * 16 + v;
        half = -1;
      }
    }
    if (half >= 0) {
      out[n++] = half * 16;
      pure = false;
    }
    this.pos = close + 1;
    return { kind: 'str', bytes: out.subarray(0, n), hex: true, start, end: close + 1, pureHex: pure };
  }

  private readArray(depth: number): PdfArray {
    const start = this.pos;
    this.pos++;
    const items: PdfObject[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.limit) this.fail('unterminated array');
      if (this.buf[this.pos] === 0x5d /* ] */) {
        this.pos++;
        return { kind: 'array', items, start, end: this.pos };
      }
      items.push(this.readObject(depth + 1));
    }
  }

  private readDict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfObject>();
    const keyOffsets = new Map<string, number>();
    const duplicateKeys: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.limit) this.fail('unterminated dictionary');
      const c = this.buf[this.pos];
      if (c === 0x3e /* > */) {
        if (this.buf[this.pos + 1] !== 0x3e) this.fail('malformed dictionary end');
        this.pos += 2;
        return { kind: 'dict', entries, keyOffsets, duplicateKeys, start, end: this.pos };
      }
      if (c !== 0x2f) this.fail('dictionary key is not a name');
      const keyOffset = this.pos;
      const key = this.readName().value;
      const value = this.readObject(depth + 1);
      if (entries.has(key)) duplicateKeys.push(key);
      entries.set(key, value);
      keyOffsets.set(key, keyOffset);
    }
  }

  /**
   * Reads `num gen obj <object> [stream … endstream] endobj` at the current position. `streamLength`
   * resolves an indirect /Length (undefined when it cannot); without a usable length the data ends at the
   * next `endstream`.
   */
  readIndirect(streamLength?: (ref: PdfRef) => number | undefined): IndirectObject {
    this.skipSpace();
    const start = this.pos;
    const num = readUnsigned(this.buf, this.pos, this.limit);
    if (num === undefined) this.fail('expected an object number');
    this.pos = skipSpace(this.buf, num.end, this.limit);
    const gen = readUnsigned(this.buf, this.pos, this.limit);
    if (gen === undefined) this.fail('expected a generation number');
    this.pos = gen.end;
    if (!this.tryKeyword('obj')) this.fail('expected "obj"');
    let value = this.readObject();
    if (value.kind === 'dict' && this.tryKeyword('stream')) value = this.readStreamData(value, streamLength);
    this.tryKeyword('endobj');
    return { num: num.value, gen: gen.value, value, start, end: this.pos };
  }

  private readStreamData(dict: PdfDict, streamLength?: (ref: PdfRef) => number | undefined): PdfStream {
    const buf = this.buf;
    // `stream` is followed by CRLF or LF (a lone CR is tolerated).
    if (buf[this.pos] === 0x0d) this.pos++;
    if (buf[this.pos] === 0x0a) this.pos++;
    const dataStart = this.pos;
    const lengthObject = dict.entries.get('Length');
    let length: number | undefined;
    if (lengthObject?.kind === 'num' && lengthObject.int) length = lengthObject.value;
    else if (lengthObject?.kind === 'ref' && streamLength) length = streamLength(lengthObject);
    if (length !== undefined && length >= 0 && dataStart + length <= this.limit) {
      const after = skipSpace(buf, dataStart + length, this.limit);
      if (keywordAt(buf, after, this.limit, 'endstream')) {
        this.pos = after + 9;
        return { kind: 'stream', dict, dataStart, dataEnd: dataStart + length };
      }
    }
    // Length missing or wrong: the data ends before the next `endstream` (and its preceding EOL).
    const found = indexOfAscii(buf, 'endstream', dataStart, this.limit);
    if (found < 0) this.fail('unterminated stream');
    let dataEnd = found;
    if (dataEnd > dataStart && buf[dataEnd - 1] === 0x0a) dataEnd--;
    if (dataEnd > dataStart && buf[dataEnd - 1] === 0x0d) dataEnd--;
    this.pos = found + 9;
    return { kind: 'stream', dict, dataStart, dataEnd };
  }
}

function buf0(buf: Uint8Array, pos: number): number {
  return buf[pos] ?? 0;
}

/** Bytes as latin-1 text (for names, keywords and numbers: ASCII in practice). */
export function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...buf.subarray(i, Math.min(end, i + 4096)));
  return s;
}

export function indexOfByte(buf: Uint8Array, byte: number, from: number, limit: number): number {
  const i = buf.indexOf(byte, from);
  return i >= 0 && i < limit ? i : -1;
}

/** First occurrence of an ASCII needle in `buf[from, limit)` (native search in Node, linear). */
export function indexOfAscii(buf: Uint8Array, needle: string, from: number, limit: number): number {
  const i = findAscii(buf, needle, from);
  return i >= 0 && i + needle.length <= limit ? i : -1;
}

/** Last occurrence of an ASCII needle starting before `before` (and at or after `from`). */
export function lastIndexOfAscii(buf: Uint8Array, needle: string, before: number, from = 0): number {
  if (before <= from) return -1;
  const i = findLastAscii(buf, needle, before - 1);
  return i >= from ? i : -1;
}

// Accessors that tolerate anything (wrong types give undefined).

export function dictGet(dict: PdfDict | undefined, key: string): PdfObject | undefined {
  return dict?.entries.get(key);
}

export function nameOf(object: PdfObject | undefined): string | undefined {
  return object?.kind === 'name' ? object.value : undefined;
}

export function intOf(object: PdfObject | undefined): number | undefined {
  return object?.kind === 'num' && object.int ? object.value : undefined;
}

export function asDict(object: PdfObject | undefined): PdfDict | undefined {
  if (object?.kind === 'dict') return object;
  if (object?.kind === 'stream') return object.dict;
  return undefined;
}

/** Structural equality of two parsed objects (positions ignored); streams compare their raw data too. */
export function deepEqual(a: PdfObject, b: PdfObject, dataA: Uint8Array, dataB: Uint8Array, depth = 0): boolean {
  if (depth > MAX_NESTING) return false;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'null':
      return true;
    case 'bool':
      return a.value === (b as PdfBoolean).value;
    case 'num':
      return a.value === (b as PdfNumber).value;
    case 'name':
      return a.value === (b as PdfName).value;
    case 'ref':
      return a.num === (b as PdfRef).num && a.gen === (b as PdfRef).gen;
    case 'str':
      return bytesEqual(a.bytes, (b as PdfString).bytes);
    case 'array': {
      const other = b as PdfArray;
      if (a.items.length !== other.items.length) return false;
      return a.items.every((item, i) => deepEqual(item, other.items[i] as PdfObject, dataA, dataB, depth + 1));
    }
    case 'dict': {
      const other = b as PdfDict;
      if (a.entries.size !== other.entries.size) return false;
      for (const [key, value] of a.entries) {
        const v = other.entries.get(key);
        if (v === undefined || !deepEqual(value, v, dataA, dataB, depth + 1)) return false;
      }
      return true;
    }
    case 'stream': {
      const other = b as PdfStream;
      if (!deepEqual(a.dict, other.dict, dataA, dataB, depth + 1)) return false;
      return bytesEqual(dataA.subarray(a.dataStart, a.dataEnd), dataB.subarray(other.dataStart, other.dataEnd));
    }
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return sameBytes(a, b);
}

/** Every reference found inside an object (not following them), up to `max`. */
export function collectRefs(object: PdfObject, out: PdfRef[], max = 100_000, depth = 0): void {
  if (depth > MAX_NESTING || out.length >= max) return;
  switch (object.kind) {
    case 'ref':
      out.push(object);
      return;
    case 'array':
      for (const item of object.items) collectRefs(item, out, max, depth + 1);
      return;
    case 'dict':
      for (const value of object.entries.values()) collectRefs(value, out, max, depth + 1);
      return;
    case 'stream':
      collectRefs(object.dict, out, max, depth + 1);
      return;
    default:
      return;
  }
}
