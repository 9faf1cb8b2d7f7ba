import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLocalDates,
  compareLocalDateTimes,
  daysInMonth,
  isLeapYear,
  isValidLocalDate,
  isValidLocalDateTime,
  isValidTimeOfDay,
  type LocalDate,
  localDateOf,
} from './local-date';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [4, true],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('treats a month outside 1–12 as a programming error', () => {
    expect(() => daysInMonth(2025, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 1.5)).toThrow(RangeError);
  });

  it('agrees with the JavaScript calendar for every month of 400 years', () => {
    for (let year = 1600; year < 2000; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
  });
});

describe('isValidLocalDate', () => {
  it.each<[LocalDate, boolean]>([
    [{ year: 2025, month: 1, day: 15 }, true],
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2023, month: 2, day: 29 }, false],
    [{ year: 2014, month: 2, day: 30 }, false],
    [{ year: 2025, month: 4, day: 31 }, false],
    [{ year: 2025, month: 0, day: 1 }, false],
    [{ year: 2025, month: 13, day: 1 }, false],
    [{ year: 2025, month: 1, day: 0 }, false],
    [{ year: 0, month: 1, day: 1 }, false],
    [{ year: 1, month: 1, day: 1 }, true],
    [{ year: 9999, month: 12, day: 31 }, true],
    [{ year: 10000, month: 1, day: 1 }, false],
    [{ year: 2025.5, month: 1, day: 1 }, false],
    [{ year: Number.NaN, month: 1, day: 1 }, false],
  ])('%o → %s', (date, expected) => {
    expect(isValidLocalDate(date)).toBe(expected);
  });
});

describe('isValidTimeOfDay and isValidLocalDateTime', () => {
  it.each([
    [0, 0, 0, true],
    [23, 59, 59, true],
    [24, 0, 0, false],
    [12, 60, 0, false],
    [12, 0, 60, false],
    [-1, 0, 0, false],
    [1.5, 0, 0, false],
  ])('%i:%i:%i → %s', (hour, minute, second, expected) => {
    expect(isValidTimeOfDay(hour, minute, second)).toBe(expected);
    expect(isValidLocalDateTime({ year: 2025, month: 1, day: 15, hour, minute, second })).toBe(expected);
  });

  it('needs the date part to be valid too', () => {
    expect(isValidLocalDateTime({ year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0 })).toBe(false);
  });
});

const localDateArbitrary = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));

describe('compareLocalDates', () => {
  it.each<[LocalDate, LocalDate, -1 | 0 | 1]>([
    [{ year: 2025, month: 1, day: 15 }, { year: 2025, month: 1, day: 15 }, 0],
    [{ year: 2025, month: 1, day: 14 }, { year: 2025, month: 1, day: 15 }, -1],
    [{ year: 2025, month: 2, day: 1 }, { year: 2025, month: 1, day: 31 }, 1],
    [{ year: 2024, month: 12, day: 31 }, { year: 2025, month: 1, day: 1 }, -1],
  ])('%o vs %o → %i', (a, b, expected) => {
    expect(compareLocalDates(a, b)).toBe(expected);
  });

  it('orders dates as their UTC instants do', () => {
    fc.assert(
      fc.property(localDateArbitrary, localDateArbitrary, (a, b) => {
        const instantOrder = Math.sign(
          new Date(0).setUTCFullYear(a.year, a.month - 1, a.day) -
            new Date(0).setUTCFullYear(b.year, b.month - 1, b.day),
        );
        expect(compareLocalDates(a, b)).toBe(instantOrder === 0 ? 0 : instantOrder);
        expect(compareLocalDates(b, a)).toBe(instantOrder === 0 ? 0 : -instantOrder);
      }),
    );
  });
});

describe('compareLocalDateTimes', () => {
  const base = { year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 };
  it.each([
    [{ ...base }, 0],
    [{ ...base, second: 1 }, 1],
    [{ ...base, minute: 29, second: 59 }, -1],
    [{ ...base, hour: 10, minute: 0 }, 1],
    [{ ...base, day: 14, hour: 23 }, -1],
  ])('%o vs 2025/01/15 09:30:00 → %i', (other, expected) => {
    expect(compareLocalDateTimes(other, base)).toBe(expected);
  });
});

describe('localDateOf', () => {
  it('drops the time fields', () => {
    expect(localDateOf({ year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 } as LocalDate)).toEqual({
      year: 2025,
      month: 1,
      day: 15,
    });
  });
});
