/*
 * Large documents without a large DOM or string. An edXML envelope is almost all base64 (AttachmentEncoded):
 * parsing 50 MB into a DOM and canonicalizing it into a 50 MB string costs seconds and several times the file
 * in memory. Here the document is read, checked and canonicalized exactly as before (document.ts, structure.ts,
 * xml-crypto) but on a *skeleton*: each long run of plain character data is replaced by a short placeholder.
 * Plain means text that both c14n algorithms copy byte for byte: no `&`, `<`, `>`, CR, no character XML forbids,
 * none the parser rewrites or warns about (NEL, LS, PS, U+FFFD), and not only whitespace. The canonical form xml-crypto computes on the skeleton goes to the digest piece by piece, each
 * placeholder replaced by the original bytes of its run — a subarray of the input, never copied or decoded.
 *
 * Why it is the same verification: a run is only kept out when, after the skeleton is parsed, every placeholder
 * is the whole value of one text or CDATA node, in order, and outside any Signature element (whose content is
 * read by the policy); the placeholder character appears nowhere else (not even through a character
 * reference). A run holds no `<`, `&` or `>`, so the parser's state is the same after the run as after its
 * placeholder, the element tree is the same, and only those text values differ — which the digest restores.
 * The lexer that finds runs is only a guess; the check after parsing is what is relied on. Whenever anything
 * does not hold (invalid UTF-8, a document the skeleton parse refuses, a placeholder out of place), the whole
 * input is read by document.ts as before, so messages, positions and outcomes are the existing ones.
 */

import { Buffer, isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import type { Document, Element, Node } from '@xmldom/xmldom';
import type { HashAlgorithm } from 'xml-crypto';
import { digestMethod } from './algorithms';
import { type IntakeFailure, type IntakeLimits, isIntakeFailure, type ParsedXml, readXml } from './document';

/** Shorter text runs stay in the skeleton: a placeholder and a splice would cost more than they save. */
export const DEFAULT_MIN_ELIDED_BYTES = 1024;

/** One run of plain text kept out of the skeleton: bytes [start, end) of the input. */
export interface ElidedRun {
  readonly start: number;
  readonly end: number;
}

export interface ElidedText {
  /** The input bytes (no copy when the input was a Uint8Array). */
  readonly source: Uint8Array;
  /** Runs in document order; placeholder `i` stands for `runs[i]`. */
  readonly runs: readonly ElidedRun[];
  /** The private-use character that opens and closes each placeholder. */
  readonly sentinel: string;
}

export interface ElidedXml {
  /** The document as document.ts reads it; `text` is the skeleton when `elided` is set. */
  readonly parsed: ParsedXml;
  /** What the skeleton leaves out; undefined when the whole input was parsed. */
  readonly elided: ElidedText | undefined;
}

export interface ElisionOptions {
  /** Runs shorter than this stay in the skeleton. Default 1024 bytes. */
  readonly minElidedBytes?: number;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const COLON = 0x3a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const COMMENT_END = Buffer.from('-->');
const PI_END = Buffer.from('?>');
const CDATA_OPEN = Buffer.from('[CDATA[');
const CDATA_END = Buffer.from(']]>');
const SIGNATURE = Buffer.from('Signature');
/**
 * Byte sequences that make a run not plain: U+FFC0–U+FFFF (U+FFFE and U+FFFF are not XML characters, and
 * @xmldom/xmldom warns on U+FFFD, which readXml refuses), and NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, which
 * @xmldom/xmldom turns into line feeds before parsing. In valid UTF-8 each can only be that character.
 */
const NOT_PLAIN_SEQUENCES = [
  [0xef, 0xbf],
  [0xc2, 0x85],
  [0xe2, 0x80, 0xa8],
  [0xe2, 0x80, 0xa9],
].map((bytes) => Buffer.from(bytes));

/** Candidate placeholder characters (private use; not name characters, not whitespace, never escaped). */
const SENTINELS = Array.from({ length: 16 }, (_, i) => String.fromCharCode(0xe000 + i));

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a;
}

/** Whether any byte of a 32-bit word is below 0x20 (a classic SWAR test; exact, no false negatives). */
function belowSpace(word: number): number {
  return ((word - 0x20202020) | 0) & ~word;
}

/**
 * True when bytes[start, end) holds a C0 control other than tab and LF (CR included: it is not plain). This and
 * the digest are the two passes over every byte of an attachment, so it reads 16 bytes per step; a step with any
 * byte below 0x20 (a LF in wrapped base64) is looked at byte by byte.
 */
function hasControl(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end && (bytes.byteOffset + i) % 4 !== 0) if (isControl(bytes[i++] as number)) return true;
  const words = Math.floor((end - i) / 4);
  if (words >= 4) {
    const view = new Int32Array(bytes.buffer, bytes.byteOffset + i, words);
    const steps = words - (words % 4);
    for (let w = 0; w < steps; w += 4) {
      const any =
        belowSpace(view[w] as number) |
        belowSpace(view[w + 1] as number) |
        belowSpace(view[w + 2] as number) |
        belowSpace(view[w + 3] as number);
      if ((any & 0x80808080) !== 0) {
        const base = i + w * 4;
        for (let k = base; k < base + 16; k++) if (isControl(bytes[k] as number)) return true;
      }
    }
    i += steps * 4;
  }
  while (i < end) if (isControl(bytes[i++] as number)) return true;
  return false;
}

/** Text that both c14n algorithms output unchanged, with at least one character that is not whitespace. */
function isPlainText(buffer: Buffer, start: number, end: number): boolean {
  let first = start;
  while (first < end && isWhitespace(buffer[first] as number)) first++;
  if (first === end) return false;
  const run = buffer.subarray(start, end);
  // No `<` in text by construction, but a CDATA section may hold one.
  if (run.indexOf(AMP) !== -1 || run.indexOf(GT) !== -1 || run.indexOf(LT) !== -1) return false;
  if (NOT_PLAIN_SEQUENCES.some((sequence) => run.indexOf(sequence) !== -1)) return false;
  return !hasControl(buffer, start, end);
}

function startsWith(buffer: Buffer, at: number, bytes: Buffer): boolean {
  // Bounds first: Buffer.compare throws (ERR_OUT_OF_RANGE) for a range past the end, e.g. input ending in `<!`.
  if (at < 0 || at + bytes.length > buffer.length) return false;
  return buffer.compare(bytes, 0, bytes.length, at, at + bytes.length) === 0;
}

/** The offset of the `>` closing a tag that starts at `from` (after `<`), skipping quoted values; -1 if none. */
function tagEnd(buffer: Buffer, from: number): number {
  for (let i = from; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte === GT) return i;
    if (byte === LT) return -1;
    if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
      i = buffer.indexOf(byte, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

/** Whether the tag name at `from` has the local name `Signature`, whatever its prefix. */
function isSignatureTag(buffer: Buffer, from: number): boolean {
  let end = from;
  let local = from;
  while (end < buffer.length) {
    const byte = buffer[end] as number;
    if (isWhitespace(byte) || byte === GT || byte === SLASH) break;
    if (byte === COLON) local = end + 1;
    end++;
  }
  return end - local === SIGNATURE.length && startsWith(buffer, local, SIGNATURE);
}

/**
 * Plain text runs of at least `minBytes` inside the document element and outside Signature elements, in
 * document order. A guess from a light lexer: when the markup is not what it expects it stops looking (the rest
 * stays in the skeleton, where the parser judges it).
 */
function findRuns(buffer: Buffer, from: number, minBytes: number, keep: ReadonlySet<number>): ElidedRun[] {
  const runs: ElidedRun[] = [];
  const consider = (start: number, end: number, eligible: boolean) => {
    if (eligible && end - start >= minBytes && !keep.has(start) && isPlainText(buffer, start, end))
      runs.push({ start, end });
  };
  let depth = 0;
  let signatureDepth = 0;
  let pos = from;
  while (pos < buffer.length) {
    const lt = buffer.indexOf(LT, pos);
    if (lt === -1) break;
    consider(pos, lt, depth > 0 && signatureDepth === 0);
    const next = buffer[lt + 1];
    if (next === BANG) {
      if (buffer[lt + 2] === DASH && buffer[lt + 3] === DASH) {
        const end = buffer.indexOf(COMMENT_END, lt + 4);
        if (end === -1) break;
        pos = end + COMMENT_END.length;
        continue;
      }
      if (startsWith(buffer, lt + 2, CDATA_OPEN)) {
        const start = lt + 2 + CDATA_OPEN.length;
        const end = buffer.indexOf(CDATA_END, start);
        if (end === -1) break;
        consider(start, end, depth > 0 && signatureDepth === 0);
        pos = end + CDATA_END.length;
        continue;
      }
      break; // A DOCTYPE or something unknown: document.ts refuses or reports it.
    }
    if (next === QUESTION) {
      const end = buffer.indexOf(PI_END, lt + 2);
      if (end === -1) break;
      pos = end + PI_END.length;
      continue;
    }
    const gt = tagEnd(buffer, lt + 1);
    if (gt === -1) break;
    if (next === SLASH) {
      if (depth === signatureDepth) signatureDepth = 0;
      depth--;
    } else if (buffer[gt - 1] !== SLASH) {
      depth++;
      if (signatureDepth === 0 && isSignatureTag(buffer, lt + 1)) signatureDepth = depth;
    }
    pos = gt + 1;
  }
  return runs;
}

function placeholder(sentinel: string, index: number): string {
  return `${sentinel}${index}${sentinel}`;
}

interface Skeleton {
  readonly text: string;
  readonly runs: readonly ElidedRun[];
  readonly sentinel: string;
}

function buildSkeleton(buffer: Buffer, from: number, runs: readonly ElidedRun[]): Skeleton | undefined {
  const literal: string[] = [];
  let last = from;
  for (const run of runs) {
    literal.push(buffer.toString('utf8', last, run.start));
    last = run.end;
  }
  literal.push(buffer.toString('utf8', last, buffer.length));
  const sentinel = SENTINELS.find((candidate) => literal.every((part) => !part.includes(candidate)));
  if (sentinel === undefined) return undefined;
  const parts: string[] = [];
  for (const [index, part] of literal.entries()) {
    parts.push(part);
    if (index < runs.length) parts.push(placeholder(sentinel, index));
  }
  return { text: parts.join(''), runs, sentinel };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Where the placeholders ended up in the parsed skeleton: `ok` when each is the whole value of one text or
 * CDATA node, in order, outside Signature elements, and the sentinel is nowhere else. `inSignature` lists the
 * runs (by start offset) found inside a Signature element, to keep in the skeleton on a second try.
 */
function checkPlaceholders(document: Document, skeleton: Skeleton): { ok: boolean; inSignature: number[] } {
  const { sentinel, runs } = skeleton;
  const inSignature: number[] = [];
  let expected = 0;
  let ok = true;
  const stack: { node: Node; signature: boolean }[] = [];
  for (let child = document.lastChild; child !== null; child = child.previousSibling)
    stack.push({ node: child, signature: false });
  while (stack.length > 0 && ok) {
    const { node, signature } = stack.pop() as { node: Node; signature: boolean };
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = node.nodeValue ?? '';
      if (!data.includes(sentinel)) continue;
      const run = runs[expected];
      if (run === undefined || data !== placeholder(sentinel, expected)) ok = false;
      else if (signature) inSignature.push(run.start);
      expected++;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      // Comments and processing instructions: the sentinel must not be there.
      if ((node.nodeName ?? '').includes(sentinel) || (node.nodeValue ?? '').includes(sentinel)) ok = false;
      continue;
    }
    const element = node as Element;
    if (element.tagName.includes(sentinel)) ok = false;
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (attribute && (attribute.name.includes(sentinel) || attribute.value.includes(sentinel))) ok = false;
    }
    const inside = signature || element.localName === 'Signature';
    for (let child = element.lastChild; child !== null; child = child.previousSibling)
      stack.push({ node: child, signature: inside });
  }
  return { ok: ok && expected === runs.length, inSignature };
}

/**
 * Reads `input` as document.ts's `readXml` does — same limits, same refusals, same messages — keeping long
 * plain text runs out of the DOM when that is provably the same. Never throws for bad input.
 */
export function readXmlEliding(
  input: string | Uint8Array,
  limits: IntakeLimits,
  options: ElisionOptions = {},
): ElidedXml | IntakeFailure {
  const whole = (): ElidedXml | IntakeFailure => {
    const parsed = readXml(input, limits);
    return isIntakeFailure(parsed) ? parsed : { parsed, elided: undefined };
  };
  const minBytes = options.minElidedBytes ?? DEFAULT_MIN_ELIDED_BYTES;
  if (minBytes === Number.POSITIVE_INFINITY) return whole();
  // The size cap first, on the input as given (readXml says it, without parsing).
  if (typeof input === 'string' ? input.length > limits.maxBytes : input.byteLength > limits.maxBytes) return whole();
  // A string is read as its UTF-8 bytes. A lone surrogate becomes U+FFFD there, which is never elided and which
  // the skeleton's parse refuses, so such a string ends up read whole, as before.
  const buffer = typeof input === 'string' ? Buffer.from(input, 'utf8') : asBuffer(input);
  if (buffer.byteLength > limits.maxBytes || !isUtf8(buffer)) return whole();
  const from = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;

  const keep = new Set<number>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const runs = findRuns(buffer, from, minBytes, keep);
    if (runs.length === 0) return whole();
    const skeleton = buildSkeleton(buffer, from, runs);
    if (skeleton === undefined) return whole();
    const parsed = readXml(skeleton.text, limits);
    // A refusal that quotes the text (the parser's messages, a forbidden character's offset) is given for the
    // input itself, not for the skeleton.
    if (isIntakeFailure(parsed)) return parsed.id === 'xml-well-formed' ? whole() : parsed;
    const placed = checkPlaceholders(parsed.document, skeleton);
    if (placed.ok && placed.inSignature.length === 0)
      return { parsed, elided: { source: buffer, runs: skeleton.runs, sentinel: skeleton.sentinel } };
    if (!placed.ok || attempt > 0) return whole();
    for (const start of placed.inSignature) keep.add(start);
  }
  return whole();
}

export function isElidedXml(value: ElidedXml | IntakeFailure): value is ElidedXml {
  return 'parsed' in value;
}

/**
 * Calls `onLiteral` and `onRun` in order for the pieces of a canonical form computed on the skeleton: the
 * text between placeholders, and the bytes each placeholder stands for. Throws on a malformed placeholder
 * (cannot happen after `readXmlEliding`'s checks; xml-crypto's caller turns it into a failed verification).
 */
function splice(
  canonical: string,
  elided: ElidedText,
  onLiteral: (text: string) => void,
  onRun: (bytes: Uint8Array) => void,
): void {
  const { sentinel, runs, source } = elided;
  let pos = 0;
  let previous = -1;
  for (;;) {
    const open = canonical.indexOf(sentinel, pos);
    if (open === -1) break;
    const close = canonical.indexOf(sentinel, open + 1);
    const digits = close === -1 ? '' : canonical.slice(open + 1, close);
    const index = /^\d{1,9}$/.test(digits) ? Number(digits) : -1;
    const run = runs[index];
    // Each run once, in document order: anything else means the canonical form is not the skeleton's.
    if (run === undefined || index <= previous)
      throw new Error('elided text: a placeholder in the canonical form is malformed or out of order');
    previous = index;
    if (open > pos) onLiteral(canonical.slice(pos, open));
    onRun(source.subarray(run.start, run.end));
    pos = close + 1;
  }
  if (pos === 0) onLiteral(canonical);
  else if (pos < canonical.length) onLiteral(canonical.slice(pos));
}

/** Feeds the canonical form to a hash, each run as a subarray of the input. */
export function updateHash(hash: Hash, canonical: string, elided: ElidedText): Hash {
  splice(
    canonical,
    elided,
    (text) => hash.update(text, 'utf8'),
    (bytes) => hash.update(bytes),
  );
  return hash;
}

/** The canonical bytes (UTF-8) of a canonical form computed on the skeleton. */
export function canonicalBytes(canonical: string, elided: ElidedText | undefined): Buffer {
  if (elided === undefined) return Buffer.from(canonical, 'utf8');
  const parts: Uint8Array[] = [];
  splice(
    canonical,
    elided,
    (text) => parts.push(Buffer.from(text, 'utf8')),
    (bytes) => parts.push(bytes),
  );
  return Buffer.concat(parts);
}

/** The canonical text of a canonical form computed on the skeleton. */
export function canonicalText(canonical: string, elided: ElidedText | undefined): string {
  if (elided === undefined) return canonical;
  const parts: string[] = [];
  splice(
    canonical,
    elided,
    (text) => parts.push(text),
    (bytes) => parts.push(asBuffer(bytes).toString('utf8')),
  );
  return parts.join('');
}

/**
 * xml-crypto digest classes for the allowed digest URIs that hash the canonical form with the runs spliced
 * back in, so a reference digest is computed over the real document.
 */
export function splicingHashes(
  allowed: Readonly<Record<string, unknown>>,
  elided: ElidedText,
): Record<string, new () => HashAlgorithm> {
  const hashes: Record<string, new () => HashAlgorithm> = {};
  for (const uri of Object.keys(allowed)) {
    const method = digestMethod(uri, true).method;
    if (method === undefined) continue;
    hashes[uri] = class {
      getAlgorithmName(): string {
        return uri;
      }
      getHash(canonical: string): string {
        return updateHash(createHash(method.hash), canonical, elided).digest('base64');
      }
    };
  }
  return hashes;
}
