import type { LocalizedText } from '@lienthong/report';

/**
 * The nine StatusCode values used by the SDKs and samples (domain notes §2.2). Codes 07–12 and 14 were not
 * found in any source; the regulation may define them, so unknown codes must round-trip and be reported,
 * never rejected or crashed on.
 */
export const KNOWN_STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type KnownStatusCode = (typeof KNOWN_STATUS_CODES)[number];
/** Any StatusCode text: the known ones autocomplete, others still type-check. */
export type StatusCode = KnownStatusCode | (string & {});

/** Who sends a status packet: almost all come from the recipient; only 13 comes from the original sender. */
export type StatusDirection = 'recipient-to-sender' | 'sender-to-recipient';

/**
 * What a status does: `handling` steps of the recipient (01–06), the sender's `request` to take the
 * document back (13), and the recipient's `answer` to a request (15, 16).
 */
export type StatusRole = 'handling' | 'request' | 'answer';

export interface StatusCodeInfo {
  readonly code: KnownStatusCode;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  readonly direction: StatusDirection;
  readonly role: StatusRole;
  /** Ends the normal flow: nothing may follow 02; after 06 only answers to update/revocation packets. */
  readonly terminal: boolean;
}

/** Meaning of each known code, from the SDK sample descriptions and S2 (all [C], §2.2). */
export const STATUS_CODES: Readonly<Record<KnownStatusCode, StatusCodeInfo>> = {
  '01': {
    code: '01',
    label: { vi: 'Đã đến', en: 'Arrived' },
    description: {
      vi: 'Phần mềm bên nhận đã nhận được văn bản; văn thư chưa xử lý.',
      en: "The recipient's software has received the document; the clerk has not processed it yet.",
    },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: false,
  },
  '02': {
    code: '02',
    label: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
    description: {
      vi: 'Văn thư bên nhận từ chối tiếp nhận văn bản điện tử; lý do ghi trong Description.',
      en: "The recipient's clerk rejects the electronic document; the reason is in Description.",
    },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: true,
  },
  '03': {
    code: '03',
    label: { vi: 'Đã tiếp nhận', en: 'Accepted' },
    description: {
      vi: 'Văn bản đã được tiếp nhận và vào sổ văn bản đến.',
      en: 'The document was accepted and entered in the incoming-document register.',
    },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: false,
  },
  '04': {
    code: '04',
    label: { vi: 'Phân công xử lý', en: 'Assigned' },
    description: {
      vi: 'Lãnh đạo phân công xử lý văn bản (một nguồn diễn đạt là "đã đến, đang chờ phân công").',
      en: 'A leader assigns the document for handling (one source words it "arrived, waiting for assignment").',
    },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: false,
  },
  '05': {
    code: '05',
    label: { vi: 'Đang xử lý', en: 'In progress' },
    description: { vi: 'Văn bản đang được xử lý.', en: 'The document is being handled.' },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: false,
  },
  '06': {
    code: '06',
    label: { vi: 'Hoàn thành xử lý', en: 'Completed' },
    description: { vi: 'Đã hoàn thành xử lý văn bản.', en: 'Handling of the document is complete.' },
    direction: 'recipient-to-sender',
    role: 'handling',
    terminal: true,
  },
  '13': {
    code: '13',
    label: { vi: 'Lấy lại', en: 'Retrieval requested' },
    description: {
      vi: 'Văn thư bên gửi yêu cầu lấy lại (thu hồi) văn bản đã gửi, kèm lý do.',
      en: "The sender's clerk asks to take the sent document back, giving a reason.",
    },
    direction: 'sender-to-recipient',
    role: 'request',
    terminal: false,
  },
  '15': {
    code: '15',
    label: { vi: 'Đồng ý cập nhật/lấy lại', en: 'Request accepted' },
    description: {
      vi: 'Bên nhận đồng ý yêu cầu cập nhật hoặc lấy lại văn bản.',
      en: 'The recipient agrees to the request to update or take back the document.',
    },
    direction: 'recipient-to-sender',
    role: 'answer',
    // Ends the document only when it answers a 13; validateStatusHistory tracks that context.
    terminal: false,
  },
  '16': {
    code: '16',
    label: { vi: 'Từ chối cập nhật/lấy lại', en: 'Request refused' },
    description: {
      vi: 'Bên nhận từ chối yêu cầu cập nhật hoặc lấy lại văn bản.',
      en: 'The recipient refuses the request to update or take back the document.',
    },
    direction: 'recipient-to-sender',
    role: 'answer',
    terminal: false,
  },
};

const KNOWN_STATUS_CODE_SET: ReadonlySet<string> = new Set(KNOWN_STATUS_CODES);

/** True for one of the nine known codes, written exactly (two digits, no whitespace). */
export function isKnownStatusCode(code: unknown): code is KnownStatusCode {
  return typeof code === 'string' && KNOWN_STATUS_CODE_SET.has(code);
}

/** The description of a code, or `undefined` for an unknown one. */
export function statusCodeInfo(code: StatusCode): StatusCodeInfo | undefined {
  return isKnownStatusCode(code) ? STATUS_CODES[code] : undefined;
}
