import type { LocalizedText } from '@lienthong/report';

/*
 * Vietnam calendar dates (the one home for them: codes, enums, classify and timeliness import from here), computed by arithmetic on the proleptic Gregorian calendar — never
 * through the machine's time zone. A `Date` (an instant) becomes a date in Vietnam local time, UTC+7, the
 * only offset Vietnam has used since 1975.
 */

/** Vietnam's offset from UTC in milliseconds (UTC+7, no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a year, month and day are not a date, or `undefined` when they are one. */
export function calendarDateProblem(year: number, month: number, day: number): LocalizedText | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    return { vi: `năm ${year} nằm ngoài các năm 0001–9999`, en: `year ${year} is outside the years 0001–9999` };
  }
  if (month < 1 || month > 12) return { vi: `không có tháng ${month}`, en: `there is no month ${month}` };
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return {
      vi: `tháng ${month} năm ${year} chỉ có ngày 1 đến ngày ${lastDay}`,
      en: `month ${month} of ${year} has days 1 to ${lastDay} only`,
    };
  }
  return undefined;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Reads `YYYY-MM-DD` when it is a real date; `undefined` otherwise. */
export function readIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return calendarDateProblem(year, month, day) === undefined ? { year, month, day } : undefined;
}

/**
 * The date (`YYYY-MM-DD`) an instant falls on in Vietnam, whatever the machine's time zone; `undefined` for an
 * invalid Date or one whose Vietnam year is outside 0001–9999.
 */
export function vietnamDateOf(instant: Date): string | undefined {
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(time)) return undefined;
  // Shifting the instant by the offset and reading its UTC fields gives the local wall-clock date.
  const shifted = new Date(time + VIETNAM_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return isoDate(year, shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** A Vietnam calendar day `YYYY-MM-DD`, or an instant read at UTC+7. */
export type DayInput = string | Date;

/** The Vietnam calendar day of a `YYYY-MM-DD` string (a real date, years 0001–9999) or an instant; `undefined` when it names none. */
export function toVietnamDay(input: DayInput): string | undefined {
  if (input instanceof Date) return vietnamDateOf(input);
  if (typeof input !== 'string') return undefined;
  return readIsoDate(input) === undefined ? undefined : input;
}
