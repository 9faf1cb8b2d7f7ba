import type { LocalizedText } from '@lienthong/report';
import type { DateParseFailure, TimestampParseFailure } from './edxml-format';
import { calendarMessage, clockMessage, dateFormatMessage, timestampFormatMessage } from './edxml-format';
import type { LocalDate, LocalDateTime } from './local-date';
import { isValidLocalDate, isValidLocalDateTime, isValidTimeOfDay, localDateOf } from './local-date';
import { quoteForMessage } from './message-text';
import { instantOfVietnamLocalDateTime, utcMillisecondsOfFields, vietnamLocalDateTimeOf } from './vietnam-time';

/**
 * Lenient reading of dates and timestamps written by other software. The strict edXML forms are
 * `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss`; integrations also produce ISO 8601, Vietnamese day-first dates
 * and times without seconds. The readers below accept those, and list every way the text departs from the
 * edXML form so a validator can warn while a receiver still gets the value.
 */

/** The overall layout recognised: edXML's year-first with slashes, ISO 8601, or day/month/year. */
export type DateTextVariant = 'edxml' | 'iso-8601' | 'day-first';

/** One way a text departs from the edXML form. Each comes with a message a validator can show as a warning. */
export type DateTextDeviationKind =
  | 'iso-8601-layout'
  | 'day-first-layout'
  | 'surrounding-whitespace'
  | 'unpadded-fields'
  | 'missing-seconds'
  | 'fractional-seconds'
  | 'utc-offset'
  | 'missing-time'
  | 'time-in-date-field';

export interface DateTextDeviation {
  readonly kind: DateTextDeviationKind;
  readonly message: LocalizedText;
}

interface LenientReadDetails {
  readonly variant: DateTextVariant;
  /** True when the text was exactly the edXML form for this kind of field (no deviations). */
  readonly canonical: boolean;
  readonly deviations: readonly DateTextDeviation[];
}

export interface LenientDateRead extends LenientReadDetails {
  readonly ok: true;
  readonly value: LocalDate;
}

export interface LenientTimestampRead extends LenientReadDetails {
  readonly ok: true;
  /** Vietnam wall-clock fields (converted to UTC+7 when the text carried another offset). */
  readonly value: LocalDateTime;
  /** The moment, including any milliseconds the text had. */
  readonly instant: Date;
  /** The offset written in the text, in minutes east of UTC (`Z` = 0), or null when it had none. */
  readonly writtenUtcOffsetMinutes: number | null;
}

export type LenientDateReadResult = LenientDateRead | DateParseFailure;
export type LenientTimestampReadResult = LenientTimestampRead | TimestampParseFailure;

// Real values are at most ~35 characters; refusing longer ones early bounds every later step.
const MAX_DATE_TEXT_LENGTH = 64;

// All patterns are anchored, with bounded repeats and no nested quantifiers: linear-time matching.
const YEAR_FIRST_DATE = /^([0-9]{4})([/-])([0-9]{1,2})([/-])([0-9]{1,2})$/;
const DAY_FIRST_DATE = /^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{4})$/;
const CLOCK = /^([0-9]{1,2}):([0-9]{2})(:[0-9]{2})?([.,][0-9]{1,9})?$/;
const UTC_OFFSET = /^(?:Z|[+-][0-9]{2}|[+-][0-9]{2}:?[0-9]{2})$/;

interface ScannedClock {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly unpadded: boolean;
  readonly missingSeconds: boolean;
  readonly hasFraction: boolean;
  readonly utcOffsetMinutes: number | null;
  readonly utcOffsetText: string | null;
}

interface ScannedDateText {
  readonly variant: DateTextVariant;
  readonly date: LocalDate;
  readonly dateUnpadded: boolean;
  readonly surroundingWhitespace: boolean;
  readonly clock: ScannedClock | null;
}

type ScanOutcome = { readonly ok: true; readonly scanned: ScannedDateText } | { readonly ok: false };

const SCAN_FAILED: ScanOutcome = { ok: false };

function scanDate(text: string): { variant: DateTextVariant; date: LocalDate; unpadded: boolean } | null {
  const yearFirst = YEAR_FIRST_DATE.exec(text);
  if (yearFirst !== null) {
    const [, year, separator, month, secondSeparator, day] = yearFirst as unknown as string[];
    if (separator !== secondSeparator) return null;
    return {
      variant: separator === '/' ? 'edxml' : 'iso-8601',
      date: { year: Number(year), month: Number(month), day: Number(day) },
      unpadded: month!.length < 2 || day!.length < 2,
    };
  }
  const dayFirst = DAY_FIRST_DATE.exec(text);
  if (dayFirst !== null) {
    // Vietnamese convention is day/month/year (15/01/2025); month-first US dates are not guessed at.
    const [, day, separator, month, secondSeparator, year] = dayFirst as unknown as string[];
    if (separator !== secondSeparator) return null;
    return {
      variant: 'day-first',
      date: { year: Number(year), month: Number(month), day: Number(day) },
      unpadded: month!.length < 2 || day!.length < 2,
    };
  }
  return null;
}

function scanUtcOffset(text: string): number | null {
  if (!UTC_OFFSET.test(text)) return null;
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  // Real offsets lie within −12:00…+14:00; anything else is a typo, not a zone.
  if (hours > 14 || minutes > 59) return null;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

function scanClock(text: string): ScannedClock | null {
  let clockText = text;
  let utcOffsetText: string | null = null;
  if (text.endsWith('Z')) {
    clockText = text.slice(0, -1);
    utcOffsetText = 'Z';
  } else {
    // A clock has no sign characters, so the last one starts the offset.
    const signIndex = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
    if (signIndex >= 0) {
      clockText = text.slice(0, signIndex);
      utcOffsetText = text.slice(signIndex);
    }
  }
  let utcOffsetMinutes: number | null = null;
  if (utcOffsetText !== null) {
    utcOffsetMinutes = scanUtcOffset(utcOffsetText);
    if (utcOffsetMinutes === null) return null;
  }
  const match = CLOCK.exec(clockText);
  if (match === null) return null;
  const [, hour, minute, colonSecond, fraction] = match as unknown as (string | undefined)[];
  if (fraction !== undefined && colonSecond === undefined) return null;
  return {
    hour: Number(hour),
    minute: Number(minute),
    second: colonSecond === undefined ? 0 : Number(colonSecond.slice(1)),
    // Only milliseconds fit in a Date; further digits are dropped rather than rounded up into the next second.
    millisecond: fraction === undefined ? 0 : Number(fraction.slice(1, 4).padEnd(3, '0')),
    unpadded: hour!.length < 2,
    missingSeconds: colonSecond === undefined,
    hasFraction: fraction !== undefined,
    utcOffsetMinutes,
    utcOffsetText,
  };
}

function scanDateText(raw: string): ScanOutcome {
  if (typeof raw !== 'string') return SCAN_FAILED;
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_DATE_TEXT_LENGTH) return SCAN_FAILED;
  const spaceIndex = text.indexOf(' ');
  const tIndex = text.indexOf('T');
  const splitIndex = spaceIndex < 0 ? tIndex : tIndex < 0 ? spaceIndex : Math.min(spaceIndex, tIndex);
  const datePart = splitIndex < 0 ? text : text.slice(0, splitIndex);
  const scannedDate = scanDate(datePart);
  if (scannedDate === null) return SCAN_FAILED;
  let clock: ScannedClock | null = null;
  if (splitIndex >= 0) {
    // The ISO `T` separator only belongs with the ISO date layout.
    if (text[splitIndex] === 'T' && scannedDate.variant !== 'iso-8601') return SCAN_FAILED;
    clock = scanClock(text.slice(splitIndex + 1));
    if (clock === null) return SCAN_FAILED;
  }
  return {
    ok: true,
    scanned: {
      variant: scannedDate.variant,
      date: scannedDate.date,
      dateUnpadded: scannedDate.unpadded,
      surroundingWhitespace: text.length !== raw.length,
      clock,
    },
  };
}

function formatOffset(minutes: number, written: string): string {
  if (written === 'Z') return 'Z (UTC)';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

function deviationMessage(kind: DateTextDeviationKind, text: string, scanned: ScannedDateText): LocalizedText {
  const quoted = quoteForMessage(text);
  switch (kind) {
    case 'iso-8601-layout':
      return {
        vi: `${quoted} viết theo ISO 8601 (yyyy-MM-dd); edXML dùng dấu gạch chéo (yyyy/MM/dd).`,
        en: `${quoted} is written in ISO 8601 (yyyy-MM-dd); edXML uses slashes (yyyy/MM/dd).`,
      };
    case 'day-first-layout':
      return {
        vi: `${quoted} viết theo thứ tự ngày/tháng/năm (đã đọc là ngày trước, tháng sau); edXML dùng yyyy/MM/dd.`,
        en: `${quoted} is written day/month/year (read as day first, then month); edXML uses yyyy/MM/dd.`,
      };
    case 'surrounding-whitespace':
      return {
        vi: `${quoted} có khoảng trắng ở đầu hoặc cuối.`,
        en: `${quoted} has leading or trailing whitespace.`,
      };
    case 'unpadded-fields':
      return {
        vi: `${quoted} thiếu số 0 ở đầu (ví dụ 1 thay vì 01); edXML ghi đủ hai chữ số.`,
        en: `${quoted} lacks leading zeros (for example 1 instead of 01); edXML writes two digits.`,
      };
    case 'missing-seconds':
      return {
        vi: `${quoted} thiếu giây; đã hiểu là giây 00.`,
        en: `${quoted} has no seconds; read as second 00.`,
      };
    case 'fractional-seconds':
      return {
        vi: `${quoted} có phần lẻ của giây; edXML không ghi phần này.`,
        en: `${quoted} has fractions of a second, which edXML does not write.`,
      };
    case 'utc-offset': {
      const offset = formatOffset(scanned.clock?.utcOffsetMinutes ?? 0, scanned.clock?.utcOffsetText ?? 'Z');
      return {
        vi: `${quoted} ghi kèm múi giờ ${offset}; edXML ghi giờ Việt Nam (UTC+7) không kèm múi giờ — đã quy đổi sang giờ Việt Nam.`,
        en: `${quoted} carries the offset ${offset}; edXML writes Vietnam time (UTC+7) without an offset — converted to Vietnam time.`,
      };
    }
    case 'missing-time':
      return {
        vi: `${quoted} chỉ có ngày, không có giờ; đã hiểu là 00:00:00 giờ Việt Nam.`,
        en: `${quoted} has a date but no time; read as 00:00:00 Vietnam time.`,
      };
    case 'time-in-date-field':
      return {
        vi: `${quoted} có kèm giờ nhưng trường này chỉ ghi ngày; phần giờ đã bỏ.`,
        en: `${quoted} includes a time but this field holds a date only; the time was dropped.`,
      };
  }
}

function collectDeviations(text: string, scanned: ScannedDateText, field: 'date' | 'timestamp'): DateTextDeviation[] {
  const kinds: DateTextDeviationKind[] = [];
  if (scanned.variant === 'iso-8601') kinds.push('iso-8601-layout');
  if (scanned.variant === 'day-first') kinds.push('day-first-layout');
  if (scanned.surroundingWhitespace) kinds.push('surrounding-whitespace');
  if (scanned.dateUnpadded || scanned.clock?.unpadded) kinds.push('unpadded-fields');
  const clock = scanned.clock;
  if (field === 'timestamp') {
    if (clock === null) kinds.push('missing-time');
    if (clock?.missingSeconds) kinds.push('missing-seconds');
    if (clock?.hasFraction) kinds.push('fractional-seconds');
  } else if (clock !== null) {
    // Seconds and fractions are moot once the whole time is dropped.
    kinds.push('time-in-date-field');
  }
  if (clock !== null && clock.utcOffsetMinutes !== null) kinds.push('utc-offset');
  return kinds.map((kind) => ({ kind, message: deviationMessage(kind, text, scanned) }));
}

type ResolvedMoment =
  | { readonly ok: true; readonly local: LocalDateTime; readonly instant: Date }
  | { readonly ok: false; readonly reason: 'calendar'; readonly date: LocalDate }
  | { readonly ok: false; readonly reason: 'clock' };

/** Checks the written fields, then turns them into a Vietnam-local moment (converting a written offset). */
function resolveMoment(scanned: ScannedDateText): ResolvedMoment {
  if (!isValidLocalDate(scanned.date)) return { ok: false, reason: 'calendar', date: scanned.date };
  const clock = scanned.clock;
  const written: LocalDateTime = {
    ...scanned.date,
    hour: clock?.hour ?? 0,
    minute: clock?.minute ?? 0,
    second: clock?.second ?? 0,
  };
  if (!isValidTimeOfDay(written.hour, written.minute, written.second)) return { ok: false, reason: 'clock' };
  const millisecond = clock?.millisecond ?? 0;
  if (clock === null || clock.utcOffsetMinutes === null) {
    return { ok: true, local: written, instant: instantOfVietnamLocalDateTime(written, millisecond) };
  }
  const instant = new Date(utcMillisecondsOfFields(written, millisecond) - clock.utcOffsetMinutes * 60_000);
  const local = vietnamLocalDateTimeOf(instant);
  // Converting 9999-12-31T23:00-05:00 to Vietnam time leaves the years edXML can write.
  if (!isValidLocalDateTime(local)) return { ok: false, reason: 'calendar', date: localDateOf(local) };
  return { ok: true, local, instant };
}

/**
 * Reads a date field (PromulgationDate, DueDate…) leniently: edXML `yyyy/MM/dd`, ISO `2025-01-15`,
 * day-first `15/01/2025` (also with `-` or `.`), unpadded fields, surrounding whitespace, and a time part
 * (dropped; with an offset, the day is taken in Vietnam time). Never throws; lists every deviation.
 */
export function readEdxmlDateLeniently(text: string): LenientDateReadResult {
  const outcome = scanDateText(text);
  if (!outcome.ok) return { ok: false, reason: 'format', message: dateFormatMessage(text) };
  const { scanned } = outcome;
  const moment = resolveMoment(scanned);
  if (!moment.ok) {
    // A date field whose (ignored) time part is impossible is still not a usable date text.
    return moment.reason === 'clock'
      ? { ok: false, reason: 'format', message: clockMessage(text) }
      : { ok: false, reason: 'calendar', message: calendarMessage(text, moment.date) };
  }
  const deviations = collectDeviations(text, scanned, 'date');
  return {
    ok: true,
    value: localDateOf(moment.local),
    variant: scanned.variant,
    canonical: deviations.length === 0,
    deviations,
  };
}

/**
 * Reads a timestamp field (TraceHeader/Timestamp, status Timestamp) leniently: edXML
 * `yyyy/MM/dd HH:mm:ss`, ISO `2025-01-15T09:30:00` (or with a space, fractions, `Z` or `±hh:mm`),
 * day-first `15/01/2025 09:30:00`, missing seconds, a one-digit hour, or a date alone (midnight).
 * Zone-less texts are Vietnam time; texts with an offset are converted. Never throws.
 */
export function readEdxmlTimestampLeniently(text: string): LenientTimestampReadResult {
  const outcome = scanDateText(text);
  if (!outcome.ok) return { ok: false, reason: 'format', message: timestampFormatMessage(text) };
  const { scanned } = outcome;
  const moment = resolveMoment(scanned);
  if (!moment.ok) {
    return moment.reason === 'clock'
      ? { ok: false, reason: 'clock', message: clockMessage(text) }
      : { ok: false, reason: 'calendar', message: calendarMessage(text, moment.date) };
  }
  const deviations = collectDeviations(text, scanned, 'timestamp');
  return {
    ok: true,
    value: moment.local,
    instant: moment.instant,
    writtenUtcOffsetMinutes: scanned.clock?.utcOffsetMinutes ?? null,
    variant: scanned.variant,
    canonical: deviations.length === 0,
    deviations,
  };
}
