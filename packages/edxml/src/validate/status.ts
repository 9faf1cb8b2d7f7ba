import type { Findings } from '../findings';
import { isKnownStatusCode, KNOWN_STATUS_CODES, STATUS_CODES } from '../lifecycle/status-codes';
import type { StatusMessage } from '../model/message';
import {
  statusCodeMalformed,
  statusCodeUnknown,
  statusDescriptionMissing,
  statusDirection,
  statusFieldMissing,
  statusResponseForMissing,
} from '../rules/status';
import { checkDocumentIdConsistency } from './document';
import { parseDocumentId } from './document-id';
import { checkDate, checkNotBlank, checkOrganId, checkTimestamp } from './fields';

const TWO_DIGITS = /^[0-9]{2}$/;
/** Statuses whose meaning needs a reason: rejection and take-back. */
const NEEDS_REASON: ReadonlySet<string> = new Set(['02', '13', '16']);

/** Checks a status packet: code, the document it reports on, time, direction. */
export function checkStatusMessage(findings: Findings, message: StatusMessage): void {
  const header = message.header;
  const at = (field: string) => `MessageHeader/${field}`;
  if (header.from.organId.trim() === '') findings.report(statusFieldMissing, { field: at('From/OrganId') }, at('From'));
  else checkOrganId(findings, header.from.organId, at('From/OrganId'));

  const code = header.statusCode;
  if (code === undefined) findings.report(statusFieldMissing, { field: at('StatusCode') }, 'MessageHeader');
  else if (!TWO_DIGITS.test(code)) findings.report(statusCodeMalformed, { value: code }, at('StatusCode'));
  else if (!isKnownStatusCode(code)) {
    findings.report(statusCodeUnknown, { value: code, known: KNOWN_STATUS_CODES.join(', ') }, at('StatusCode'));
  }

  if (header.timestamp === undefined) findings.report(statusFieldMissing, { field: at('Timestamp') }, 'MessageHeader');
  else checkTimestamp(findings, header.timestamp, at('Timestamp'));

  const responseFor = header.responseFor;
  if (responseFor === undefined) {
    findings.report(statusResponseForMissing, { field: at('ResponseFor') }, 'MessageHeader');
  } else {
    if (responseFor.documentId === undefined || responseFor.documentId.trim() === '') {
      findings.report(statusResponseForMissing, { field: at('ResponseFor/DocumentId') }, at('ResponseFor'));
    } else {
      checkDocumentIdConsistency(
        findings,
        responseFor.documentId,
        at('ResponseFor/DocumentId'),
        {
          organId: { value: responseFor.organId, path: at('ResponseFor/OrganId') },
          date: { value: responseFor.promulgationDate, path: at('ResponseFor/PromulgationDate') },
          code: { value: responseFor.code, path: at('ResponseFor/Code') },
        },
        { reportUnconventional: false },
      );
    }
    if (responseFor.organId === undefined) {
      findings.report(statusResponseForMissing, { field: at('ResponseFor/OrganId') }, at('ResponseFor'));
    } else checkOrganId(findings, responseFor.organId, at('ResponseFor/OrganId'));
    checkDate(findings, responseFor.promulgationDate, at('ResponseFor/PromulgationDate'));
  }

  // The original sender is ResponseFor/OrganId; when the DocumentId names another sender (reported above),
  // who sent the document is in doubt and the direction is not judged.
  const named = responseFor?.documentId === undefined ? undefined : parseDocumentId(responseFor.documentId);
  const senderInDoubt = named !== undefined && named.organId !== responseFor?.organId;
  if (
    code !== undefined &&
    isKnownStatusCode(code) &&
    responseFor?.organId !== undefined &&
    header.from.organId.trim() !== '' &&
    !senderInDoubt
  ) {
    const fromOriginalSender = header.from.organId === responseFor.organId;
    // Status 13 (take back) comes from the original sender; every other status from a recipient (§2.2).
    const mustBeOriginalSender = STATUS_CODES[code].direction === 'sender-to-recipient';
    if (fromOriginalSender !== mustBeOriginalSender) {
      findings.report(
        statusDirection,
        {
          code,
          expectedSender: mustBeOriginalSender
            ? { vi: 'đơn vị gửi văn bản gốc', en: 'the sender of the original document' }
            : { vi: 'đơn vị nhận văn bản', en: 'a recipient of the document' },
          from: header.from.organId,
          relation: fromOriginalSender ? { vi: 'trùng với', en: 'equals' } : { vi: 'khác', en: 'differs from' },
          original: responseFor.organId,
        },
        at('From/OrganId'),
      );
    }
  }

  if (code !== undefined && NEEDS_REASON.has(code) && !checkNotBlank(findings, header.description, at('Description'))) {
    if (header.description === undefined) findings.report(statusDescriptionMissing, { code }, 'MessageHeader');
  }
}
