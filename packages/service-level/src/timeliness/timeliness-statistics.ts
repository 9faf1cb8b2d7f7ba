import type { Issue } from '@lienthong/report';
import { type TimeInput, toVietnamIsoString } from '../calendar/vietnam-time';
import type { TimelinessClass } from '../enums/timeliness-class';
import { ServiceLevelError } from '../errors';
import type { DossierTimes, TimelinessGranularity } from '../model/service';
import {
  decideTimeliness,
  decisionWarnings,
  granularityOf,
  periodEndInstant,
  periodStartInstant,
} from './classify-timeliness';
import { checkDossierTimes } from './dossier-times';
import { percentDecimalsOf, rateOf, type TimelinessRate } from './rate';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar';

export interface TimelinessStatisticsOptions {
  /** First day (`YYYY-MM-DD`, from 00:00 Vietnam time) or first instant of the period. */
  readonly periodStart: TimeInput;
  /** Last day (`YYYY-MM-DD`, through 23:59:59.999 Vietnam time) or last instant (included) of the period. */
  readonly periodEnd: TimeInput;
  readonly granularity: TimelinessGranularity;
  /** For `working-half-day` (default: `createWorkingCalendar()`). */
  readonly calendar?: WorkingCalendar;
  /** Decimal places of the rounded percentages (0–6, default 2). */
  readonly percentDecimals?: number;
}

/**
 * Where one input dossier went, in input order, so none is dropped silently:
 * - `counted`: in the report, either `carried-over` (received before the period, not returned before it:
 *   06a `TiepNhanKyTruoc`) or `received-in-period` (06a `TiepNhanTrongKy`), with its class;
 * - `returned-before-period`: received and returned before the period (it belongs to earlier reports);
 * - `received-after-period`: received after the period end;
 * - `invalid`: its times have an `error` issue (see `issues`, located at `dossiers[index]`).
 */
export type DossierPlacement =
  | {
      readonly index: number;
      readonly id?: string;
      readonly placement: 'counted';
      readonly periodRole: 'carried-over' | 'received-in-period';
      readonly timeliness: TimelinessClass;
    }
  | {
      readonly index: number;
      readonly id?: string;
      readonly placement: 'returned-before-period' | 'received-after-period' | 'invalid';
    };

export interface TimelinessStatistics {
  readonly period: {
    /** First instant, Vietnam ISO (`2025-01-01T00:00:00+07:00`). */
    readonly start: string;
    /** Last instant, included (`2025-03-31T23:59:59.999+07:00`). */
    readonly end: string;
    readonly granularity: TimelinessGranularity;
  };
  /** Number of input dossiers = counted + outsidePeriod + invalid. */
  readonly total: number;
  /** Counted dossiers per class. */
  readonly counts: Readonly<Record<TimelinessClass, number>>;
  /** Returned within the period (06a `DaXuLy`) = early + on-time + late. */
  readonly resolved: number;
  /** Not returned by the period end (06a `DangXuLy`) = pending-in-time + overdue. */
  readonly pending: number;
  /** Received before the period and not returned before it (06a `TiepNhanKyTruoc`). */
  readonly carriedOver: number;
  /** Received within the period (06a `TiepNhanTrongKy`). carriedOver + receivedInPeriod = resolved + pending. */
  readonly receivedInPeriod: number;
  readonly outsidePeriod: { readonly returnedBeforePeriod: number; readonly receivedAfterPeriod: number };
  readonly invalid: number;
  readonly rates: {
    /**
     * (early + on-time) / resolved: the on-time settlement rate of the QĐ 766/QĐ-TTg "Tiến độ, kết quả giải
     * quyết" group, as one-stop systems compute it (DaXuLyTruocHan + DaXuLyDungHan over DaXuLy).
     */
    readonly onTime: TimelinessRate;
    readonly early: TimelinessRate;
    readonly late: TimelinessRate;
    /** overdue / pending. */
    readonly overdue: TimelinessRate;
  };
  readonly placements: readonly DossierPlacement[];
  /** Every issue of every dossier (errors of invalid ones, warnings of counted ones), located at `dossiers[i]`. */
  readonly issues: readonly Issue[];
}

/**
 * Timeliness statistics of a reporting period, as the one-stop-shop report 06a counts them: the dossiers
 * received before the period and not yet returned when it began (carried over) plus those received within it;
 * those returned within the period are early / on time / late, the rest pending in time / overdue at its end
 * (see `classifyTimeliness` for each granularity's rule). Period membership is decided to the instant; a day
 * bound covers the whole Vietnam day.
 *
 * The 06a report also counts in its on-time column the dossiers returned unsettled (trả lại) and those without
 * a due time; dossier statuses are not modelled here, so filter such dossiers before, or count them apart.
 *
 * Bad dossiers become issues and `invalid` placements, never exceptions. Throws `ServiceLevelError` only for bad
 * options (unreadable bounds, a start after the end, unknown granularity, `percentDecimals` outside 0–6).
 */
export function timelinessStatistics(
  dossiers: readonly DossierTimes[],
  options: TimelinessStatisticsOptions,
): TimelinessStatistics {
  const caller = 'timelinessStatistics';
  if (!Array.isArray(dossiers)) throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: dossiers must be an array`);
  if (typeof options !== 'object' || options === null) {
    throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: options must be an object`);
  }
  const granularity = granularityOf(options.granularity, caller);
  const start = periodStartInstant(options.periodStart, caller);
  const end = periodEndInstant(options.periodEnd, caller);
  if (start > end) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${caller}: the period starts (${toVietnamIsoString(start)}) after it ends (${toVietnamIsoString(end)})`,
    );
  }
  const decimals = percentDecimalsOf(options.percentDecimals, caller);
  let calendar: WorkingCalendar | undefined;
  if (granularity === 'working-half-day') {
    calendar = options.calendar ?? createWorkingCalendar();
    if (typeof calendar.halfDayContaining !== 'function') {
      throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: calendar must come from createWorkingCalendar()`);
    }
  }

  const counts: Record<TimelinessClass, number> = {
    early: 0,
    'on-time': 0,
    late: 0,
    'pending-in-time': 0,
    overdue: 0,
  };
  let carriedOver = 0;
  let receivedInPeriod = 0;
  let returnedBeforePeriod = 0;
  let receivedAfterPeriod = 0;
  let invalid = 0;
  const placements: DossierPlacement[] = [];
  const issues: Issue[] = [];

  dossiers.forEach((dossier, index) => {
    const rawId = typeof dossier === 'object' && dossier !== null ? dossier.id : undefined;
    const id = typeof rawId === 'string' ? { id: rawId } : {};
    const pathPrefix = `dossiers[${index}]`;
    const checked = checkDossierTimes(dossier, pathPrefix);
    if (!checked.ok) {
      invalid += 1;
      issues.push(...checked.issues);
      placements.push({ index, ...id, placement: 'invalid' });
      return;
    }
    const { receivedAt, returnedAt } = checked.times;
    if (receivedAt > end) {
      receivedAfterPeriod += 1;
      placements.push({ index, ...id, placement: 'received-after-period' });
      return;
    }
    if (returnedAt !== undefined && returnedAt < start) {
      returnedBeforePeriod += 1;
      placements.push({ index, ...id, placement: 'returned-before-period' });
      return;
    }
    const context = { granularity, calendar, periodEnd: end, pathPrefix };
    const decision = decideTimeliness(checked.times, context);
    issues.push(...decisionWarnings(checked.times, decision, context));
    const periodRole = receivedAt < start ? 'carried-over' : 'received-in-period';
    if (periodRole === 'carried-over') carriedOver += 1;
    else receivedInPeriod += 1;
    counts[decision.timeliness] += 1;
    placements.push({ index, ...id, placement: 'counted', periodRole, timeliness: decision.timeliness });
  });

  const resolved = counts.early + counts['on-time'] + counts.late;
  const pending = counts['pending-in-time'] + counts.overdue;
  return {
    period: { start: toVietnamIsoString(start), end: toVietnamIsoString(end), granularity },
    total: dossiers.length,
    counts,
    resolved,
    pending,
    carriedOver,
    receivedInPeriod,
    outsidePeriod: { returnedBeforePeriod, receivedAfterPeriod },
    invalid,
    rates: {
      onTime: rateOf(counts.early + counts['on-time'], resolved, decimals),
      early: rateOf(counts.early, resolved, decimals),
      late: rateOf(counts.late, resolved, decimals),
      overdue: rateOf(counts.overdue, pending, decimals),
    },
    placements,
    issues,
  };
}
