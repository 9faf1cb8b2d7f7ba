import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toVietnamDay } from '../calendar/calendar-date';
import { ND42_FIRST_DAY, ND43_LAST_DAY, schemeOn, schemesForPeriod } from './scheme';

describe('schemeOn', () => {
  it('gives NĐ 43/2011 up to 2022-08-14 and NĐ 42/2022 from 2022-08-15', () => {
    expect(schemeOn('2022-08-14')).toEqual({ valid: true, date: '2022-08-14', scheme: 'nd43-2011', issues: [] });
    expect(schemeOn('2022-08-15')).toEqual({ valid: true, date: '2022-08-15', scheme: 'nd42-2022', issues: [] });
    expect(schemeOn(ND43_LAST_DAY)).toMatchObject({ scheme: 'nd43-2011' });
    expect(schemeOn(ND42_FIRST_DAY)).toMatchObject({ scheme: 'nd42-2022' });
  });

  it('applies far from the boundary too', () => {
    expect(schemeOn('2017-12-31')).toMatchObject({ scheme: 'nd43-2011' });
    expect(schemeOn('0001-01-01')).toMatchObject({ scheme: 'nd43-2011' });
    expect(schemeOn('2025-07-01')).toMatchObject({ scheme: 'nd42-2022' });
    expect(schemeOn('9999-12-31')).toMatchObject({ scheme: 'nd42-2022' });
  });

  it('reads an instant as a Vietnam calendar day (UTC+7), whatever the machine time zone', () => {
    // 2022-08-14T16:59:59.999Z is 23:59:59.999 on 14/08 in Vietnam; one millisecond later it is 15/08.
    expect(schemeOn(new Date('2022-08-14T16:59:59.999Z'))).toMatchObject({ date: '2022-08-14', scheme: 'nd43-2011' });
    expect(schemeOn(new Date('2022-08-14T17:00:00.000Z'))).toMatchObject({ date: '2022-08-15', scheme: 'nd42-2022' });
    expect(schemeOn(new Date('2022-08-15T00:00:00+07:00'))).toMatchObject({ scheme: 'nd42-2022' });
  });

  it('returns an SL-CLS-001 issue, never throws, for a date that is not a real YYYY-MM-DD day', () => {
    const bad: unknown[] = [
      '2022-02-29',
      '2022-13-01',
      '2022-00-10',
      '2022-08-32',
      '0000-01-01',
      '2022-8-15',
      '15/08/2022',
      '2022-08-15T00:00:00',
      ' 2022-08-15',
      '',
      new Date(Number.NaN),
      new Date('+010000-01-01T00:00:00Z'),
      undefined,
      20220815,
    ];
    for (const value of bad) {
      const result = schemeOn(value as string);
      expect(result.valid).toBe(false);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ ruleId: 'SL-CLS-001', severity: 'error' });
      expect(result.issues[0]!.message.vi).toMatch(/^Ngày .+ không hợp lệ/);
      expect(result.issues[0]!.message.en).toMatch(/^Date .+ is not valid/);
    }
    expect(schemeOn('2022-02-30').issues[0]!.message.en).toBe(
      'Date "2022-02-30" is not valid: a real day written YYYY-MM-DD (Vietnam time), year 0001–9999, is needed.',
    );
  });

  it('accepts 29 February only in leap years', () => {
    expect(schemeOn('2024-02-29').valid).toBe(true);
    expect(schemeOn('2000-02-29').valid).toBe(true);
    expect(schemeOn('1900-02-29').valid).toBe(false);
  });

  it('agrees with the string order of days for every real day (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
        (instant) => {
          const day = toVietnamDay(instant)!;
          const result = schemeOn(day);
          expect(result).toMatchObject({ valid: true, date: day });
          expect(result.valid && result.scheme).toBe(day <= '2022-08-14' ? 'nd43-2011' : 'nd42-2022');
        },
      ),
    );
  });
});

describe('schemesForPeriod', () => {
  it('gives one scheme for a period on one side of 2022-08-15', () => {
    expect(schemesForPeriod({ from: '2022-01-01', to: '2022-08-14' })).toEqual({
      valid: true,
      from: '2022-01-01',
      to: '2022-08-14',
      schemes: ['nd43-2011'],
      straddles: false,
      segments: [{ scheme: 'nd43-2011', from: '2022-01-01', to: '2022-08-14' }],
      issues: [],
    });
    expect(schemesForPeriod({ from: '2022-08-15', to: '2022-12-31' })).toMatchObject({
      schemes: ['nd42-2022'],
      straddles: false,
    });
    expect(schemesForPeriod({ from: '2022-08-15', to: '2022-08-15' })).toMatchObject({ schemes: ['nd42-2022'] });
  });

  it('gives both schemes for a period straddling 2022-08-15, cuts it in two and says so', () => {
    const result = schemesForPeriod({ from: '2022-01-01', to: '2022-12-31' });
    expect(result).toMatchObject({
      valid: true,
      schemes: ['nd43-2011', 'nd42-2022'],
      straddles: true,
      segments: [
        { scheme: 'nd43-2011', from: '2022-01-01', to: '2022-08-14' },
        { scheme: 'nd42-2022', from: '2022-08-15', to: '2022-12-31' },
      ],
    });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ ruleId: 'SL-CLS-003', severity: 'info' });
    expect(result.issues[0]!.message.vi).toContain('Kỳ từ 2022-01-01 đến 2022-12-31 trải qua ngày 15/08/2022');
    expect(result.issues[0]!.message.en).toContain('spans 2022-08-15');
    // The smallest straddling period: the two boundary days.
    expect(schemesForPeriod({ from: '2022-08-14', to: '2022-08-15' })).toMatchObject({ straddles: true });
  });

  it('reads instants at UTC+7', () => {
    expect(
      schemesForPeriod({ from: new Date('2022-08-01T00:00:00+07:00'), to: new Date('2022-08-14T16:59:59Z') }),
    ).toMatchObject({ from: '2022-08-01', to: '2022-08-14', straddles: false });
  });

  it('returns issues for invalid ends and a reversed period, never throws', () => {
    const invalid = schemesForPeriod({ from: '2022-02-30', to: 'soon' });
    expect(invalid.valid).toBe(false);
    expect(invalid.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['SL-CLS-001', 'from'],
      ['SL-CLS-001', 'to'],
    ]);
    const reversed = schemesForPeriod({ from: '2022-12-31', to: '2022-01-01' });
    expect(reversed).toMatchObject({ valid: false });
    expect(reversed.issues[0]).toMatchObject({ ruleId: 'SL-CLS-002', severity: 'error' });
    expect(reversed.issues[0]!.message.vi).toBe(
      'Kỳ từ 2022-12-31 đến 2022-01-01 không hợp lệ: ngày bắt đầu sau ngày kết thúc.',
    );
  });

  it('covers the period exactly with its segments (property)', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
      .map((instant) => toVietnamDay(instant)!);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const result = schemesForPeriod({ from, to });
        if (!result.valid) throw new Error('a valid period was refused');
        expect(result.segments[0]!.from).toBe(from);
        expect(result.segments.at(-1)!.to).toBe(to);
        expect(result.straddles).toBe(from <= '2022-08-14' && to >= '2022-08-15');
        expect(result.schemes).toEqual(result.segments.map((segment) => segment.scheme));
        for (const segment of result.segments) {
          expect(schemeOn(segment.from)).toMatchObject({ scheme: segment.scheme });
          expect(schemeOn(segment.to)).toMatchObject({ scheme: segment.scheme });
        }
      }),
    );
  });
});
