import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toVietnamIsoString } from '../calendar/vietnam-time';
import { ServiceLevelError } from '../errors';
import { createWorkingCalendar, OPENCPS_DEFAULT_WORKING_HOURS, type WorkingCalendarOptions } from './working-calendar';

// March 2025: Monday 3 … Friday 7, Saturday 8, Sunday 9, Monday 10. Times are Vietnam local time.
const calendar = createWorkingCalendar();
const iso = (date: Date | undefined) => (date === undefined ? undefined : toVietnamIsoString(date));
const HOUR = 3_600_000;

describe('createWorkingCalendar defaults', () => {
  it('uses the OpenCPS hours on weekdays and has Saturday and Sunday off', () => {
    expect(OPENCPS_DEFAULT_WORKING_HOURS).toEqual({ morning: ['07:00', '11:30'], afternoon: ['13:30', '17:00'] });
    expect(calendar.description.hours.monday).toEqual({ morning: ['07:00', '11:30'], afternoon: ['13:30', '17:00'] });
    expect(calendar.description.weekends).toEqual(['saturday', 'sunday']);
    expect(calendar.description.holidays).toEqual([]);
    expect(calendar.isWorkingDay('2025-03-07')).toBe(true);
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-03-09')).toBe(false);
  });

  it('reads a time as its Vietnam day, not the machine’s', () => {
    // 2025-03-07T17:30Z is Saturday 00:30 in Vietnam (still Friday in UTC and westwards).
    expect(calendar.isWorkingDay(new Date('2025-03-07T17:30:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2025-03-07T16:59:59.999Z'))).toBe(true);
    expect(calendar.isWorkingDay('2025-03-07T23:30:00')).toBe(true);
    expect(calendar.isWorkingDay('2025-03-08T01:00:00+09:00')).toBe(true); // Friday 23:00 in Vietnam
  });

  it('lists the working half-days of a day', () => {
    expect(calendar.workingHalfDaysOf('2025-03-03').map((half) => [half.part, iso(half.start), iso(half.end)])).toEqual(
      [
        ['morning', '2025-03-03T07:00:00+07:00', '2025-03-03T11:30:00+07:00'],
        ['afternoon', '2025-03-03T13:30:00+07:00', '2025-03-03T17:00:00+07:00'],
      ],
    );
    expect(calendar.workingHalfDaysOf('2025-03-08')).toEqual([]);
  });
});

describe('halfDayContaining', () => {
  it.each([
    ['2025-03-03T06:59:59.999', undefined],
    ['2025-03-03T07:00:00', 'morning'],
    ['2025-03-03T09:00:00', 'morning'],
    ['2025-03-03T11:30:00', 'morning'],
    ['2025-03-03T11:30:00.001', undefined],
    ['2025-03-03T12:00:00', undefined],
    ['2025-03-03T13:29:59.999', undefined],
    ['2025-03-03T13:30:00', 'afternoon'],
    ['2025-03-03T17:00:00', 'afternoon'],
    ['2025-03-03T17:00:00.001', undefined],
    ['2025-03-08T09:00:00', undefined],
  ])('%s → %s', (time, part) => {
    const half = calendar.halfDayContaining(time);
    expect(half?.part).toBe(part);
    if (half) expect(half.day).toBe('2025-03-03');
  });

  it('gives the earlier half-day where two touch', () => {
    const touching = createWorkingCalendar({ hours: { morning: ['08:00', '12:00'], afternoon: ['12:00', '16:00'] } });
    expect(touching.halfDayContaining('2025-03-03T12:00:00')?.part).toBe('morning');
    expect(touching.halfDayContaining('2025-03-03T12:00:00.001')?.part).toBe('afternoon');
  });
});

describe('latestHalfDayAtOrBefore', () => {
  it.each([
    ['2025-03-03T09:00:00', '2025-03-03', 'morning'],
    ['2025-03-03T12:00:00', '2025-03-03', 'morning'],
    ['2025-03-03T18:00:00', '2025-03-03', 'afternoon'],
    ['2025-03-09T10:00:00', '2025-03-07', 'afternoon'],
    ['2025-03-10T06:00:00', '2025-03-07', 'afternoon'],
  ])('%s → %s %s', (time, day, part) => {
    expect(calendar.latestHalfDayAtOrBefore(time)).toMatchObject({ day, part });
  });

  it('skips holidays', () => {
    const newYear = createWorkingCalendar({ holidays: ['2025-01-01'] });
    expect(newYear.latestHalfDayAtOrBefore('2025-01-02T06:00:00')).toMatchObject({
      day: '2024-12-31',
      part: 'afternoon',
    });
  });
});

describe('weekday overrides, holidays and compensatory working days', () => {
  // An example configuration (not an official list): 2025-01-01 off (Tết Dương lịch, Điều 112 Bộ luật Lao động
  // 2019); 2025-05-02 off as a bridge day, with Saturday 2025-04-26 worked in exchange; Friday afternoons off.
  const options: WorkingCalendarOptions = {
    holidays: ['2025-01-01', '2025-04-30', '2025-05-01', '2025-05-02'],
    compensatoryWorkingDays: ['2025-04-26'],
    perWeekday: { friday: { afternoon: null }, saturday: { afternoon: ['13:00', '16:00'] } },
  };
  const custom = createWorkingCalendar(options);

  it('has the holidays off and works the compensatory Saturday with Saturday’s hours', () => {
    expect(custom.isWorkingDay('2025-01-01')).toBe(false);
    expect(custom.isWorkingDay('2025-05-02')).toBe(false);
    expect(custom.isWorkingDay('2025-04-26')).toBe(true);
    expect(custom.isWorkingDay('2025-04-19')).toBe(false);
    expect(custom.workingHalfDaysOf('2025-04-26').map((half) => [iso(half.start), iso(half.end)])).toEqual([
      ['2025-04-26T07:00:00+07:00', '2025-04-26T11:30:00+07:00'],
      ['2025-04-26T13:00:00+07:00', '2025-04-26T16:00:00+07:00'],
    ]);
  });

  it('applies a weekday override over the common hours', () => {
    expect(custom.description.hours.friday).toEqual({ morning: ['07:00', '11:30'], afternoon: null });
    expect(custom.halfDayContaining('2025-03-07T14:00:00')).toBeUndefined();
    expect(custom.halfDayContaining('2025-03-07T10:00:00')?.part).toBe('morning');
    expect(custom.description.compensatoryWorkingDays).toEqual(['2025-04-26']);
    expect(custom.description.holidays).toEqual(['2025-01-01', '2025-04-30', '2025-05-01', '2025-05-02']);
  });

  it('counts working days across the holidays', () => {
    // Received Thursday 2025-04-24 10:00: Friday 25 (1), Saturday 26 worked (2), Monday 28 (3), Tuesday 29 (4),
    // then 30/4, 1/5, 2/5 off and the weekend: Monday 5/5 (5). Friday 25 ends at 11:30 (afternoon off).
    expect(iso(custom.addWorkingDays('2025-04-24T10:00:00', 1))).toBe('2025-04-25T11:30:00+07:00');
    expect(iso(custom.addWorkingDays('2025-04-24T10:00:00', 2))).toBe('2025-04-26T16:00:00+07:00');
    expect(iso(custom.addWorkingDays('2025-04-24T10:00:00', 5))).toBe('2025-05-05T17:00:00+07:00');
  });

  it('lets Saturday mornings be worked', () => {
    const saturdayMornings = createWorkingCalendar({
      weekends: ['sunday'],
      perWeekday: { saturday: { afternoon: null } },
    });
    expect(saturdayMornings.isWorkingDay('2025-03-08')).toBe(true);
    expect(iso(saturdayMornings.addWorkingDays('2025-03-07T10:00:00', 1))).toBe('2025-03-08T11:30:00+07:00');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-03-03T09:00:00', 1, '2025-03-04T17:00:00+07:00'], // the day of receipt had already begun
    ['2025-03-03T07:00:00', 1, '2025-03-03T17:00:00+07:00'], // received as the desk opened: Monday counts
    ['2025-03-03T06:00:00', 1, '2025-03-03T17:00:00+07:00'],
    ['2025-03-07T10:00:00', 1, '2025-03-10T17:00:00+07:00'], // Friday → Monday
    ['2025-03-08T10:00:00', 1, '2025-03-10T17:00:00+07:00'], // received on Saturday
    ['2025-03-03T09:00:00', 15, '2025-03-24T17:00:00+07:00'], // "15 ngày làm việc"
    ['2025-03-03T09:00:00', 0, '2025-03-03T09:00:00+07:00'],
  ])('%s + %i working days → %s', (start, days, due) => {
    expect(iso(calendar.addWorkingDays(start, days))).toBe(due);
  });

  it('skips a holiday', () => {
    const newYear = createWorkingCalendar({ holidays: ['2025-01-01'] });
    expect(iso(newYear.addWorkingDays('2024-12-31T09:00:00', 1))).toBe('2025-01-02T17:00:00+07:00');
  });

  it('ends at the end of a working day, later for more days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (start, days) => {
          const due = calendar.addWorkingDays(start, days);
          const halves = calendar.workingHalfDaysOf(due);
          expect(halves.at(-1)?.end.getTime()).toBe(due.getTime());
          expect(calendar.addWorkingDays(start, days + 1).getTime()).toBeGreaterThan(due.getTime());
          // A whole working day (8 h by default) per counted day, plus what was left of the day of receipt.
          const worked = calendar.workingTimeBetween(start, due);
          expect(worked).toBeGreaterThanOrEqual(days * 8 * HOUR);
          expect(worked).toBeLessThan((days + 1) * 8 * HOUR);
        },
      ),
    );
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2025-03-03T09:00:00', -1)).toThrow(ServiceLevelError);
    expect(() => calendar.addWorkingDays('2025-03-03T09:00:00', 1.5)).toThrow(/non-negative integer/);
    expect(() => calendar.addWorkingDays('not a time', 1)).toThrow(/addWorkingDays/);
  });
});

describe('addWorkingHalfDays', () => {
  it.each([
    ['2025-03-03T09:00:00', 1, '2025-03-03T17:00:00+07:00'],
    ['2025-03-03T09:00:00', 2, '2025-03-04T11:30:00+07:00'],
    ['2025-03-03T07:00:00', 1, '2025-03-03T11:30:00+07:00'],
    ['2025-03-03T12:00:00', 1, '2025-03-03T17:00:00+07:00'],
    ['2025-03-07T14:00:00', 1, '2025-03-10T11:30:00+07:00'],
    ['2025-03-07T14:00:00', 0, '2025-03-07T14:00:00+07:00'],
  ])('%s + %i half-days → %s', (start, halfDays, due) => {
    expect(iso(calendar.addWorkingHalfDays(start, halfDays))).toBe(due);
  });
});

describe('addWorkingTime and workingTimeBetween', () => {
  it.each([
    ['2025-03-03T09:00:00', { hours: 8 }, '2025-03-04T09:00:00+07:00'], // OpenCPS: 1 day = 8 working hours
    ['2025-03-03T11:00:00', { hours: 1 }, '2025-03-03T14:00:00+07:00'], // over the lunch break
    ['2025-03-03T16:00:00', { hours: 1 }, '2025-03-03T17:00:00+07:00'], // exactly to closing, not next morning
    ['2025-03-03T16:00:00', { hours: 1, minutes: 1 }, '2025-03-04T07:01:00+07:00'],
    ['2025-03-08T10:00:00', { minutes: 30 }, '2025-03-10T07:30:00+07:00'], // received on Saturday
    ['2025-03-03T11:30:00', { milliseconds: 1 }, '2025-03-03T13:30:00.001+07:00'],
    ['2025-03-03T09:00:00', {}, '2025-03-03T09:00:00+07:00'],
  ])('%s + %j → %s', (start, duration, due) => {
    expect(iso(calendar.addWorkingTime(start, duration))).toBe(due);
  });

  it.each([
    ['2025-03-03T00:00:00', '2025-03-04T00:00:00', 8 * HOUR],
    ['2025-03-03T09:00:00', '2025-03-03T14:00:00', 3 * HOUR],
    ['2025-03-07T16:00:00', '2025-03-10T08:00:00', 2 * HOUR],
    ['2025-03-08T08:00:00', '2025-03-09T20:00:00', 0],
    ['2025-03-03T14:00:00', '2025-03-03T09:00:00', -3 * HOUR],
    ['2025-03-03T09:00:00', '2025-03-03T09:00:00', 0],
  ])('working time from %s to %s is %i ms', (from, to, ms) => {
    expect(calendar.workingTimeBetween(from, to)).toBe(ms);
  });

  it('counts back exactly the working time it added, and lands within working hours', () => {
    const custom = createWorkingCalendar({ holidays: ['2025-01-01'], perWeekday: { friday: { afternoon: null } } });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-11-01T00:00:00Z'), max: new Date('2025-03-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 200 * HOUR }),
        (start, milliseconds) => {
          for (const subject of [calendar, custom]) {
            const due = subject.addWorkingTime(start, { milliseconds });
            expect(subject.workingTimeBetween(start, due)).toBe(milliseconds);
            expect(subject.halfDayContaining(due)).toBeDefined();
          }
        },
      ),
    );
  });

  it('refuses a negative duration', () => {
    expect(() => calendar.addWorkingTime('2025-03-03T09:00:00', { hours: -1 })).toThrow(ServiceLevelError);
    expect(() => calendar.addWorkingTime('2025-03-03T09:00:00', { minutes: Number.NaN })).toThrow(/minutes/);
  });
});

describe('invalid configurations', () => {
  it.each<[string, WorkingCalendarOptions, RegExp]>([
    ['a time not HH:mm', { hours: { morning: ['7:00', '11:30'] } }, /HH:mm/],
    ['a half-day ending before it starts', { hours: { morning: ['11:30', '07:00'] } }, /start before it ends/],
    ['an empty half-day', { hours: { afternoon: ['13:30', '13:30'] } }, /start before it ends/],
    ['a morning overlapping the afternoon', { hours: { morning: ['07:00', '14:00'] } }, /morning must end/],
    ['an unknown weekday', { weekends: ['samedi' as 'saturday'] }, /unknown weekday/],
    ['an unknown weekday override', { perWeekday: { caturday: {} } as never }, /unknown weekday/],
    ['a holiday not on the calendar', { holidays: ['2025-02-30'] }, /YYYY-MM-DD/],
    ['a holiday in another form', { holidays: ['01/01/2025'] }, /YYYY-MM-DD/],
    [
      'a day both off and worked',
      { holidays: ['2025-03-08'], compensatoryWorkingDays: ['2025-03-08'] },
      /both a holiday and a compensatory/,
    ],
    ['a compensatory Wednesday', { compensatoryWorkingDays: ['2025-03-05'] }, /not a weekend day/],
    [
      'a compensatory day without hours',
      { compensatoryWorkingDays: ['2025-03-08'], perWeekday: { saturday: { morning: null, afternoon: null } } },
      /no working hours/,
    ],
    [
      'a week without a working day',
      { weekends: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] },
      /no working day/,
    ],
  ])('refuses %s', (_name, options, message) => {
    let thrown: unknown;
    try {
      createWorkingCalendar(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ServiceLevelError);
    expect((thrown as ServiceLevelError).code).toBe('INVALID_CALENDAR');
    expect((thrown as ServiceLevelError).message).toMatch(message);
  });
});
