import type { LocalDate, LocalDateTime } from './local-date';
import { isValidLocalDate, isValidLocalDateTime } from './local-date';

/**
 * IANA name of the zone edXML times are written in. Vietnam has used UTC+7 without daylight saving
 * since 1975, so the conversions below use the fixed offset instead of `Intl`: that keeps them exact,
 * fast and independent of the ICU data and of the machine's own zone.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MILLISECONDS_PER_MINUTE = 60_000;
const VIETNAM_UTC_OFFSET_MILLISECONDS = VIETNAM_UTC_OFFSET_MINUTES * MILLISECONDS_PER_MINUTE;

function isDate(value: unknown): value is Date {
  // `instanceof` fails for Dates made in another realm (vm contexts, iframes), the tag does not.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True for a `Date` object holding a real instant (not `Invalid Date`). */
export function isValidInstant(value: unknown): value is Date {
  return isDate(value) && !Number.isNaN(value.getTime());
}

function assertValidInstant(instant: Date): void {
  if (!isValidInstant(instant)) {
    throw new RangeError('expected a valid Date (an Invalid Date has no Vietnam local time)');
  }
}

/**
 * Milliseconds since the epoch of the given fields read as UTC. `Date.UTC` maps years 0–99 to
 * 1900–1999, so the year is set separately.
 */
export function utcMillisecondsOfFields(fields: LocalDateTime, millisecond = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, millisecond);
  return date.getTime();
}

/** The Vietnam wall-clock date and time (UTC+7) of an instant. Throws `RangeError` for an Invalid Date. */
export function vietnamLocalDateTimeOf(instant: Date): LocalDateTime {
  assertValidInstant(instant);
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MILLISECONDS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The calendar day in Vietnam (UTC+7) at an instant, e.g. 2025-01-14T17:00Z is 2025/01/15 there. */
export function vietnamLocalDateOf(instant: Date): LocalDate {
  const { year, month, day } = vietnamLocalDateTimeOf(instant);
  return { year, month, day };
}

/**
 * The instant at which Vietnam clocks show `local`. Throws `RangeError` when `local` is not a real
 * date-time: callers get these records from the parse functions, so a bad one is a programming error.
 */
export function instantOfVietnamLocalDateTime(local: LocalDateTime, millisecond = 0): Date {
  if (!isValidLocalDateTime(local)) {
    throw new RangeError(`not a valid local date-time: ${JSON.stringify(local)}`);
  }
  return new Date(utcMillisecondsOfFields(local, millisecond) - VIETNAM_UTC_OFFSET_MILLISECONDS);
}

/** The instant a calendar day starts in Vietnam (00:00:00 UTC+7 = 17:00 UTC the day before). */
export function startOfVietnamDay(date: LocalDate): Date {
  if (!isValidLocalDate(date)) {
    throw new RangeError(`not a valid local date: ${JSON.stringify(date)}`);
  }
  return instantOfVietnamLocalDateTime({
    year: date.year,
    month: date.month,
    day: date.day,
    hour: 0,
    minute: 0,
    second: 0,
  });
}
