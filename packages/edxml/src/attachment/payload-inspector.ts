import { Buffer } from 'node:buffer';
import { constants, inflateRawSync } from 'node:zlib';
import type { LocalizedText } from '@lienthong/report';
import { Base64SizeCounter } from './base64-size';
import { type ContentKind, detectContentKind } from './content-kind';

/** What is known of a ZIP payload from its first and last bytes. */
export type ZipSummary =
  | {
      readonly ok: true;
      readonly entryCount: number;
      readonly firstEntryName: string | undefined;
      /** What the first entry's first bytes are, when they could be inflated. */
      readonly firstEntryKind: ContentKind | undefined;
    }
  | { readonly ok: false; readonly reason: LocalizedText };

/** Everything the attachment rules need to know about a payload. */
export interface PayloadInspection {
  /** Undefined when the base64 text is valid. */
  readonly base64Error: { readonly reason: LocalizedText; readonly offset: number } | undefined;
  /** Decoded bytes (up to the first base64 error). */
  readonly byteLength: number;
  readonly kind: ContentKind;
  /** UTF-8 replacement characters (EF BF BD) in the decoded bytes: damage from a text round trip. */
  readonly replacementCount: number;
  readonly zip: ZipSummary | undefined;
}

const HEAD_BYTES = 64 * 1024;
/** End-of-central-directory record (22 bytes) plus the longest ZIP comment. */
const TAIL_BYTES = 22 + 0xffff;
const NOT_ALPHABET = /[^A-Za-z0-9+/]/g;

const ALPHABET = /^[A-Za-z0-9+/]*$/;
const REPLACEMENT_CHARACTER = Buffer.from([0xef, 0xbf, 0xbd]);

/** For the few characters carried between chunks. */
function isAlphabetOnly(text: string): boolean {
  return text.length === 0 || ALPHABET.test(text);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function summarizeZip(head: Uint8Array, tail: Uint8Array): ZipSummary {
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tailView.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    return {
      ok: false,
      reason: {
        vi: 'không tìm thấy phần kết thúc của tệp ZIP (tệp bị cắt cụt?)',
        en: 'the end of the ZIP archive was not found (truncated?)',
      },
    };
  }
  const entryCount = tailView.getUint16(eocd + 10, true);
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 30 || headView.getUint32(0, true) !== 0x04034b50) {
    return { ok: true, entryCount, firstEntryName: undefined, firstEntryKind: undefined };
  }
  const method = headView.getUint16(8, true);
  const nameLength = headView.getUint16(26, true);
  const extraLength = headView.getUint16(28, true);
  const dataStart = 30 + nameLength + extraLength;
  const firstEntryName =
    dataStart <= head.length ? new TextDecoder('utf-8').decode(head.subarray(30, 30 + nameLength)) : undefined;
  let firstEntryKind: ContentKind | undefined;
  if (dataStart < head.length) {
    const data = head.subarray(dataStart);
    if (method === 0) firstEntryKind = detectContentKind(data.subarray(0, 16));
    else if (method === 8) {
      try {
        // Only the first bytes are needed; a sync flush returns what the available input gives.
        const start = inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
        if (start.length >= 8) firstEntryKind = detectContentKind(start.subarray(0, 16));
      } catch {
        firstEntryKind = undefined;
      }
    }
  }
  return { ok: true, entryCount, firstEntryName, firstEntryKind };
}

/**
 * Decodes and inspects a base64 payload chunk by chunk, keeping only its first and last bytes, so that the
 * in-memory reader (one chunk) and the streaming reader (many) reach exactly the same findings with bounded memory.
 */
export class PayloadInspector {
  private carry = '';
  private significant = 0;
  /** What the text decodes to at most, counted alike for valid and invalid text (the attachment size limit). */
  readonly size = new Base64SizeCounter();
  private padding = 0;
  private position = 0;
  private error: PayloadInspection['base64Error'];
  private byteLength = 0;
  private head: Uint8Array = new Uint8Array(0);
  private tail: Uint8Array = new Uint8Array(0);
  private replacementCount = 0;
  /** The last two bytes of the previous chunk, to find EF BF BD across chunk boundaries. */
  private previousTwo: Uint8Array = new Uint8Array(0);

  /** Feeds base64 text; returns the bytes decoded from it (empty after an error). */
  write(text: string): Uint8Array {
    if (this.error !== undefined || text.length === 0) {
      this.size.add(text);
      this.position += text.length;
      return new Uint8Array(0);
    }
    const fast = this.padding === 0 ? this.writeUnwrapped(text) : undefined;
    if (fast !== undefined) {
      this.size.addWithoutWhitespace(text);
      return fast;
    }
    this.size.add(text);
    const clean = this.validate(text);
    this.position += text.length;
    const available = this.carry + clean;
    const usable = available.length - (available.length % 4);
    this.carry = available.slice(usable);
    if (usable === 0) return new Uint8Array(0);
    const buffer = Buffer.from(available.slice(0, usable), 'base64');
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this.observe(bytes);
    return bytes;
  }

  /** Ends the payload and gives the findings, plus any final bytes the carry held. */
  end(): { inspection: PayloadInspection; bytes: Uint8Array } {
    let bytes = new Uint8Array(0);
    if (this.error === undefined && this.significant % 4 !== 0) {
      this.error = {
        offset: this.position,
        reason: {
          vi: `độ dài ${this.significant} ký tự không chia hết cho 4 (thiếu hoặc thừa dữ liệu)`,
          en: `its length of ${this.significant} characters is not a multiple of 4 (data missing or extra)`,
        },
      };
    }
    if (this.error === undefined && this.carry.length > 0) {
      const buffer = Buffer.from(this.carry, 'base64');
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      this.observe(bytes);
    }
    const kind = detectContentKind(this.head);
    return {
      bytes,
      inspection: {
        base64Error: this.error,
        byteLength: this.byteLength,
        kind,
        replacementCount: this.replacementCount,
        zip: kind === 'zip' && this.error === undefined ? summarizeZip(this.head, this.tail) : undefined,
      },
    };
  }

  /**
   * The common case, unwrapped base64 as the SDKs write it, checked without scanning it character by character:
   * Node's decoder skips every character outside its alphabet and stops at `=`, so the text is valid exactly when
   * it decodes to the full length its size promises and holds neither of the URL-safe characters Node also takes.
   * Undefined when that does not hold; the slow path then finds and explains the problem.
   */
  private writeUnwrapped(text: string): Uint8Array | undefined {
    // The carried characters and the first few of `text` complete one group; the rest is decoded in place.
    const head = (4 - this.carry.length) % 4;
    if (text.length < head || text.indexOf('-') >= 0 || text.indexOf('_') >= 0) return undefined;
    const total = this.carry.length + text.length;
    const usable = total - (total % 4);
    const bodyEnd = usable - this.carry.length;
    const rest = text.slice(Math.max(head, bodyEnd));
    const last = bodyEnd > 0 ? text.charCodeAt(bodyEnd - 1) : -1;
    const beforeLast = bodyEnd > 1 ? text.charCodeAt(bodyEnd - 2) : -1;
    const padding = last === 0x3d ? (beforeLast === 0x3d ? 2 : 1) : 0;
    if ((padding > 0 && rest.length > 0) || !isAlphabetOnly(rest)) return undefined;
    const expected = (usable / 4) * 3 - padding;
    const buffer = Buffer.allocUnsafe(expected);
    let written = 0;
    if (usable > 0) {
      if (this.carry.length > 0) written += buffer.write(this.carry + text.slice(0, head), 0, 'base64');
      const body = head === 0 && bodyEnd === text.length ? text : text.slice(this.carry.length > 0 ? head : 0, bodyEnd);
      written += buffer.write(body, written, 'base64');
    }
    if (written !== expected) return undefined;
    this.significant += text.length;
    this.padding = padding;
    this.position += text.length;
    this.carry = rest;
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (bytes.length > 0) this.observe(bytes);
    return bytes;
  }

  /** Checks the alphabet and padding of a chunk and returns it without whitespace. */
  private validate(text: string): string {
    NOT_ALPHABET.lastIndex = 0;
    let match = NOT_ALPHABET.exec(text);
    if (match === null && this.padding === 0) {
      this.significant += text.length;
      return text;
    }
    // Slow path from the first character outside the alphabet: whitespace is dropped, padding tracked.
    const parts: string[] = [];
    let from = 0;
    while (match !== null || from < text.length) {
      const stop = match === null ? text.length : match.index;
      if (stop > from) {
        if (this.padding > 0) {
          this.fail(from, { vi: 'có dữ liệu sau ký tự đệm "="', en: 'data follows the "=" padding' });
          break;
        }
        parts.push(text.slice(from, stop));
        this.significant += stop - from;
      }
      if (match === null) break;
      const code = text.charCodeAt(stop);
      if (code === 0x3d) {
        this.padding++;
        this.significant++;
        parts.push('=');
        if (this.padding > 2) {
          this.fail(stop, { vi: 'quá hai ký tự đệm "="', en: 'more than two "=" padding characters' });
          break;
        }
      } else if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
        const shown =
          code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : text[stop];
        const at = this.position + stop;
        this.fail(stop, {
          vi: `ký tự "${shown}" ở vị trí ${at} không thuộc bảng mã base64`,
          en: `character "${shown}" at position ${at} is not in the base64 alphabet`,
        });
        break;
      }
      from = stop + 1;
      match = NOT_ALPHABET.exec(text);
    }
    // On an error the valid text before it is still decoded, so the result does not depend on chunking.
    return parts.join('');
  }

  private fail(offsetInChunk: number, reason: LocalizedText): void {
    this.error = { offset: this.position + offsetInChunk, reason };
  }

  private observe(bytes: Uint8Array): void {
    this.byteLength += bytes.length;
    if (this.head.length < HEAD_BYTES) this.head = concat(this.head, bytes.subarray(0, HEAD_BYTES - this.head.length));
    // The last bytes are only needed to read a ZIP's central directory; a ZIP starts with "PK".
    if (this.head[0] === 0x50 && this.head[1] === 0x4b) {
      this.tail =
        bytes.length >= TAIL_BYTES
          ? bytes.slice(bytes.length - TAIL_BYTES)
          : concat(this.tail.subarray(Math.max(0, this.tail.length + bytes.length - TAIL_BYTES)), bytes);
    }
    this.countReplacements(bytes);
  }

  private countReplacements(bytes: Uint8Array): void {
    const joined = this.previousTwo.length > 0 ? concat(this.previousTwo, bytes.subarray(0, 2)) : undefined;
    if (joined) {
      for (let at = 0; at + 2 < joined.length && at < this.previousTwo.length; at++) {
        if (joined[at] === 0xef && joined[at + 1] === 0xbf && joined[at + 2] === 0xbd) this.replacementCount++;
      }
    }
    // A native three-byte search: random binary has an EF byte every 256 bytes, EF BF BD about never.
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = view.indexOf(REPLACEMENT_CHARACTER); at >= 0; at = view.indexOf(REPLACEMENT_CHARACTER, at + 3)) {
      this.replacementCount++;
    }
    this.previousTwo = bytes.slice(Math.max(0, bytes.length - 2));
  }
}

/** Inspects a whole base64 payload held in memory. */
export function inspectPayload(text: string): PayloadInspection {
  const inspector = new PayloadInspector();
  inspector.write(text);
  return inspector.end().inspection;
}
