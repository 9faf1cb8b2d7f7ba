import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-format';
import { type DateTextDeviationKind, readEdxmlDateLeniently, readEdxmlTimestampLeniently } from './lenient-read';

/**
 * Runs `read` and lists the length of every text a regular expression was run on meanwhile
 * (`RegExp.prototype.test` goes through `exec`): a deterministic measure of the matching work.
 */
function withPatternInputs<T>(read: () => T): { result: T; patternInputLengths: number[] } {
  const exec = vi.spyOn(RegExp.prototype, 'exec');
  try {
    const result = read();
    return { result, patternInputLengths: exec.mock.calls.map(([input]) => String(input).length) };
  } finally {
    exec.mockRestore();
  }
}

function kindsOf(result: { ok: boolean; deviations?: readonly { kind: DateTextDeviationKind }[] }) {
  return result.ok ? result.deviations!.map((deviation) => deviation.kind) : 'failed';
}

describe('readEdxmlDateLeniently', () => {
  it.each<[string, string, string, DateTextDeviationKind[]]>([
    ['2025/01/15', '2025/01/15', 'edxml', []],
    ['2025-01-15', '2025/01/15', 'iso-8601', ['iso-8601-layout']],
    ['15/01/2025', '2025/01/15', 'day-first', ['day-first-layout']],
    ['15-01-2025', '2025/01/15', 'day-first', ['day-first-layout']],
    ['15.01.2025', '2025/01/15', 'day-first', ['day-first-layout']],
    ['5/1/2025', '2025/01/05', 'day-first', ['day-first-layout', 'unpadded-fields']],
    ['2025/1/5', '2025/01/05', 'edxml', ['unpadded-fields']],
    [' 2025/01/15\n', '2025/01/15', 'edxml', ['surrounding-whitespace']],
    ['2025/01/15 09:30:00', '2025/01/15', 'edxml', ['time-in-date-field']],
    ['2025-01-15T09:30:00', '2025/01/15', 'iso-8601', ['iso-8601-layout', 'time-in-date-field']],
    // A Vietnam midnight serialised as UTC is still the 15th in Vietnam.
    ['2025-01-14T17:00:00Z', '2025/01/15', 'iso-8601', ['iso-8601-layout', 'time-in-date-field', 'utc-offset']],
    ['2025-01-15T00:00:00+07:00', '2025/01/15', 'iso-8601', ['iso-8601-layout', 'time-in-date-field', 'utc-offset']],
  ])('reads %j as %s (%s)', (text, written, variant, deviations) => {
    const result = readEdxmlDateLeniently(text);
    expect(result.ok && formatEdxmlDate(result.value)).toBe(written);
    expect(result.ok && result.variant).toBe(variant);
    expect(kindsOf(result)).toEqual(deviations);
    expect(result.ok && result.canonical).toBe(deviations.length === 0);
  });

  it.each([
    ['', 'format'],
    ['   ', 'format'],
    ['null', 'format'],
    ['2025/01-15', 'format'],
    ['15/01-2025', 'format'],
    ['2025.01.15', 'format'],
    ['01/15/25', 'format'],
    ['2025/01/15T09:30:00', 'format'],
    ['15/01/2025T09:30:00', 'format'],
    ['2025-01-15T25:00:00', 'format'],
    ['2025/001/15', 'format'],
    ['2025-02-30', 'calendar'],
    ['30/02/2023', 'calendar'],
    ['29/02/2023', 'calendar'],
    ['0000-01-01', 'calendar'],
  ])('refuses %j (%s)', (text, reason) => {
    const result = readEdxmlDateLeniently(text);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('reads day-first 29/02/2024 in a leap year', () => {
    expect(readEdxmlDateLeniently('29/02/2024')).toMatchObject({ ok: true, value: { year: 2024, month: 2, day: 29 } });
  });

  it('gives a message in both languages for every deviation', () => {
    const result = readEdxmlDateLeniently(' 5/1/2025 9:30+07:00 ');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.deviations.length).toBeGreaterThan(2);
      for (const deviation of result.deviations) {
        expect(deviation.message.vi).toContain('5/1/2025');
        expect(deviation.message.en).toContain('5/1/2025');
        expect(deviation.message.vi).not.toBe(deviation.message.en);
      }
    }
  });

  it('agrees with the strict parser on everything the strict parser accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4}\/[01][0-9]\/[0-3][0-9]$/), (text) => {
        const strict = parseEdxmlDate(text);
        const lenient = readEdxmlDateLeniently(text);
        if (strict.ok) expect(lenient).toMatchObject({ ok: true, value: strict.value, canonical: true });
        else expect(lenient).toMatchObject({ ok: false, reason: strict.reason });
      }),
    );
  });
});

describe('readEdxmlTimestampLeniently', () => {
  it.each<[string, string, string, DateTextDeviationKind[]]>([
    ['2025/01/15 09:30:00', '2025-01-15T02:30:00.000Z', 'edxml', []],
    ['2025/01/15 09:30', '2025-01-15T02:30:00.000Z', 'edxml', ['missing-seconds']],
    ['2025/01/15 9:30:00', '2025-01-15T02:30:00.000Z', 'edxml', ['unpadded-fields']],
    ['2025/01/15', '2025-01-14T17:00:00.000Z', 'edxml', ['missing-time']],
    ['2025-01-15T09:30:00', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout']],
    ['2025-01-15 09:30:00', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout']],
    ['2025-01-15T09:30', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'missing-seconds']],
    ['2025-01-15T09:30:00.123', '2025-01-15T02:30:00.123Z', 'iso-8601', ['iso-8601-layout', 'fractional-seconds']],
    [
      '2025-01-15T09:30:00.1234567', // .NET writes seven fraction digits
      '2025-01-15T02:30:00.123Z',
      'iso-8601',
      ['iso-8601-layout', 'fractional-seconds'],
    ],
    ['2025-01-15T02:30:00Z', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['2025-01-15T09:30:00+07:00', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['2025-01-15T09:30:00+0700', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['2025-01-15T09:30:00+07', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['2025-01-14T21:30:00-05:00', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['2025-01-15T08:00:00+05:30', '2025-01-15T02:30:00.000Z', 'iso-8601', ['iso-8601-layout', 'utc-offset']],
    ['15/01/2025 09:30:00', '2025-01-15T02:30:00.000Z', 'day-first', ['day-first-layout']],
    [
      '15/01/2025 9:30',
      '2025-01-15T02:30:00.000Z',
      'day-first',
      ['day-first-layout', 'unpadded-fields', 'missing-seconds'],
    ],
    ['15/01/2025', '2025-01-14T17:00:00.000Z', 'day-first', ['day-first-layout', 'missing-time']],
    ['\t2025/01/15 09:30:00 ', '2025-01-15T02:30:00.000Z', 'edxml', ['surrounding-whitespace']],
  ])('reads %j as %s (%s)', (text, iso, variant, deviations) => {
    const result = readEdxmlTimestampLeniently(text);
    expect(result.ok && result.instant.toISOString()).toBe(iso);
    expect(result.ok && result.variant).toBe(variant);
    expect(kindsOf(result)).toEqual(deviations);
  });

  it('converts a foreign offset to Vietnam wall-clock fields and remembers the written offset', () => {
    const result = readEdxmlTimestampLeniently('2025-01-14T21:30:00-05:00');
    expect(result).toMatchObject({
      ok: true,
      value: { year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0 },
      writtenUtcOffsetMinutes: -300,
    });
    expect(readEdxmlTimestampLeniently('2025/01/15 09:30:00')).toMatchObject({ writtenUtcOffsetMinutes: null });
    expect(readEdxmlTimestampLeniently('2025-01-15T02:30:00Z')).toMatchObject({ writtenUtcOffsetMinutes: 0 });
  });

  it.each([
    ['2025/01/15 24:00:00', 'clock'],
    ['2025-01-15T12:60', 'clock'],
    ['2025-01-15T23:59:60Z', 'clock'],
    ['2023-02-29T10:00:00', 'calendar'],
    ['9999-12-31T23:00:00-05:00', 'calendar'], // leaves the writable years once in Vietnam time
    ['2025-01-15T09:30:00+15:00', 'format'],
    ['2025-01-15T09:30:00+07:60', 'format'],
    ['2025-01-15T09:30:00+7', 'format'],
    ['2025-01-15T09:30:00 +07:00', 'format'],
    ['2025-01-15T09:30:00ZZ', 'format'],
    ['2025-01-15T09:30.5', 'format'],
    ['2025-01-15T093000', 'format'],
    ['2025-01-15T', 'format'],
    ['2025/01/15 09:30:00 SA', 'format'],
    ['1/15/2025 9:30:00 AM', 'format'],
    [`${'2025/01/15 09:30:00'.padEnd(80, ' ')}x`, 'format'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(readEdxmlTimestampLeniently(text)).toMatchObject({ ok: false, reason });
  });

  it('agrees with the strict parser on everything shaped like an edXML timestamp', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4}\/[01][0-9]\/[0-3][0-9] [0-2][0-9]:[0-6][0-9]:[0-6][0-9]$/), (text) => {
        const strict = parseEdxmlTimestamp(text);
        const lenient = readEdxmlTimestampLeniently(text);
        if (strict.ok) {
          expect(lenient).toMatchObject({ ok: true, value: strict.value, instant: strict.instant, canonical: true });
        } else {
          expect(lenient).toMatchObject({ ok: false, reason: strict.reason });
        }
      }),
    );
  });

  it('finds the same instant as the JavaScript ISO parser for any offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
        (instant, offsetMinutes) => {
          const shifted = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const absolute = Math.abs(offsetMinutes);
          const offsetText = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
          const text = `${shifted}${offsetText}`;
          const result = readEdxmlTimestampLeniently(text);
          expect(result.ok && result.instant.getTime()).toBe(new Date(text).getTime());
          expect(result.ok && formatEdxmlTimestamp(result.value)).toBe(formatEdxmlTimestamp(instant));
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const timestamp = readEdxmlTimestampLeniently(text);
        const date = readEdxmlDateLeniently(text);
        if (timestamp.ok) expect(Number.isNaN(timestamp.instant.getTime())).toBe(false);
        expect(typeof date.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 T:/.+Z-]{0,30}$/), (text) => {
        expect(() => readEdxmlTimestampLeniently(text)).not.toThrow();
        expect(() => readEdxmlDateLeniently(text)).not.toThrow();
      }),
    );
  });

  // What keeps hostile text cheap is the length cap: text over 64 characters (after trimming) is refused
  // before any regular expression sees it, so no pattern ever runs on more than 64 characters.
  it('runs no pattern on text over 64 characters: a megabyte of hostile text is refused unmatched', () => {
    const hostile = `2025-01-15T${'0'.repeat(1_000_000)}`;
    for (const read of [readEdxmlTimestampLeniently, readEdxmlDateLeniently]) {
      const { result, patternInputLengths } = withPatternInputs(() => read(hostile));
      expect(result).toMatchObject({ ok: false, reason: 'format' });
      expect(patternInputLengths).toEqual([]);
    }
    // The cap is exactly 64: a 64-character text is matched, a 65-character one is not.
    expect(withPatternInputs(() => readEdxmlTimestampLeniently('2'.repeat(64))).patternInputLengths).not.toEqual([]);
    expect(withPatternInputs(() => readEdxmlTimestampLeniently('2'.repeat(65))).patternInputLengths).toEqual([]);
  });

  it('trims before matching: a megabyte of surrounding whitespace never reaches a pattern', () => {
    const { result, patternInputLengths } = withPatternInputs(() =>
      readEdxmlTimestampLeniently(`${' '.repeat(1_000_000)}x`),
    );
    expect(result).toMatchObject({ ok: false, reason: 'format' });
    expect(patternInputLengths.length).toBeGreaterThan(0);
    expect(patternInputLengths.every((length) => length <= 64)).toBe(true);
  });
});
