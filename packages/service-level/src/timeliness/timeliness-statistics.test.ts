import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelinessClass } from '../enums/timeliness-class';
import { ServiceLevelError } from '../errors';
import type { DossierTimes, TimelinessGranularity } from '../model/service';
import { classifyTimeliness } from './classify-timeliness';
import { timelinessStatistics } from './timeliness-statistics';
import { createWorkingCalendar } from './working-calendar';

// A quarter's worth of cases around the period 2025-03-01 … 2025-03-31 (Vietnam local time).
const DOSSIERS: DossierTimes[] = [
  // 0 A: carried over (received in February), returned early in March.
  { id: 'A', receivedAt: '2025-02-20T09:00:00', dueAt: '2025-03-05T17:00:00', returnedAt: '2025-03-04T10:00:00' },
  // 1 B: carried over, still pending, due before the period end.
  { id: 'B', receivedAt: '2025-02-10T09:00:00', dueAt: '2025-02-28T17:00:00' },
  // 2 C: received and returned in February (1 ms before the period): belongs to earlier reports.
  { id: 'C', receivedAt: '2025-02-01T09:00:00', dueAt: '2025-02-10T17:00:00', returnedAt: '2025-02-28T23:59:59.999' },
  // 3 D: on time to the instant.
  { id: 'D', receivedAt: '2025-03-03T09:00:00', dueAt: '2025-03-10T17:00:00', returnedAt: '2025-03-10T17:00:00' },
  // 4 E: late.
  { id: 'E', receivedAt: '2025-03-03T09:00:00', dueAt: '2025-03-10T17:00:00', returnedAt: '2025-03-11T08:00:00' },
  // 5 F: early.
  { id: 'F', receivedAt: '2025-03-12T09:00:00', dueAt: '2025-03-20T17:00:00', returnedAt: '2025-03-14T15:00:00' },
  // 6 G: pending, due in April.
  { id: 'G', receivedAt: '2025-03-25T09:00:00', dueAt: '2025-04-05T17:00:00' },
  // 7 H: returned in April, after its due time: pending (overdue) at the end of March.
  { id: 'H', receivedAt: '2025-03-20T09:00:00', dueAt: '2025-03-28T17:00:00', returnedAt: '2025-04-02T09:00:00' },
  // 8 I: received after the period.
  { id: 'I', receivedAt: '2025-04-01T08:00:00', dueAt: '2025-04-08T17:00:00' },
  // 9 J: returned before it was received.
  { id: 'J', receivedAt: '2025-03-10T09:00:00', dueAt: '2025-03-17T17:00:00', returnedAt: '2025-03-09T09:00:00' },
  // 10 K: a due date written as a day only.
  { id: 'K', receivedAt: '2025-03-10T09:00:00', dueAt: '2025-03-17' },
  // 11 L: received at the first instant of the period, pending, due on its last day (10:00).
  { id: 'L', receivedAt: '2025-03-01T00:00:00', dueAt: '2025-03-31T10:00:00' },
  // 12 M: carried over and returned exactly when the period began: counted, late.
  { id: 'M', receivedAt: '2025-02-25T09:00:00', dueAt: '2025-02-28T17:00:00', returnedAt: '2025-03-01T00:00:00' },
  // 13 N: early to the instant, but within the half-day (and the day) of its due time.
  { id: 'N', receivedAt: '2025-03-17T08:00:00', dueAt: '2025-03-18T10:00:00', returnedAt: '2025-03-18T08:00:00' },
];

const PERIOD = { periodStart: '2025-03-01', periodEnd: '2025-03-31' } as const;

describe('timelinessStatistics over a period', () => {
  it('counts to the instant', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'instant' });
    expect(statistics.period).toEqual({
      start: '2025-03-01T00:00:00+07:00',
      end: '2025-03-31T23:59:59.999+07:00',
      granularity: 'instant',
    });
    expect(statistics.total).toBe(14);
    expect(statistics.counts).toEqual({ early: 3, 'on-time': 1, late: 2, 'pending-in-time': 1, overdue: 3 });
    expect(statistics.resolved).toBe(6);
    expect(statistics.pending).toBe(4);
    expect(statistics.carriedOver).toBe(3); // A, B, M
    expect(statistics.receivedInPeriod).toBe(7); // D, E, F, G, H, L, N
    expect(statistics.outsidePeriod).toEqual({ returnedBeforePeriod: 1, receivedAfterPeriod: 1 });
    expect(statistics.invalid).toBe(2);
    expect(statistics.rates).toEqual({
      onTime: { numerator: 4, denominator: 6, percent: 66.67 },
      early: { numerator: 3, denominator: 6, percent: 50 },
      late: { numerator: 2, denominator: 6, percent: 33.33 },
      overdue: { numerator: 3, denominator: 4, percent: 75 },
    });
  });

  it('counts by calendar day, as the 06a report does', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'calendar-day' });
    // N becomes on time (same day); L, due on the last day, is still in time.
    expect(statistics.counts).toEqual({ early: 2, 'on-time': 2, late: 2, 'pending-in-time': 2, overdue: 2 });
    expect(statistics.rates.onTime).toEqual({ numerator: 4, denominator: 6, percent: 66.67 });
    expect(statistics.rates.overdue).toEqual({ numerator: 2, denominator: 4, percent: 50 });
  });

  it('counts by working half-day', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'working-half-day' });
    // N was returned after 07:00 on the morning its due time falls in: on time, not early.
    expect(statistics.counts).toEqual({ early: 2, 'on-time': 2, late: 2, 'pending-in-time': 1, overdue: 3 });
    expect(statistics.rates.early).toEqual({ numerator: 2, denominator: 6, percent: 33.33 });
    expect(statistics.issues.filter((issue) => issue.severity === 'warning')).toEqual([]);
  });

  it('places every dossier, in input order', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'instant' });
    expect(statistics.placements.map((placement) => [placement.id, placement.placement])).toEqual([
      ['A', 'counted'],
      ['B', 'counted'],
      ['C', 'returned-before-period'],
      ['D', 'counted'],
      ['E', 'counted'],
      ['F', 'counted'],
      ['G', 'counted'],
      ['H', 'counted'],
      ['I', 'received-after-period'],
      ['J', 'invalid'],
      ['K', 'invalid'],
      ['L', 'counted'],
      ['M', 'counted'],
      ['N', 'counted'],
    ]);
    expect(statistics.placements[0]).toEqual({
      index: 0,
      id: 'A',
      placement: 'counted',
      periodRole: 'carried-over',
      timeliness: 'early',
    });
    expect(statistics.placements[11]).toMatchObject({ periodRole: 'received-in-period', timeliness: 'overdue' });
    expect(statistics.placements[12]).toMatchObject({ periodRole: 'carried-over', timeliness: 'late' });
  });

  it('reports invalid dossiers as issues located in the input', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'instant' });
    expect(statistics.issues.map((issue) => [issue.ruleId, issue.severity, issue.location?.path])).toEqual([
      ['SL-TIME-003', 'error', 'dossiers[9].returnedAt'],
      ['SL-TIME-001', 'error', 'dossiers[10].dueAt'],
    ]);
  });

  it('keeps the warnings of counted dossiers', () => {
    const statistics = timelinessStatistics(
      [{ receivedAt: '2025-03-03T09:00:00', dueAt: '2025-03-08T10:00:00', returnedAt: '2025-03-07T15:00:00' }],
      { ...PERIOD, granularity: 'working-half-day' },
    );
    expect(statistics.counts['on-time']).toBe(1);
    expect(statistics.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['SL-TIME-007', 'dossiers[0].dueAt'],
    ]);
  });

  it('uses the calendar it is given', () => {
    const calendar = createWorkingCalendar({ hours: { morning: ['08:00', '12:00'] } });
    const statistics = timelinessStatistics(
      [{ receivedAt: '2025-03-03T09:00:00', dueAt: '2025-03-05T10:00:00', returnedAt: '2025-03-05T07:30:00' }],
      { ...PERIOD, granularity: 'working-half-day', calendar },
    );
    expect(statistics.counts.early).toBe(1);
  });

  it('takes instants as period bounds, both included', () => {
    const statistics = timelinessStatistics(DOSSIERS, {
      periodStart: '2025-03-01T00:00:00.001',
      periodEnd: '2025-03-31T23:59:59',
      granularity: 'instant',
    });
    // L (received at 00:00:00.000) and M (returned then) are now before the period: L carried over, M outside.
    expect(statistics.carriedOver).toBe(3);
    expect(statistics.outsidePeriod.returnedBeforePeriod).toBe(2);
    expect(statistics.period.end).toBe('2025-03-31T23:59:59+07:00');
  });

  it('rounds to the places asked for', () => {
    const statistics = timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'instant', percentDecimals: 0 });
    expect(statistics.rates.onTime).toEqual({ numerator: 4, denominator: 6, percent: 67 });
  });

  it('has no rates for an empty period', () => {
    const statistics = timelinessStatistics([], { ...PERIOD, granularity: 'instant' });
    expect(statistics.total).toBe(0);
    expect(statistics.rates.onTime).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(statistics.rates.overdue.percent).toBeNull();
  });

  it('throws only for bad options', () => {
    expect(() =>
      timelinessStatistics(DOSSIERS, { periodStart: '2025-04-01', periodEnd: '2025-03-31', granularity: 'instant' }),
    ).toThrow(/starts .* after it ends/);
    expect(() => timelinessStatistics(DOSSIERS, { ...PERIOD, periodEnd: 'Q1', granularity: 'instant' })).toThrow(
      ServiceLevelError,
    );
    expect(() => timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'hour' as 'instant' })).toThrow(
      /granularity/,
    );
    expect(() => timelinessStatistics(DOSSIERS, { ...PERIOD, granularity: 'instant', percentDecimals: 9 })).toThrow(
      /percentDecimals/,
    );
    expect(() => timelinessStatistics('x' as never, { ...PERIOD, granularity: 'instant' })).toThrow(/array/);
  });
});

describe('timelinessStatistics invariants', () => {
  const base = Date.parse('2025-02-15T00:00:00Z');
  const span = 60 * 86_400_000;
  const timeArbitrary = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: span }).map((offset) => new Date(base + offset)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('garbage', '2025-03-05', null, undefined, new Date(Number.NaN)) },
  );
  const dossierArbitrary = fc.record({
    receivedAt: timeArbitrary,
    dueAt: timeArbitrary,
    returnedAt: fc.option(timeArbitrary, { nil: undefined }),
  }) as fc.Arbitrary<DossierTimes>;
  const granularityArbitrary = fc.constantFrom<TimelinessGranularity>('instant', 'calendar-day', 'working-half-day');

  it('accounts for every dossier exactly once', () => {
    fc.assert(
      fc.property(fc.array(dossierArbitrary, { maxLength: 60 }), granularityArbitrary, (dossiers, granularity) => {
        const s = timelinessStatistics(dossiers, { ...PERIOD, granularity });
        const counted = s.resolved + s.pending;
        expect(counted + s.outsidePeriod.returnedBeforePeriod + s.outsidePeriod.receivedAfterPeriod + s.invalid).toBe(
          dossiers.length,
        );
        expect(s.resolved).toBe(s.counts.early + s.counts['on-time'] + s.counts.late);
        expect(s.pending).toBe(s.counts['pending-in-time'] + s.counts.overdue);
        expect(s.carriedOver + s.receivedInPeriod).toBe(counted);
        expect(s.placements.map((placement) => placement.index)).toEqual(dossiers.map((_, index) => index));
        expect(s.placements.filter((placement) => placement.placement === 'invalid')).toHaveLength(s.invalid);
        expect(s.rates.onTime.numerator).toBe(s.counts.early + s.counts['on-time']);
        // Every invalid dossier has at least one error located in it.
        for (const placement of s.placements.filter((p) => p.placement === 'invalid')) {
          expect(
            s.issues.some(
              (issue) =>
                issue.severity === 'error' && issue.location?.path?.startsWith(`dossiers[${placement.index}].`),
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it('gives each counted dossier the class classifyTimeliness gives at the period end', () => {
    fc.assert(
      fc.property(fc.array(dossierArbitrary, { maxLength: 30 }), granularityArbitrary, (dossiers, granularity) => {
        const s = timelinessStatistics(dossiers, { ...PERIOD, granularity });
        for (const placement of s.placements) {
          if (placement.placement !== 'counted') continue;
          const single = classifyTimeliness(dossiers[placement.index]!, { granularity, periodEnd: PERIOD.periodEnd });
          expect(single.valid && single.timeliness).toBe<TimelinessClass>(placement.timeliness);
        }
      }),
    );
  });
});
