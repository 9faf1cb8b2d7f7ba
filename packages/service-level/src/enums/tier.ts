import type { LocalizedText } from '@lienthong/report';
import { readIsoDate, vietnamDateOf } from '../calendar/calendar-date';
import { locationOf } from '../codes/code-text';
import type { CodeParseOptions, CodeParseResult } from '../codes/parse-result';
import { ServiceLevelError } from '../errors';
import { type Tier, TierSchema } from '../model/service';
import { parseExact } from './enum-value';
import { tierNotInForce, tierUnknown } from './rules';

/**
 * The first day without the district tier: district-level administrative units end on 2025-07-01
 * (Nghị quyết 203/2025/QH15; domain notes §2.7). Before it there are three tiers — tỉnh, huyện, xã
 * (Điều 2 Nghị định 42/2022/NĐ-CP) — and from it two.
 */
export const DISTRICT_TIER_ABOLISHED_ON = '2025-07-01';

export interface TierInfo {
  readonly id: Tier;
  readonly label: LocalizedText;
  /** The first day the tier no longer exists, when it has ended. */
  readonly abolishedOn?: string;
}

/** Every tier, by id. */
export const TIERS: Readonly<Record<Tier, TierInfo>> = Object.freeze({
  tinh: Object.freeze({ id: 'tinh', label: Object.freeze({ vi: 'Cấp tỉnh', en: 'Province' }) }),
  huyen: Object.freeze({
    id: 'huyen',
    label: Object.freeze({ vi: 'Cấp huyện', en: 'District' }),
    abolishedOn: DISTRICT_TIER_ABOLISHED_ON,
  }),
  xa: Object.freeze({ id: 'xa', label: Object.freeze({ vi: 'Cấp xã', en: 'Commune' }) }),
});

const ALL_TIERS: readonly Tier[] = TierSchema.options;
const byId: ReadonlyMap<string, TierInfo> = new Map(Object.values(TIERS).map((tier) => [tier.id, tier]));

/** The ISO date of `on` (a `Date` is taken on Vietnam's calendar); throws for a date that does not exist. */
function calendarDayOf(on: string | Date, name: string): string {
  const text = on instanceof Date ? vietnamDateOf(on) : on;
  if (text === undefined || readIsoDate(text) === undefined) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${name} must be a real date YYYY-MM-DD or a valid Date, got ${JSON.stringify(text ?? 'Invalid Date')}`,
    );
  }
  return text;
}

function inForceOn(tier: TierInfo, day: string): boolean {
  return tier.abolishedOn === undefined || day < tier.abolishedOn;
}

/**
 * The tiers that exist on a day: `['tinh', 'huyen', 'xa']` until 2025-06-30, `['tinh', 'xa']` from
 * 2025-07-01. A `Date` is taken on Vietnam's calendar (UTC+7) whatever the machine's time zone. Throws
 * `ServiceLevelError` (`INVALID_ARGUMENT`) for a date that does not exist.
 */
export function tiersInForce(on: string | Date): readonly Tier[] {
  const day = calendarDayOf(on, 'on');
  return ALL_TIERS.filter((id) => inForceOn(TIERS[id], day));
}

/**
 * The tiers a period's figures can be split by: those in force on at least one of its days, i.e. on its
 * first day, since tiers are only ever removed. A period starting on or after 2025-07-01 has no district
 * tier; one that starts before it (the whole of 2025) still has it. Throws `ServiceLevelError`
 * (`INVALID_ARGUMENT`) for dates that do not exist or a period that ends before it starts.
 */
export function tiersForPeriod(period: { readonly from: string | Date; readonly to: string | Date }): readonly Tier[] {
  const from = calendarDayOf(period.from, 'from');
  const to = calendarDayOf(period.to, 'to');
  if (to < from) throw new ServiceLevelError('INVALID_ARGUMENT', `the period ends (${to}) before it starts (${from})`);
  return tiersInForce(from);
}

/**
 * Reads a tier id (`tinh`, `huyen`, `xa`), and, given `on`, checks that the tier exists on that day
 * (`SL-ENUM-004` for `huyen` from 2025-07-01). Never throws for bad input; `on` must be a real date.
 */
export function parseTier(
  value: string,
  options?: CodeParseOptions & { readonly on?: string | Date },
): CodeParseResult<Tier> {
  const read = parseExact(byId, value, tierUnknown, options);
  if (!read.ok) return read;
  if (options?.on !== undefined) {
    const day = calendarDayOf(options.on, 'on');
    if (!inForceOn(read.value, day)) {
      return { ok: false, issues: [tierNotInForce.issue({ on: day }, locationOf(options))] };
    }
  }
  return { ok: true, value: read.value.id, issues: [] };
}
