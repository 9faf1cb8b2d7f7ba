import type { LocalizedText } from '@lienthong/report';
import { daysInMonth } from './calendar-date';

/*
 * Vietnam local time for dossier times. Vietnam has used UTC+7 without daylight saving since 1975, so every
 * conversion here uses that fixed offset on epoch milliseconds; nothing reads the machine's time zone (no
 * `getHours()`, no `new Date('2025-03-01T08:30:00')`, which JavaScript would read in the machine's zone).
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
/** Longer strings cannot be a time; refusing them first keeps hostile inputs cheap. */
const MAX_TIME_TEXT_LENGTH = 64;

/**
 * A time as callers give it: a `Date`, or a string in one of these forms:
 * - ISO 8601 with an offset: `2025-03-01T08:30:00+07:00`, `2025-03-01T01:30:00Z`, `…+0700`;
 * - ISO 8601 without an offset, read as Vietnam local time: `2025-03-01T08:30:00`, `2025-03-01 08:30`;
 * - edXML (QCVN 102:2016) `2025/03/01 08:30:00`, Vietnam local time;
 * - DVCQG `DongBoHoSoMC` `20250301083000` (`yyyyMMddHHmmss`, Asia/Ho_Chi_Minh).
 * Fractions of a second (`.123456`) are kept to the millisecond (truncated).
 */
export type TimeInput = Date | string;

/** How a parsed time was anchored: given as a `Date`, with its own offset, or as Vietnam wall-clock time. */
export type TimeAnchor = 'date-object' | 'explicit-offset' | 'vietnam-local';

export type TimeParseFailureReason =
  /** Neither a `Date` nor a string. */
  | 'type'
  /** A `Date` holding no instant (`new Date('x')`). */
  | 'invalid-date'
  /** Not one of the accepted forms. */
  | 'format'
  /** A day without a time of day (`2025-03-01`): not an instant. */
  | 'date-only'
  /** A day that is not on the calendar (`2025-02-29`). */
  | 'calendar'
  /** A time of day or an offset out of range (`24:00`, `23:59:60`, `+25:00`). */
  | 'clock'
  /** A `Date` whose Vietnam year is outside 0001–9999. */
  | 'range';

export type VietnamTimeParseResult =
  | { readonly ok: true; readonly instant: Date; readonly anchor: TimeAnchor }
  | { readonly ok: false; readonly reason: TimeParseFailureReason; readonly message: LocalizedText };

/** A calendar day in Vietnam, as the number of days since 1970-01-01 (day 0 began at 1969-12-31T17:00Z). */
export type VietnamDayNumber = number;

const ISO_PATTERN =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?$/;
const EDXML_PATTERN = /^([0-9]{4})\/([0-9]{2})\/([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})$/;
const DVCQG_PATTERN = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/;
const DAY_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** First and last millisecond of the years 0001–9999 in Vietnam time. */
const MIN_EPOCH_MS = -62_135_596_800_000 - VIETNAM_OFFSET_MS;
const MAX_EPOCH_MS = 253_402_300_800_000 - VIETNAM_OFFSET_MS - 1;

/** Quotes untrusted text for a message: cut to a bounded length, control characters escaped. */
export function quoteForMessage(value: unknown, maxLength = 40): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}

function isDateObject(value: unknown): value is Date {
  // `instanceof` fails for Dates made in another realm (vm contexts, iframes); the tag does not.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The day number of a calendar date, or `undefined` when the date is not on the calendar. Years 1–9999. */
export function dayNumberOfDate(year: number, month: number, day: number): VietnamDayNumber | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Days from the civil calendar (H. Hinnant's algorithm): integer arithmetic, no Date object.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The Vietnam calendar day that contains the instant. */
export function vietnamDayNumberOf(epochMs: number): VietnamDayNumber {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The instant a Vietnam calendar day begins (00:00 UTC+7 = 17:00 UTC the day before). */
export function startOfVietnamDay(day: VietnamDayNumber): number {
  return day * DAY_MS - VIETNAM_OFFSET_MS;
}

/** Milliseconds since Vietnam midnight of the instant's day. */
export function vietnamTimeOfDayMs(epochMs: number): number {
  return epochMs - startOfVietnamDay(vietnamDayNumberOf(epochMs));
}

/** ISO weekday of a Vietnam day: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekdayOf(day: VietnamDayNumber): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((day % 7) + 7 + 3) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** `YYYY-MM-DD` of a Vietnam day. */
export function dayKeyOf(day: VietnamDayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Reads `YYYY-MM-DD` (a real calendar date, years 0001–9999); `undefined` otherwise. */
export function parseDayKey(text: string): VietnamDayNumber | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return undefined;
  return dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `2025-03-01T08:30:00+07:00` (with `.SSS` only when the milliseconds are not zero): the instant in Vietnam time. */
export function toVietnamIsoString(instant: Date | number): string {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  const text = new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();
  const withoutZone = text.endsWith('.000Z') ? text.slice(0, -5) : text.slice(0, -1);
  return `${withoutZone}+07:00`;
}

/** Vietnam wall-clock text for messages: `{ vi: '08:30:00 ngày 01/03/2025', en: '2025-03-01 08:30:00 (UTC+7)' }`. */
export function describeVietnamTime(epochMs: number): LocalizedText {
  const iso = toVietnamIsoString(epochMs);
  const [date = '', clock = ''] = iso.slice(0, -6).split('T');
  return { vi: `${clock} ngày ${describeVietnamDay(vietnamDayNumberOf(epochMs)).vi}`, en: `${date} ${clock} (UTC+7)` };
}

/** A Vietnam day for messages: `{ vi: '01/03/2025', en: '2025-03-01' }`. */
export function describeVietnamDay(day: VietnamDayNumber): LocalizedText {
  const key = dayKeyOf(day);
  return { vi: `${key.slice(8, 10)}/${key.slice(5, 7)}/${key.slice(0, 4)}`, en: key };
}

function failure(reason: TimeParseFailureReason, vi: string, en: string): VietnamTimeParseResult {
  return { ok: false, reason, message: { vi, en } };
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

function instantOfWallClock(
  text: string,
  clock: WallClock,
  offsetMinutes: number,
  anchor: TimeAnchor,
): VietnamTimeParseResult {
  const day = dayNumberOfDate(clock.year, clock.month, clock.day);
  if (day === undefined) {
    const quoted = quoteForMessage(text);
    return failure(
      'calendar',
      `Thời điểm ${quoted} chỉ một ngày không có trong lịch.`,
      `Time ${quoted} names a day that is not on the calendar.`,
    );
  }
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) {
    const quoted = quoteForMessage(text);
    return failure(
      'clock',
      `Thời điểm ${quoted} có giờ, phút hoặc giây ngoài phạm vi (00:00:00–23:59:59).`,
      `Time ${quoted} has an hour, minute or second out of range (00:00:00–23:59:59).`,
    );
  }
  const wallClockMs = day * DAY_MS + ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000 + clock.millisecond;
  const epochMs = wallClockMs - offsetMinutes * MINUTE_MS;
  if (epochMs < MIN_EPOCH_MS || epochMs > MAX_EPOCH_MS) {
    const quoted = quoteForMessage(text);
    return failure(
      'range',
      `Thời điểm ${quoted} rơi ra ngoài các năm 0001–9999 theo giờ Việt Nam.`,
      `Time ${quoted} falls outside the years 0001–9999 in Vietnam time.`,
    );
  }
  return { ok: true, instant: new Date(epochMs), anchor };
}

function millisecondsOfFraction(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/**
 * Reads a dossier time (see `TimeInput` for the forms). A string without an offset is Vietnam local time
 * (UTC+7), whatever the machine's time zone. Never throws: anything else is a failure with a reason and a
 * message in Vietnamese and English.
 */
export function parseVietnamTime(input: unknown): VietnamTimeParseResult {
  if (isDateObject(input)) {
    const epochMs = input.getTime();
    if (Number.isNaN(epochMs)) {
      return failure(
        'invalid-date',
        'Giá trị là một Date không hợp lệ (Invalid Date).',
        'The value is an invalid Date (Invalid Date).',
      );
    }
    if (epochMs < MIN_EPOCH_MS || epochMs > MAX_EPOCH_MS) {
      return failure(
        'range',
        `Thời điểm ${new Date(epochMs).toISOString()} nằm ngoài các năm 0001–9999.`,
        `Time ${new Date(epochMs).toISOString()} is outside the years 0001–9999.`,
      );
    }
    return { ok: true, instant: new Date(epochMs), anchor: 'date-object' };
  }
  if (typeof input !== 'string') {
    const kind = input === null ? 'null' : typeof input;
    return failure(
      'type',
      `Thời điểm phải là Date hoặc chuỗi, nhưng là ${kind}.`,
      `A time must be a Date or a string, but is ${kind}.`,
    );
  }
  if (input.length <= MAX_TIME_TEXT_LENGTH) {
    const iso = ISO_PATTERN.exec(input);
    if (iso) {
      const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes] = iso;
      const clock: WallClock = {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second ?? '0'),
        millisecond: millisecondsOfFraction(fraction),
      };
      if (zulu !== undefined) return instantOfWallClock(input, clock, 0, 'explicit-offset');
      if (sign !== undefined) {
        const hours = Number(offsetHours);
        const minutes = Number(offsetMinutes);
        if (hours > 23 || minutes > 59) {
          const quoted = quoteForMessage(input);
          return failure(
            'clock',
            `Độ lệch múi giờ của ${quoted} ngoài phạm vi (tối đa ±23:59).`,
            `The offset of ${quoted} is out of range (at most ±23:59).`,
          );
        }
        const offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
        return instantOfWallClock(input, clock, offset, 'explicit-offset');
      }
      return instantOfWallClock(input, clock, VIETNAM_UTC_OFFSET_MINUTES, 'vietnam-local');
    }
    const local = EDXML_PATTERN.exec(input) ?? DVCQG_PATTERN.exec(input);
    if (local) {
      const [, year, month, day, hour, minute, second] = local;
      return instantOfWallClock(
        input,
        {
          year: Number(year),
          month: Number(month),
          day: Number(day),
          hour: Number(hour),
          minute: Number(minute),
          second: Number(second),
          millisecond: 0,
        },
        VIETNAM_UTC_OFFSET_MINUTES,
        'vietnam-local',
      );
    }
    if (DAY_PATTERN.test(input)) {
      const quoted = quoteForMessage(input);
      return failure(
        'date-only',
        `${quoted} chỉ có ngày, không có giờ; một ngày không phải là một thời điểm (nếu ý là "hết ngày", hãy ghi 23:59:59).`,
        `${quoted} is a day without a time of day, not an instant (if "by the end of the day" is meant, write 23:59:59).`,
      );
    }
  }
  const quoted = quoteForMessage(input);
  return failure(
    'format',
    `${quoted} không phải thời điểm theo dạng được chấp nhận (ISO 8601 như 2025-03-01T08:30:00+07:00 hoặc không có múi giờ = giờ Việt Nam; edXML 2025/03/01 08:30:00; DVCQG 20250301083000).`,
    `${quoted} is not a time in an accepted form (ISO 8601 such as 2025-03-01T08:30:00+07:00, or without an offset = Vietnam time; edXML 2025/03/01 08:30:00; DVCQG 20250301083000).`,
  );
}

/** A period bound, read: an instant, or a whole Vietnam day for a `YYYY-MM-DD` string. */
export type PeriodBoundParseResult =
  | { readonly ok: true; readonly kind: 'day'; readonly day: VietnamDayNumber }
  | { readonly ok: true; readonly kind: 'instant'; readonly epochMs: number }
  | { readonly ok: false; readonly message: LocalizedText };

/** Reads a period bound: `YYYY-MM-DD` is a whole Vietnam day; anything else is read as a `TimeInput`. */
export function parsePeriodBound(input: unknown): PeriodBoundParseResult {
  if (typeof input === 'string' && DAY_PATTERN.test(input)) {
    const day = parseDayKey(input);
    if (day === undefined) {
      const quoted = quoteForMessage(input);
      return {
        ok: false,
        message: { vi: `Ngày ${quoted} không có trong lịch.`, en: `Day ${quoted} is not on the calendar.` },
      };
    }
    return { ok: true, kind: 'day', day };
  }
  const parsed = parseVietnamTime(input);
  return parsed.ok ? { ok: true, kind: 'instant', epochMs: parsed.instant.getTime() } : parsed;
}

export const DAY_MILLISECONDS = DAY_MS;
export const MINUTE_MILLISECONDS = MINUTE_MS;
