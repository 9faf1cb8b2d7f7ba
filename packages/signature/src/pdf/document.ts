/*
 * A minimal PDF document reader for signature verification: revisions (each `%%EOF` with its `startxref`),
 * cross-reference tables and streams (hybrid files included), the trailer chain (/Prev), object streams,
 * and object resolution *as of a given revision*. It never repairs: a broken revision is recorded and left
 * out, and everything is bounded (counts, decoded sizes, chain lengths, visited sets against loops).
 */
import { decodeStream } from './filters';
import {
  asDict,
  dictGet,
  type IndirectObject,
  indexOfAscii,
  intOf,
  isWhite,
  keywordAt,
  nameOf,
  type PdfDict,
  type PdfObject,
  PdfParser,
  type PdfRef,
  PdfSyntaxError,
  readUnsigned,
  skipSpace,
} from './syntax';

export const LIMITS = {
  /** `%%EOF` markers considered (real documents have a few; each one may start a revision). */
  eofMarkers: 4_096,
  /** Cross-reference sections in one chain (and in the whole file). */
  sections: 4_096,
  /** Cross-reference entries over the whole file. */
  xrefEntries: 4_000_000,
  /** Decoded size of one xref or object stream. */
  decodedStream: 64 * 1024 * 1024,
  /** Decoded bytes over the whole document. */
  decodedTotal: 512 * 1024 * 1024,
  /** Objects in one object stream. */
  objectStreamObjects: 200_000,
  /** Links followed through `n g R` chains (a reference to a reference …). */
  referenceHops: 16,
} as const;

/** One cross-reference entry: free (0), at an offset (1), or inside an object stream (2). */
export type XrefEntry =
  | { readonly type: 0 }
  | { readonly type: 1; readonly offset: number; readonly gen: number }
  | { readonly type: 2; readonly stream: number; readonly index: number };

export interface XrefSection {
  /** Where the section starts (`xref` keyword or the xref stream object). */
  readonly offset: number;
  readonly kind: 'table' | 'stream';
  readonly entries: ReadonlyMap<number, XrefEntry>;
  readonly trailer: PdfDict;
  /** Just past the trailer dictionary or the xref stream object. */
  readonly end: number;
  /** Offset of the hybrid-file xref stream (/XRefStm) merged into this section. */
  readonly xrefStm: number | undefined;
}

export interface Revision {
  /** 0-based, in file order. */
  readonly index: number;
  readonly startxref: number;
  /** Offset of `%%EOF`. */
  readonly eof: number;
  /** Just past `%%EOF` and its end-of-line (CR, LF or CRLF). */
  readonly end: number;
  /** The sections of this revision's trailer chain, newest first. */
  readonly chain: readonly XrefSection[];
  readonly trailer: PdfDict;
  /**
   * The sections this revision added (the chain prefix before the previous revision's newest section), or
   * undefined when the chain does not lead to the previous revision (not an incremental update of it).
   */
  readonly ownSections: readonly XrefSection[] | undefined;
}

/** An object resolved through a revision's cross-reference. */
export interface ResolvedObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfObject;
  readonly entry: XrefEntry;
  /** 'file': positions are file offsets; 'objstm': positions refer to `data` (a decoded object stream). */
  readonly source: 'file' | 'objstm';
  readonly data: Uint8Array;
  readonly start: number;
  readonly end: number;
}

/** A problem found while reading the structure (reported, never thrown). */
export interface StructureProblem {
  readonly offset: number;
  readonly detail: string;
}

export class PdfDocument {
  readonly revisions: Revision[] = [];
  /** `%%EOF` markers not preceded by a usable `startxref` (inside streams, or appended junk). */
  readonly strayEofMarkers: number[] = [];
  readonly problems: StructureProblem[] = [];
  private readonly sectionCache = new Map<number, XrefSection | Error>();
  private readonly objectCache = new Map<string, ResolvedObject | Error>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> } | Error>();
  private entryCount = 0;
  private decodedTotal = 0;

  constructor(readonly buf: Uint8Array) {
    this.findRevisions();
  }

  get length(): number {
    return this.buf.length;
  }

  /** The last well-formed revision (undefined when there is none). */
  get last(): Revision | undefined {
    return this.revisions[this.revisions.length - 1];
  }

  // ---------------------------------------------------------------- revisions

  private findRevisions(): void {
    const buf = this.buf;
    let from = 0;
    let markers = 0;
    for (;;) {
      const eof = indexOfAscii(buf, '%%EOF', from, buf.length);
      if (eof < 0) break;
      from = eof + 5;
      if (++markers > LIMITS.eofMarkers) throw new PdfSyntaxError('too many %%EOF markers');
      const startxref = startxrefBefore(buf, eof);
      if (startxref === undefined) {
        this.strayEofMarkers.push(eof);
        continue;
      }
      let end = eof + 5;
      if (buf[end] === 0x0d) end++;
      if (buf[end] === 0x0a) end++;
      let chain: XrefSection[];
      try {
        if (startxref >= eof) throw new PdfSyntaxError('startxref points past its %%EOF');
        chain = this.chainFrom(startxref);
        for (const section of chain)
          if (section.offset >= eof) throw new PdfSyntaxError('trailer chain reaches past this %%EOF');
      } catch (error) {
        if (!(error instanceof PdfSyntaxError)) throw error;
        this.problems.push({ offset: eof, detail: `revision ending at ${end} unreadable: ${error.message}` });
        continue;
      }
      const previous = this.revisions[this.revisions.length - 1];
      let ownSections: XrefSection[] | undefined = chain;
      if (previous) {
        const head = previous.chain[0]?.offset;
        const at = chain.findIndex((section) => section.offset === head);
        ownSections = at >= 0 ? chain.slice(0, at) : undefined;
      }
      this.revisions.push({
        index: this.revisions.length,
        startxref,
        eof,
        end,
        chain,
        trailer: (chain[0] as XrefSection).trailer,
        ownSections,
      });
    }
  }

  /** The trailer chain from a section offset: /Prev links, loops and overlong chains refused. */
  private chainFrom(offset: number): XrefSection[] {
    const chain: XrefSection[] = [];
    const seen = new Set<number>();
    let next: number | undefined = offset;
    while (next !== undefined) {
      if (seen.has(next)) throw new PdfSyntaxError(`cross-reference loop at ${next}`);
      if (chain.length >= LIMITS.sections) throw new PdfSyntaxError('trailer chain too long');
      seen.add(next);
      const section = this.section(next);
      chain.push(section);
      const prev = dictGet(section.trailer, 'Prev');
      if (prev === undefined) next = undefined;
      else {
        next = intOf(prev);
        if (next === undefined || next < 0 || next >= this.buf.length) throw new PdfSyntaxError('bad /Prev');
      }
    }
    return chain;
  }

  private section(offset: number): XrefSection {
    const cached = this.sectionCache.get(offset);
    if (cached instanceof Error) throw cached;
    if (cached) return cached;
    if (this.sectionCache.size >= LIMITS.sections) throw new PdfSyntaxError('too many cross-reference sections');
    try {
      const section = this.readSection(offset);
      this.sectionCache.set(offset, section);
      return section;
    } catch (error) {
      if (error instanceof PdfSyntaxError) this.sectionCache.set(offset, error);
      throw error;
    }
  }

  private readSection(offset: number): XrefSection {
    const buf = this.buf;
    const pos = skipSpace(buf, offset, buf.length);
    if (keywordAt(buf, pos, buf.length, 'xref')) return this.readTable(offset, pos + 4);
    const stream = this.readXrefStream(pos);
    if (stream) return stream;
    throw new PdfSyntaxError(`no cross-reference section at ${offset}`);
  }

  private readTable(offset: number, from: number): XrefSection {
    const buf = this.buf;
    const entries = new Map<number, XrefEntry>();
    let pos = from;
    for (;;) {
      pos = skipSpace(buf, pos, buf.length);
      if (keywordAt(buf, pos, buf.length, 'trailer')) break;
      const first = readUnsigned(buf, pos, buf.length);
      if (!first) throw new PdfSyntaxError(`bad cross-reference subsection at ${pos}`);
      pos = skipSpace(buf, first.end, buf.length);
      const count = readUnsigned(buf, pos, buf.length);
      if (!count) throw new PdfSyntaxError(`bad cross-reference subsection at ${pos}`);
      pos = count.end;
      // Each entry takes at least 6 bytes (`o g n` plus separators): refuse counts the data cannot hold.
      if (count.value > (buf.length - pos) / 6) throw new PdfSyntaxError('cross-reference count past the end');
      this.countEntries(count.value);
      for (let i = 0; i < count.value; i++) {
        pos = skipSpace(buf, pos, buf.length);
        const off = readUnsigned(buf, pos, buf.length);
        if (!off) throw new PdfSyntaxError(`bad cross-reference entry at ${pos}`);
        pos = skipSpace(buf, off.end, buf.length);
        const gen = readUnsigned(buf, pos, buf.length);
        if (!gen) throw new PdfSyntaxError(`bad cross-reference entry at ${pos}`);
        pos = skipSpace(buf, gen.end, buf.length);
        const kind = buf[pos];
        if ((kind !== 0x6e && kind !== 0x66) || !keywordAt(buf, pos, buf.length, kind === 0x6e ? 'n' : 'f'))
          throw new PdfSyntaxError(`bad cross-reference entry type at ${pos}`);
        pos++;
        const num = first.value + i;
        if (entries.has(num)) continue; // the first entry for a number wins (as readers do)
        entries.set(num, kind === 0x6e && off.value > 0 ? { type: 1, offset: off.value, gen: gen.value } : { type: 0 });
      }
    }
    const parser = new PdfParser(buf, pos + 7);
    const trailer = parser.readObject();
    if (trailer.kind !== 'dict') throw new PdfSyntaxError(`trailer is not a dictionary at ${pos}`);
    let xrefStm: number | undefined;
    const stmOffset = intOf(dictGet(trailer, 'XRefStm'));
    if (stmOffset !== undefined && stmOffset >= 0 && stmOffset < buf.length) {
      // Hybrid file: the stream's entries complete the table (objects the table lists as free or omits).
      const stream = this.readXrefStream(skipSpace(buf, stmOffset, buf.length));
      if (!stream) throw new PdfSyntaxError(`no cross-reference stream at /XRefStm ${stmOffset}`);
      for (const [num, entry] of stream.entries) {
        const existing = entries.get(num);
        if (existing === undefined || existing.type === 0) entries.set(num, entry);
      }
      xrefStm = stmOffset;
    }
    return { offset, kind: 'table', entries, trailer, end: parser.pos, xrefStm };
  }

  private readXrefStream(pos: number): XrefSection | undefined {
    let object: IndirectObject;
    try {
      object = new PdfParser(this.buf, pos).readIndirect();
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
    const stream = object.value;
    if (stream.kind !== 'stream' || nameOf(dictGet(stream.dict, 'Type')) !== 'XRef') return undefined;
    const dict = stream.dict;
    const widths = dictGet(dict, 'W');
    if (widths?.kind !== 'array' || widths.items.length !== 3) throw new PdfSyntaxError('bad /W in xref stream');
    const w = widths.items.map((item) => intOf(item) ?? -1);
    if (w.some((x) => x < 0 || x > 8)) throw new PdfSyntaxError('bad /W in xref stream');
    const [w1, w2, w3] = w as [number, number, number];
    const rowWidth = w1 + w2 + w3;
    if (rowWidth === 0) throw new PdfSyntaxError('empty /W in xref stream');
    const size = intOf(dictGet(dict, 'Size'));
    if (size === undefined || size < 0) throw new PdfSyntaxError('bad /Size in xref stream');
    const indexObject = dictGet(dict, 'Index');
    const index: number[] = [];
    if (indexObject === undefined) index.push(0, size);
    else {
      if (indexObject.kind !== 'array' || indexObject.items.length % 2 !== 0)
        throw new PdfSyntaxError('bad /Index in xref stream');
      for (const item of indexObject.items) {
        const v = intOf(item);
        if (v === undefined || v < 0) throw new PdfSyntaxError('bad /Index in xref stream');
        index.push(v);
      }
    }
    let rows = 0;
    for (let i = 1; i < index.length; i += 2) rows += index[i] as number;
    const expected = rows * rowWidth;
    if (expected > LIMITS.decodedStream) throw new PdfSyntaxError('xref stream too large');
    this.countEntries(rows);
    // Predictors add one byte per row before decoding; allow for it in the cap.
    const data = this.decode(this.buf, stream, expected + rows + 16);
    if (data.length < expected) throw new PdfSyntaxError('xref stream data too short');
    const entries = new Map<number, XrefEntry>();
    let p = 0;
    for (let i = 0; i < index.length; i += 2) {
      const start = index[i] as number;
      const count = index[i + 1] as number;
      for (let k = 0; k < count; k++) {
        const type = w1 === 0 ? 1 : field(data, p, w1);
        const f2 = field(data, p + w1, w2);
        const f3 = field(data, p + w1 + w2, w3);
        p += rowWidth;
        const num = start + k;
        if (entries.has(num)) continue;
        if (type === 1) entries.set(num, f2 > 0 ? { type: 1, offset: f2, gen: f3 } : { type: 0 });
        else if (type === 2) entries.set(num, { type: 2, stream: f2, index: f3 });
        else entries.set(num, { type: 0 }); // free, or an unknown type (treated as null, ISO 32000-1 §7.5.8.3)
      }
    }
    return { offset: pos, kind: 'stream', entries, trailer: dict, end: object.end, xrefStm: undefined };
  }

  private countEntries(n: number): void {
    this.entryCount += n;
    if (this.entryCount > LIMITS.xrefEntries) throw new PdfSyntaxError('too many cross-reference entries');
  }

  /** Decodes a stream within the per-stream and whole-document budgets. */
  decode(data: Uint8Array, stream: Extract<PdfObject, { kind: 'stream' }>, cap: number = LIMITS.decodedStream) {
    const budget = Math.min(cap, LIMITS.decodedStream, LIMITS.decodedTotal - this.decodedTotal);
    if (budget <= 0) throw new PdfSyntaxError('decoding budget exhausted');
    const out = decodeStream(data, stream, budget);
    this.decodedTotal += out.length;
    return out;
  }

  // ---------------------------------------------------------------- objects

  /** The cross-reference entry of an object as of a revision. */
  entry(revision: Revision, num: number): XrefEntry | undefined {
    for (const section of revision.chain) {
      const entry = section.entries.get(num);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /**
   * The object `num` as of `revision`; undefined when free, missing or unreadable (a reference to such an
   * object is null, ISO 32000-1 §7.3.10). Malformed objects are recorded as problems.
   */
  resolve(revision: Revision, num: number): ResolvedObject | undefined {
    const entry = this.entry(revision, num);
    if (entry === undefined || entry.type === 0) return undefined;
    // Compressed objects are keyed by where their object stream lies, since a later revision may redefine
    // the stream's object number.
    let key: string;
    if (entry.type === 1) key = `1:${entry.offset}`;
    else {
      const container = this.entry(revision, entry.stream);
      if (container?.type !== 1) return undefined;
      key = `2:${container.offset}:${entry.index}:${num}`;
    }
    const cached = this.objectCache.get(key);
    if (cached instanceof Error) return undefined;
    if (cached) return cached.num === num ? cached : undefined;
    try {
      const resolved = entry.type === 1 ? this.readAt(revision, num, entry) : this.readCompressed(revision, num, entry);
      this.objectCache.set(key, resolved);
      return resolved.num === num ? resolved : undefined;
    } catch (error) {
      if (!(error instanceof PdfSyntaxError)) throw error;
      this.objectCache.set(key, error);
      this.problems.push({ offset: entry.type === 1 ? entry.offset : -1, detail: `object ${num}: ${error.message}` });
      return undefined;
    }
  }

  private readAt(revision: Revision, num: number, entry: Extract<XrefEntry, { type: 1 }>): ResolvedObject {
    if (entry.offset >= this.buf.length) throw new PdfSyntaxError('offset past the end of the file');
    const parser = new PdfParser(this.buf, entry.offset);
    const object = parser.readIndirect((ref) => this.streamLength(revision, ref));
    if (object.num !== num || object.gen !== entry.gen)
      throw new PdfSyntaxError(`found object ${object.num} ${object.gen} where ${num} ${entry.gen} was expected`);
    return {
      num,
      gen: object.gen,
      value: object.value,
      entry,
      source: 'file',
      data: this.buf,
      start: object.start,
      end: object.end,
    };
  }

  /** An indirect /Length: a plain integer object at a file offset (never itself a stream). */
  streamLength(revision: Revision, ref: PdfRef): number | undefined {
    const entry = this.entry(revision, ref.num);
    if (entry?.type !== 1) return undefined;
    try {
      const parser = new PdfParser(this.buf, entry.offset);
      const object = parser.readIndirect();
      return object.num === ref.num ? intOf(object.value) : undefined;
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
  }

  private readCompressed(revision: Revision, num: number, entry: Extract<XrefEntry, { type: 2 }>): ResolvedObject {
    const objstm = this.objectStream(revision, entry.stream);
    const at = objstm.offsets.get(num);
    if (at === undefined) throw new PdfSyntaxError(`object ${num} not in object stream ${entry.stream}`);
    const parser = new PdfParser(objstm.data, at);
    const value = parser.readObject();
    if (value.kind === 'stream') throw new PdfSyntaxError('stream inside an object stream');
    return { num, gen: 0, value, entry, source: 'objstm', data: objstm.data, start: at, end: parser.pos };
  }

  private objectStream(revision: Revision, streamNum: number) {
    const entry = this.entry(revision, streamNum);
    if (entry?.type !== 1) throw new PdfSyntaxError(`object stream ${streamNum} not found`);
    const cached = this.objectStreams.get(entry.offset);
    if (cached instanceof Error) throw cached;
    if (cached) return cached;
    try {
      const object = this.readAt(revision, streamNum, entry);
      const stream = object.value;
      if (stream.kind !== 'stream' || nameOf(dictGet(stream.dict, 'Type')) !== 'ObjStm')
        throw new PdfSyntaxError(`object ${streamNum} is not an object stream`);
      const n = intOf(dictGet(stream.dict, 'N'));
      const first = intOf(dictGet(stream.dict, 'First'));
      if (n === undefined || first === undefined || n < 0 || first < 0 || n > LIMITS.objectStreamObjects)
        throw new PdfSyntaxError('bad object stream header');
      const data = this.decode(this.buf, stream);
      const offsets = new Map<number, number>();
      let pos = 0;
      for (let i = 0; i < n; i++) {
        pos = skipSpace(data, pos, first);
        const objNum = readUnsigned(data, pos, first);
        if (!objNum) throw new PdfSyntaxError('bad object stream header');
        pos = skipSpace(data, objNum.end, first);
        const rel = readUnsigned(data, pos, first);
        if (!rel) throw new PdfSyntaxError('bad object stream header');
        pos = rel.end;
        if (first + rel.value >= data.length) throw new PdfSyntaxError('object stream offset past its data');
        if (!offsets.has(objNum.value)) offsets.set(objNum.value, first + rel.value);
      }
      const result = { data, offsets };
      this.objectStreams.set(entry.offset, result);
      return result;
    } catch (error) {
      if (error instanceof PdfSyntaxError) this.objectStreams.set(entry.offset, error);
      throw error;
    }
  }

  /** Follows references (a bounded number of hops) to a direct value; undefined for null/missing. */
  deref(revision: Revision, object: PdfObject | undefined): PdfObject | undefined {
    let current = object;
    for (let hops = 0; current?.kind === 'ref'; hops++) {
      if (hops >= LIMITS.referenceHops) return undefined;
      current = this.resolve(revision, current.num)?.value;
    }
    return current?.kind === 'null' ? undefined : current;
  }

  /** `deref` then the dictionary (of a stream too). */
  dict(revision: Revision, object: PdfObject | undefined): PdfDict | undefined {
    return asDict(this.deref(revision, object));
  }

  /** The catalog of a revision. */
  catalog(revision: Revision): PdfDict | undefined {
    const root = dictGet(revision.trailer, 'Root');
    const dict = this.dict(revision, root);
    return dict;
  }
}

/** Reads `startxref <n>` right before a `%%EOF` (whitespace between); undefined when absent. */
function startxrefBefore(buf: Uint8Array, eof: number): number | undefined {
  let p = eof;
  while (p > 0 && isWhite(buf[p - 1] as number)) p--;
  const digitsEnd = p;
  while (p > 0 && (buf[p - 1] as number) >= 0x30 && (buf[p - 1] as number) <= 0x39 && digitsEnd - p < 16) p--;
  if (p === digitsEnd) return undefined;
  const value = readUnsigned(buf, p, digitsEnd);
  const digitsStart = p;
  while (p > 0 && isWhite(buf[p - 1] as number) && digitsStart - p < 64) p--;
  if (p === digitsStart || p < 9) return undefined;
  for (let i = 0; i < 9; i++) if (buf[p - 9 + i] !== 'startxref'.charCodeAt(i)) return undefined;
  return value?.value;
}

function field(data: Uint8Array, pos: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + (data[pos + i] as number);
  return v;
}
