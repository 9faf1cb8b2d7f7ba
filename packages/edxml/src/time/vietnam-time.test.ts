import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-format';
import { readEdxmlTimestampLeniently } from './lenient-read';
import {
  instantOfVietnamLocalDateTime,
  isValidInstant,
  startOfVietnamDay,
  VIETNAM_UTC_OFFSET_MINUTES,
  vietnamLocalDateOf,
  vietnamLocalDateTimeOf,
} from './vietnam-time';

describe('vietnamLocalDateTimeOf', () => {
  it.each([
    ['2025-01-15T02:30:00Z', { year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 }],
    ['2025-01-14T17:00:00Z', { year: 2025, month: 1, day: 15, hour: 0, minute: 0, second: 0 }],
    ['2025-01-14T16:59:59Z', { year: 2025, month: 1, day: 14, hour: 23, minute: 59, second: 59 }],
    ['2024-12-31T17:00:00Z', { year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0 }],
    ['2024-02-28T17:00:00Z', { year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0 }],
    // Vietnam has no daylight saving: a European/US DST switch day changes nothing.
    ['2025-03-09T07:00:00Z', { year: 2025, month: 3, day: 9, hour: 14, minute: 0, second: 0 }],
  ])('%s is %o in Vietnam', (iso, expected) => {
    expect(vietnamLocalDateTimeOf(new Date(iso))).toEqual(expected);
  });

  it('handles years below 100 without the Date.UTC 19xx mapping', () => {
    const instant = instantOfVietnamLocalDateTime({ year: 12, month: 3, day: 4, hour: 5, minute: 6, second: 7 });
    expect(vietnamLocalDateTimeOf(instant)).toEqual({ year: 12, month: 3, day: 4, hour: 5, minute: 6, second: 7 });
  });

  it('treats an Invalid Date as a programming error', () => {
    expect(() => vietnamLocalDateTimeOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => vietnamLocalDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('instantOfVietnamLocalDateTime', () => {
  it('subtracts seven hours', () => {
    expect(
      instantOfVietnamLocalDateTime({ year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 }).toISOString(),
    ).toBe('2025-01-15T02:30:00.000Z');
    expect(
      instantOfVietnamLocalDateTime({ year: 2025, month: 1, day: 1, hour: 3, minute: 0, second: 0 }, 250).toISOString(),
    ).toBe('2024-12-31T20:00:00.250Z');
  });

  it('refuses impossible fields (callers get them from the parsers)', () => {
    expect(() =>
      instantOfVietnamLocalDateTime({ year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      instantOfVietnamLocalDateTime({ year: 2023, month: 2, day: 28, hour: 24, minute: 0, second: 0 }),
    ).toThrow(RangeError);
  });

  it('is the inverse of vietnamLocalDateTimeOf (to the second)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
        (instant) => {
          const wholeSeconds = new Date(Math.floor(instant.getTime() / 1000) * 1000);
          expect(instantOfVietnamLocalDateTime(vietnamLocalDateTimeOf(instant)).getTime()).toBe(wholeSeconds.getTime());
        },
      ),
    );
  });
});

describe('startOfVietnamDay', () => {
  it('is 17:00 UTC the day before', () => {
    expect(startOfVietnamDay({ year: 2025, month: 1, day: 1 }).toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });
  it('refuses a day that does not exist', () => {
    expect(() => startOfVietnamDay({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
  });
});

describe('isValidInstant', () => {
  it('accepts real Dates only', () => {
    expect(isValidInstant(new Date())).toBe(true);
    expect(isValidInstant(new Date(Number.NaN))).toBe(false);
    expect(isValidInstant('2025-01-15')).toBe(false);
    expect(isValidInstant(Date.now())).toBe(false);
  });
});

describe('independence from the machine time zone', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
  });

  // Node re-reads TZ when it changes, so one process can check several zones, including ones with DST.
  const zones = [
    'UTC',
    'America/New_York',
    'Asia/Ho_Chi_Minh',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Europe/London',
  ];

  function observeEverything() {
    const instant = new Date('2025-03-09T06:59:59.000Z');
    return {
      local: vietnamLocalDateTimeOf(instant),
      date: formatEdxmlDate(instant),
      timestamp: formatEdxmlTimestamp(instant),
      parsed: (() => {
        const result = parseEdxmlTimestamp('2025/03/09 02:30:00');
        return result.ok ? result.instant.toISOString() : 'failed';
      })(),
      parsedDate: parseEdxmlDate('2024/02/29'),
      lenient: (() => {
        const result = readEdxmlTimestampLeniently('2025-11-02T01:30:00-05:00');
        return result.ok ? [result.instant.toISOString(), formatEdxmlTimestamp(result.value)] : 'failed';
      })(),
      midnight: startOfVietnamDay({ year: 2025, month: 3, day: 30 }).toISOString(),
    };
  }

  it('gives the same answers in every zone', () => {
    const answers = zones.map((zone) => {
      process.env.TZ = zone;
      return observeEverything();
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({
      timestamp: '2025/03/09 13:59:59',
      parsed: '2025-03-08T19:30:00.000Z',
      lenient: ['2025-11-02T06:30:00.000Z', '2025/11/02 13:30:00'],
      midnight: '2025-03-29T17:00:00.000Z',
    });
  });

  it('really switched zones (otherwise the test above proves nothing)', () => {
    const offsets = zones.map((zone) => {
      process.env.TZ = zone;
      return new Date('2025-01-15T00:00:00Z').getTimezoneOffset();
    });
    expect(new Set(offsets).size).toBeGreaterThan(3);
  });

  it('uses the fixed UTC+7 offset', () => {
    expect(VIETNAM_UTC_OFFSET_MINUTES).toBe(420);
  });
});
