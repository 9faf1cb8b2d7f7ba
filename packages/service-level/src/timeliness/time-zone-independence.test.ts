import { afterEach, describe, expect, it } from 'vitest';
import type { DossierTimes, TimelinessGranularity } from '../model/service';
import { classifyTimeliness } from './classify-timeliness';
import { timelinessStatistics } from './timeliness-statistics';
import { createWorkingCalendar } from './working-calendar';

/*
 * The whole module must ignore the machine's time zone. CI also runs the suite with TZ=America/New_York and
 * TZ=Asia/Tokyo; this test changes the zone inside one process (Node applies a new process.env.TZ at once) and
 * checks that every result is identical.
 */

const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'America/Anchorage'];
const GRANULARITIES: TimelinessGranularity[] = ['instant', 'calendar-day', 'working-half-day'];

// Times near midnight and near the half-day edges, where a zone mistake shows first.
const DOSSIERS: DossierTimes[] = [
  { receivedAt: '2025-03-03T08:00:00', dueAt: '2025-03-05T10:00:00', returnedAt: '2025-03-05T06:59:59.999' },
  { receivedAt: '2025-03-03T08:00:00', dueAt: '2025-03-05T00:30:00', returnedAt: '2025-03-04T23:30:00' },
  { receivedAt: '2025-03-03T08:00:00', dueAt: '2025-03-05T23:30:00', returnedAt: '2025-03-05T17:30:00Z' },
  { receivedAt: '2025/03/03 08:00:00', dueAt: '20250308100000', returnedAt: new Date('2025-03-07T06:30:00Z') },
  { receivedAt: '2025-02-27T23:59:59', dueAt: '2025-03-31T23:59:59.999' },
  { receivedAt: '2025-02-27T23:59:59', dueAt: '2025-03-31T00:00:00' },
];

function everything(): unknown {
  const calendar = createWorkingCalendar({ holidays: ['2025-03-04'], compensatoryWorkingDays: ['2025-03-08'] });
  return {
    classifications: GRANULARITIES.flatMap((granularity) =>
      DOSSIERS.map((dossier) => classifyTimeliness(dossier, { granularity, calendar, periodEnd: '2025-03-31' })),
    ),
    statistics: GRANULARITIES.map((granularity) =>
      timelinessStatistics(DOSSIERS, { periodStart: '2025-03-01', periodEnd: '2025-03-31', granularity, calendar }),
    ),
    calendar: {
      due: calendar.addWorkingDays('2025-03-03T09:00:00', 5).toISOString(),
      dueByHours: calendar.addWorkingTime('2025-03-07T16:00:00', { hours: 8 }).toISOString(),
      halfDay: calendar.halfDayContaining('2025-03-05T00:00:00Z'),
      working: ['2025-03-03', '2025-03-04', '2025-03-08', '2025-03-09'].map((day) => calendar.isWorkingDay(day)),
      between: calendar.workingTimeBetween('2025-03-03T00:00:00', '2025-03-10T00:00:00'),
    },
  };
}

describe('time-zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives identical results whatever the machine’s zone', () => {
    const results = ZONES.map((zone) => {
      process.env.TZ = zone;
      return { zone, offset: new Date('2025-01-15T12:00:00Z').getTimezoneOffset(), result: everything() };
    });
    // The zone really changed (otherwise this test would prove nothing).
    expect(new Set(results.map((entry) => entry.offset)).size).toBeGreaterThan(3);
    for (const entry of results.slice(1)) expect(entry.result).toEqual(results[0]?.result);
  });
});
