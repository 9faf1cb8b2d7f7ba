import { createReportBuilder, type Report, type ReportBuilder } from '@lienthong/report';
import { Findings, type LocationIndex } from '../findings';
import type { EdxmlMessage } from '../model/message';
import type { ReadableElement } from '../read/element';
import { isPayloadElement } from '../read/payload-element';
import { readMessage } from '../read/read-message';
import { EDXML_RULESET, edxmlRules } from '../rules/catalog';
import { byteOrderMark, xmlLimitExceeded } from '../rules/structure';
import { checkMessage, inspectAttachments } from '../validate/validate-message';
import { parseXmlTree } from '../xml';
import {
  type EdxmlLimits,
  type ParseOptions,
  type ReadMode,
  resolveLimits,
  severityOverridesFor,
  type ValidateOptions,
} from './options';
import { issueOfXmlProblem } from './xml-issues';

/** What reading an envelope gives: the message when it could be read, and always the report. */
export interface EdxmlParseResult {
  /** The message, or undefined when the input is not a readable edXML envelope (the report says why). */
  readonly message: EdxmlMessage | undefined;
  readonly report: Report;
  /** Source line and column of each logical path, for tools that point into the file. */
  readonly locations: LocationIndex;
}

const REPORT_KIND = 'edxml';

function startReport(options: ParseOptions, requiredSteps: string[]): ReportBuilder {
  return createReportBuilder({
    subject: options.subject ?? 'edxml',
    kind: REPORT_KIND,
    ruleset: EDXML_RULESET,
    rules: edxmlRules.rules,
    requiredSteps,
    severityOverrides: severityOverridesFor(options.mode ?? 'tolerant'),
    ...(options.now ? { now: options.now } : {}),
  });
}

function sizeOf(input: string | Uint8Array): number {
  return typeof input === 'string' ? input.length : input.byteLength;
}

/** Reads an envelope into the builder; returns the message and where its parts are. */
function readInto(
  builder: ReportBuilder,
  input: string | Uint8Array,
  mode: ReadMode,
  limits: EdxmlLimits,
): { message: EdxmlMessage | undefined; findings: Findings } {
  const findings = new Findings();
  const size = sizeOf(input);
  if (size > limits.maxBytes) {
    builder.add(
      xmlLimitExceeded.issue({
        detail: {
          vi: `kích thước ${size} byte vượt giới hạn ${limits.maxBytes} byte của việc đọc trong bộ nhớ; hãy dùng bộ đọc luồng`,
          en: `its size of ${size} bytes is over the ${limits.maxBytes}-byte limit for reading in memory; use the streaming reader`,
        },
      }),
    );
    return { message: undefined, findings };
  }
  // Payload text goes to a sink, as in the streaming reader, so both readers treat it alike: its characters
  // are judged by the base64 check, not by the XML layer.
  const payloads = new Map<ReadableElement, string[]>();
  const tree = parseXmlTree(input, {
    maxDepth: limits.maxDepth,
    maxInputBytes: limits.maxBytes,
    allowLeadingJunk: mode === 'tolerant',
    streamText: (element, ancestors) => {
      if (!isPayloadElement(element, ancestors)) return undefined;
      const pieces: string[] = [];
      payloads.set(element, pieces);
      return { validatesCharacters: true, write: (piece) => pieces.push(piece) };
    },
  });
  if (tree.byteOrderMark) builder.add(byteOrderMark.issue({}, { line: 1, column: 1 }));
  builder.add(...tree.problems.map(issueOfXmlProblem));
  const fatal = tree.problems.some((problem) => problem.severity === 'fatal');
  // Strict reading refuses what is not namespace-well-formed XML; tolerant reading goes on with a warning.
  const refused = fatal || (mode === 'strict' && tree.problems.length > 0);
  if (refused || tree.root === undefined) return { message: undefined, findings };

  const message = readMessage(findings, tree.root, (element) => payloads.get(element)?.join('') ?? element.text);
  builder.add(...findings.issues);
  findings.issues.length = 0;
  if (message?.kind === 'document' && message.attachments.length > limits.maxAttachments) {
    builder.add(
      xmlLimitExceeded.issue(
        {
          detail: {
            vi: `có ${message.attachments.length} tệp đính kèm, vượt giới hạn ${limits.maxAttachments}`,
            en: `it has ${message.attachments.length} attachments, over the limit of ${limits.maxAttachments}`,
          },
        },
        findings.locationOf('AttachmentEncoded'),
      ),
    );
    return { message: undefined, findings };
  }
  return { message, findings };
}

/**
 * The size a base64 text decodes to, at least: from its length, and only when that is over the limit, from its
 * length without the line breaks and spaces of wrapped base64 (so a payload just under the limit is not refused).
 */
function decodedSizeOf(text: string, limit: number): number {
  const estimate = Math.floor((text.length * 3) / 4);
  if (estimate <= limit) return estimate;
  let whitespace = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d || code === 0x20 || code === 0x09) whitespace++;
  }
  return Math.floor(((text.length - whitespace) * 3) / 4);
}

/** Payloads over the size limit are refused before they are decoded. */
function checkAttachmentSizes(
  builder: ReportBuilder,
  message: EdxmlMessage,
  limits: EdxmlLimits,
  findings: Findings,
): boolean {
  if (message.kind === 'status') return true;
  let withinLimits = true;
  message.attachments.forEach((attachment, index) => {
    const decodedSize = decodedSizeOf(attachment.contentTransferEncoded, limits.maxAttachmentBytes);
    if (decodedSize > limits.maxAttachmentBytes) {
      withinLimits = false;
      builder.add(
        xmlLimitExceeded.issue(
          {
            detail: {
              vi: `tệp đính kèm thứ ${index + 1} khoảng ${decodedSize} byte, vượt giới hạn ${limits.maxAttachmentBytes} byte`,
              en: `attachment ${index + 1} is about ${decodedSize} bytes, over the ${limits.maxAttachmentBytes}-byte limit`,
            },
          },
          findings.locationOf(`AttachmentEncoded/Attachment[${index + 1}]`),
        ),
      );
    }
  });
  return withinLimits;
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
  const builder = startReport(options, ['read']);
  const limits = resolveLimits(options.limits);
  const read = builder.step('read', () => readInto(builder, input, options.mode ?? 'tolerant', limits));
  return {
    message: read?.message,
    report: builder.finish(),
    locations: read?.findings.locationIndex ?? new Map(),
  };
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
  const builder = startReport(options, ['read', 'validate']);
  const limits = resolveLimits(options.limits);
  const read = builder.step('read', () => readInto(builder, input, options.mode ?? 'tolerant', limits));
  const message = read?.message;
  if (message === undefined || read === undefined) {
    builder.skip('validate', {
      vi: 'không đọc được gói tin nên không kiểm tra được các quy tắc',
      en: 'the packet could not be read, so its rules could not be checked',
    });
  } else if (!checkAttachmentSizes(builder, message, limits, read.findings)) {
    builder.skip('validate', {
      vi: 'có tệp đính kèm vượt giới hạn kích thước',
      en: 'an attachment is over the size limit',
    });
  } else {
    builder.step('validate', () => {
      const findings = checkMessage(message, inspectAttachments(message), read.findings.locationIndex, options);
      builder.add(...findings.issues);
    });
  }
  return { message, report: builder.finish(), locations: read?.findings.locationIndex ?? new Map() };
}

/** Validates a message held in memory (built with `createDocument`, or changed after reading). */
export function validateMessage(message: EdxmlMessage, options: ValidateOptions = {}): Report {
  const builder = startReport(options, ['validate']);
  const limits = resolveLimits(options.limits);
  if (!checkAttachmentSizes(builder, message, limits, new Findings())) {
    builder.skip('validate', {
      vi: 'có tệp đính kèm vượt giới hạn kích thước',
      en: 'an attachment is over the size limit',
    });
  } else {
    builder.step('validate', () => {
      builder.add(...checkMessage(message, inspectAttachments(message), new Map(), options).issues);
    });
  }
  return builder.finish();
}
