import type { LocalizedText } from '@lienthong/report';
import type { Tier } from '../model/indicator';
import { DISTRICT_TIER_ABOLISHED_ON, type IndicatorDefinition } from '../model/indicator';
import { combinedTiersName } from '../model/tier-names';
import { type CheckContext, issueAt } from './context';
import { describeScope, formatDate, formatPeriod, labelOf, localized, TIER_NAMES } from './describe';
import type { Fact } from './facts';
import {
  agencyNotInScope,
  asOfBeforePeriod,
  countNotWhole,
  districtTierAbolished,
  districtTierStraddles,
  outOfRange,
  perHundredImplausible,
  periodOutsideReport,
  periodReversed,
  tierAndTiers,
  tierNotInScope,
  unknownIndicator,
  valueTypeMismatch,
} from './rules';
import { suggestName } from './suggest-name';

/* Checks of each value on its own: name, type, range, scope and dates. */

/** Above this a rate per 100 inhabitants is more likely a count or a percentage typed in the wrong field. */
const PER_100_PLAUSIBLE_MAX = 300;

const EXPECTED_TYPE: Record<'number' | 'boolean' | 'string', LocalizedText> = {
  number: { vi: 'một số', en: 'a number' },
  boolean: { vi: 'giá trị đúng/sai', en: 'true or false' },
  string: { vi: 'một chuỗi chữ', en: 'a text' },
};

function expectedType(definition: IndicatorDefinition): 'number' | 'boolean' | 'string' {
  if (definition.unit === 'boolean') return 'boolean';
  if (definition.unit === 'text') return 'string';
  return 'number';
}

/** The hard range of a unit, or none (counts are checked as whole numbers; `per_100` only below). */
function rangeOf(definition: IndicatorDefinition): { min: number; max: number | undefined } | undefined {
  switch (definition.unit) {
    case 'percent':
      return { min: 0, max: 100 };
    case 'score':
      return { min: 0, max: 1 };
    case 'points':
      return { min: 0, max: definition.maxPoints };
    case 'per_100':
      return { min: 0, max: undefined };
    case 'number':
      return { min: definition.range?.min ?? 0, max: definition.range?.max };
    default:
      return undefined;
  }
}

export function checkValues(context: CheckContext): void {
  const { report, definitions, catalogue, add } = context;
  for (const fact of context.index.facts) {
    const value = fact.value;
    const definition = definitions.get(value.indicator);
    if (!definition) {
      const suggestion = suggestName(value.indicator, [...definitions.keys()]);
      const suggestionText = suggestion
        ? { vi: `Có phải là «${suggestion}»?`, en: `Did you mean «${suggestion}»?` }
        : { vi: 'Không có tên nào gần giống.', en: 'No similar name is known.' };
      add(
        issueAt(
          unknownIndicator,
          { indicator: value.indicator, catalogueVersion: catalogue.version, suggestion: suggestionText },
          fact,
        ),
      );
      continue;
    }
    const indicator = labelOf(value.indicator, definition);
    const scope = describeScope(fact.scope, report);
    const expected = expectedType(definition);
    if (value.value !== null && typeof value.value !== expected) {
      const found = localized(
        (lang) => `${EXPECTED_TYPE[typeof value.value as 'number'][lang]} (${JSON.stringify(value.value)})`,
      );
      add(
        issueAt(
          valueTypeMismatch,
          { indicator, unit: definition.unit, expected: EXPECTED_TYPE[expected], found },
          fact,
        ),
      );
    } else if (typeof value.value === 'number') {
      checkRange(context, fact, definition, value.value, indicator, scope);
    }
    checkScope(context, fact, definition, indicator);
    checkDates(context, fact, indicator);
  }
  const subject = { vi: 'Báo cáo', en: 'The report' };
  if (report.period.to < report.period.from) {
    const dates = { from: formatDate(report.period.from), to: formatDate(report.period.to) };
    add(periodReversed.issue({ subject, ...dates }, { path: 'period.to' }));
  }
  if (report.asOf !== undefined && report.asOf < report.period.from) {
    add(
      asOfBeforePeriod.issue(
        { subject, asOf: formatDate(report.asOf), periodStart: formatDate(report.period.from) },
        { path: 'asOf' },
      ),
    );
  }
}

function checkRange(
  { add }: CheckContext,
  fact: Fact,
  definition: IndicatorDefinition,
  value: number,
  indicator: LocalizedText,
  scope: LocalizedText,
): void {
  if (definition.unit === 'count') {
    if (!Number.isInteger(value) || value < 0) add(issueAt(countNotWhole, { indicator, scope, value }, fact));
    return;
  }
  const range = rangeOf(definition);
  if (!range) return;
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    const max = range.max ?? '∞';
    add(issueAt(outOfRange, { indicator, scope, value, min: range.min, max, unit: definition.unit }, fact));
  } else if (definition.unit === 'per_100' && value > PER_100_PLAUSIBLE_MAX) {
    add(issueAt(perHundredImplausible, { indicator, scope, value, max: PER_100_PLAUSIBLE_MAX }, fact));
  }
}

function checkScope(
  { add }: CheckContext,
  fact: Fact,
  definition: IndicatorDefinition,
  indicator: LocalizedText,
): void {
  const { tier, tiers, agency } = fact.value;
  if (tier && tiers) {
    add(issueAt(tierAndTiers, { indicator, tier: TIER_NAMES[tier], tiers: combinedTiersName(tiers) }, fact));
  }
  const named: readonly Tier[] = [...(tier ? [tier] : []), ...(tiers ?? []).filter((each) => each !== tier)];
  for (const each of named) {
    if (definition.scope.tiers.includes(each)) continue;
    const allowed =
      definition.scope.tiers.length === 0
        ? { vi: 'không chia theo cấp', en: 'no breakdown by tier' }
        : localized((lang) => definition.scope.tiers.map((allowedTier) => TIER_NAMES[allowedTier][lang]).join(', '));
    add(issueAt(tierNotInScope, { indicator, tier: TIER_NAMES[each], allowed }, fact));
  }
  if (agency && !definition.scope.agency) add(issueAt(agencyNotInScope, { indicator, agency: agency.name }, fact));
  if (named.includes('huyen')) {
    const { from, to } = fact.scope;
    if (from >= DISTRICT_TIER_ABOLISHED_ON) {
      add(issueAt(districtTierAbolished, { indicator, periodStart: formatDate(from) }, fact));
    } else if (to >= DISTRICT_TIER_ABOLISHED_ON) {
      add(issueAt(districtTierStraddles, { indicator, period: formatPeriod(from, to) }, fact));
    }
  }
}

function checkDates({ report, add }: CheckContext, fact: Fact, indicator: LocalizedText): void {
  const { period, asOf } = fact.value;
  if (period && period.to < period.from) {
    add(
      issueAt(periodReversed, { subject: indicator, from: formatDate(period.from), to: formatDate(period.to) }, fact),
    );
  }
  if (period && (period.from < report.period.from || period.to > report.period.to)) {
    add(
      issueAt(
        periodOutsideReport,
        {
          indicator,
          valuePeriod: formatPeriod(period.from, period.to),
          reportPeriod: formatPeriod(report.period.from, report.period.to),
        },
        fact,
      ),
    );
  }
  // The report's own as-of date is checked once, not for every value that inherits it.
  if ((period || asOf) && fact.scope.asOf !== undefined && fact.scope.asOf < fact.scope.from) {
    add(
      issueAt(
        asOfBeforePeriod,
        { subject: indicator, asOf: formatDate(fact.scope.asOf), periodStart: formatDate(fact.scope.from) },
        fact,
      ),
    );
  }
}
