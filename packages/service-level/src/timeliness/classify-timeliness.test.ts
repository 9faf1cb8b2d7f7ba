import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toVietnamIsoString } from '../calendar/vietnam-time';
import type { TimelinessClass } from '../enums/timeliness-class';
import { ServiceLevelError } from '../errors';
import type { DossierTimes, TimelinessGranularity } from '../model/service';
import { type ClassifyTimelinessOptions, classifyTimeliness, type TimelinessResult } from './classify-timeliness';
import { createWorkingCalendar } from './working-calendar';

// Times are Vietnam local time (UTC+7). March 2025: Monday 3, Wednesday 5, Friday 7, Saturday 8.
const RECEIVED = '2025-03-03T08:00:00';

function classOf(result: TimelinessResult): TimelinessClass | undefined {
  return result.valid ? result.timeliness : undefined;
}

function classify(dueAt: string, returnedAt: string | undefined, options: ClassifyTimelinessOptions): TimelinessResult {
  const dossier: DossierTimes =
    returnedAt === undefined ? { receivedAt: RECEIVED, dueAt } : { receivedAt: RECEIVED, dueAt, returnedAt };
  return classifyTimeliness(dossier, options);
}

describe('instant granularity', () => {
  const due = '2025-03-05T10:00:00';
  it.each([
    ['2025-03-05T09:59:59.999', 'early'],
    ['2025-03-05T10:00:00', 'on-time'],
    ['2025-03-05T03:00:00Z', 'on-time'], // the same instant, written in UTC
    ['2025-03-05T10:00:00.001', 'late'],
    ['2025-03-04T16:00:00', 'early'],
    ['2025-03-06T08:00:00', 'late'],
  ])('returned %s → %s', (returnedAt, expected) => {
    expect(classOf(classify(due, returnedAt, { granularity: 'instant' }))).toBe(expected);
  });

  it('explains what it compared and by which rule', () => {
    const result = classify(due, '2025-03-05T09:59:59.999', { granularity: 'instant' });
    expect(result).toEqual({
      valid: true,
      timeliness: 'early',
      granularity: 'instant',
      explanation: {
        vi: 'Trả kết quả lúc 09:59:59.999 ngày 05/03/2025, trước hạn trả 10:00:00 ngày 05/03/2025: trước hạn. So sánh theo thời điểm: trả trước thời điểm hẹn trả là trước hạn, đúng thời điểm đó là đúng hạn, sau đó là quá hạn.',
        en: 'The result was returned at 2025-03-05 09:59:59.999 (UTC+7), before the due time 2025-03-05 10:00:00 (UTC+7): early. Compared to the instant: a return before the due time is early, at it on time, after it late.',
      },
      compared: {
        receivedAt: '2025-03-03T08:00:00+07:00',
        dueAt: '2025-03-05T10:00:00+07:00',
        returnedAt: '2025-03-05T09:59:59.999+07:00',
      },
      issues: [],
    });
  });
});

describe('calendar-day granularity', () => {
  const due = '2025-03-05T10:00:00';
  it.each([
    ['2025-03-04T23:59:59.999', 'early'],
    ['2025-03-05T00:00:00', 'on-time'],
    ['2025-03-05T10:00:00.001', 'on-time'], // late to the instant, on time by day
    ['2025-03-05T23:59:59.999', 'on-time'],
    ['2025-03-06T00:00:00', 'late'],
    // 17:30 UTC on the 5th is already the 6th in Vietnam: the day is Vietnam's, not UTC's.
    ['2025-03-05T17:30:00Z', 'late'],
    ['2025-03-05T16:59:59Z', 'on-time'],
  ])('returned %s → %s', (returnedAt, expected) => {
    expect(classOf(classify(due, returnedAt, { granularity: 'calendar-day' }))).toBe(expected);
  });

  it('names the days compared', () => {
    const result = classify(due, '2025-03-05T16:00:00', { granularity: 'calendar-day' });
    expect(result.valid && result.compared).toMatchObject({ returnedDay: '2025-03-05', dueDay: '2025-03-05' });
    expect(result.valid && result.explanation).toEqual({
      vi: 'Trả kết quả ngày 05/03/2025 (lúc 16:00:00), đúng ngày hẹn trả 05/03/2025 (hạn trả 10:00:00 ngày 05/03/2025): đúng hạn. So sánh theo ngày lịch (giờ Việt Nam), như báo cáo 06a: trả trước ngày hẹn trả là trước hạn, trong ngày hẹn trả là đúng hạn, sau ngày đó là quá hạn.',
      en: 'The result was returned on 2025-03-05 (at 16:00:00), on the due day 2025-03-05 (due 2025-03-05 10:00:00 (UTC+7)): on time. Compared by Vietnam calendar day, as the 06a report does: a return before the due day is early, on the due day on time, after it late.',
    });
  });
});

describe('working-half-day granularity (OpenCPS BetimeUtils)', () => {
  const options = { granularity: 'working-half-day' } as const;

  it.each([
    // Due in a morning (07:00–11:30).
    ['2025-03-05T10:00:00', '2025-03-04T16:00:00', 'early'],
    ['2025-03-05T10:00:00', '2025-03-05T06:59:59.999', 'early'],
    ['2025-03-05T10:00:00', '2025-03-05T07:00:00', 'on-time'], // the half-day start
    ['2025-03-05T10:00:00', '2025-03-05T09:59:59.999', 'on-time'],
    ['2025-03-05T10:00:00', '2025-03-05T10:00:00', 'on-time'],
    ['2025-03-05T10:00:00', '2025-03-05T10:00:00.001', 'late'],
    // Due at the end of the morning: still the morning.
    ['2025-03-05T11:30:00', '2025-03-05T07:00:00', 'on-time'],
    ['2025-03-05T11:30:00', '2025-03-05T06:59:59.999', 'early'],
    // Due in an afternoon (13:30–17:00): the lunch break is before its start.
    ['2025-03-05T15:00:00', '2025-03-05T11:00:00', 'early'],
    ['2025-03-05T15:00:00', '2025-03-05T12:00:00', 'early'],
    ['2025-03-05T15:00:00', '2025-03-05T13:29:59.999', 'early'],
    ['2025-03-05T15:00:00', '2025-03-05T13:30:00', 'on-time'],
    ['2025-03-05T17:00:00', '2025-03-05T17:00:00', 'on-time'],
    ['2025-03-05T17:00:00', '2025-03-05T17:00:00.001', 'late'],
    // Due exactly when the afternoon starts.
    ['2025-03-05T13:30:00', '2025-03-05T13:29:59.999', 'early'],
    ['2025-03-05T13:30:00', '2025-03-05T13:30:00', 'on-time'],
  ])('due %s, returned %s → %s', (dueAt, returnedAt, expected) => {
    const result = classify(dueAt, returnedAt, options);
    expect(classOf(result)).toBe(expected);
    expect(result.issues).toEqual([]);
  });

  it('takes the morning for a due time in the lunch break, with a warning', () => {
    const due = '2025-03-05T12:00:00';
    expect(classOf(classify(due, '2025-03-05T06:59:59.999', options))).toBe('early');
    expect(classOf(classify(due, '2025-03-05T07:00:00', options))).toBe('on-time');
    expect(classOf(classify(due, '2025-03-05T12:00:00.001', options))).toBe('late');
    const result = classify(due, '2025-03-05T07:00:00', options);
    expect(result.issues.map((issue) => [issue.ruleId, issue.severity, issue.location?.path])).toEqual([
      ['SL-TIME-007', 'warning', 'dueAt'],
    ]);
    expect(result.issues[0]?.message.vi).toBe(
      'Hạn trả 12:00:00 ngày 05/03/2025 không nằm trong buổi làm việc nào (ngoài giờ làm việc của ngày đó); mốc "đầu buổi" lấy theo buổi làm việc gần nhất trước đó, buổi sáng ngày 05/03/2025 (bắt đầu lúc 07:00:00).',
    );
  });

  it('takes Friday afternoon for a due time on Saturday', () => {
    const due = '2025-03-08T10:00:00';
    expect(classOf(classify(due, '2025-03-07T13:29:59.999', options))).toBe('early');
    expect(classOf(classify(due, '2025-03-07T15:00:00', options))).toBe('on-time');
    expect(classOf(classify(due, '2025-03-08T09:00:00', options))).toBe('on-time');
    expect(classOf(classify(due, '2025-03-08T10:00:00.001', options))).toBe('late');
    const result = classify(due, '2025-03-07T15:00:00', options);
    expect(result.valid && result.compared.dueHalfDay).toEqual({
      day: '2025-03-07',
      part: 'afternoon',
      start: '2025-03-07T13:30:00+07:00',
      end: '2025-03-07T17:00:00+07:00',
      containsDue: false,
    });
    expect(result.issues[0]?.message.en).toContain('(a day off)');
  });

  it('skips a holiday to find the half-day', () => {
    const calendar = createWorkingCalendar({ holidays: ['2025-01-01'] });
    const dossier = { receivedAt: '2024-12-20T08:00:00', dueAt: '2025-01-01T10:00:00' };
    const at = (returnedAt: string) =>
      classOf(classifyTimeliness({ ...dossier, returnedAt }, { granularity: 'working-half-day', calendar }));
    expect(at('2024-12-31T13:00:00')).toBe('early');
    expect(at('2024-12-31T14:00:00')).toBe('on-time');
    // Without the holiday, 2025-01-01 is an ordinary Wednesday and its morning starts at 07:00.
    expect(
      classOf(
        classifyTimeliness({ ...dossier, returnedAt: '2024-12-31T14:00:00' }, { granularity: 'working-half-day' }),
      ),
    ).toBe('early');
  });

  it('uses the calendar’s hours', () => {
    const calendar = createWorkingCalendar({ hours: { morning: ['08:00', '12:00'] } });
    expect(classOf(classify('2025-03-05T10:00:00', '2025-03-05T07:30:00', options))).toBe('on-time');
    expect(classOf(classify('2025-03-05T10:00:00', '2025-03-05T07:30:00', { ...options, calendar }))).toBe('early');
  });

  it('explains the half-day start it used', () => {
    const result = classify('2025-03-05T15:00:00', '2025-03-05T12:00:00', options);
    expect(result.valid && result.explanation).toEqual({
      vi: 'Trả kết quả lúc 12:00:00 ngày 05/03/2025, trước khi bắt đầu buổi chiều ngày 05/03/2025 (bắt đầu lúc 13:30:00) — buổi làm việc chứa hạn trả 15:00:00 ngày 05/03/2025: trước hạn. So sánh theo buổi làm việc (như BetimeUtils của OpenCPS): trả trước khi bắt đầu buổi làm việc chứa hạn trả là trước hạn, từ đầu buổi đó đến hạn trả là đúng hạn, sau hạn trả là quá hạn.',
      en: 'The result was returned at 2025-03-05 12:00:00 (UTC+7), before the start of the afternoon of 2025-03-05 (starting at 13:30:00), the working half-day that holds the due time 2025-03-05 15:00:00 (UTC+7): early. Compared by working half-day (as OpenCPS BetimeUtils does): a return before the start of the working half-day that holds the due time is early, from that start up to the due time on time, after the due time late.',
    });
  });
});

describe('pending at the end of a period', () => {
  // A YYYY-MM-DD period end covers the whole day: its last instant is 23:59:59.999 Vietnam time.
  it.each<[TimelinessGranularity, string, TimelinessClass]>([
    ['instant', '2025-03-31T23:59:59.999', 'pending-in-time'],
    ['instant', '2025-04-01T00:00:00', 'pending-in-time'],
    ['instant', '2025-03-31T23:59:59.998', 'overdue'],
    ['instant', '2025-03-31T17:00:00', 'overdue'],
    ['working-half-day', '2025-03-31T23:59:59.999', 'pending-in-time'],
    ['working-half-day', '2025-03-31T17:00:00', 'overdue'],
    // By day, as 06a (CONVERT(DATE, NgayHenTra) >= @DenNgay): due on the last day is still in time.
    ['calendar-day', '2025-03-31T08:00:00', 'pending-in-time'],
    ['calendar-day', '2025-03-31T00:00:00', 'pending-in-time'],
    ['calendar-day', '2025-03-30T23:59:59.999', 'overdue'],
  ])('%s: due %s, not returned by 2025-03-31 → %s', (granularity, dueAt, expected) => {
    expect(classOf(classify(dueAt, undefined, { granularity, periodEnd: '2025-03-31' }))).toBe(expected);
  });

  it('takes a time period end as that instant, included (06a passes DenNgay as yyyy-MM-dd 23:59:59)', () => {
    const periodEnd = '2025-03-31T23:59:59';
    expect(classOf(classify('2025-03-31T23:59:59', undefined, { granularity: 'instant', periodEnd }))).toBe(
      'pending-in-time',
    );
    expect(classOf(classify('2025-03-31T23:59:58.999', undefined, { granularity: 'instant', periodEnd }))).toBe(
      'overdue',
    );
    // A return at the period end itself is within the period.
    expect(classOf(classify('2025-03-31T23:59:59', '2025-03-31T23:59:59', { granularity: 'instant', periodEnd }))).toBe(
      'on-time',
    );
  });

  it('treats a return after the period end as still pending then', () => {
    const result = classify('2025-03-25T17:00:00', '2025-04-01T08:00:00', {
      granularity: 'instant',
      periodEnd: '2025-03-31',
    });
    expect(classOf(result)).toBe('overdue');
    expect(result.valid && result.explanation.vi).toBe(
      'Trả kết quả lúc 08:00:00 ngày 01/04/2025, sau cuối kỳ (23:59:59.999 ngày 31/03/2025), nên tại cuối kỳ hồ sơ vẫn đang giải quyết. Hạn trả 17:00:00 ngày 25/03/2025 sớm hơn thời điểm cuối kỳ: đang giải quyết quá hạn. Hồ sơ chưa trả tại cuối kỳ là trong hạn khi hạn trả không sớm hơn thời điểm cuối kỳ, quá hạn khi sớm hơn.',
    );
    // Without a period end the same dossier is simply late.
    expect(classOf(classify('2025-03-25T17:00:00', '2025-04-01T08:00:00', { granularity: 'instant' }))).toBe('late');
  });

  it('explains a calendar-day pending dossier with the days', () => {
    const result = classify('2025-03-31T08:00:00', undefined, { granularity: 'calendar-day', periodEnd: '2025-03-31' });
    expect(result.valid && result.explanation).toEqual({
      vi: 'Đến cuối kỳ (23:59:59.999 ngày 31/03/2025) vẫn chưa trả kết quả. Ngày hẹn trả 31/03/2025 không sớm hơn ngày cuối kỳ 31/03/2025: đang giải quyết trong hạn. Hồ sơ chưa trả tại cuối kỳ là trong hạn khi ngày hẹn trả không sớm hơn ngày cuối kỳ, quá hạn khi sớm hơn.',
      en: 'No result had been returned by the period end, 2025-03-31 23:59:59.999 (UTC+7). The due day 2025-03-31 is not before the last day of the period 2025-03-31: pending, in time. A dossier not returned by the period end is in time when its due day is not before the last day of the period, overdue when it is.',
    });
    expect(result.valid && result.compared).toMatchObject({ dueDay: '2025-03-31', periodEndDay: '2025-03-31' });
  });

  it('needs a period end for a dossier not returned', () => {
    const result = classify('2025-03-05T10:00:00', undefined, { granularity: 'instant' });
    expect(result).toMatchObject({ valid: false, issues: [{ ruleId: 'SL-TIME-005', severity: 'error' }] });
  });

  it('refuses a dossier received after the period end', () => {
    const result = classifyTimeliness(
      { receivedAt: '2025-04-01T08:00:00', dueAt: '2025-04-03T08:00:00' },
      { granularity: 'instant', periodEnd: '2025-03-31' },
    );
    expect(result).toMatchObject({
      valid: false,
      issues: [{ ruleId: 'SL-TIME-006', location: { path: 'receivedAt' } }],
    });
  });
});

describe('invalid dossiers give issues, never exceptions', () => {
  const options = { granularity: 'instant' } as const;
  const ruleIds = (result: TimelinessResult) => result.issues.map((issue) => [issue.ruleId, issue.location?.path]);

  it.each<[string, unknown, (string | undefined)[][]]>([
    [
      'return before receipt',
      { receivedAt: '2025-03-05T10:00:00', dueAt: '2025-03-06T10:00:00', returnedAt: '2025-03-05T09:59:59' },
      [['SL-TIME-003', 'returnedAt']],
    ],
    [
      'due before receipt',
      { receivedAt: '2025-03-05T10:00:00', dueAt: '2025-03-05T09:00:00', returnedAt: '2025-03-05T11:00:00' },
      [['SL-TIME-004', 'dueAt']],
    ],
    [
      'both',
      { receivedAt: '2025-03-05T10:00:00', dueAt: '2025-03-01T00:00:00', returnedAt: '2025-03-01T00:00:00' },
      [
        ['SL-TIME-003', 'returnedAt'],
        ['SL-TIME-004', 'dueAt'],
      ],
    ],
    ['an unreadable time', { receivedAt: 'hôm qua', dueAt: '2025-03-06T10:00:00' }, [['SL-TIME-001', 'receivedAt']]],
    ['a day without time', { receivedAt: RECEIVED, dueAt: '2025-03-06' }, [['SL-TIME-001', 'dueAt']]],
    ['a missing due time', { receivedAt: RECEIVED }, [['SL-TIME-002', 'dueAt']]],
    ['a null receipt', { receivedAt: null, dueAt: '2025-03-06T10:00:00' }, [['SL-TIME-002', 'receivedAt']]],
    [
      'no dossier at all',
      null,
      [
        ['SL-TIME-002', 'receivedAt'],
        ['SL-TIME-002', 'dueAt'],
      ],
    ],
    [
      'an invalid Date',
      { receivedAt: new Date(Number.NaN), dueAt: '2025-03-06T10:00:00', returnedAt: 42 },
      [
        ['SL-TIME-001', 'receivedAt'],
        ['SL-TIME-001', 'returnedAt'],
      ],
    ],
  ])('%s', (_name, dossier, expected) => {
    const result = classifyTimeliness(dossier as DossierTimes, options);
    expect(result.valid).toBe(false);
    expect(ruleIds(result)).toEqual(expected);
    for (const issue of result.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.message.vi).not.toBe(issue.message.en);
    }
  });

  it('quotes the reason a time could not be read', () => {
    const result = classifyTimeliness({ receivedAt: RECEIVED, dueAt: '2025-02-30T10:00:00' }, options);
    expect(result.issues[0]?.message.en).toBe(
      'Cannot read the due time (dueAt, NgayHenTra): Time "2025-02-30T10:00:00" names a day that is not on the calendar.',
    );
    expect(result.issues[0]?.message.vi).toBe(
      'Không đọc được thời điểm hẹn trả (dueAt, NgayHenTra): Thời điểm "2025-02-30T10:00:00" chỉ một ngày không có trong lịch.',
    );
  });

  it('reads an empty or null return as "not returned"', () => {
    for (const returnedAt of ['', null]) {
      const result = classifyTimeliness(
        { receivedAt: RECEIVED, dueAt: '2025-03-06T10:00:00', returnedAt },
        { granularity: 'instant', periodEnd: '2025-03-05' },
      );
      expect(classOf(result)).toBe('pending-in-time');
    }
  });

  it('accepts a return at the receipt instant and a due time equal to the receipt', () => {
    const result = classifyTimeliness({ receivedAt: RECEIVED, dueAt: RECEIVED, returnedAt: RECEIVED }, options);
    expect(classOf(result)).toBe('on-time');
  });
});

describe('options', () => {
  const dossier = { receivedAt: RECEIVED, dueAt: '2025-03-05T10:00:00', returnedAt: '2025-03-05T09:00:00' };

  it('throws ServiceLevelError for a programmer error', () => {
    expect(() => classifyTimeliness(dossier, { granularity: 'day' as 'instant' })).toThrow(ServiceLevelError);
    expect(() => classifyTimeliness(dossier, { granularity: 'instant', periodEnd: 'end of March' })).toThrow(
      /periodEnd/,
    );
    expect(() => classifyTimeliness(dossier, { granularity: 'working-half-day', calendar: {} as never })).toThrow(
      /createWorkingCalendar/,
    );
    expect(() => classifyTimeliness(dossier, undefined as never)).toThrow(ServiceLevelError);
  });

  it('ignores the calendar for instant and calendar-day comparisons', () => {
    expect(classOf(classifyTimeliness(dossier, { granularity: 'instant', calendar: {} as never }))).toBe('early');
  });
});

describe('the granularities agree where they must', () => {
  const start = Date.parse('2024-12-25T00:00:00Z');
  const span = 20 * 86_400_000;
  const times = fc
    .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }))
    .map(([a, b, c]) => {
      const receivedAt = start + Math.min(a, b, c);
      return { receivedAt, dueAt: receivedAt + Math.abs(b - a), returnedAt: receivedAt + Math.abs(c - a) };
    });
  const dayOf = (epochMs: number) => toVietnamIsoString(epochMs).slice(0, 10);
  const calendar = createWorkingCalendar({ holidays: ['2025-01-01'] });

  it('instant and calendar-day give the same answer when the days differ', () => {
    fc.assert(
      fc.property(times, ({ receivedAt, dueAt, returnedAt }) => {
        const dossier = { receivedAt: new Date(receivedAt), dueAt: new Date(dueAt), returnedAt: new Date(returnedAt) };
        const instant = classOf(classifyTimeliness(dossier, { granularity: 'instant' }));
        const byDay = classOf(classifyTimeliness(dossier, { granularity: 'calendar-day' }));
        if (dayOf(returnedAt) < dayOf(dueAt)) expect([instant, byDay]).toEqual(['early', 'early']);
        else if (dayOf(returnedAt) > dayOf(dueAt)) expect([instant, byDay]).toEqual(['late', 'late']);
        else expect(byDay).toBe('on-time');
      }),
    );
  });

  it('working-half-day is late exactly when instant is, and early only when instant is', () => {
    fc.assert(
      fc.property(times, ({ receivedAt, dueAt, returnedAt }) => {
        const dossier = { receivedAt: new Date(receivedAt), dueAt: new Date(dueAt), returnedAt: new Date(returnedAt) };
        const instant = classOf(classifyTimeliness(dossier, { granularity: 'instant' }));
        const halfDay = classOf(classifyTimeliness(dossier, { granularity: 'working-half-day', calendar }));
        expect(halfDay === 'late').toBe(instant === 'late');
        if (halfDay === 'early') expect(instant).toBe('early');
        if (instant === 'on-time') expect(halfDay).toBe('on-time');
      }),
    );
  });

  it('every well-ordered dossier is classified, and the explanation names the due time', () => {
    fc.assert(
      fc.property(
        times,
        fc.constantFrom<TimelinessGranularity>('instant', 'calendar-day', 'working-half-day'),
        fc.boolean(),
        ({ receivedAt, dueAt, returnedAt }, granularity, withPeriodEnd) => {
          const dossier = {
            receivedAt: new Date(receivedAt),
            dueAt: new Date(dueAt),
            returnedAt: new Date(returnedAt),
          };
          const periodEnd = withPeriodEnd ? new Date(Math.max(receivedAt, dueAt)) : undefined;
          const result = classifyTimeliness(dossier, { granularity, calendar, periodEnd });
          expect(result.valid).toBe(true);
          if (result.valid) {
            expect(result.explanation.en).toContain(
              toVietnamIsoString(dueAt).slice(0, 10) + (granularity === 'calendar-day' ? '' : ' '),
            );
            expect(result.issues.every((issue) => issue.severity === 'warning')).toBe(true);
          }
        },
      ),
    );
  });
});
