import { inspectPayload } from '../attachment/payload-inspector';
import { Findings, type LocationIndex } from '../findings';
import type { EdxmlMessage } from '../model/message';
import { checkAttachments, type InspectedAttachment } from './attachments';
import { checkDocumentHeader } from './document';
import { checkLengthProfile, DEFAULT_LENGTH_PROFILE, type LengthProfile } from './length-profile';
import { checkStatusMessage } from './status';
import { checkTraceHeaderList } from './trace';

export interface MessageCheckOptions {
  /** Check field lengths against a profile: `true` for the defaults, or limits to use. Off by default. */
  readonly lengthProfile?: boolean | Partial<LengthProfile>;
}

export function resolveLengthProfile(option: MessageCheckOptions['lengthProfile']): LengthProfile | undefined {
  if (option === undefined || option === false) return undefined;
  return option === true ? { ...DEFAULT_LENGTH_PROFILE } : { ...DEFAULT_LENGTH_PROFILE, ...option };
}

/**
 * Runs every message rule. Attachments come with their payload inspection so that the in-memory and the
 * streaming readers share this one function (and so reach the same findings).
 */
export function checkMessage(
  message: EdxmlMessage,
  attachments: readonly InspectedAttachment[],
  locations: LocationIndex,
  options: MessageCheckOptions = {},
): Findings {
  const findings = new Findings(new Map(locations));
  if (message.kind === 'status') {
    checkStatusMessage(findings, message);
  } else {
    checkDocumentHeader(findings, message);
    checkTraceHeaderList(findings, message);
    checkAttachments(findings, message, attachments);
  }
  const profile = resolveLengthProfile(options.lengthProfile);
  if (profile) checkLengthProfile(findings, message, profile);
  return findings;
}

/** Inspects the payloads of a message held in memory. */
export function inspectAttachments(message: EdxmlMessage): InspectedAttachment[] {
  if (message.kind === 'status') return [];
  return message.attachments.map(({ contentTransferEncoded, ...attachment }) => ({
    attachment,
    inspection: inspectPayload(contentTransferEncoded),
  }));
}
