import type { Issue, LocalizedText } from '@lienthong/report';
import {
  dayKeyOf,
  describeVietnamDay,
  describeVietnamTime,
  parsePeriodBound,
  startOfVietnamDay,
  type TimeInput,
  toVietnamIsoString,
  vietnamDayNumberOf,
} from '../calendar/vietnam-time';
import type { TimelinessClass } from '../enums/timeliness-class';
import { ServiceLevelError } from '../errors';
import { type DossierTimes, type TimelinessGranularity, TimelinessGranularitySchema } from '../model/service';
import { type CheckedDossierTimes, checkDossierTimes } from './dossier-times';
import { TIMELINESS_GRANULARITIES } from './granularities';
import { dueOutsideWorkingHours, pendingWithoutReferenceTime, receivedAfterReferenceTime } from './rules';
import { createWorkingCalendar, type HalfDayPart, type WorkingCalendar, type WorkingHalfDay } from './working-calendar';

export interface ClassifyTimelinessOptions {
  readonly granularity: TimelinessGranularity;
  /**
   * The end of the reporting period, to classify a dossier not returned by then (and one returned after it) as
   * pending in time or overdue. A `YYYY-MM-DD` day means the whole day (up to 23:59:59.999 Vietnam time); a
   * time means that instant, included (06a passes `DenNgay` as `yyyy-MM-dd 23:59:59`).
   */
  readonly periodEnd?: TimeInput;
  /** For `working-half-day` (default: `createWorkingCalendar()`, OpenCPS hours, Saturday and Sunday off). */
  readonly calendar?: WorkingCalendar;
}

/** The values a classification compared, as Vietnam ISO strings (`2025-03-05T17:00:00+07:00`) and days. */
export interface TimelinessComparison {
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly returnedAt?: string;
  /** The last instant of the period (inclusive), when a period end was given. */
  readonly periodEnd?: string;
  /** `calendar-day`: the Vietnam days compared. */
  readonly returnedDay?: string;
  readonly dueDay?: string;
  readonly periodEndDay?: string;
  /** `working-half-day`: the half-day whose start separates early from on time. */
  readonly dueHalfDay?: {
    readonly day: string;
    readonly part: HalfDayPart;
    readonly start: string;
    readonly end: string;
    /** False when the due time lies outside working hours and the last half-day before it was taken. */
    readonly containsDue: boolean;
  };
}

export interface TimelinessClassification {
  readonly valid: true;
  readonly timeliness: TimelinessClass;
  readonly granularity: TimelinessGranularity;
  /** What was compared with what, and the rule, in Vietnamese and English. */
  readonly explanation: LocalizedText;
  readonly compared: TimelinessComparison;
  /** Warnings only (e.g. SL-TIME-007, a due time outside working hours). */
  readonly issues: readonly Issue[];
}

export interface TimelinessNotClassified {
  readonly valid: false;
  /** At least one `error` issue (SL-TIME-001 … 006). */
  readonly issues: readonly Issue[];
}

export type TimelinessResult = TimelinessClassification | TimelinessNotClassified;

const PART_LABELS: Readonly<Record<HalfDayPart, LocalizedText>> = {
  morning: { vi: 'buổi sáng', en: 'morning' },
  afternoon: { vi: 'buổi chiều', en: 'afternoon' },
};

const CLASS_WORDS: Readonly<Record<TimelinessClass, LocalizedText>> = {
  early: { vi: 'trước hạn', en: 'early' },
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'quá hạn', en: 'late' },
  'pending-in-time': { vi: 'đang giải quyết trong hạn', en: 'pending, in time' },
  overdue: { vi: 'đang giải quyết quá hạn', en: 'pending, overdue' },
};

let defaultCalendar: WorkingCalendar | undefined;

/** The calendar a `working-half-day` comparison uses when the caller passes none. */
function calendarOrDefault(calendar: WorkingCalendar | undefined, caller: string): WorkingCalendar {
  if (calendar === undefined) {
    defaultCalendar ??= createWorkingCalendar();
    return defaultCalendar;
  }
  if (typeof calendar !== 'object' || calendar === null || typeof calendar.halfDayContaining !== 'function') {
    throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: calendar must come from createWorkingCalendar()`);
  }
  return calendar;
}

export function granularityOf(value: unknown, caller: string): TimelinessGranularity {
  const parsed = TimelinessGranularitySchema.safeParse(value);
  if (!parsed.success) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${caller}: granularity must be one of ${TimelinessGranularitySchema.options.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return parsed.data;
}

/** The first instant of a period from its start bound: a day begins at Vietnam midnight. */
export function periodStartInstant(bound: unknown, caller: string): number {
  const parsed = parsePeriodBound(bound);
  if (!parsed.ok) throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: periodStart: ${parsed.message.en}`);
  return parsed.kind === 'day' ? startOfVietnamDay(parsed.day) : parsed.epochMs;
}

/** The last instant of a period (inclusive) from its end bound: a day ends at 23:59:59.999 Vietnam time. */
export function periodEndInstant(bound: unknown, caller: string): number {
  const parsed = parsePeriodBound(bound);
  if (!parsed.ok) throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: periodEnd: ${parsed.message.en}`);
  return parsed.kind === 'day' ? startOfVietnamDay(parsed.day + 1) - 1 : parsed.epochMs;
}

function sentence(vi: string, en: string, rule: LocalizedText): LocalizedText {
  return { vi: `${vi} ${rule.vi}`, en: `${en} ${rule.en}` };
}

/** Vietnam wall-clock time of day, `HH:mm:ss` (with `.SSS` when not zero). */
function clockOf(epochMs: number): string {
  return toVietnamIsoString(epochMs).slice(11, -6);
}

function halfDayText(half: WorkingHalfDay): LocalizedText {
  const start = clockOf(half.start.getTime());
  const day = describeVietnamDay(vietnamDayNumberOf(half.start.getTime()));
  return {
    vi: `${PART_LABELS[half.part].vi} ngày ${day.vi} (bắt đầu lúc ${start})`,
    en: `the ${PART_LABELS[half.part].en} of ${day.en} (starting at ${start})`,
  };
}

export interface ClassificationContext {
  readonly granularity: TimelinessGranularity;
  readonly calendar: WorkingCalendar | undefined;
  /** The last instant of the period (inclusive), if any. */
  readonly periodEnd: number | undefined;
  /** Where the dossier's issues are located (`''` for a single dossier, `dossiers[3]` in statistics). */
  readonly pathPrefix: string;
}

/** The class of a dossier, and for a returned one compared by working half-day the half-day that decided it. */
export interface TimelinessDecision {
  readonly timeliness: TimelinessClass;
  readonly dueHalfDay?: { readonly half: WorkingHalfDay; readonly containsDue: boolean };
}

function fieldPath(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

function isReturnedBy(times: CheckedDossierTimes, periodEnd: number | undefined): boolean {
  return times.returnedAt !== undefined && (periodEnd === undefined || times.returnedAt <= periodEnd);
}

/**
 * Decides the class of checked times, building no text (statistics need only this). Callers make sure first
 * that the dossier was received by the period end and that one not returned by then has a period end.
 */
export function decideTimeliness(times: CheckedDossierTimes, context: ClassificationContext): TimelinessDecision {
  const { granularity, periodEnd } = context;
  const { dueAt, returnedAt } = times;
  if (returnedAt === undefined || !isReturnedBy(times, periodEnd)) {
    const reference = periodEnd as number;
    const inTime =
      granularity === 'calendar-day' ? vietnamDayNumberOf(dueAt) >= vietnamDayNumberOf(reference) : dueAt >= reference;
    return { timeliness: inTime ? 'pending-in-time' : 'overdue' };
  }
  switch (granularity) {
    case 'instant':
      return { timeliness: returnedAt < dueAt ? 'early' : returnedAt === dueAt ? 'on-time' : 'late' };
    case 'calendar-day': {
      const returnedDay = vietnamDayNumberOf(returnedAt);
      const dueDay = vietnamDayNumberOf(dueAt);
      return { timeliness: returnedDay < dueDay ? 'early' : returnedDay === dueDay ? 'on-time' : 'late' };
    }
    case 'working-half-day': {
      const calendar = calendarOrDefault(context.calendar, 'classifyTimeliness');
      const contained = calendar.halfDayContaining(new Date(dueAt));
      const half = contained ?? calendar.latestHalfDayAtOrBefore(new Date(dueAt));
      const timeliness = returnedAt < half.start.getTime() ? 'early' : returnedAt <= dueAt ? 'on-time' : 'late';
      return { timeliness, dueHalfDay: { half, containsDue: contained !== undefined } };
    }
  }
}

/** The warnings of a decision: SL-TIME-007 when the due time lies outside working hours. */
export function decisionWarnings(
  times: CheckedDossierTimes,
  decision: TimelinessDecision,
  context: ClassificationContext,
): Issue[] {
  const { dueHalfDay } = decision;
  if (dueHalfDay === undefined || dueHalfDay.containsDue) return [];
  const calendar = calendarOrDefault(context.calendar, 'classifyTimeliness');
  const why = calendar.isWorkingDay(new Date(times.dueAt))
    ? { vi: 'ngoài giờ làm việc của ngày đó', en: "outside that day's working hours" }
    : { vi: 'ngày không làm việc', en: 'a day off' };
  return [
    dueOutsideWorkingHours.issue(
      { dueAt: describeVietnamTime(times.dueAt), why, halfDay: halfDayText(dueHalfDay.half) },
      { path: fieldPath(context.pathPrefix, 'dueAt') },
    ),
  ];
}

const RETURN_RELATIONS: Readonly<
  Record<Exclude<TimelinessGranularity, 'working-half-day'>, Record<'early' | 'on-time' | 'late', LocalizedText>>
> = {
  instant: {
    early: { vi: 'trước hạn trả', en: 'before the due time' },
    'on-time': { vi: 'đúng thời điểm hẹn trả', en: 'exactly at the due time' },
    late: { vi: 'sau hạn trả', en: 'after the due time' },
  },
  'calendar-day': {
    early: { vi: 'trước ngày hẹn trả', en: 'before the due day' },
    'on-time': { vi: 'đúng ngày hẹn trả', en: 'on the due day' },
    late: { vi: 'sau ngày hẹn trả', en: 'after the due day' },
  },
};

/** The explanation of a decision: the values compared, the verdict and the rule, in Vietnamese and English. */
function explainDecision(
  times: CheckedDossierTimes,
  decision: TimelinessDecision,
  context: ClassificationContext,
): LocalizedText {
  const { granularity, periodEnd } = context;
  const { dueAt, returnedAt } = times;
  const { timeliness } = decision;
  const info = TIMELINESS_GRANULARITIES[granularity];
  const due = describeVietnamTime(dueAt);
  const verdict = CLASS_WORDS[timeliness];

  if (returnedAt === undefined || !isReturnedBy(times, periodEnd)) {
    const reference = describeVietnamTime(periodEnd as number);
    const opening =
      returnedAt === undefined
        ? {
            vi: `Đến cuối kỳ (${reference.vi}) vẫn chưa trả kết quả.`,
            en: `No result had been returned by the period end, ${reference.en}.`,
          }
        : {
            vi: `Trả kết quả lúc ${describeVietnamTime(returnedAt).vi}, sau cuối kỳ (${reference.vi}), nên tại cuối kỳ hồ sơ vẫn đang giải quyết.`,
            en: `The result was returned at ${describeVietnamTime(returnedAt).en}, after the period end, ${reference.en}, so at the period end the dossier was still pending.`,
          };
    const relation =
      timeliness === 'pending-in-time'
        ? { vi: 'không sớm hơn', en: 'is not before' }
        : { vi: 'sớm hơn', en: 'is before' };
    if (granularity === 'calendar-day') {
      const dueDay = describeVietnamDay(vietnamDayNumberOf(dueAt));
      const lastDay = describeVietnamDay(vietnamDayNumberOf(periodEnd as number));
      return sentence(
        `${opening.vi} Ngày hẹn trả ${dueDay.vi} ${relation.vi} ngày cuối kỳ ${lastDay.vi}: ${verdict.vi}.`,
        `${opening.en} The due day ${dueDay.en} ${relation.en} the last day of the period ${lastDay.en}: ${verdict.en}.`,
        info.pendingRule,
      );
    }
    return sentence(
      `${opening.vi} Hạn trả ${due.vi} ${relation.vi} thời điểm cuối kỳ: ${verdict.vi}.`,
      `${opening.en} The due time ${due.en} ${relation.en} the period end: ${verdict.en}.`,
      info.pendingRule,
    );
  }

  const returned = describeVietnamTime(returnedAt);
  const settled = timeliness as 'early' | 'on-time' | 'late';
  if (granularity === 'instant') {
    const relation = RETURN_RELATIONS.instant[settled];
    return sentence(
      `Trả kết quả lúc ${returned.vi}, ${relation.vi} ${due.vi}: ${verdict.vi}.`,
      `The result was returned at ${returned.en}, ${relation.en} ${due.en}: ${verdict.en}.`,
      info.returnedRule,
    );
  }
  if (granularity === 'calendar-day') {
    const relation = RETURN_RELATIONS['calendar-day'][settled];
    const returnedDay = describeVietnamDay(vietnamDayNumberOf(returnedAt));
    const dueDay = describeVietnamDay(vietnamDayNumberOf(dueAt));
    return sentence(
      `Trả kết quả ngày ${returnedDay.vi} (lúc ${clockOf(returnedAt)}), ${relation.vi} ${dueDay.vi} (hạn trả ${due.vi}): ${verdict.vi}.`,
      `The result was returned on ${returnedDay.en} (at ${clockOf(returnedAt)}), ${relation.en} ${dueDay.en} (due ${due.en}): ${verdict.en}.`,
      info.returnedRule,
    );
  }
  if (settled === 'late') {
    return sentence(
      `Trả kết quả lúc ${returned.vi}, sau hạn trả ${due.vi}: ${verdict.vi}.`,
      `The result was returned at ${returned.en}, after the due time ${due.en}: ${verdict.en}.`,
      info.returnedRule,
    );
  }
  const { half, containsDue } = decision.dueHalfDay as NonNullable<TimelinessDecision['dueHalfDay']>;
  const halfText = halfDayText(half);
  if (settled === 'early') {
    const holder = containsDue
      ? { vi: 'buổi làm việc chứa hạn trả', en: 'the working half-day that holds the due time' }
      : { vi: 'buổi làm việc gần nhất trước hạn trả', en: 'the last working half-day before the due time' };
    return sentence(
      `Trả kết quả lúc ${returned.vi}, trước khi bắt đầu ${halfText.vi} — ${holder.vi} ${due.vi}: ${verdict.vi}.`,
      `The result was returned at ${returned.en}, before the start of ${halfText.en}, ${holder.en} ${due.en}: ${verdict.en}.`,
      info.returnedRule,
    );
  }
  return sentence(
    `Trả kết quả lúc ${returned.vi}, từ đầu ${halfText.vi} đến hạn trả ${due.vi}: ${verdict.vi}.`,
    `The result was returned at ${returned.en}, between the start of ${halfText.en} and the due time ${due.en}: ${verdict.en}.`,
    info.returnedRule,
  );
}

/** The values compared, as Vietnam ISO strings and days. */
function comparisonOf(
  times: CheckedDossierTimes,
  decision: TimelinessDecision,
  context: ClassificationContext,
): TimelinessComparison {
  const { granularity, periodEnd } = context;
  const { receivedAt, dueAt, returnedAt } = times;
  const returned = returnedAt !== undefined && isReturnedBy(times, periodEnd);
  const dueHalfDay = decision.dueHalfDay;
  return {
    receivedAt: toVietnamIsoString(receivedAt),
    dueAt: toVietnamIsoString(dueAt),
    ...(returnedAt === undefined ? {} : { returnedAt: toVietnamIsoString(returnedAt) }),
    ...(periodEnd === undefined ? {} : { periodEnd: toVietnamIsoString(periodEnd) }),
    ...(granularity === 'calendar-day'
      ? returned
        ? { returnedDay: dayKeyOf(vietnamDayNumberOf(returnedAt)), dueDay: dayKeyOf(vietnamDayNumberOf(dueAt)) }
        : {
            dueDay: dayKeyOf(vietnamDayNumberOf(dueAt)),
            periodEndDay: dayKeyOf(vietnamDayNumberOf(periodEnd as number)),
          }
      : {}),
    ...(dueHalfDay === undefined
      ? {}
      : {
          dueHalfDay: {
            day: dueHalfDay.half.day,
            part: dueHalfDay.half.part,
            start: toVietnamIsoString(dueHalfDay.half.start),
            end: toVietnamIsoString(dueHalfDay.half.end),
            containsDue: dueHalfDay.containsDue,
          },
        }),
  };
}

/** Classifies checked times with the explanation and the compared values (see `decideTimeliness`). */
export function classifyCheckedTimes(
  times: CheckedDossierTimes,
  context: ClassificationContext,
): TimelinessClassification {
  const decision = decideTimeliness(times, context);
  return {
    valid: true,
    timeliness: decision.timeliness,
    granularity: context.granularity,
    explanation: explainDecision(times, decision, context),
    compared: comparisonOf(times, decision, context),
    issues: decisionWarnings(times, decision, context),
  };
}

/**
 * Classifies one dossier as early, on time or late (returned), or pending in time or overdue (not returned by
 * `periodEnd`), with an explanation naming the compared values and the rule. All times are Vietnam local time.
 *
 * - `instant`: return < due early, = due on time, > due late.
 * - `calendar-day`: the Vietnam days of return and due: earlier day early, same day on time, later day late.
 * - `working-half-day` (OpenCPS `BetimeUtils`): early before the start of the working half-day that contains
 *   the due time (or, for a due time outside working hours, of the last half-day before it, with a SL-TIME-007
 *   warning), on time from that start up to the due time, late after it.
 * - Pending (no return, or a return after `periodEnd`): `instant` and `working-half-day` pending-in-time when
 *   due ≥ periodEnd, overdue when due < periodEnd; `calendar-day` compares the due day with the period's last
 *   day, as the 06a report does (`CONVERT(DATE, NgayHenTra) >= @DenNgay`), so a dossier due on the last day is
 *   still in time.
 *
 * Bad data gives `{ valid: false, issues }` (SL-TIME-001 … 006), never an exception. Throws `ServiceLevelError`
 * only for bad options (unknown granularity, unreadable `periodEnd`, a calendar not made by
 * `createWorkingCalendar`).
 */
export function classifyTimeliness(dossier: DossierTimes, options: ClassifyTimelinessOptions): TimelinessResult {
  if (typeof options !== 'object' || options === null) {
    throw new ServiceLevelError('INVALID_ARGUMENT', 'classifyTimeliness: options must be an object');
  }
  const granularity = granularityOf(options.granularity, 'classifyTimeliness');
  const calendar =
    granularity === 'working-half-day' ? calendarOrDefault(options.calendar, 'classifyTimeliness') : undefined;
  const periodEnd =
    options.periodEnd === undefined ? undefined : periodEndInstant(options.periodEnd, 'classifyTimeliness');
  const checked = checkDossierTimes(dossier, '');
  if (!checked.ok) return { valid: false, issues: checked.issues };
  const { receivedAt, returnedAt } = checked.times;
  if (periodEnd !== undefined && receivedAt > periodEnd) {
    const issue = receivedAfterReferenceTime.issue(
      { receivedAt: describeVietnamTime(receivedAt), periodEnd: describeVietnamTime(periodEnd) },
      { path: 'receivedAt' },
    );
    return { valid: false, issues: [issue] };
  }
  if (returnedAt === undefined && periodEnd === undefined) {
    return { valid: false, issues: [pendingWithoutReferenceTime.issue({}, { path: 'returnedAt' })] };
  }
  return classifyCheckedTimes(checked.times, { granularity, calendar, periodEnd, pathPrefix: '' });
}
