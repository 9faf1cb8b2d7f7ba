/**
 * Calendar values without a time zone. edXML writes every date and time as Vietnam local time with no
 * zone marker, so the package works on these plain field records and converts to an instant (`Date`)
 * only at the edges, with the fixed UTC+7 offset (see `vietnam-time.ts`).
 */

/** A day on the (proleptic Gregorian) calendar: `month` 1–12, `day` 1–31. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar day plus a wall-clock time: `hour` 0–23, `minute` and `second` 0–59. */
export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** edXML writes years with exactly four digits (`yyyy`), so only 0001–9999 can be written. */
export const MIN_LOCAL_YEAR = 1;
export const MAX_LOCAL_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH_OF_COMMON_YEAR = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in `month` (1–12) of `year`. Throws `RangeError` for a month outside 1–12 (a caller bug). */
export function daysInMonth(year: number, month: number): number {
  const commonYearDays = DAYS_IN_MONTH_OF_COMMON_YEAR[month - 1];
  if (!Number.isInteger(month) || commonYearDays === undefined) {
    throw new RangeError(`month must be an integer 1–12, got ${month}`);
  }
  return month === 2 && isLeapYear(year) ? 29 : commonYearDays;
}

function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** True when the record names a real calendar day with a year edXML can write (0001–9999). */
export function isValidLocalDate(date: LocalDate): boolean {
  return (
    isIntegerBetween(date.year, MIN_LOCAL_YEAR, MAX_LOCAL_YEAR) &&
    isIntegerBetween(date.month, 1, 12) &&
    isIntegerBetween(date.day, 1, daysInMonth(date.year, date.month))
  );
}

/** True for 00:00:00–23:59:59. Leap seconds (`:60`) are not accepted: edXML timestamps come from ordinary clocks. */
export function isValidTimeOfDay(hour: number, minute: number, second: number): boolean {
  return isIntegerBetween(hour, 0, 23) && isIntegerBetween(minute, 0, 59) && isIntegerBetween(second, 0, 59);
}

export function isValidLocalDateTime(dateTime: LocalDateTime): boolean {
  return isValidLocalDate(dateTime) && isValidTimeOfDay(dateTime.hour, dateTime.minute, dateTime.second);
}

function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two calendar days: -1 when `a` is earlier, 1 when later, 0 when the same day. Usable with `Array#sort`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return compareNumbers(a.year, b.year) || compareNumbers(a.month, b.month) || compareNumbers(a.day, b.day);
}

/** Orders two local date-times (same zone assumed, as everywhere in edXML). */
export function compareLocalDateTimes(a: LocalDateTime, b: LocalDateTime): -1 | 0 | 1 {
  return (
    compareLocalDates(a, b) ||
    compareNumbers(a.hour, b.hour) ||
    compareNumbers(a.minute, b.minute) ||
    compareNumbers(a.second, b.second)
  );
}

/** Copies only the calendar-day fields, e.g. to drop the time of a `LocalDateTime`. */
export function localDateOf(value: LocalDate): LocalDate {
  return { year: value.year, month: value.month, day: value.day };
}
