import type { LocalizedText } from '@lienthong/report';
import { parseEdxmlTimestamp } from '../time/edxml-format';
import { readEdxmlTimestampLeniently } from '../time/lenient-read';
import { quoteForMessage } from '../time/message-text';
import { isValidInstant } from '../time/vietnam-time';
import {
  isKnownStatusCode,
  KNOWN_STATUS_CODES,
  type KnownStatusCode,
  STATUS_CODES,
  type StatusCode,
  type StatusDirection,
} from './status-codes';
import { nextStatuses } from './transitions';

/** One status of a document, in the order it was sent or received. */
export interface StatusHistoryEntry {
  readonly code: StatusCode;
  /** A `Date`, or the packet's `yyyy/MM/dd HH:mm:ss` text (common variants are read leniently). */
  readonly timestamp: Date | string;
  /** OrganId of the unit that sent the status packet (its `From/OrganId`), when known. */
  readonly from?: string;
}

export interface StatusHistoryOptions {
  /** OrganId of the original document's sender (a status packet's `ResponseFor/OrganId`). */
  readonly documentSender?: string;
  /** OrganId of the recipient whose statuses these are. */
  readonly recipient?: string;
}

export type StatusHistoryFindingKind =
  | 'unknown-code'
  | 'illegal-transition'
  | 'time-goes-backwards'
  | 'wrong-direction'
  | 'unreadable-timestamp';

export interface StatusHistoryFinding {
  /** Index of the entry in the history. */
  readonly index: number;
  readonly kind: StatusHistoryFindingKind;
  /** The entry's code as given. */
  readonly code: string;
  readonly message: LocalizedText;
  /** The earlier entry this one was compared with (the previous known status, or the latest timestamp). */
  readonly comparedWithIndex?: number;
  /** For `illegal-transition`: what could have come instead, in code order. */
  readonly expected?: readonly KnownStatusCode[];
  /** For `unknown-code`: the known code the text probably means (`1` → `01`, ` 03 ` → `03`). */
  readonly suggestion?: KnownStatusCode;
  /** For `wrong-direction`: which party should have sent this status. */
  readonly expectedSender?: 'document-sender' | 'recipient';
}

function describe(code: KnownStatusCode): { vi: string; en: string } {
  const { label } = STATUS_CODES[code];
  return { vi: `${code} (${label.vi})`, en: `${code} (${label.en})` };
}

function describeList(codes: readonly KnownStatusCode[]): { vi: string; en: string } {
  if (codes.length === 0) return { vi: 'không còn trạng thái nào', en: 'no further status' };
  return { vi: codes.join(', '), en: codes.join(', ') };
}

function suggestionFor(code: string): KnownStatusCode | undefined {
  const trimmed = code.trim();
  if (isKnownStatusCode(trimmed)) return trimmed;
  // Some systems write the code as an integer.
  const padded = /^[0-9]$/.test(trimmed) ? `0${trimmed}` : trimmed.replace(/^0+(?=[0-9]{2}$)/, '');
  return isKnownStatusCode(padded) ? padded : undefined;
}

function readInstant(timestamp: unknown): number | undefined {
  if (isValidInstant(timestamp)) return timestamp.getTime();
  if (typeof timestamp !== 'string') return undefined;
  const strict = parseEdxmlTimestamp(timestamp);
  if (strict.ok) return strict.instant.getTime();
  // The format itself is the validator's business elsewhere; here only the order of events matters.
  const lenient = readEdxmlTimestampLeniently(timestamp);
  return lenient.ok ? lenient.instant.getTime() : undefined;
}

type Party = 'document-sender' | 'recipient';

function partyOf(direction: StatusDirection): Party {
  return direction === 'sender-to-recipient' ? 'document-sender' : 'recipient';
}

const PARTY_NAMES: Record<Party, LocalizedText> = {
  'document-sender': { vi: 'bên gửi văn bản', en: 'the document sender' },
  recipient: { vi: 'bên nhận văn bản', en: 'the recipient' },
};

function presentOrganId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length === 0 ? undefined : trimmed;
}

/**
 * Checks a document's status history (in the order sent) against the lifecycle: unknown codes,
 * transitions the table does not allow — with the context a pairwise table cannot see (a 13 must be
 * answered before handling goes on; after 13 → 15 the document is gone; after 15/16 handling resumes from
 * the last handling status) — timestamps that go backwards, and statuses sent by the wrong party.
 *
 * Parties come from `options`; missing ones are learnt from the history itself (the first unit sending a
 * recipient status is taken as the recipient, the first sending a 13 as the document sender). Unknown
 * codes are reported and skipped, so they do not cause follow-up findings. Never throws.
 */
export function validateStatusHistory(
  history: readonly StatusHistoryEntry[],
  options: StatusHistoryOptions = {},
): StatusHistoryFinding[] {
  const findings: StatusHistoryFinding[] = [];
  if (!Array.isArray(history)) return findings;

  const parties: Partial<Record<Party, string>> = {};
  const documentSender = presentOrganId(options.documentSender);
  const recipient = presentOrganId(options.recipient);
  if (documentSender !== undefined) parties['document-sender'] = documentSender;
  if (recipient !== undefined) parties.recipient = recipient;

  let latest: { instant: number; index: number } | undefined;
  let previousKnown: { code: KnownStatusCode; index: number } | undefined;
  let lastHandling: KnownStatusCode | null = null;
  let retrieved = false;

  history.forEach((entry, index) => {
    const code: string = typeof entry?.code === 'string' ? entry.code : String(entry?.code);

    // Time runs across all entries, known or not.
    const instant = readInstant(entry?.timestamp);
    if (instant === undefined) {
      const shown = quoteForMessage(entry?.timestamp);
      findings.push({
        index,
        kind: 'unreadable-timestamp',
        code,
        message: {
          vi: `Trạng thái thứ ${index + 1} có thời điểm không đọc được: ${shown}.`,
          en: `Status ${index + 1} has an unreadable timestamp: ${shown}.`,
        },
      });
    } else {
      if (latest !== undefined && instant < latest.instant) {
        findings.push({
          index,
          kind: 'time-goes-backwards',
          code,
          comparedWithIndex: latest.index,
          message: {
            vi: `Trạng thái thứ ${index + 1} có thời điểm sớm hơn trạng thái thứ ${latest.index + 1} đứng trước nó.`,
            en: `Status ${index + 1} is timed earlier than status ${latest.index + 1}, which comes before it.`,
          },
        });
      }
      if (latest === undefined || instant >= latest.instant) latest = { instant, index };
    }

    if (!isKnownStatusCode(code)) {
      const suggestion = suggestionFor(code);
      const hint =
        suggestion === undefined
          ? { vi: '', en: '' }
          : { vi: ` Có lẽ là ${suggestion}?`, en: ` Perhaps ${suggestion}?` };
      findings.push({
        index,
        kind: 'unknown-code',
        code,
        message: {
          vi: `Mã trạng thái ${quoteForMessage(code)} (trạng thái thứ ${index + 1}) không thuộc các mã đã biết (${KNOWN_STATUS_CODES.join(', ')}).${hint.vi}`,
          en: `Status code ${quoteForMessage(code)} (status ${index + 1}) is not one of the known codes (${KNOWN_STATUS_CODES.join(', ')}).${hint.en}`,
        },
        ...(suggestion === undefined ? {} : { suggestion }),
      });
      return;
    }

    const info = STATUS_CODES[code];
    const from = presentOrganId(entry?.from);
    if (from !== undefined) {
      const expectedParty = partyOf(info.direction);
      const otherParty: Party = expectedParty === 'recipient' ? 'document-sender' : 'recipient';
      const known = parties[expectedParty];
      const isWrong = known !== undefined ? from !== known : from === parties[otherParty];
      if (isWrong) {
        const expectedName = PARTY_NAMES[expectedParty];
        const expectedId = known === undefined ? '' : ` ${quoteForMessage(known)}`;
        findings.push({
          index,
          kind: 'wrong-direction',
          code,
          expectedSender: expectedParty,
          message: {
            vi: `Trạng thái ${describe(code).vi} phải do ${expectedName.vi}${expectedId} gửi, nhưng được gửi từ ${quoteForMessage(from)}.`,
            en: `Status ${describe(code).en} must be sent by ${expectedName.en}${expectedId}, but came from ${quoteForMessage(from)}.`,
          },
        });
      } else if (known === undefined) {
        parties[expectedParty] = from;
      }
    }

    const previous = previousKnown;
    let allowed: readonly KnownStatusCode[];
    let context: LocalizedText;
    if (retrieved) {
      allowed = [];
      context = {
        vi: 'văn bản đã được lấy lại (13 rồi 15) nên không còn trạng thái nào sau đó',
        en: 'the document was taken back (13, then 15), so no status may follow',
      };
    } else if (previous?.code === '13') {
      allowed = ['15', '16'];
      context = {
        vi: 'yêu cầu lấy lại (13) phải được trả lời bằng 15 hoặc 16 trước',
        en: 'a retrieval request (13) must first be answered with 15 or 16',
      };
    } else if (previous !== undefined && STATUS_CODES[previous.code].role === 'answer') {
      // After an answer, handling resumes from where it stood.
      allowed = nextStatuses(lastHandling);
      context =
        lastHandling === null
          ? { vi: 'chưa có trạng thái xử lý nào trước đó', en: 'no handling status came before' }
          : {
              vi: `việc xử lý tiếp tục từ ${describe(lastHandling).vi}`,
              en: `handling resumes from ${describe(lastHandling).en}`,
            };
    } else {
      allowed = nextStatuses(previous?.code ?? null);
      context =
        previous === undefined
          ? { vi: 'đây là trạng thái đầu tiên', en: 'this is the first status' }
          : {
              vi: `trạng thái trước là ${describe(previous.code).vi}`,
              en: `the previous status is ${describe(previous.code).en}`,
            };
    }

    if (!allowed.includes(code)) {
      const expectedList = describeList(allowed);
      findings.push({
        index,
        kind: 'illegal-transition',
        code,
        expected: allowed,
        ...(previous === undefined ? {} : { comparedWithIndex: previous.index }),
        message: {
          vi: `Trạng thái ${describe(code).vi} không hợp lệ ở vị trí thứ ${index + 1}: ${context.vi}; được phép: ${expectedList.vi}.`,
          en: `Status ${describe(code).en} is not allowed at position ${index + 1}: ${context.en}; allowed: ${expectedList.en}.`,
        },
      });
    }

    // Adopt the new status even when it was illegal, so one slip is reported once, not at every later step.
    if (code === '15' && previous?.code === '13') retrieved = true;
    if (info.role === 'handling') lastHandling = code;
    previousKnown = { code, index };
  });

  return findings;
}
