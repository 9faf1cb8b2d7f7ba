import type { Report } from '@lienthong/report';
import { type Base64SizeCounter, base64ExceedsSize } from '../attachment/base64-size';
import { inspectPayload, type PayloadInspection, PayloadInspector } from '../attachment/payload-inspector';
import { Findings, type LocationIndex } from '../findings';
import type { Attachment } from '../model/attachment';
import type { DocumentMessage, EdxmlMessage, StatusMessage } from '../model/message';
import { EDXML_NAMESPACE } from '../model/namespaces';
import { assembleResult, type PayloadSource } from '../parse/assemble';
import { resolveLimits, type ValidateOptions } from '../parse/options';
import type { Located } from '../read/children';
import { namespaceOf, type ReadableElement } from '../read/element';
import { isPayloadElement } from '../read/payload-element';
import { readAttachmentMetadata, readDocumentParts, readEnvelope, readStatusParts } from '../read/read-message';
import { createXmlTreeParser, type XmlElement, type XmlTextSink, type XmlTreeResult } from '../xml';
import type { ByteSource } from './byte-source';

/** The envelope, as soon as it has been read (before any attachment payload). */
export interface StreamedHeader {
  readonly type: 'header';
  /** The message without attachment payloads (`attachments` is empty); undefined when it could not be read. */
  readonly message: Omit<DocumentMessage, 'attachments'> | StatusMessage | undefined;
}

/** One attachment: its metadata, then its decoded bytes as they arrive. */
export interface StreamedAttachment {
  readonly type: 'attachment';
  /** 0-based position among the attachments. */
  readonly index: number;
  readonly attachment: Omit<Attachment, 'contentTransferEncoded'>;
  /**
   * The decoded payload (base64 removed; a ZIP wrapper is *not* opened). Read it before asking for the next
   * part; unread bytes are discarded when the reader moves on.
   */
  readonly bytes: AsyncIterable<Uint8Array>;
}

export type StreamedPart = StreamedHeader | StreamedAttachment;

/**
 * The outcome of a streamed read: what `validateEdxml` reports for the same bytes, issue for issue. One
 * difference: an envelope over `limits.maxBytes` is refused by `validateEdxml` before reading (its size is
 * known), and by the stream when the limit is crossed (same rule, EDXML-XML-003, other wording).
 */
export interface StreamedResult {
  /** The message with every `contentTransferEncoded` left empty (the payloads were streamed). */
  readonly message: EdxmlMessage | undefined;
  readonly report: Report;
  readonly locations: LocationIndex;
}

export interface EdxmlStreamReader extends AsyncIterable<StreamedPart> {
  /** Resolves when the input has been read to its end (iterate the parts first). */
  readonly result: Promise<StreamedResult>;
}

const SCAN_SLICE = 64 * 1024;

/** Decoded bytes of the attachment being read, waiting for the consumer. */
interface PayloadQueue {
  readonly queue: Uint8Array[];
  done: boolean;
  abandoned: boolean;
}

function iterate(source: ByteSource): AsyncIterator<Uint8Array> {
  if (Symbol.asyncIterator in source) return (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}

/**
 * Reads an edXML envelope from a stream of UTF-8 bytes without holding it in memory: first the header, then
 * each attachment's decoded bytes, then (in `result`) the same report `validateEdxml` gives. Memory stays
 * bounded by the header size and the chunk size, whatever the attachments weigh.
 *
 * @example
 * const reader = readEdxmlStream(createReadStream('big.edxml'));
 * for await (const part of reader) {
 *   if (part.type === 'attachment') await pipeline(Readable.from(part.bytes), createWriteStream(part.attachment.attachmentName!));
 * }
 * const { report } = await reader.result;
 */
export function readEdxmlStream(source: ByteSource, options: ValidateOptions = {}): EdxmlStreamReader {
  const mode = options.mode ?? 'tolerant';
  const limits = resolveLimits({ maxBytes: Number.MAX_SAFE_INTEGER, ...options.limits });
  let resolveResult!: (result: StreamedResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<StreamedResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The result is also awaited by whoever iterates; keep an unobserved rejection from crashing the process.
  result.catch(() => undefined);

  const parts: StreamedPart[] = [];
  let headerEmitted = false;
  const queueOf = new Map<StreamedPart, PayloadQueue>();
  /** What was learnt of each payload while passing its bytes on. */
  const payloads = new Map<ReadableElement, { inspection?: PayloadInspection; size: Base64SizeCounter }>();

  const headerFrom = (root: XmlElement): StreamedHeader => {
    const findings = new Findings();
    const envelope = readEnvelope(findings, root);
    if (envelope === undefined) return { type: 'header', message: undefined };
    return {
      type: 'header',
      message: envelope.kind === 'status' ? readStatusParts(findings, envelope) : readDocumentParts(findings, envelope),
    };
  };

  const parser = createXmlTreeParser({
    maxDepth: limits.maxDepth,
    maxInputBytes: limits.maxBytes,
    allowLeadingJunk: mode === 'tolerant',
    streamText: (element, ancestors): XmlTextSink | undefined => {
      if (!isPayloadElement(element, ancestors)) return undefined;
      const [root, list, attachment] = ancestors as [XmlElement, XmlElement, XmlElement];
      if (!headerEmitted) {
        headerEmitted = true;
        parts.push(headerFrom(root));
      }
      // The attachment's position among its siblings, as the report numbers it.
      const index =
        list.children.filter((child) => child.localName === 'Attachment' && namespaceOf(child) === EDXML_NAMESPACE)
          .length - 1;
      // Metadata written after the payload is not known yet here; `result` reads the complete element.
      const located: Located = { element: attachment, path: `AttachmentEncoded/Attachment[${index + 1}]` };
      const { payload: _payload, ...metadata } = readAttachmentMetadata(new Findings(), located);
      const inspector = new PayloadInspector();
      const learnt: { inspection?: PayloadInspection; size: Base64SizeCounter } = { size: inspector.size };
      payloads.set(element, learnt);
      const stream: PayloadQueue = { queue: [], done: false, abandoned: false };
      current = stream;
      const part: StreamedAttachment = { type: 'attachment', index, attachment: metadata, bytes: drain(stream) };
      queueOf.set(part, stream);
      parts.push(part);
      return {
        // The inspector accepts only the base64 alphabet, so the scanner need not check characters here.
        validatesCharacters: true,
        write(piece) {
          const bytes = inspector.write(piece);
          if (bytes.length > 0 && !stream.abandoned) stream.queue.push(bytes);
        },
        end() {
          const { inspection, bytes } = inspector.end();
          if (bytes.length > 0 && !stream.abandoned) stream.queue.push(bytes);
          stream.done = true;
          learnt.inspection = inspection;
        },
      };
    },
  });
  let current: PayloadQueue | undefined;

  const input = iterate(source);
  let inputDone = false;
  let tree: XmlTreeResult | undefined;

  /** Feeds the next input chunk to the parser; false at the end of the input. */
  async function pump(): Promise<boolean> {
    if (inputDone) return false;
    // Once the XML is unreadable (a DOCTYPE, a limit, broken markup) nothing more can be learnt from it:
    // stop pulling the source instead of reading what may be gigabytes to the end.
    const next = parser.failed ? undefined : await input.next();
    if (next === undefined || next.done) {
      inputDone = true;
      if (next === undefined) await input.return?.();
      tree = parser.end();
      return false;
    }
    // Large chunks are scanned in slices: each slice becomes a short-lived string, which the garbage collector
    // reclaims cheaply, where a megabyte string would go to the large-object space and need a full collection.
    const chunk = next.value;
    for (let at = 0; at < chunk.length; at += SCAN_SLICE) parser.write(chunk.subarray(at, at + SCAN_SLICE));
    return true;
  }

  async function* drain(stream: PayloadQueue): AsyncGenerator<Uint8Array> {
    try {
      for (;;) {
        while (stream.queue.length > 0) yield stream.queue.shift() as Uint8Array;
        if (stream.done || current !== stream) return;
        if (!(await pump())) return;
      }
    } finally {
      // A consumer that stops early abandons the rest: it is decoded and checked, but no longer kept.
      stream.abandoned = true;
      stream.queue.length = 0;
    }
  }

  const streamedPayloads: PayloadSource = {
    // The payloads were streamed, not kept.
    textOf: () => '',
    inspect: (element, text) => {
      const learnt = element === undefined ? undefined : payloads.get(element)?.inspection;
      return learnt ?? inspectPayload(text);
    },
    exceedsSize: (element, text, limit) => {
      const learnt = element === undefined ? undefined : payloads.get(element);
      return learnt === undefined ? base64ExceedsSize(text, limit) : learnt.size.size > limit;
    },
  };

  return {
    result,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          while (parts.length > 0) {
            const part = parts.shift() as StreamedPart;
            yield part;
            const queue = part.type === 'attachment' ? queueOf.get(part) : undefined;
            if (queue !== undefined) {
              // Whatever the consumer did not read is skipped, so the next part can be reached.
              queue.abandoned = true;
              queue.queue.length = 0;
              while (!queue.done && (await pump())) queue.queue.length = 0;
            }
          }
          if (!(await pump())) break;
        }
        const finalTree = tree as XmlTreeResult;
        if (!headerEmitted) {
          headerEmitted = true;
          yield finalTree.root === undefined ? { type: 'header', message: undefined } : headerFrom(finalTree.root);
        }
        resolveResult(assembleResult(finalTree, streamedPayloads, options, true));
      } catch (error) {
        rejectResult(error);
        throw error;
      } finally {
        if (!inputDone) await input.return?.();
      }
    },
  };
}
