import type { LocalizedText } from '@lienthong/report';
import type { LocalDate, LocalDateTime } from './local-date';
import {
  daysInMonth,
  isValidLocalDate,
  isValidLocalDateTime,
  isValidTimeOfDay,
  MAX_LOCAL_YEAR,
  MIN_LOCAL_YEAR,
} from './local-date';
import { quoteForMessage } from './message-text';
import {
  instantOfVietnamLocalDateTime,
  isValidInstant,
  vietnamLocalDateOf,
  vietnamLocalDateTimeOf,
} from './vietnam-time';

/**
 * The two edXML time formats (VNPT jar `DEFAULT_DATE_FORMAT`, all samples and real traffic, domain notes §1.4):
 * `yyyy/MM/dd` for PromulgationDate, DueDate, ResponseFor/PromulgationDate and the date inside a DocumentId,
 * and `yyyy/MM/dd HH:mm:ss` for TraceHeader/Timestamp and status Timestamp — zone-less Vietnam local time.
 */
export const EDXML_DATE_PATTERN_TEXT = 'yyyy/MM/dd';
export const EDXML_TIMESTAMP_PATTERN_TEXT = 'yyyy/MM/dd HH:mm:ss';

// Fixed-width, anchored, no nested quantifiers: matching is linear in the input length.
const EDXML_DATE = /^([0-9]{4})\/([0-9]{2})\/([0-9]{2})$/;
const EDXML_TIMESTAMP = /^([0-9]{4})\/([0-9]{2})\/([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})$/;

/** Why a text is not an edXML date: wrong shape, or right shape but no such day (2023/02/29). */
export type DateParseFailureReason = 'format' | 'calendar';
/** A timestamp can also fail on its time of day (hour 24, minute 60). */
export type TimestampParseFailureReason = DateParseFailureReason | 'clock';

export interface DateParseFailure {
  readonly ok: false;
  readonly reason: DateParseFailureReason;
  readonly message: LocalizedText;
}
export interface TimestampParseFailure {
  readonly ok: false;
  readonly reason: TimestampParseFailureReason;
  readonly message: LocalizedText;
}

export type DateParseResult = { readonly ok: true; readonly value: LocalDate } | DateParseFailure;
export type TimestampParseResult =
  | {
      readonly ok: true;
      readonly value: LocalDateTime /** The same moment as a UTC instant. */;
      readonly instant: Date;
    }
  | TimestampParseFailure;

export function dateFormatMessage(text: unknown): LocalizedText {
  return {
    vi: `Ngày ${quoteForMessage(text)} không đúng dạng yyyy/MM/dd (ví dụ 2025/01/15).`,
    en: `Date ${quoteForMessage(text)} is not in the form yyyy/MM/dd (for example 2025/01/15).`,
  };
}

export function timestampFormatMessage(text: unknown): LocalizedText {
  return {
    vi: `Thời điểm ${quoteForMessage(text)} không đúng dạng yyyy/MM/dd HH:mm:ss (ví dụ 2025/01/15 09:30:00).`,
    en: `Timestamp ${quoteForMessage(text)} is not in the form yyyy/MM/dd HH:mm:ss (for example 2025/01/15 09:30:00).`,
  };
}

/** Says precisely which part of a well-shaped date does not exist, so a clerk can fix it. */
export function calendarMessage(text: unknown, date: LocalDate): LocalizedText {
  const quoted = quoteForMessage(text);
  if (date.year < MIN_LOCAL_YEAR || date.year > MAX_LOCAL_YEAR) {
    return {
      vi: `Ngày ${quoted} nằm ngoài phạm vi ghi được: năm phải từ 0001 đến 9999.`,
      en: `Date ${quoted} is out of range: the year must be 0001 to 9999.`,
    };
  }
  if (date.month < 1 || date.month > 12) {
    return {
      vi: `Ngày ${quoted} không có trong lịch: tháng phải từ 01 đến 12.`,
      en: `Date ${quoted} does not exist: the month must be 01 to 12.`,
    };
  }
  if (date.day < 1) {
    return {
      vi: `Ngày ${quoted} không có trong lịch: ngày phải từ 01 trở đi.`,
      en: `Date ${quoted} does not exist: the day must be 01 or later.`,
    };
  }
  const lastDay = daysInMonth(date.year, date.month);
  const monthText = `${String(date.month).padStart(2, '0')}/${String(date.year).padStart(4, '0')}`;
  return {
    vi: `Ngày ${quoted} không có trong lịch: tháng ${monthText} chỉ có ${lastDay} ngày.`,
    en: `Date ${quoted} does not exist: month ${monthText} has only ${lastDay} days.`,
  };
}

export function clockMessage(text: unknown): LocalizedText {
  return {
    vi: `Giờ trong ${quoteForMessage(text)} không hợp lệ: giờ từ 00 đến 23, phút và giây từ 00 đến 59.`,
    en: `The time of day in ${quoteForMessage(text)} is invalid: hours 00–23, minutes and seconds 00–59.`,
  };
}

function groupAsNumber(match: RegExpExecArray, group: number): number {
  return Number(match[group]);
}

/**
 * Reads a strict edXML date `yyyy/MM/dd` (zero-padded, nothing around it). Never throws: a bad text gives
 * `{ ok: false, reason }` — `format` for the wrong shape, `calendar` for a day that does not exist
 * (2014/02/30, 2023/02/29, month 13, year 0000).
 */
export function parseEdxmlDate(text: string): DateParseResult {
  const match = typeof text === 'string' ? EDXML_DATE.exec(text) : null;
  if (match === null) {
    return { ok: false, reason: 'format', message: dateFormatMessage(text) };
  }
  const value: LocalDate = {
    year: groupAsNumber(match, 1),
    month: groupAsNumber(match, 2),
    day: groupAsNumber(match, 3),
  };
  if (!isValidLocalDate(value)) {
    return { ok: false, reason: 'calendar', message: calendarMessage(text, value) };
  }
  return { ok: true, value };
}

/**
 * Reads a strict edXML timestamp `yyyy/MM/dd HH:mm:ss` (24-hour clock, zero-padded, one space) as Vietnam
 * local time and gives both the wall-clock fields and the instant. Never throws.
 */
export function parseEdxmlTimestamp(text: string): TimestampParseResult {
  const match = typeof text === 'string' ? EDXML_TIMESTAMP.exec(text) : null;
  if (match === null) {
    return { ok: false, reason: 'format', message: timestampFormatMessage(text) };
  }
  const value: LocalDateTime = {
    year: groupAsNumber(match, 1),
    month: groupAsNumber(match, 2),
    day: groupAsNumber(match, 3),
    hour: groupAsNumber(match, 4),
    minute: groupAsNumber(match, 5),
    second: groupAsNumber(match, 6),
  };
  if (!isValidLocalDate(value)) {
    return { ok: false, reason: 'calendar', message: calendarMessage(text, value) };
  }
  if (!isValidTimeOfDay(value.hour, value.minute, value.second)) {
    return { ok: false, reason: 'clock', message: clockMessage(text) };
  }
  return { ok: true, value, instant: instantOfVietnamLocalDateTime(value) };
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

function writeLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}/${twoDigits(date.month)}/${twoDigits(date.day)}`;
}

/**
 * Writes `yyyy/MM/dd`. A `Date` is an instant and is written as its calendar day in Vietnam, whatever the
 * machine's zone; a `LocalDate` is written as is. Throws `RangeError` for an Invalid Date, a non-existent
 * `LocalDate`, or a Vietnam year outside 0001–9999 — those are programming errors, not bad input.
 */
export function formatEdxmlDate(date: Date | LocalDate): string {
  const local = isDateObject(date) ? localDateOfInstant(date) : date;
  if (!isValidLocalDate(local)) {
    throw new RangeError(`cannot write ${JSON.stringify(local)} as yyyy/MM/dd`);
  }
  return writeLocalDate(local);
}

function localDateOfInstant(instant: Date): LocalDate {
  if (!isValidInstant(instant)) {
    throw new RangeError('cannot write an Invalid Date as an edXML date');
  }
  return vietnamLocalDateOf(instant);
}

/**
 * Writes `yyyy/MM/dd HH:mm:ss` in Vietnam local time (milliseconds are dropped, as edXML has none).
 * Also accepts a `LocalDateTime`, written as is. Throws `RangeError` like `formatEdxmlDate`.
 */
export function formatEdxmlTimestamp(instant: Date | LocalDateTime): string {
  let local: LocalDateTime;
  if (isDateObject(instant)) {
    if (!isValidInstant(instant)) {
      throw new RangeError('cannot write an Invalid Date as an edXML timestamp');
    }
    local = vietnamLocalDateTimeOf(instant);
  } else {
    local = instant;
  }
  if (!isValidLocalDateTime(local)) {
    throw new RangeError(`cannot write ${JSON.stringify(local)} as yyyy/MM/dd HH:mm:ss`);
  }
  return `${writeLocalDate(local)} ${twoDigits(local.hour)}:${twoDigits(local.minute)}:${twoDigits(local.second)}`;
}
