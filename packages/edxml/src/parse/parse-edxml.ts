import type { Report } from '@lienthong/report';
import { base64ExceedsSize } from '../attachment/base64-size';
import { inspectPayload } from '../attachment/payload-inspector';
import { Findings } from '../findings';
import type { EdxmlMessage } from '../model/message';
import type { ReadableElement } from '../read/element';
import { isPayloadElement } from '../read/payload-element';
import { checkMessage, inspectAttachments } from '../validate/validate-message';
import { parseXmlTree, type XmlTreeResult } from '../xml';
import {
  assembleResult,
  type EdxmlParseResult,
  OVERSIZED,
  oversizedAttachments,
  type PayloadSource,
  startReport,
} from './assemble';
import { envelopeTooLarge } from './limits';
import { type ParseOptions, resolveLimits, type ValidateOptions } from './options';

export type { EdxmlParseResult };

/** Parses the whole input in memory; payload text goes to sinks, as in the streaming reader. */
function read(input: string | Uint8Array, options: ParseOptions, validate: boolean): EdxmlParseResult {
  const limits = resolveLimits(options.limits);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxBytes) {
    // Refused before any scanning: the size is known up front.
    return assembleResult(undefined, inMemory(new Map()), options, validate, [envelopeTooLarge(size, limits.maxBytes)]);
  }
  const pieces = new Map<ReadableElement, string[]>();
  const tree: XmlTreeResult = parseXmlTree(input, {
    maxDepth: limits.maxDepth,
    maxInputBytes: limits.maxBytes,
    allowLeadingJunk: (options.mode ?? 'tolerant') === 'tolerant',
    // The payload's characters are judged by the base64 check, not by the XML layer (as when streaming).
    streamText: (element, ancestors) => {
      if (!isPayloadElement(element, ancestors)) return undefined;
      const parts: string[] = [];
      pieces.set(element, parts);
      return { validatesCharacters: true, write: (piece) => parts.push(piece) };
    },
  });
  return assembleResult(tree, inMemory(pieces), options, validate);
}

/** Payloads held as text: the pieces each payload element's sink received. */
function inMemory(pieces: ReadonlyMap<ReadableElement, readonly string[]>): PayloadSource {
  return {
    textOf: (element) => pieces.get(element)?.join('') ?? element.text,
    inspect: (_element, text) => inspectPayload(text),
    exceedsSize: (_element, text, limit) => base64ExceedsSize(text, limit),
  };
}

/**
 * Reads an edXML envelope (document or status packet) from text or UTF-8 bytes. Never throws for bad input:
 * every problem is an issue of the report, located by line and column. Reading does not run the message
 * rules; {@link validateEdxml} does.
 *
 * @example
 * const { message, report } = parseEdxml(readFileSync('van-ban.edxml'), { subject: 'van-ban.edxml' });
 * if (message?.kind === 'document') console.log(message.header.subject);
 */
export function parseEdxml(input: string | Uint8Array, options: ParseOptions = {}): EdxmlParseResult {
  return read(input, options, false);
}

/**
 * Reads and validates an envelope: structure, every QCVN 102 rule, the manifest against the attachments,
 * and each payload (base64, declared type against the real bytes, ZIP wrappers, text-round-trip damage).
 *
 * @example
 * const { report } = validateEdxml(readFileSync('van-ban.edxml'), { subject: 'van-ban.edxml' });
 * console.log(report.valid, report.issues.map((issue) => `${issue.ruleId} ${issue.message.vi}`));
 */
export function validateEdxml(input: string | Uint8Array, options: ValidateOptions = {}): EdxmlParseResult {
  return read(input, options, true);
}

/** Validates a message held in memory (built with `createDocument`, or changed after reading). */
export function validateMessage(message: EdxmlMessage, options: ValidateOptions = {}): Report {
  const builder = startReport(options, ['validate']);
  const limits = resolveLimits(options.limits);
  const attachments = message.kind === 'document' ? message.attachments : [];
  const oversized = oversizedAttachments(
    attachments,
    (attachment) => base64ExceedsSize(attachment.contentTransferEncoded, limits.maxAttachmentBytes),
    limits.maxAttachmentBytes,
    (path) => ({ path }),
  );
  if (oversized.length > 0) {
    builder.add(...oversized);
    builder.skip('validate', OVERSIZED);
  } else {
    builder.step('validate', () => {
      builder.add(...checkMessage(message, inspectAttachments(message), new Findings().locationIndex, options).issues);
    });
  }
  return builder.finish();
}
