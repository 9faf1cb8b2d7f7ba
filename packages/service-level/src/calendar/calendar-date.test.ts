import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateProblem, daysInMonth, isLeapYear, readIsoDate, vietnamDateOf } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    [2000, true],
    [2019, false],
    [2020, true],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('agrees with the Gregorian calendar of Date.UTC for every day of 2000–2099', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const utc = new Date(Date.UTC(year, month - 1, day));
          const exists = utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
          expect(calendarDateProblem(year, month, day) === undefined).toBe(exists);
        },
      ),
    );
  });

  it.each([
    ['2020-02-29', { year: 2020, month: 2, day: 29 }],
    ['2019-02-29', undefined],
    ['2025-13-01', undefined],
    ['2025-1-01', undefined],
    ['2025-01-01T00:00:00', undefined],
    [' 2025-01-01', undefined],
  ])('reads the ISO date %j', (text, expected) => {
    expect(readIsoDate(text)).toEqual(expected);
  });

  it('takes an instant on Vietnam’s calendar (UTC+7) whatever the machine’s time zone', () => {
    expect(vietnamDateOf(new Date('2025-06-30T16:59:59.999Z'))).toBe('2025-06-30');
    expect(vietnamDateOf(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(vietnamDateOf(new Date('2025-07-01T00:00:00+07:00'))).toBe('2025-07-01');
    expect(vietnamDateOf(new Date(Number.NaN))).toBeUndefined();
    expect(vietnamDateOf('2025-07-01' as unknown as Date)).toBeUndefined();
  });
});

describe('years outside 0001–9999 (the strictest of the merged helpers)', () => {
  it('refuses year 0000 and years past 9999', () => {
    expect(readIsoDate('0000-01-01')).toBeUndefined();
    expect(calendarDateProblem(0, 1, 1)?.en).toBe('year 0 is outside the years 0001–9999');
    expect(calendarDateProblem(10000, 1, 1)).toBeDefined();
    expect(vietnamDateOf(new Date('+010000-01-01T00:00:00Z'))).toBeUndefined();
    expect(vietnamDateOf(new Date('0000-12-31T16:59:59Z'))).toBeUndefined();
    expect(vietnamDateOf(new Date('0000-12-31T17:00:00Z'))).toBe('0001-01-01');
  });
});
