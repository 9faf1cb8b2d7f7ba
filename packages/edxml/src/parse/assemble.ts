import { createReportBuilder, type Issue, type Location, type Report, type ReportBuilder } from '@lienthong/report';
import type { PayloadInspection } from '../attachment/payload-inspector';
import { Findings, type LocationIndex } from '../findings';
import type { EdxmlMessage } from '../model/message';
import type { ReadableElement } from '../read/element';
import { readMessage } from '../read/read-message';
import { EDXML_RULESET, edxmlRules } from '../rules/catalog';
import { byteOrderMark } from '../rules/structure';
import { checkMessage } from '../validate/validate-message';
import type { XmlTreeResult } from '../xml';
import { attachmentTooLarge, tooManyAttachments } from './limits';
import { type ParseOptions, resolveLimits, severityOverridesFor, type ValidateOptions } from './options';
import { issueOfXmlProblem } from './xml-issues';

/** What reading an envelope gives: the message when it could be read, and always the report. */
export interface EdxmlParseResult {
  /** The message, or undefined when the input is not a readable edXML envelope (the report says why). */
  readonly message: EdxmlMessage | undefined;
  readonly report: Report;
  /** Source line and column of each logical path, for tools that point into the file. */
  readonly locations: LocationIndex;
}

/**
 * How a reader holds attachment payloads: the in-memory reader keeps their text, the streaming reader only
 * what it learnt while passing the bytes on. `element` is the payload's ContentTransferEncoded element, or
 * undefined for an Attachment without one.
 */
export interface PayloadSource {
  textOf(element: ReadableElement): string;
  inspect(element: ReadableElement | undefined, text: string): PayloadInspection;
  exceedsSize(element: ReadableElement | undefined, text: string, limit: number): boolean;
}

export function startReport(options: ParseOptions, requiredSteps: string[]): ReportBuilder {
  return createReportBuilder({
    subject: options.subject ?? 'edxml',
    kind: 'edxml',
    ruleset: EDXML_RULESET,
    rules: edxmlRules.rules,
    requiredSteps,
    severityOverrides: severityOverridesFor(options.mode ?? 'tolerant'),
    ...(options.now ? { now: options.now } : {}),
  });
}

const UNREADABLE = {
  vi: 'không đọc được gói tin nên không kiểm tra được các quy tắc',
  en: 'the packet could not be read, so its rules could not be checked',
};
export const OVERSIZED = { vi: 'có tệp đính kèm vượt giới hạn kích thước', en: 'an attachment is over the size limit' };

/** One finding per attachment over the size limit, located at its Attachment element. */
export function oversizedAttachments<A>(
  attachments: readonly A[],
  exceeds: (attachment: A, index: number) => boolean,
  limit: number,
  locate: (path: string) => Location,
): Issue[] {
  return attachments.flatMap((attachment, index) =>
    exceeds(attachment, index)
      ? [attachmentTooLarge(index + 1, limit, locate(`AttachmentEncoded/Attachment[${index + 1}]`))]
      : [],
  );
}

/**
 * Turns a parsed tree into the message and its report: the one place both readers (in memory and streaming)
 * go through, so that for the same bytes they give the same result.
 *
 * @param refusal issues that stopped reading before any tree was built (an envelope over `maxBytes`)
 */
export function assembleResult(
  tree: XmlTreeResult | undefined,
  payloads: PayloadSource,
  options: ValidateOptions,
  validate: boolean,
  refusal: readonly Issue[] = [],
): EdxmlParseResult {
  const mode = options.mode ?? 'tolerant';
  const limits = resolveLimits(options.limits);
  const builder = startReport(options, validate ? ['read', 'validate'] : ['read']);
  const findings = new Findings();
  const payloadElements: (ReadableElement | undefined)[] = [];

  const message = builder.step('read', () => {
    builder.add(...refusal);
    if (tree === undefined) return undefined;
    if (tree.byteOrderMark) builder.add(byteOrderMark.issue({}, { line: 1, column: 1 }));
    builder.add(...tree.problems.map(issueOfXmlProblem));
    const fatal = tree.problems.some((problem) => problem.severity === 'fatal');
    // Strict reading refuses what is not namespace-well-formed XML; tolerant reading goes on with a warning.
    if (fatal || (mode === 'strict' && tree.problems.length > 0) || tree.root === undefined) return undefined;
    const read = readMessage(findings, tree.root, (element, index) => {
      payloadElements[index] = element;
      return payloads.textOf(element);
    });
    builder.add(...findings.issues);
    findings.issues.length = 0;
    if (read?.kind === 'document' && read.attachments.length > limits.maxAttachments) {
      builder.add(
        tooManyAttachments(read.attachments.length, limits.maxAttachments, findings.locationOf('AttachmentEncoded')),
      );
      return undefined;
    }
    return read;
  });

  if (validate) {
    const attachments = message?.kind === 'document' ? message.attachments : [];
    const oversized = oversizedAttachments(
      attachments,
      (attachment, index) =>
        payloads.exceedsSize(payloadElements[index], attachment.contentTransferEncoded, limits.maxAttachmentBytes),
      limits.maxAttachmentBytes,
      (path) => findings.locationOf(path),
    );
    if (message === undefined) builder.skip('validate', UNREADABLE);
    else if (oversized.length > 0) {
      builder.add(...oversized);
      builder.skip('validate', OVERSIZED);
    } else {
      builder.step('validate', () => {
        const inspected = attachments.map(({ contentTransferEncoded, ...attachment }, index) => ({
          attachment,
          inspection: payloads.inspect(payloadElements[index], contentTransferEncoded),
        }));
        builder.add(...checkMessage(message, inspected, findings.locationIndex, options).issues);
      });
    }
  }
  return { message, report: builder.finish(), locations: findings.locationIndex };
}
