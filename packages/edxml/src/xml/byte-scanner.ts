/**
 * The byte front end of the scanner: takes `Uint8Array` chunks as they come off a file or socket,
 * decodes UTF-8 incrementally (a character may be split across chunks) and feeds the string scanner.
 * Both the in-memory and the streaming readers go through it, so they see the same events.
 */
import { Buffer, isAscii } from 'node:buffer';
import type { XmlPosition, XmlProblemCode, XmlProblemDetails } from './problems';
import { createXmlScanner, type XmlScanner } from './scanner';
import { resolveXmlScanOptions, type XmlScanHandler, type XmlScanOptions } from './types';
import { findInvalidUtf8, incompleteTailLength } from './utf8';

export interface XmlByteScanner {
  /** Scans the next bytes of the document. Ignored after a fatal problem; throws after `end()`. */
  write(chunk: Uint8Array): void;
  /** Declares the input complete. Throws if called twice. */
  end(): void;
  /** True after a fatal problem or after `end()`. */
  readonly stopped: boolean;
  /** Whether a fatal problem was reported. */
  readonly failed: boolean;
  /** Number of bytes written so far. */
  readonly bytesWritten: number;
  /** See {@link XmlScanner.abort}. */
  abort(code: XmlProblemCode, details?: XmlProblemDetails, at?: XmlPosition, byteOffset?: number): void;
  /** See {@link XmlScanner.setTextCharacterCheck}. */
  setTextCharacterCheck(enabled: boolean): void;
}

export function createXmlByteScanner(handler: XmlScanHandler, options: XmlScanOptions = {}): XmlByteScanner {
  return new Utf8XmlScanner(handler, options);
}

const NO_BYTES = new Uint8Array(0);

class Utf8XmlScanner implements XmlByteScanner {
  private readonly scanner: XmlScanner;
  private readonly maxInputBytes: number;
  private decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private written = 0;
  private endCalled = false;
  /** The last (up to 3) bytes written, to tell whether the input so far ends inside a character. */
  private tail: Uint8Array = NO_BYTES;
  /** How many bytes of an unfinished character the decoder holds. */
  private carried = 0;
  private firstBytes: number[] = [];
  /** A first byte that may start a UTF-16 byte order mark, held until the next chunk. */
  private startHeld: Uint8Array | undefined;

  constructor(handler: XmlScanHandler, options: XmlScanOptions) {
    this.maxInputBytes = resolveXmlScanOptions(options).maxInputBytes;
    // Bytes are counted here; the string scanner's count of code units would only repeat the check.
    this.scanner = createXmlScanner(handler, { ...options, maxInputBytes: Number.POSITIVE_INFINITY });
  }

  get stopped(): boolean {
    return this.scanner.stopped;
  }

  get failed(): boolean {
    return this.scanner.failed;
  }

  get bytesWritten(): number {
    return this.written;
  }

  abort(code: XmlProblemCode, details?: XmlProblemDetails, at?: XmlPosition, byteOffset?: number): void {
    this.scanner.abort(code, details, at, byteOffset);
  }

  setTextCharacterCheck(enabled: boolean): void {
    this.scanner.setTextCharacterCheck(enabled);
  }

  write(chunk: Uint8Array): void {
    if (this.endCalled) throw new Error('XmlByteScanner.write() was called after end().');
    if (this.scanner.failed || chunk.length === 0) return;
    if (this.startHeld !== undefined) {
      const joined = new Uint8Array(this.startHeld.length + chunk.length);
      joined.set(this.startHeld, 0);
      joined.set(chunk, this.startHeld.length);
      this.startHeld = undefined;
      this.writeBytes(joined);
    } else if (this.written === 0 && chunk.length === 1 && (chunk[0] === 0xfe || chunk[0] === 0xff)) {
      // Half of a UTF-16 byte order mark, perhaps: wait for the next byte to tell, as one-shot input would.
      this.startHeld = Uint8Array.from(chunk);
    } else {
      this.writeBytes(chunk);
    }
  }

  private writeBytes(chunk: Uint8Array): void {
    const chunkStart = this.written;
    this.written += chunk.length;
    if (this.written > this.maxInputBytes) {
      this.scanner.abort('INPUT_TOO_LARGE', { limit: this.maxInputBytes }, undefined, this.maxInputBytes);
      return;
    }
    if (this.firstBytes.length < 2) this.rememberFirstBytes(chunk);

    let text: string;
    if (this.carried === 0 && isAscii(chunk)) {
      // ASCII needs no decoding; latin1 copies the bytes straight into a one-byte string, several times
      // faster than TextDecoder on large base64 payloads.
      text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    } else {
      try {
        text = this.decoder.decode(chunk, { stream: true });
      } catch {
        this.reportInvalidBytes(chunk, chunkStart);
        return;
      }
    }
    this.updateTail(chunk);
    this.scanner.write(text);
  }

  end(): void {
    if (this.endCalled) throw new Error('XmlByteScanner.end() was called twice.');
    if (this.startHeld !== undefined && !this.scanner.failed) {
      const held = this.startHeld;
      this.startHeld = undefined;
      this.writeBytes(held);
    }
    this.endCalled = true;
    if (this.scanner.failed) return;
    if (this.carried > 0) {
      this.scanner.abort('INVALID_UTF8', {}, undefined, this.written - this.carried);
      return;
    }
    this.scanner.end();
  }

  private rememberFirstBytes(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.firstBytes.length < 2; i++) this.firstBytes.push(chunk[i]!);
  }

  private updateTail(chunk: Uint8Array): void {
    if (chunk.length >= 3) {
      this.tail = chunk.slice(chunk.length - 3);
    } else {
      const joined = new Uint8Array(this.tail.length + chunk.length);
      joined.set(this.tail, 0);
      joined.set(chunk, this.tail.length);
      this.tail = joined.slice(Math.max(0, joined.length - 3));
    }
    this.carried = incompleteTailLength(this.tail);
  }

  /** Decoding failed somewhere in `chunk`: scan the valid part, then report the first bad byte. */
  private reportInvalidBytes(chunk: Uint8Array, chunkStart: number): void {
    const carriedBytes = this.tail.subarray(this.tail.length - this.carried);
    const joined = new Uint8Array(carriedBytes.length + chunk.length);
    joined.set(carriedBytes, 0);
    joined.set(chunk, carriedBytes.length);
    const invalidAt = Math.max(0, findInvalidUtf8(joined, false));
    const byteOffset = chunkStart - carriedBytes.length + invalidAt;
    if (byteOffset === 0 && this.startsWithUtf16ByteOrderMark()) {
      this.scanner.abort('UNSUPPORTED_ENCODING', { found: 'UTF-16' }, undefined, 0);
      return;
    }
    // The decoder threw away its state; decode the valid prefix afresh.
    this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    if (invalidAt > 0) this.scanner.write(this.decoder.decode(joined.subarray(0, invalidAt)));
    this.scanner.abort('INVALID_UTF8', {}, undefined, byteOffset);
  }

  private startsWithUtf16ByteOrderMark(): boolean {
    const [first, second] = this.firstBytes;
    return (first === 0xfe && second === 0xff) || (first === 0xff && second === 0xfe);
  }
}
