/*
 * Finding signatures the way a conforming reader does — through the document structure (catalog →
 * /AcroForm → /Fields → … → /V), in every revision — and cross-checking with a linear byte scan for
 * `/ByteRange`. Then the per-signature structural checks of signatures.md §3 (b) 2: the ByteRange shape, the
 * gap being exactly this dictionary's /Contents hex string, the hex holding one DER CMS plus zero padding,
 * and the signed range ending at the end of a revision.
 */
import { allocUninitialized, indexOfAscii, latin1 } from '../bytes';
import { readTlv } from '../cms/der';
import type { PdfDocument, ResolvedObject, Revision } from './document';
import {
  dictGet,
  intOf,
  isRegular,
  nameOf,
  type PdfDict,
  type PdfObject,
  type PdfString,
  PdfSyntaxError,
} from './syntax';

/** Most fields walked per revision, deepest /Kids nesting, most signatures (real documents have a handful; each
 * one is a pass over up to the whole file), most /ByteRange scan hits listed. */
export const FIELD_LIMITS = {
  fields: 20_000,
  /** Field visits over all revisions together (the same fields are walked again in each revision). */
  fieldVisits: 200_000,
  depth: 32,
  signatures: 64,
  scanHits: 100_000,
} as const;

/** A signature dictionary reached through the structure. */
export interface SignatureCandidate {
  /** Identity: where the dictionary lies (`file:<offset>` or `objstm:<…>`). */
  readonly key: string;
  /** Fully qualified field name (`parent.child`), when the field has /T. */
  readonly fieldName: string | undefined;
  /** Object number of the field, and of the signature dictionary when it is indirect. */
  readonly fieldNum: number | undefined;
  readonly sigNum: number | undefined;
  /** The indirect object holding the dictionary (the dictionary itself, or the field when /V is direct). */
  readonly container: ResolvedObject;
  readonly dict: PdfDict;
  /** Indices of the revisions whose structure reaches this dictionary. */
  readonly revisions: number[];
}

/** Walks the form fields of every revision and returns the signature dictionaries, first seen first. */
export function findSignatures(doc: PdfDocument): SignatureCandidate[] {
  const found = new Map<string, SignatureCandidate>();
  const budget = { visits: 0 };
  for (const revision of doc.revisions) {
    for (const candidate of signaturesOfRevision(doc, revision, budget)) {
      const existing = found.get(candidate.key);
      if (existing) {
        if (!existing.revisions.includes(revision.index)) existing.revisions.push(revision.index);
      } else {
        if (found.size >= FIELD_LIMITS.signatures) throw new PdfSyntaxError('too many signatures');
        found.set(candidate.key, candidate);
      }
    }
  }
  return [...found.values()];
}

function signaturesOfRevision(doc: PdfDocument, revision: Revision, budget: { visits: number }): SignatureCandidate[] {
  const out: SignatureCandidate[] = [];
  const catalog = doc.catalog(revision);
  const acroForm = doc.dict(revision, dictGet(catalog, 'AcroForm'));
  const fields = doc.deref(revision, dictGet(acroForm, 'Fields'));
  if (fields?.kind !== 'array') return out;
  interface Pending {
    readonly object: PdfObject;
    readonly parentName: string | undefined;
    readonly inheritedType: string | undefined;
    readonly depth: number;
  }
  const stack: Pending[] = fields.items
    .slice()
    .reverse()
    .map((object) => ({ object, parentName: undefined, inheritedType: undefined, depth: 0 }));
  const visited = new Set<number>();
  let count = 0;
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { object, parentName, inheritedType, depth } = stack.pop() as Pending;
    if (++count > FIELD_LIMITS.fields || ++budget.visits > FIELD_LIMITS.fieldVisits)
      throw new PdfSyntaxError('too many form fields');
    if (depth > FIELD_LIMITS.depth) throw new PdfSyntaxError('form fields nested too deep');
    if (object.kind !== 'ref') continue; // fields are indirect objects (ISO 32000-1 §12.7.3.1)
    if (visited.has(object.num)) continue;
    visited.add(object.num);
    const resolved = doc.resolve(revision, object.num);
    const field = resolved?.value.kind === 'dict' ? resolved.value : undefined;
    if (!resolved || !field) continue;
    const partial = textOf(dictGet(field, 'T'));
    const name = partial === undefined ? parentName : parentName === undefined ? partial : `${parentName}.${partial}`;
    const type = nameOf(dictGet(field, 'FT')) ?? inheritedType;
    const kids = doc.deref(revision, dictGet(field, 'Kids'));
    if (kids?.kind === 'array')
      for (let i = kids.items.length - 1; i >= 0; i--)
        stack.push({ object: kids.items[i] as PdfObject, parentName: name, inheritedType: type, depth: depth + 1 });
    if (type !== 'Sig') continue;
    const v = dictGet(field, 'V');
    let container: ResolvedObject | undefined;
    let dict: PdfDict | undefined;
    let sigNum: number | undefined;
    if (v?.kind === 'ref') {
      container = doc.resolve(revision, v.num);
      dict = container?.value.kind === 'dict' ? container.value : undefined;
      sigNum = v.num;
    } else if (v?.kind === 'dict') {
      container = resolved;
      dict = v;
    }
    if (!container || !dict) continue;
    const key = `${container.source}:${container.source === 'file' ? dict.start : `${container.num}@${container.start}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      fieldName: name,
      fieldNum: object.num,
      sigNum,
      container,
      dict,
      revisions: [revision.index],
    });
  }
  return out;
}

/** Every `/ByteRange` name token in the file (a linear native search). */
export function scanByteRanges(buf: Uint8Array): { offsets: number[]; truncated: boolean } {
  const offsets: number[] = [];
  let from = 0;
  for (;;) {
    // Node's Buffer#indexOf is several times faster on a 5-byte needle than on a 10-byte one: find `/Byte`,
    // then compare the rest.
    const at = indexOfAscii(buf, '/Byte', from);
    if (at < 0) return { offsets, truncated: false };
    from = at + 5;
    if (!matchesAscii(buf, at + 5, 'Range')) continue;
    from = at + 10;
    if (from < buf.length && isRegular(buf[from] as number)) continue; // a longer name, e.g. /ByteRangeX
    if (offsets.length >= FIELD_LIMITS.scanHits) return { offsets, truncated: true };
    offsets.push(at);
  }
}

function matchesAscii(buf: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > buf.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** What a signature dictionary says about itself. */
export interface SignatureInfo {
  readonly type: string | undefined;
  readonly filter: string | undefined;
  readonly subFilter: string | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly contactInfo: string | undefined;
  /** /M as written (`D:20190521105845Z`), and as an ISO date when it parses. */
  readonly m: string | undefined;
  readonly mIso: string | undefined;
}

export function signatureInfo(dict: PdfDict): SignatureInfo {
  const m = textOf(dictGet(dict, 'M'));
  return {
    type: nameOf(dictGet(dict, 'Type')),
    filter: nameOf(dictGet(dict, 'Filter')),
    subFilter: nameOf(dictGet(dict, 'SubFilter')),
    name: textOf(dictGet(dict, 'Name')),
    reason: textOf(dictGet(dict, 'Reason')),
    location: textOf(dictGet(dict, 'Location')),
    contactInfo: textOf(dictGet(dict, 'ContactInfo')),
    m,
    mIso: m === undefined ? undefined : pdfDate(m),
  };
}

/** The outcome of the structural checks of one signature. */
export type ByteRangeCheck =
  | {
      readonly ok: true;
      /** [offset, length] pairs: [[0, a], [b, c]]. */
      readonly ranges: readonly [readonly [number, number], readonly [number, number]];
      /** Just past the signed bytes (b + c). */
      readonly signedEnd: number;
      readonly contents: PdfString;
      /** The DER CMS without its zero padding. */
      readonly cms: Uint8Array;
      readonly padding: number;
      /** The revision whose end the signed range reaches. */
      readonly revision: Revision;
    }
  | { readonly ok: false; readonly failure: ByteRangeFailure; readonly detail: string };

export type ByteRangeFailure =
  | 'compressed'
  | 'duplicate-keys'
  | 'byterange-shape'
  | 'byterange-bounds'
  | 'contents-not-hex'
  | 'gap-not-contents'
  | 'dictionary-outside-signed-bytes'
  | 'contents-not-der'
  | 'not-revision-end'
  | 'outside-signed-revision'
  | 'not-in-signed-revision-structure';

/** The checks of signatures.md §3 (b) 2 and 3 (first part), in order; the first failure is returned. */
export function checkByteRange(doc: PdfDocument, candidate: SignatureCandidate): ByteRangeCheck {
  const fail = (failure: ByteRangeFailure, detail: string): ByteRangeCheck => ({ ok: false, failure, detail });
  const { dict, container } = candidate;
  if (container.source !== 'file')
    return fail(
      'compressed',
      'the signature dictionary is inside an object stream, so its /Contents cannot be the gap',
    );
  if (dict.duplicateKeys.length > 0)
    return fail(
      'duplicate-keys',
      `the signature dictionary repeats ${dict.duplicateKeys.map((k) => `/${k}`).join(', ')}`,
    );
  const byteRange = dictGet(dict, 'ByteRange');
  if (byteRange?.kind !== 'array' || byteRange.items.length !== 4)
    return fail('byterange-shape', '/ByteRange is not a direct array of exactly 4 integers');
  const values = byteRange.items.map((item) => intOf(item));
  if (values.some((v) => v === undefined || v < 0))
    return fail('byterange-shape', '/ByteRange holds something other than non-negative integers');
  const [o1, a, b, c] = values as [number, number, number, number];
  const length = doc.length;
  if (o1 !== 0) return fail('byterange-bounds', `/ByteRange does not start at 0 (starts at ${o1})`);
  if (!(a > 0 && a < b)) return fail('byterange-bounds', `/ByteRange [0 ${a} ${b} ${c}] does not leave a gap (a < b)`);
  if (b + c > length) return fail('byterange-bounds', `/ByteRange [0 ${a} ${b} ${c}] reaches past the end (${length})`);
  const contents = dictGet(dict, 'Contents');
  if (contents?.kind !== 'str' || !contents.hex)
    return fail('contents-not-hex', '/Contents is not a direct hexadecimal string');
  if (contents.start !== a || contents.end !== b)
    return fail(
      'gap-not-contents',
      `the gap [${a}, ${b}) is not this dictionary's /Contents, which lies at [${contents.start}, ${contents.end})`,
    );
  if (!contents.pureHex) return fail('contents-not-hex', '/Contents holds characters other than hex digit pairs');
  if (!(dict.start < a && dict.end <= b + c))
    return fail('dictionary-outside-signed-bytes', 'the signature dictionary is not inside the signed bytes');
  const der = contents.bytes;
  let derEnd: number;
  try {
    const tlv = readTlv(der, 0, der.length);
    if (tlv.id !== 0x30) throw new PdfSyntaxError('not a SEQUENCE');
    derEnd = tlv.end;
  } catch {
    return fail('contents-not-der', '/Contents does not start with a DER-encoded CMS structure');
  }
  for (let i = derEnd; i < der.length; i++)
    if (der[i] !== 0) return fail('contents-not-der', `/Contents holds non-zero bytes after the CMS (at byte ${i})`);
  const signedEnd = b + c;
  const revision = doc.revisions.find((r) => signedEnd >= r.eof + 5 && signedEnd <= r.end);
  if (!revision)
    return fail('not-revision-end', `the signed range ends at ${signedEnd}, not at the end of a revision (%%EOF)`);
  const previousEnd = doc.revisions[revision.index - 1]?.end ?? 0;
  if (container.start < previousEnd || container.end > signedEnd)
    return fail('outside-signed-revision', 'the signature dictionary was not written in the revision it signs');
  if (!candidate.revisions.includes(revision.index))
    return fail('not-in-signed-revision-structure', 'the signed revision does not reference this signature field');
  return {
    ok: true,
    ranges: [
      [0, a],
      [b, c],
    ],
    signedEnd,
    contents,
    cms: der.subarray(0, derEnd),
    padding: der.length - derEnd,
    revision,
  };
}

/** The concatenated signed bytes of ByteRange [0 a b c] (a fresh copy). */
export function signedBytes(buf: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  let total = 0;
  for (const [, len] of ranges) total += len;
  // Every byte is written below, so the allocation need not be zeroed.
  const out = allocUninitialized(total);
  let p = 0;
  for (const [off, len] of ranges) {
    out.set(buf.subarray(off, off + len), p);
    p += len;
  }
  return out;
}

/**
 * The signed bytes of several signatures from one working copy of the file: for [0 a b c], the second range is
 * moved down over the gap, lent out, then put back — so a multi-signature file is copied once, plus each
 * signature's second range twice, instead of once per signature. A lent view is valid until the next call.
 */
export class SignedBytesAssembler {
  private work: Uint8Array | undefined;
  private lent: { a: number; length: number } | undefined;

  constructor(private readonly buf: Uint8Array) {}

  lend(ranges: readonly [readonly [number, number], readonly [number, number]]): Uint8Array {
    const [[, a], [b, c]] = ranges;
    if (!this.work) {
      this.work = allocUninitialized(this.buf.length);
      this.work.set(this.buf);
    } else if (this.lent) this.work.set(this.buf.subarray(this.lent.a, this.lent.a + this.lent.length), this.lent.a);
    this.work.copyWithin(a, b, b + c);
    this.lent = { a, length: c };
    return this.work.subarray(0, a + c);
  }
}

const UTF16BE = new TextDecoder('utf-16be');
const UTF8 = new TextDecoder('utf-8');

/** A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (read as latin-1). */
export function textOf(object: PdfObject | undefined): string | undefined {
  if (object?.kind !== 'str') return undefined;
  const b = object.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return UTF16BE.decode(b.subarray(2, b.length - (b.length % 2)));
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return UTF8.decode(b.subarray(3));
  return latin1(b);
}

/** `D:YYYYMMDDHHmmSSOHH'mm'` → ISO 8601 (undefined when it does not parse). Linear, no regex. */
export function pdfDate(text: string): string | undefined {
  let s = text.startsWith('D:') ? text.slice(2) : text;
  if (s.length > 40) return undefined;
  const digits = (from: number, n: number, fallback: number): number | undefined => {
    if (s.length < from + n) return s.length <= from ? fallback : undefined;
    let v = 0;
    for (let i = from; i < from + n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      v = v * 10 + c;
    }
    return v;
  };
  const year = digits(0, 4, -1);
  if (year === undefined || year < 0) return undefined;
  const month = digits(4, 2, 1);
  const day = digits(6, 2, 1);
  const hour = digits(8, 2, 0);
  const minute = digits(10, 2, 0);
  const second = digits(12, 2, 0);
  if ([month, day, hour, minute, second].some((v) => v === undefined)) return undefined;
  s = s.slice(14);
  let offsetMinutes = 0;
  const sign = s[0];
  if (sign === '+' || sign === '-') {
    const tz = s.slice(1).split("'").join('');
    const oh = Number(tz.slice(0, 2));
    const om = tz.length >= 4 ? Number(tz.slice(2, 4)) : 0;
    if (!Number.isInteger(oh) || !Number.isInteger(om)) return undefined;
    offsetMinutes = (sign === '+' ? 1 : -1) * (oh * 60 + om);
  }
  const ms =
    Date.UTC(year, (month as number) - 1, day as number, hour as number, minute as number, second as number) -
    offsetMinutes * 60_000;
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms).toISOString();
}
