/*
 * The values a catalogue spreadsheet holds, as people type them: "Có" / "x" / "1", "Tỉnh" / "tinh" / "Cấp
 * tỉnh", "Không thu phí", "Trực tuyến; Bưu chính", "31/12/2024". Each kind says which spellings it accepts (in
 * both languages, for the error message) and reads a cell into the model's value, or refuses it.
 */
import type { LocalizedText } from '@lienthong/report';
import type { Nd42Category, Nd43Level, Payment, ResultChannel, Tier } from '../model/service';

/**
 * The key two spellings are compared by: NFC, lower case, without diacritics (đ → d), letters and digits only.
 * "Mã thủ tục", "MA THU TUC" and "ma_thu_tuc" share the key `mathutuc`.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '');
}

/** One kind of cell value: how to read it and what to say when it cannot be read. */
export interface CellKind<T> {
  /** What the column accepts, quoted in the error message. */
  readonly accepted: LocalizedText;
  /** Reads a trimmed, non-empty cell; `undefined` when the text is not one of the accepted spellings. */
  read(text: string): T | undefined;
}

/** A kind read through a table of comparison keys; answers are cached per distinct cell text. */
function keyedKind<T>(accepted: LocalizedText, spellings: Readonly<Record<string, T>>): CellKind<T> {
  const byKey = new Map<string, T>();
  for (const [spelling, value] of Object.entries(spellings)) byKey.set(comparisonKey(spelling), value);
  return cached(accepted, (text) => byKey.get(comparisonKey(text)));
}

/** Catalogues repeat the same few texts in every row; reading each distinct text once keeps import fast. */
function cached<T>(accepted: LocalizedText, read: (text: string) => T | undefined): CellKind<T> {
  const seen = new Map<string, T | undefined>();
  return {
    accepted,
    read(text) {
      if (seen.has(text)) return seen.get(text);
      const value = read(text);
      // Bounded: a column of free-form garbage must not grow the cache without end.
      if (seen.size < 4096) seen.set(text, value);
      return value;
    },
  };
}

export const booleanCell: CellKind<boolean> = keyedKind(
  {
    vi: 'Có / Không, x, 1 / 0, true / false',
    en: 'Có / Không (yes / no), x, 1 / 0, true / false',
  },
  { có: true, x: true, '1': true, true: true, yes: true, không: false, '0': false, false: false, no: false },
);

export const tierCell: CellKind<Tier> = keyedKind(
  {
    vi: 'Tỉnh, Huyện, Xã (hoặc tinh, huyen, xa; Cấp tỉnh…; Phường, Thị trấn là cấp xã)',
    en: 'Tỉnh, Huyện, Xã (or tinh, huyen, xa; province, district, commune; Phường and Thị trấn are the commune tier)',
  },
  {
    tỉnh: 'tinh',
    'cấp tỉnh': 'tinh',
    province: 'tinh',
    provincial: 'tinh',
    huyện: 'huyen',
    'cấp huyện': 'huyen',
    district: 'huyen',
    xã: 'xa',
    'cấp xã': 'xa',
    phường: 'xa',
    'thị trấn': 'xa',
    'xã, phường, thị trấn': 'xa',
    commune: 'xa',
    ward: 'xa',
  },
);

export const paymentCell: CellKind<Payment> = keyedKind(
  {
    vi: 'Không thu phí, Trực tuyến, Trực tiếp',
    en: 'Không thu phí (no fee), Trực tuyến (online), Trực tiếp (in person only); or no-fee, online, offline-only',
  },
  {
    'không thu phí': 'no-fee',
    'miễn phí': 'no-fee',
    'không có phí': 'no-fee',
    'không phí': 'no-fee',
    'no fee': 'no-fee',
    'no-fee': 'no-fee',
    free: 'no-fee',
    'trực tuyến': 'online',
    'thanh toán trực tuyến': 'online',
    online: 'online',
    'trực tiếp': 'offline-only',
    'thanh toán trực tiếp': 'offline-only',
    offline: 'offline-only',
    'offline-only': 'offline-only',
    'in person': 'offline-only',
  },
);

const CHANNEL_SPELLINGS: Readonly<Record<string, ResultChannel>> = {
  'trực tuyến': 'online',
  'điện tử': 'online',
  'qua mạng': 'online',
  online: 'online',
  'bưu chính': 'public-post',
  'bưu chính công ích': 'public-post',
  'qua bưu chính': 'public-post',
  'qua bưu chính công ích': 'public-post',
  bcci: 'public-post',
  'public-post': 'public-post',
  post: 'public-post',
  'trực tiếp': 'in-person',
  'tại bộ phận một cửa': 'in-person',
  'in-person': 'in-person',
  'in person': 'in-person',
};
const CHANNEL_BY_KEY = new Map(Object.entries(CHANNEL_SPELLINGS).map(([spelling, c]) => [comparisonKey(spelling), c]));

/** "Trực tuyến; Bưu chính; Trực tiếp": channels separated by `;`, `,`, `/`, `|`, `+` or line breaks. */
export const resultChannelsCell: CellKind<ResultChannel[]> = cached(
  {
    vi: 'một hoặc nhiều kênh Trực tuyến, Bưu chính (công ích), Trực tiếp, ngăn cách bởi ; hoặc ,',
    en: 'one or more of Trực tuyến (online), Bưu chính (public post), Trực tiếp (in person), separated by ; or ,',
  },
  (text) => {
    const channels: ResultChannel[] = [];
    for (const part of text.split(/[;,/|+\n\r]/)) {
      if (part.trim() === '') continue;
      const channel = CHANNEL_BY_KEY.get(comparisonKey(part));
      if (channel === undefined) return undefined;
      if (!channels.includes(channel)) channels.push(channel);
    }
    return channels.length > 0 ? channels : undefined;
  },
);

/** What a source declares about a service's level: a NĐ 43 level number, or a NĐ 42 category. */
export interface DeclaredLevel {
  readonly nd43Level?: Nd43Level;
  readonly nd42Category?: Nd42Category;
}

export const declaredLevelCell: CellKind<DeclaredLevel> = cached(
  {
    vi: 'mức độ 1–4 (“3”, “Mức độ 3”) hoặc Toàn trình / Một phần',
    en: 'a level 1–4 (“3”, “Mức độ 3”, “level 3”) or Toàn trình / Một phần (full / partial)',
  },
  (text) => {
    const key = comparisonKey(text);
    const level = /^(?:mucdo|muc|level)?([1-4])$/.exec(key);
    if (level) return { nd43Level: Number(level[1]) as Nd43Level };
    // "DVC toàn trình", "Dịch vụ công trực tuyến một phần": the category after an optional service prefix.
    const category = key.replace(/^(?:dichvucongtructuyen|dichvucong|dvctt|dvct|dvc)/, '');
    if (category === 'toantrinh' || category === 'fullonline') return { nd42Category: 'toan_trinh' };
    if (category === 'motphan' || category === 'partialonline') return { nd42Category: 'mot_phan' };
    return undefined;
  },
);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A calendar date as ISO `YYYY-MM-DD`: ISO itself, or day first as Vietnamese sheets write it (31/12/2024). */
export const dateCell: CellKind<string> = cached(
  {
    vi: 'ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd, là một ngày có thật',
    en: 'a real calendar date written dd/mm/yyyy or yyyy-mm-dd',
  },
  (text) => {
    const iso = ISO_DATE.exec(text);
    if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const dayFirst = DAY_FIRST_DATE.exec(text);
    if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    return undefined;
  },
);

/** The ISO date, or `undefined` when the day does not exist (31/02, 29/02 outside leap years). */
function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
