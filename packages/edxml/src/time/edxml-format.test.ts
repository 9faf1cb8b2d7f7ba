import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-format';
import type { LocalDate, LocalDateTime } from './local-date';

const localDateArbitrary: fc.Arbitrary<LocalDate> = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));

const localDateTimeArbitrary: fc.Arbitrary<LocalDateTime> = fc
  .tuple(
    localDateArbitrary,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([date, hour, minute, second]) => ({ ...date, hour, minute, second }));

// Instants whose Vietnam date still has a four-digit year.
const writableInstantArbitrary = fc.date({
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T16:59:59.999Z'),
  noInvalidDate: true,
});

describe('parseEdxmlDate', () => {
  it.each([
    ['2025/01/15', { year: 2025, month: 1, day: 15 }],
    ['2024/02/29', { year: 2024, month: 2, day: 29 }],
    ['2000/02/29', { year: 2000, month: 2, day: 29 }],
    ['2025/12/31', { year: 2025, month: 12, day: 31 }],
    ['0001/01/01', { year: 1, month: 1, day: 1 }],
    ['9999/12/31', { year: 9999, month: 12, day: 31 }],
  ])('reads %s', (text, value) => {
    expect(parseEdxmlDate(text)).toEqual({ ok: true, value });
  });

  it.each([
    '2014/02/30', // seen inside a real DocumentId (§8)
    '2023/02/29',
    '1900/02/29',
    '2025/04/31',
    '2025/00/10',
    '2025/13/01',
    '2025/01/00',
    '2025/01/32',
    '0000/01/01',
  ])('refuses %s as a calendar error', (text) => {
    const result = parseEdxmlDate(text);
    expect(result).toMatchObject({ ok: false, reason: 'calendar' });
    if (!result.ok) {
      expect(result.message.vi).toContain(text);
      expect(result.message.en).toContain(text);
    }
  });

  it('says how many days the month has', () => {
    const result = parseEdxmlDate('2023/02/29');
    expect(!result.ok && result.message).toEqual({
      vi: 'Ngày "2023/02/29" không có trong lịch: tháng 02/2023 chỉ có 28 ngày.',
      en: 'Date "2023/02/29" does not exist: month 02/2023 has only 28 days.',
    });
  });

  it.each([
    '',
    '2025/1/15',
    '2025/01/5',
    '25/01/15',
    '2025-01-15',
    '15/01/2025',
    ' 2025/01/15',
    '2025/01/15 ',
    '2025/01/15\n',
    '2025/01/15 09:30:00',
    '2025/01/1a',
    '２０２５/01/15', // full-width digits
    '2025/01/١٥', // Arabic-Indic digits: \d must not mean "any Unicode digit"
    '+2025/01/15',
    '12025/01/15',
    'null',
  ])('refuses %j as a format error', (text) => {
    expect(parseEdxmlDate(text)).toMatchObject({ ok: false, reason: 'format' });
  });

  it('never throws, even when a JavaScript caller passes a non-string', () => {
    for (const value of [undefined, null, 20250115, {}, []]) {
      expect(parseEdxmlDate(value as unknown as string)).toMatchObject({ ok: false, reason: 'format' });
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseEdxmlDate(text);
        // Whatever it accepts, it writes back identically: there is exactly one spelling per date.
        if (result.ok) expect(formatEdxmlDate(result.value)).toBe(text);
      }),
    );
  });

  it('round-trips every writable date', () => {
    fc.assert(
      fc.property(localDateArbitrary, (date) => {
        expect(parseEdxmlDate(formatEdxmlDate(date))).toEqual({ ok: true, value: date });
      }),
    );
  });

  // The patterns are anchored and fixed-width, so matching stops at the first wrong character; vitest's
  // per-test timeout is the hang guard for a backtracking blow-up, not a performance claim.
  it('refuses a megabyte of repeated dates as a format error, quoting only its start', () => {
    const hostile = `${'2025/01/15'.repeat(100_000)}x`;
    for (const result of [parseEdxmlDate(hostile), parseEdxmlTimestamp(hostile)]) {
      expect(result).toMatchObject({ ok: false, reason: 'format' });
      // The message quotes a bounded prefix, never the megabyte.
      expect(!result.ok && result.message.en.length).toBeLessThan(200);
    }
  });
});

describe('parseEdxmlTimestamp', () => {
  it('reads Vietnam local time and gives the UTC instant', () => {
    expect(parseEdxmlTimestamp('2025/01/15 09:30:00')).toEqual({
      ok: true,
      value: { year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 },
      instant: new Date('2025-01-15T02:30:00Z'),
    });
  });

  it.each([
    ['2025/01/15 00:00:00', '2025-01-14T17:00:00.000Z'],
    ['2025/01/15 06:59:59', '2025-01-14T23:59:59.000Z'],
    ['2025/01/15 07:00:00', '2025-01-15T00:00:00.000Z'],
    ['2025/01/15 23:59:59', '2025-01-15T16:59:59.000Z'],
    ['2025/01/01 03:00:00', '2024-12-31T20:00:00.000Z'],
    ['2024/02/29 12:00:00', '2024-02-29T05:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    const result = parseEdxmlTimestamp(text);
    expect(result.ok && result.instant.toISOString()).toBe(iso);
  });

  it.each([
    ['2025/01/15 24:00:00', 'clock'],
    ['2025/01/15 23:60:00', 'clock'],
    ['2025/01/15 23:59:60', 'clock'],
    ['2025/01/15 99:99:99', 'clock'],
    ['2023/02/29 10:00:00', 'calendar'],
    ['2014/02/30 10:00:00', 'calendar'],
    ['2025/13/01 10:00:00', 'calendar'],
    ['2025/01/15', 'format'],
    ['2025/01/15 09:30', 'format'],
    ['2025/01/15 9:30:00', 'format'],
    ['2025/01/15T09:30:00', 'format'],
    ['2025/01/15  09:30:00', 'format'],
    ['2025/01/15 09:30:00.000', 'format'],
    ['2025/01/15 09:30:00+07:00', 'format'],
    ['2025-01-15 09:30:00', 'format'],
    ['', 'format'],
  ])('refuses %j (%s)', (text, reason) => {
    const result = parseEdxmlTimestamp(text);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message.vi.length).toBeGreaterThan(0);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it('round-trips every writable local date-time', () => {
    fc.assert(
      fc.property(localDateTimeArbitrary, (local) => {
        const result = parseEdxmlTimestamp(formatEdxmlTimestamp(local));
        expect(result.ok && result.value).toEqual(local);
      }),
    );
  });

  it('round-trips instants to the second', () => {
    fc.assert(
      fc.property(writableInstantArbitrary, (instant) => {
        const result = parseEdxmlTimestamp(formatEdxmlTimestamp(instant));
        expect(result.ok && result.instant.getTime()).toBe(Math.floor(instant.getTime() / 1000) * 1000);
      }),
    );
  });

  it('accepts only texts it would write itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4}\/[0-9]{2}\/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$/), (text) => {
        const result = parseEdxmlTimestamp(text);
        if (result.ok) expect(formatEdxmlTimestamp(result.instant)).toBe(text);
        else expect(['calendar', 'clock']).toContain(result.reason);
      }),
    );
  });
});

describe('formatEdxmlDate', () => {
  it('writes the Vietnam calendar day of an instant', () => {
    expect(formatEdxmlDate(new Date('2025-01-14T16:59:59Z'))).toBe('2025/01/14');
    expect(formatEdxmlDate(new Date('2025-01-14T17:00:00Z'))).toBe('2025/01/15');
    expect(formatEdxmlDate(new Date('2024-12-31T17:00:00Z'))).toBe('2025/01/01');
  });

  it('writes a LocalDate as is, zero-padded', () => {
    expect(formatEdxmlDate({ year: 2025, month: 1, day: 5 })).toBe('2025/01/05');
    expect(formatEdxmlDate({ year: 33, month: 12, day: 31 })).toBe('0033/12/31');
  });

  it('treats unwritable values as programming errors', () => {
    expect(() => formatEdxmlDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatEdxmlDate({ year: 2023, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatEdxmlDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
    expect(() => formatEdxmlDate(new Date('9999-12-31T17:00:00Z'))).toThrow(RangeError);
  });
});

describe('formatEdxmlTimestamp', () => {
  it('writes Vietnam wall-clock time and drops milliseconds', () => {
    expect(formatEdxmlTimestamp(new Date('2025-01-15T02:30:00.999Z'))).toBe('2025/01/15 09:30:00');
    expect(formatEdxmlTimestamp(new Date('2025-01-14T17:00:00Z'))).toBe('2025/01/15 00:00:00');
  });

  it('writes a LocalDateTime as is', () => {
    expect(formatEdxmlTimestamp({ year: 2025, month: 1, day: 5, hour: 7, minute: 8, second: 9 })).toBe(
      '2025/01/05 07:08:09',
    );
  });

  it('treats unwritable values as programming errors', () => {
    expect(() => formatEdxmlTimestamp(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatEdxmlTimestamp({ year: 2025, month: 1, day: 5, hour: 24, minute: 0, second: 0 })).toThrow(
      RangeError,
    );
  });
});
