import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayKeyOf,
  describeVietnamTime,
  isoWeekdayOf,
  parseDayKey,
  parsePeriodBound,
  parseVietnamTime,
  toVietnamIsoString,
  vietnamDayNumberOf,
} from './vietnam-time';

const instantOf = (input: unknown): string | undefined => {
  const parsed = parseVietnamTime(input);
  return parsed.ok ? parsed.instant.toISOString() : undefined;
};

describe('parseVietnamTime', () => {
  it.each([
    // Zone-less times are Vietnam local time (UTC+7), as edXML and DVCQG write them.
    ['2025-03-01T08:30:00', '2025-03-01T01:30:00.000Z', 'vietnam-local'],
    ['2025-03-01 08:30', '2025-03-01T01:30:00.000Z', 'vietnam-local'],
    ['2025-03-01T00:00:00', '2025-02-28T17:00:00.000Z', 'vietnam-local'],
    ['2025-03-01T08:30:00.123456', '2025-03-01T01:30:00.123Z', 'vietnam-local'],
    ['2025/03/01 08:30:00', '2025-03-01T01:30:00.000Z', 'vietnam-local'],
    ['20250301083000', '2025-03-01T01:30:00.000Z', 'vietnam-local'],
    // An explicit offset wins.
    ['2025-03-01T08:30:00+07:00', '2025-03-01T01:30:00.000Z', 'explicit-offset'],
    ['2025-03-01T01:30:00Z', '2025-03-01T01:30:00.000Z', 'explicit-offset'],
    ['2025-03-01T08:30:00+0700', '2025-03-01T01:30:00.000Z', 'explicit-offset'],
    ['2025-03-01T10:30:00+09:00', '2025-03-01T01:30:00.000Z', 'explicit-offset'],
    ['2025-02-28T20:30:00-05:00', '2025-03-01T01:30:00.000Z', 'explicit-offset'],
    ['2024-02-29T12:00:00', '2024-02-29T05:00:00.000Z', 'vietnam-local'],
  ])('reads %s as %s', (text, iso, anchor) => {
    expect(parseVietnamTime(text)).toEqual({ ok: true, instant: new Date(iso), anchor });
  });

  it('takes a Date as the instant it holds', () => {
    const date = new Date('2025-03-01T01:30:00Z');
    const parsed = parseVietnamTime(date);
    expect(parsed).toEqual({ ok: true, instant: date, anchor: 'date-object' });
    // A copy: changing the caller's Date later changes nothing.
    expect(parsed.ok && parsed.instant).not.toBe(date);
  });

  it.each([
    ['2025-03-01', 'date-only'],
    ['2025-02-29T08:00:00', 'calendar'],
    ['2025-04-31 08:00', 'calendar'],
    ['0000-01-01T08:00:00', 'calendar'],
    ['2025-03-01T24:00:00', 'clock'],
    ['2025-03-01T23:59:60', 'clock'],
    ['2025-03-01T08:30:00+24:00', 'clock'],
    ['20250301246000', 'clock'],
    ['2025/02/30 08:00:00', 'calendar'],
    ['0001-01-01T03:00:00+12:00', 'range'],
    ['9999-12-31T20:00:00+00:00', 'range'],
    ['2025-3-1 08:30', 'format'],
    ['01/03/2025 08:30', 'format'],
    [' 2025-03-01T08:30:00', 'format'],
    ['2025-03-01T08:30:00 ', 'format'],
    ['2025-03-01T08', 'format'],
    ['2025-03-01T08:30:00+7', 'format'],
    ['２０２５-03-01T08:30:00', 'format'],
    ['', 'format'],
    [`${'2025-03-01T08:30:00'.repeat(1000)}`, 'format'],
  ])('refuses %j (%s) with a message in both languages', (text, reason) => {
    const parsed = parseVietnamTime(text);
    expect(parsed).toMatchObject({ ok: false, reason });
    if (!parsed.ok) {
      expect(parsed.message.vi.length).toBeGreaterThan(10);
      expect(parsed.message.en.length).toBeGreaterThan(10);
      expect(parsed.message.en.length).toBeLessThan(400);
    }
  });

  it('explains a date-only value', () => {
    const parsed = parseVietnamTime('2025-03-01');
    expect(!parsed.ok && parsed.message).toEqual({
      vi: '"2025-03-01" chỉ có ngày, không có giờ; một ngày không phải là một thời điểm (nếu ý là "hết ngày", hãy ghi 23:59:59).',
      en: '"2025-03-01" is a day without a time of day, not an instant (if "by the end of the day" is meant, write 23:59:59).',
    });
  });

  it.each([
    [new Date(Number.NaN), 'invalid-date'],
    [new Date('-010000-01-01T00:00:00Z'), 'range'],
    [20250301083000, 'type'],
    [null, 'type'],
    [undefined, 'type'],
    [{ toString: () => '2025-03-01T08:30:00' }, 'type'],
  ])('refuses %j (%s) without throwing', (value, reason) => {
    expect(parseVietnamTime(value)).toMatchObject({ ok: false, reason });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything(), fc.date()), (value) => {
        const parsed = parseVietnamTime(value);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });

  it('reads a zone-less time exactly as the same time with +07:00', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const withOffset = toVietnamIsoString(date);
          const zoneLess = withOffset.slice(0, -6);
          expect(instantOf(zoneLess)).toBe(date.toISOString());
          expect(instantOf(withOffset)).toBe(date.toISOString());
        },
      ),
    );
  });
});

describe('toVietnamIsoString', () => {
  it('writes Vietnam wall-clock time with +07:00, milliseconds only when present', () => {
    expect(toVietnamIsoString(new Date('2025-03-01T01:30:00Z'))).toBe('2025-03-01T08:30:00+07:00');
    expect(toVietnamIsoString(new Date('2025-02-28T17:00:00Z'))).toBe('2025-03-01T00:00:00+07:00');
    expect(toVietnamIsoString(new Date('2025-03-01T01:30:00.001Z'))).toBe('2025-03-01T08:30:00.001+07:00');
  });
});

describe('describeVietnamTime', () => {
  it('writes Vietnamese and English wall-clock text', () => {
    expect(describeVietnamTime(Date.parse('2025-03-05T10:00:00Z'))).toEqual({
      vi: '17:00:00 ngày 05/03/2025',
      en: '2025-03-05 17:00:00 (UTC+7)',
    });
    expect(describeVietnamTime(Date.parse('2025-03-05T09:59:59.999Z')).vi).toBe('16:59:59.999 ngày 05/03/2025');
  });
});

describe('Vietnam days', () => {
  it('puts 17:00 UTC on the next Vietnam day', () => {
    expect(dayKeyOf(vietnamDayNumberOf(Date.parse('2025-03-01T16:59:59.999Z')))).toBe('2025-03-01');
    expect(dayKeyOf(vietnamDayNumberOf(Date.parse('2025-03-01T17:00:00Z')))).toBe('2025-03-02');
  });

  it('knows the weekday (2025-03-01 is a Saturday, 1970-01-01 a Thursday)', () => {
    expect(isoWeekdayOf(parseDayKey('2025-03-01')!)).toBe(6);
    expect(isoWeekdayOf(parseDayKey('2025-03-03')!)).toBe(1);
    expect(isoWeekdayOf(parseDayKey('1970-01-01')!)).toBe(4);
    expect(isoWeekdayOf(parseDayKey('1969-12-28')!)).toBe(7);
  });

  it('round-trips day keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDayKey('0001-01-01')!, max: parseDayKey('9999-12-31')! }), (day) => {
        expect(parseDayKey(dayKeyOf(day))).toBe(day);
      }),
    );
  });

  it('refuses days that are not on the calendar', () => {
    for (const text of ['2025-02-29', '2025-13-01', '2025-00-10', '2100-02-29', '0000-01-01', '2025-1-01']) {
      expect(parseDayKey(text)).toBeUndefined();
    }
    expect(parseDayKey('2000-02-29')).toBeDefined();
  });
});

describe('parsePeriodBound', () => {
  it('reads YYYY-MM-DD as a whole day and anything else as an instant', () => {
    expect(parsePeriodBound('2025-03-31')).toEqual({ ok: true, kind: 'day', day: parseDayKey('2025-03-31') });
    expect(parsePeriodBound('2025-03-31T23:59:59')).toEqual({
      ok: true,
      kind: 'instant',
      epochMs: Date.parse('2025-03-31T16:59:59Z'),
    });
    expect(parsePeriodBound('2025-02-30')).toMatchObject({ ok: false });
    expect(parsePeriodBound('soon')).toMatchObject({ ok: false });
  });
});
