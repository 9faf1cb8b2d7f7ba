import { EdxmlError } from '../errors';
import { isKnownStatusCode, type KnownStatusCode, STATUS_CODES } from '../lifecycle/status-codes';
import type { DocumentMessage, StatusHeader, StatusMessage } from '../model/message';
import type { Organization, ResponseFor, StaffInfo } from '../model/organization';
import { formatEdxmlTimestamp } from '../time';

/** Statuses whose Description must give a reason: rejection, take-back request, refusal of a request. */
const NEEDS_REASON: ReadonlySet<KnownStatusCode> = new Set(['02', '13', '16']);

export interface CreateStatusInput {
  readonly code: KnownStatusCode;
  /** The unit reporting the status: a recipient, or the original sender for 13. */
  readonly from: Organization;
  /** The document the status is about: the document packet itself, or its ResponseFor fields. */
  readonly about: DocumentMessage | ResponseFor;
  readonly staffInfo?: StaffInfo;
  /** Free text; required for 02, 13 and 16 (the reason). Defaults to the code's Vietnamese label otherwise. */
  readonly description?: string;
  /** When the status happened; now by default. Written in Vietnam local time. */
  readonly at?: Date;
}

/** The ResponseFor fields that identify a document packet in a status or a reply. */
export function responseForOf(document: DocumentMessage): ResponseFor {
  const header = document.header;
  const responseFor: ResponseFor = {};
  if (header.from.organId !== '') responseFor.organId = header.from.organId;
  if (header.code?.codeNumber !== undefined && header.code.codeNotation !== undefined) {
    responseFor.code = `${header.code.codeNumber}/${header.code.codeNotation}`;
  }
  if (header.promulgationInfo?.promulgationDate !== undefined) {
    responseFor.promulgationDate = header.promulgationInfo.promulgationDate;
  }
  if (header.documentId !== undefined) responseFor.documentId = header.documentId;
  return responseFor;
}

/**
 * Builds a status packet (gói tin trạng thái) about a document.
 *
 * @example
 * const accepted = createStatus({ code: '03', from: { organId: '000.00.00.G22' }, about: receivedDocument });
 */
export function createStatus(input: CreateStatusInput): StatusMessage {
  if (!isKnownStatusCode(input.code)) {
    throw new EdxmlError(
      'UNSUPPORTED_STATUS_CODE',
      `status code "${String(input.code)}" is not one of the known codes`,
    );
  }
  if (NEEDS_REASON.has(input.code) && (input.description === undefined || input.description.trim() === '')) {
    throw new EdxmlError('INVALID_ARGUMENT', `status ${input.code} needs a description giving the reason`);
  }
  const about =
    'kind' in input.about ? responseForOf(input.about as DocumentMessage) : { ...(input.about as ResponseFor) };
  const header: StatusHeader = { from: { ...input.from }, responseFor: about };
  if (input.staffInfo) header.staffInfo = { ...input.staffInfo };
  header.statusCode = input.code;
  header.description = input.description ?? STATUS_CODES[input.code].label.vi;
  header.timestamp = formatEdxmlTimestamp(input.at ?? new Date());
  return { kind: 'status', header };
}
