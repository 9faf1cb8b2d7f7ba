import {
  dayKeyOf,
  isoWeekdayOf,
  MINUTE_MILLISECONDS,
  parseDayKey,
  parseVietnamTime,
  startOfVietnamDay,
  type TimeInput,
  type VietnamDayNumber,
  vietnamDayNumberOf,
} from '../calendar/vietnam-time';
import { ServiceLevelError } from '../errors';

/*
 * A working calendar in Vietnam local time: the working half-days (buổi sáng, buổi chiều) of each weekday,
 * the weekend, holidays and compensatory working days (ngày làm bù). No official holiday list is bundled:
 * Tết and Giỗ Tổ Hùng Vương follow the lunar calendar and the days off (and the weekends worked in exchange)
 * are announced each year, so the caller passes the days that apply to its agency.
 */

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** The weekdays in ISO order: index 0 is Monday (ISO weekday 1). */
export const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** Start and end of a half-day as Vietnam wall-clock `HH:mm`, e.g. `['07:00', '11:30']`. */
export type ClockRange = readonly [start: string, end: string];

/** The working hours of a day; `null` means that half-day is not worked. */
export interface HalfDayHours {
  readonly morning?: ClockRange | null;
  readonly afternoon?: ClockRange | null;
}

export interface WorkingCalendarOptions {
  /** Hours of every working day (default: `OPENCPS_DEFAULT_WORKING_HOURS`, 07:00–11:30 and 13:30–17:00). */
  readonly hours?: HalfDayHours;
  /** Hours of particular weekdays, over `hours` (an omitted half-day keeps `hours`, `null` removes it). */
  readonly perWeekday?: Partial<Record<Weekday, HalfDayHours>>;
  /** Days off every week (default Saturday and Sunday). */
  readonly weekends?: readonly Weekday[];
  /** Days off (`YYYY-MM-DD`), e.g. Tết Dương lịch `2025-01-01`. No list is bundled: pass your agency's. */
  readonly holidays?: readonly string[];
  /** Weekend days worked in exchange for a bridge holiday (ngày làm bù, `YYYY-MM-DD`); they use that weekday's hours. */
  readonly compensatoryWorkingDays?: readonly string[];
}

/**
 * OpenCPS's default working hours (`BetimeUtils.java`, `DEFAULT_START_AM_HOUR` …, VietOpenCPS/opencps-v2 commit
 * 2c719850c86368c12636ea666ad3bce6ea34b441): morning 07:00–11:30, afternoon 13:30–17:00.
 */
export const OPENCPS_DEFAULT_WORKING_HOURS = {
  morning: ['07:00', '11:30'],
  afternoon: ['13:30', '17:00'],
} as const satisfies Required<HalfDayHours>;

export type HalfDayPart = 'morning' | 'afternoon';

/** One working half-day: its Vietnam day, which half, and the instants it starts and ends (both inclusive). */
export interface WorkingHalfDay {
  readonly day: string;
  readonly part: HalfDayPart;
  readonly start: Date;
  readonly end: Date;
}

/** Working time to add, e.g. `{ hours: 8 }`. Components are non-negative and add up. */
export interface WorkingDuration {
  readonly hours?: number;
  readonly minutes?: number;
  readonly milliseconds?: number;
}

/** The calendar as resolved, in plain data (for logs and explanations). */
export interface WorkingCalendarDescription {
  readonly hours: Readonly<Record<Weekday, { morning: ClockRange | null; afternoon: ClockRange | null }>>;
  readonly weekends: readonly Weekday[];
  readonly holidays: readonly string[];
  readonly compensatoryWorkingDays: readonly string[];
}

export interface WorkingCalendar {
  readonly description: WorkingCalendarDescription;
  /**
   * True when the day has working hours: not a holiday, and not a weekend unless it is a compensatory working
   * day. Days (here and in `workingHalfDaysOf`) are `YYYY-MM-DD`, or any `TimeInput` (then its Vietnam day).
   */
  isWorkingDay(day: TimeInput): boolean;
  /** The working half-days of a day, morning first (empty on a day off). */
  workingHalfDaysOf(day: TimeInput): readonly WorkingHalfDay[];
  /**
   * The working half-day whose hours contain the instant, start and end included (07:00 and 11:30 are both in
   * the default morning); where two half-days touch, the earlier one. `undefined` outside working hours.
   */
  halfDayContaining(instant: TimeInput): WorkingHalfDay | undefined;
  /** The half-day containing the instant, or else the last one that ended before it (e.g. Friday afternoon for a Sunday). */
  latestHalfDayAtOrBefore(instant: TimeInput): WorkingHalfDay;
  /**
   * The deadline of a time limit of `days` working days (e.g. "15 ngày làm việc"): the end of working hours of
   * the `days`-th working day counted from `start`. A day counts only when its working hours begin at or after
   * `start`, so the day of receipt counts only when the dossier came in before it opened (received Monday
   * 09:00, 1 day → Tuesday 17:00; received Sunday, 1 day → Monday 17:00). `days = 0` gives `start`.
   * Điều 147 Bộ luật Dân sự 2015 never counts the first day; the two differ only for a dossier received on a
   * working day before opening time. To count in hours as OpenCPS does, use `addWorkingTime`.
   */
  addWorkingDays(start: TimeInput, days: number): Date;
  /** The same with half-days: the end of the `halfDays`-th working half-day that begins at or after `start`. */
  addWorkingHalfDays(start: TimeInput, halfDays: number): Date;
  /**
   * Working time counted continuously from `start`, skipping lunch breaks, nights, weekends and holidays; time
   * before opening counts from the next half-day. OpenCPS counts a day as 8 working hours
   * (`DueDateUtils.DAY_TO_HOURS`): `addWorkingTime(start, { hours: 8 * days })`.
   */
  addWorkingTime(start: TimeInput, duration: WorkingDuration): Date;
  /** Working milliseconds in [from, to) (negative when `to` is before `from`). */
  workingTimeBetween(from: TimeInput, to: TimeInput): number;
}

interface ResolvedHalfDay {
  readonly part: HalfDayPart;
  /** Minutes after Vietnam midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
}

interface HalfDayInstants {
  readonly day: VietnamDayNumber;
  readonly part: HalfDayPart;
  readonly start: number;
  readonly end: number;
}

const CLOCK_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function calendarError(message: string): ServiceLevelError {
  return new ServiceLevelError('INVALID_CALENDAR', `createWorkingCalendar: ${message}`);
}

function minuteOfClock(text: unknown, where: string): number {
  const match = typeof text === 'string' ? CLOCK_PATTERN.exec(text) : null;
  if (!match) throw calendarError(`${where} must be a time HH:mm (00:00–23:59), got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function resolveRange(range: ClockRange | null, part: HalfDayPart, where: string): ResolvedHalfDay | null {
  if (range === null) return null;
  if (!Array.isArray(range) || range.length !== 2) {
    throw calendarError(`${where}.${part} must be [start, end] or null`);
  }
  const startMinute = minuteOfClock(range[0], `${where}.${part}[0]`);
  const endMinute = minuteOfClock(range[1], `${where}.${part}[1]`);
  if (startMinute >= endMinute) throw calendarError(`${where}.${part} must start before it ends (${range.join('–')})`);
  return { part, startMinute, endMinute };
}

function resolveDay(
  base: Required<HalfDayHours>,
  override: HalfDayHours | undefined,
  where: string,
): readonly ResolvedHalfDay[] {
  const morningRange = override?.morning === undefined ? base.morning : override.morning;
  const afternoonRange = override?.afternoon === undefined ? base.afternoon : override.afternoon;
  const morning = resolveRange(morningRange, 'morning', where);
  const afternoon = resolveRange(afternoonRange, 'afternoon', where);
  if (morning && afternoon && morning.endMinute > afternoon.startMinute) {
    throw calendarError(`${where}: the morning must end by the time the afternoon starts`);
  }
  return [morning, afternoon].filter((half): half is ResolvedHalfDay => half !== null);
}

function dayList(days: readonly string[] | undefined, name: string): Set<VietnamDayNumber> {
  const set = new Set<VietnamDayNumber>();
  if (days === undefined) return set;
  if (!Array.isArray(days)) throw calendarError(`${name} must be an array of YYYY-MM-DD days`);
  for (const text of days) {
    const day = typeof text === 'string' ? parseDayKey(text) : undefined;
    if (day === undefined) throw calendarError(`${name} holds ${JSON.stringify(text)}, not a YYYY-MM-DD calendar day`);
    set.add(day);
  }
  return set;
}

function argumentError(message: string): ServiceLevelError {
  return new ServiceLevelError('INVALID_ARGUMENT', message);
}

function epochMsOf(input: TimeInput, name: string): number {
  const parsed = parseVietnamTime(input);
  if (!parsed.ok) throw argumentError(`${name}: ${parsed.message.en}`);
  return parsed.instant.getTime();
}

function dayNumberOfInput(input: TimeInput, name: string): VietnamDayNumber {
  if (typeof input === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(input)) {
    const day = parseDayKey(input);
    if (day === undefined) throw argumentError(`${name}: ${JSON.stringify(input)} is not on the calendar`);
    return day;
  }
  return vietnamDayNumberOf(epochMsOf(input, name));
}

function countOf(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw argumentError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function durationMs(duration: WorkingDuration): number {
  if (typeof duration !== 'object' || duration === null)
    throw argumentError('addWorkingTime: duration must be an object');
  let total = 0;
  for (const [unit, factor] of [
    ['hours', 60 * MINUTE_MILLISECONDS],
    ['minutes', MINUTE_MILLISECONDS],
    ['milliseconds', 1],
  ] as const) {
    const value = duration[unit];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw argumentError(`addWorkingTime: duration.${unit} must be a non-negative number, got ${String(value)}`);
    }
    total += value * factor;
  }
  return Math.round(total);
}

function toPublicHalfDay(half: HalfDayInstants): WorkingHalfDay {
  return { day: dayKeyOf(half.day), part: half.part, start: new Date(half.start), end: new Date(half.end) };
}

/**
 * Builds a working calendar. Defaults: OpenCPS hours (07:00–11:30, 13:30–17:00), Saturday and Sunday off, no
 * holidays. Throws `ServiceLevelError` `INVALID_CALENDAR` for a configuration that cannot be used: hours not
 * `HH:mm`, a half-day ending before it starts, a morning overlapping the afternoon, a day that is both a
 * holiday and a compensatory working day, a compensatory day that is not a weekend day with hours, or a week
 * without any working day.
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const base: Required<HalfDayHours> = {
    morning: options.hours?.morning === undefined ? OPENCPS_DEFAULT_WORKING_HOURS.morning : options.hours.morning,
    afternoon:
      options.hours?.afternoon === undefined ? OPENCPS_DEFAULT_WORKING_HOURS.afternoon : options.hours.afternoon,
  };
  for (const key of Object.keys(options.perWeekday ?? {})) {
    if (!WEEKDAYS.includes(key as Weekday))
      throw calendarError(`perWeekday has an unknown weekday ${JSON.stringify(key)}`);
  }
  const hoursByIsoWeekday = WEEKDAYS.map((weekday) =>
    resolveDay(base, options.perWeekday?.[weekday], `perWeekday.${weekday}`),
  );
  const weekends = new Set<Weekday>(options.weekends ?? ['saturday', 'sunday']);
  for (const weekday of weekends) {
    if (!WEEKDAYS.includes(weekday)) throw calendarError(`weekends has an unknown weekday ${JSON.stringify(weekday)}`);
  }
  const holidays = dayList(options.holidays, 'holidays');
  const compensatory = dayList(options.compensatoryWorkingDays, 'compensatoryWorkingDays');
  for (const day of compensatory) {
    if (holidays.has(day)) throw calendarError(`${dayKeyOf(day)} is both a holiday and a compensatory working day`);
    const weekday = WEEKDAYS[isoWeekdayOf(day) - 1]!;
    if (!weekends.has(weekday)) {
      throw calendarError(`compensatory working day ${dayKeyOf(day)} is a ${weekday}, not a weekend day`);
    }
    if (hoursByIsoWeekday[isoWeekdayOf(day) - 1]!.length === 0) {
      throw calendarError(`compensatory working day ${dayKeyOf(day)} is a ${weekday}, which has no working hours`);
    }
  }
  if (!WEEKDAYS.some((weekday, index) => !weekends.has(weekday) && hoursByIsoWeekday[index]!.length > 0)) {
    throw calendarError('the week has no working day');
  }

  function halvesOf(day: VietnamDayNumber): readonly HalfDayInstants[] {
    if (holidays.has(day)) return [];
    const weekdayIndex = isoWeekdayOf(day) - 1;
    if (weekends.has(WEEKDAYS[weekdayIndex]!) && !compensatory.has(day)) return [];
    const midnight = startOfVietnamDay(day);
    return hoursByIsoWeekday[weekdayIndex]!.map((half) => ({
      day,
      part: half.part,
      start: midnight + half.startMinute * MINUTE_MILLISECONDS,
      end: midnight + half.endMinute * MINUTE_MILLISECONDS,
    }));
  }

  function containing(epochMs: number): HalfDayInstants | undefined {
    return halvesOf(vietnamDayNumberOf(epochMs)).find((half) => half.start <= epochMs && epochMs <= half.end);
  }

  function latestAtOrBefore(epochMs: number): HalfDayInstants {
    const inside = containing(epochMs);
    if (inside) return inside;
    // Ends: before the earliest holiday every week has a working day.
    for (let day = vietnamDayNumberOf(epochMs); ; day -= 1) {
      const halves = halvesOf(day).filter((half) => half.end < epochMs);
      const last = halves[halves.length - 1];
      if (last) return last;
    }
  }

  function workingMsBetween(from: number, to: number): number {
    if (to < from) return -workingMsBetween(to, from);
    let total = 0;
    for (let day = vietnamDayNumberOf(from); startOfVietnamDay(day) < to; day += 1) {
      for (const half of halvesOf(day)) {
        total += Math.max(0, Math.min(half.end, to) - Math.max(half.start, from));
      }
    }
    return total;
  }

  const description: WorkingCalendarDescription = {
    hours: Object.fromEntries(
      WEEKDAYS.map((weekday, index) => {
        const halves = hoursByIsoWeekday[index]!;
        const rangeOf = (part: HalfDayPart): ClockRange | null => {
          const half = halves.find((candidate) => candidate.part === part);
          return half ? [clockOf(half.startMinute), clockOf(half.endMinute)] : null;
        };
        return [weekday, { morning: rangeOf('morning'), afternoon: rangeOf('afternoon') }];
      }),
    ) as WorkingCalendarDescription['hours'],
    weekends: WEEKDAYS.filter((weekday) => weekends.has(weekday)),
    holidays: [...holidays].sort((a, b) => a - b).map(dayKeyOf),
    compensatoryWorkingDays: [...compensatory].sort((a, b) => a - b).map(dayKeyOf),
  };

  return Object.freeze({
    description,
    isWorkingDay(day: TimeInput): boolean {
      return halvesOf(dayNumberOfInput(day, 'isWorkingDay')).length > 0;
    },
    workingHalfDaysOf(day: TimeInput): readonly WorkingHalfDay[] {
      return halvesOf(dayNumberOfInput(day, 'workingHalfDaysOf')).map(toPublicHalfDay);
    },
    halfDayContaining(instant: TimeInput): WorkingHalfDay | undefined {
      const half = containing(epochMsOf(instant, 'halfDayContaining'));
      return half ? toPublicHalfDay(half) : undefined;
    },
    latestHalfDayAtOrBefore(instant: TimeInput): WorkingHalfDay {
      return toPublicHalfDay(latestAtOrBefore(epochMsOf(instant, 'latestHalfDayAtOrBefore')));
    },
    addWorkingDays(start: TimeInput, days: number): Date {
      const from = epochMsOf(start, 'addWorkingDays');
      let remaining = countOf(days, 'addWorkingDays: days');
      if (remaining === 0) return new Date(from);
      // Ends: every week has a working day, and only finitely many days are holidays.
      for (let day = vietnamDayNumberOf(from); ; day += 1) {
        const halves = halvesOf(day);
        const first = halves[0];
        if (first === undefined || first.start < from) continue;
        remaining -= 1;
        if (remaining === 0) return new Date(halves[halves.length - 1]!.end);
      }
    },
    addWorkingHalfDays(start: TimeInput, halfDays: number): Date {
      const from = epochMsOf(start, 'addWorkingHalfDays');
      let remaining = countOf(halfDays, 'addWorkingHalfDays: halfDays');
      if (remaining === 0) return new Date(from);
      // Ends: every week has a working day, and only finitely many days are holidays.
      for (let day = vietnamDayNumberOf(from); ; day += 1) {
        for (const half of halvesOf(day)) {
          if (half.start < from) continue;
          remaining -= 1;
          if (remaining === 0) return new Date(half.end);
        }
      }
    },
    addWorkingTime(start: TimeInput, duration: WorkingDuration): Date {
      const from = epochMsOf(start, 'addWorkingTime');
      let remaining = durationMs(duration);
      if (remaining === 0) return new Date(from);
      for (let day = vietnamDayNumberOf(from); ; day += 1) {
        for (const half of halvesOf(day)) {
          if (half.end <= from) continue;
          const intervalStart = Math.max(half.start, from);
          const available = half.end - intervalStart;
          if (remaining <= available) return new Date(intervalStart + remaining);
          remaining -= available;
        }
      }
    },
    workingTimeBetween(from: TimeInput, to: TimeInput): number {
      return workingMsBetween(epochMsOf(from, 'workingTimeBetween'), epochMsOf(to, 'workingTimeBetween'));
    },
  });
}

function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
