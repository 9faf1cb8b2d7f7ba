import type { LocalizedText } from '@lienthong/report';
import { isKnownStatusCode, KNOWN_STATUS_CODES, type KnownStatusCode, type StatusCode } from './status-codes';

/**
 * Which status may directly follow which, as data.
 *
 * No source gives a transition table — the regulation's text was not available (domain notes §0). The
 * table is derived from the meaning of each code (§2.2) and how the message kinds relate (§2.3), so every
 * edge is an inference [I]. It is deliberately permissive where real receiving systems plausibly differ
 * (which handling steps they report), and strict where a sequence contradicts the meaning of the codes
 * (anything after a rejection, a rejection after acceptance, a retrieval after completion).
 *
 * The model behind it has three strands:
 * - handling by the recipient: start → 01 → 02 | 03; 03 → 04 → 05 → 06, where steps may be skipped
 *   forwards but never go back; 02 and 06 end the normal flow;
 * - the sender's retrieval request 13, possible while handling is unfinished, answered by 15 (agree — the
 *   document is taken back, nothing follows) or 16 (refuse — handling resumes);
 * - 15/16 also answer update, revocation and replacement *document* packets (BussinessDocType 1–3), which
 *   never appear in a status history, so they may follow any status once the recipient holds the document.
 *
 * `from: null` means "no status yet".
 */

export type StatusTransitionKind = 'handling' | 'retrieval-request' | 'answer' | 'resume';

export interface StatusTransitionRule {
  readonly from: KnownStatusCode | null;
  readonly to: readonly KnownStatusCode[];
  readonly kind: StatusTransitionKind;
  /** Evidence tag of the domain notes; all edges are inferred, see the module comment. */
  readonly confidence: 'I';
  readonly why: LocalizedText;
}

const HANDLING_STEPS_WITH_THE_DOCUMENT = ['01', '03', '04', '05'] as const;

function rulesFrom(
  froms: readonly (KnownStatusCode | null)[],
  to: readonly KnownStatusCode[],
  kind: StatusTransitionKind,
  why: LocalizedText,
): StatusTransitionRule[] {
  return froms.map((from) => ({ from, to, kind, confidence: 'I', why }));
}

export const STATUS_TRANSITIONS: readonly StatusTransitionRule[] = [
  // Start of handling.
  ...rulesFrom([null], ['01'], 'handling', {
    vi: 'Phần mềm bên nhận báo trước tiên rằng văn bản đã đến.',
    en: "The recipient's software first reports that the document arrived.",
  }),
  ...rulesFrom([null], ['03'], 'handling', {
    vi: 'Nhiều hệ thống vào sổ ngay khi nhận và gửi 03 mà không gửi 01; không nguồn nào bắt buộc 01.',
    en: 'Many systems register on receipt and send 03 without 01; no source makes 01 mandatory.',
  }),
  ...rulesFrom([null], ['02'], 'handling', {
    vi: 'Văn thư có thể từ chối ngay mà không báo 01 trước.',
    en: 'The clerk may reject straight away without reporting 01 first.',
  }),
  ...rulesFrom(['01'], ['02', '03'], 'handling', {
    vi: 'Sau khi văn bản đến, văn thư hoặc từ chối (02) hoặc tiếp nhận, vào sổ (03).',
    en: 'After arrival the clerk either rejects the document (02) or accepts and registers it (03).',
  }),
  // Handling after registration: forward only, steps may be skipped.
  ...rulesFrom(['03'], ['04'], 'handling', {
    vi: 'Văn bản đã vào sổ được lãnh đạo phân công xử lý.',
    en: 'A registered document is assigned for handling.',
  }),
  ...rulesFrom(['03'], ['05'], 'handling', {
    vi: 'Đơn vị không có bước phân công riêng thì xử lý ngay sau khi vào sổ.',
    en: 'Units without a separate assignment step start handling right after registration.',
  }),
  ...rulesFrom(['03'], ['06'], 'handling', {
    vi: 'Văn bản gửi để biết được kết thúc ngay sau khi vào sổ.',
    en: 'A document sent for information only is closed right after registration.',
  }),
  ...rulesFrom(['04'], ['04'], 'handling', {
    vi: 'Lãnh đạo có thể phân công lại.',
    en: 'A leader may re-assign the document.',
  }),
  ...rulesFrom(['04'], ['05'], 'handling', {
    vi: 'Người được phân công bắt đầu xử lý.',
    en: 'The assignee starts handling.',
  }),
  ...rulesFrom(['04'], ['06'], 'handling', {
    vi: 'Người được phân công có thể hoàn thành mà không báo 05.',
    en: 'The assignee may finish without ever reporting 05.',
  }),
  ...rulesFrom(['05'], ['05'], 'handling', {
    vi: 'Tiến độ có thể được báo lại khi việc xử lý chuyển giữa các người.',
    en: 'Progress may be reported again as handling moves between people.',
  }),
  ...rulesFrom(['05'], ['06'], 'handling', {
    vi: 'Hoàn thành xử lý.',
    en: 'Handling completes.',
  }),
  // The sender's retrieval request and its answer.
  ...rulesFrom([null, ...HANDLING_STEPS_WITH_THE_DOCUMENT], ['13'], 'retrieval-request', {
    vi: 'Khi bên nhận chưa xử lý xong, bên gửi có thể yêu cầu lấy lại văn bản. Không áp dụng sau 02 (văn bản chưa được nhận) hay 06 (đã xử lý xong; khi đó bên gửi dùng gói thu hồi, BussinessDocType 1).',
    en: 'While handling is unfinished the sender may ask for the document back. Not after 02 (never accepted) or 06 (finished; the sender then sends a revocation packet, BussinessDocType 1).',
  }),
  ...rulesFrom(['13'], ['15', '16'], 'answer', {
    vi: 'Bên nhận đồng ý (15) hoặc từ chối (16) trả lại văn bản.',
    en: 'The recipient agrees (15) or refuses (16) to give the document back.',
  }),
  ...rulesFrom([...HANDLING_STEPS_WITH_THE_DOCUMENT, '06'], ['15', '16'], 'answer', {
    vi: '15/16 còn trả lời gói cập nhật, thu hồi, thay thế (BussinessDocType 1–3) — đó là gói văn bản, không nằm trong lịch sử trạng thái — nên có thể theo sau mọi trạng thái khi bên nhận đang giữ văn bản, kể cả sau 06.',
    en: '15/16 also answer update, revocation and replacement packets (BussinessDocType 1–3), which are documents, not statuses, so they may follow any status while the recipient holds the document, even after 06.',
  }),
  ...rulesFrom(['15', '16'], ['15', '16'], 'answer', {
    vi: 'Nhiều gói cập nhật hoặc thu hồi có thể được trả lời liên tiếp.',
    en: 'Several update or revocation packets may be answered in a row.',
  }),
  ...rulesFrom(['15', '16'], ['13'], 'retrieval-request', {
    vi: 'Sau khi trả lời một yêu cầu cập nhật, hoặc từ chối trả lại, văn bản vẫn đang được xử lý nên bên gửi có thể yêu cầu lấy lại (trừ khi 15 vừa đồng ý trả lại theo 13).',
    en: 'After an update was answered, or a retrieval refused, handling continues, so the sender may ask for the document back (unless that 15 just agreed to a 13).',
  }),
  ...rulesFrom(['15', '16'], ['01', '02', '03', '04', '05', '06'], 'resume', {
    vi: 'Việc xử lý tiếp tục từ bước trước yêu cầu; validateStatusHistory kiểm tra đúng bước đó theo trạng thái xử lý gần nhất.',
    en: 'Handling resumes where it stood before the request; validateStatusHistory checks the exact step against the last handling status.',
  }),
];

type FromKey = KnownStatusCode | 'start';

function keyOf(from: KnownStatusCode | null): FromKey {
  return from ?? 'start';
}

const RULE_BY_EDGE = new Map<string, StatusTransitionRule>();
const NEXT_BY_FROM = new Map<FromKey, Set<KnownStatusCode>>();
for (const rule of STATUS_TRANSITIONS) {
  const next = NEXT_BY_FROM.get(keyOf(rule.from)) ?? new Set<KnownStatusCode>();
  for (const to of rule.to) {
    next.add(to);
    RULE_BY_EDGE.set(`${keyOf(rule.from)}>${to}`, rule);
  }
  NEXT_BY_FROM.set(keyOf(rule.from), next);
}

/**
 * True when `to` may directly follow `from` in some valid history (`from: null` = first status). Unknown
 * codes give false: nothing is known about them. This is the pairwise table only; after 15/16 the exact
 * continuation depends on earlier statuses, which `validateStatusHistory` checks.
 */
export function canTransition(from: StatusCode | null, to: StatusCode): boolean {
  if (from !== null && !isKnownStatusCode(from)) return false;
  if (!isKnownStatusCode(to)) return false;
  return RULE_BY_EDGE.has(`${keyOf(from)}>${to}`);
}

/** The statuses that may directly follow `from`, in code order; empty for 02 and for unknown codes. */
export function nextStatuses(from: StatusCode | null): KnownStatusCode[] {
  if (from !== null && !isKnownStatusCode(from)) return [];
  const next = NEXT_BY_FROM.get(keyOf(from));
  return next === undefined ? [] : KNOWN_STATUS_CODES.filter((code) => next.has(code));
}

/** The rule (with its justification) allowing `from → to`, if any. */
export function findStatusTransitionRule(from: StatusCode | null, to: StatusCode): StatusTransitionRule | undefined {
  if (!canTransition(from, to)) return undefined;
  return RULE_BY_EDGE.get(`${keyOf(from as KnownStatusCode | null)}>${to}`);
}
