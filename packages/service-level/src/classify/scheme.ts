import type { Issue } from '@lienthong/report';
import { type DayInput, toVietnamDay } from '../calendar/calendar-date';
import type { Scheme } from '../model/service';
import { dateInvalid, periodReversed, periodStraddlesSchemes } from './rules';

/*
 * Which scheme classifies services on a day. Nghị định 43/2011/NĐ-CP (levels 1–4) applies up to and including
 * 2022-08-14; Nghị định 42/2022/NĐ-CP (toàn trình / một phần) replaces it from 2022-08-15 (domain notes §1.3).
 * Days are Vietnam calendar days: a `Date` is read at UTC+7, whatever the machine's time zone.
 */

/** The last day NĐ 43/2011 classifies services. */
export const ND43_LAST_DAY = '2022-08-14';
/** The first day NĐ 42/2022 classifies services. */
export const ND42_FIRST_DAY = '2022-08-15';

export type { DayInput };

export type SchemeOnResult =
  | { readonly valid: true; readonly date: string; readonly scheme: Scheme; readonly issues: readonly Issue[] }
  | { readonly valid: false; readonly issues: readonly Issue[] };

export interface SchemePeriod {
  /** First day, inclusive. */
  readonly from: DayInput;
  /** Last day, inclusive. */
  readonly to: DayInput;
}

/** The part of a period one scheme classifies. */
export interface SchemeSegment {
  readonly scheme: Scheme;
  readonly from: string;
  readonly to: string;
}

export type SchemesForPeriodResult =
  | {
      readonly valid: true;
      readonly from: string;
      readonly to: string;
      /** The schemes in force during the period, oldest first. */
      readonly schemes: readonly Scheme[];
      /** True when the period includes both 2022-08-14 and 2022-08-15 (both schemes apply). */
      readonly straddles: boolean;
      /** The period cut at 2022-08-15, one part per scheme. */
      readonly segments: readonly SchemeSegment[];
      /** An `info` issue (SL-CLS-003) saying so when the period straddles the change. */
      readonly issues: readonly Issue[];
    }
  | { readonly valid: false; readonly issues: readonly Issue[] };

function describeInput(input: unknown): string {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
  if (typeof input === 'string') return JSON.stringify(input);
  return String(input);
}

/** The scheme in force on a valid `YYYY-MM-DD` day (ISO days compare as strings). */
function schemeOfDay(day: string): Scheme {
  return day <= ND43_LAST_DAY ? 'nd43-2011' : 'nd42-2022';
}

/**
 * The scheme that classifies services on a day: `nd43-2011` up to 2022-08-14, `nd42-2022` from 2022-08-15.
 * An invalid day gives an SL-CLS-001 issue, never an exception.
 */
export function schemeOn(date: DayInput): SchemeOnResult {
  const day = toVietnamDay(date);
  if (day === undefined) {
    return { valid: false, issues: [dateInvalid.issue({ value: describeInput(date) })] };
  }
  return { valid: true, date: day, scheme: schemeOfDay(day), issues: [] };
}

/**
 * The scheme(s) in force during a period (both ends inclusive). A period that includes 2022-08-14 and
 * 2022-08-15 is classified by both: the result lists both, cuts the period in two `segments`, and carries an
 * `info` issue (SL-CLS-003) saying so. Invalid days or a reversed period give error issues, never an exception.
 */
export function schemesForPeriod(period: SchemePeriod): SchemesForPeriodResult {
  const from = toVietnamDay(period.from);
  const to = toVietnamDay(period.to);
  const issues: Issue[] = [];
  if (from === undefined) issues.push(dateInvalid.issue({ value: describeInput(period.from) }, { path: 'from' }));
  if (to === undefined) issues.push(dateInvalid.issue({ value: describeInput(period.to) }, { path: 'to' }));
  if (from === undefined || to === undefined) return { valid: false, issues };
  if (from > to) return { valid: false, issues: [periodReversed.issue({ from, to })] };

  const first = schemeOfDay(from);
  const last = schemeOfDay(to);
  if (first === last) {
    return {
      valid: true,
      from,
      to,
      schemes: [first],
      straddles: false,
      segments: [{ scheme: first, from, to }],
      issues,
    };
  }
  return {
    valid: true,
    from,
    to,
    schemes: [first, last],
    straddles: true,
    segments: [
      { scheme: first, from, to: ND43_LAST_DAY },
      { scheme: last, from: ND42_FIRST_DAY, to },
    ],
    issues: [periodStraddlesSchemes.issue({ from, to })],
  };
}
