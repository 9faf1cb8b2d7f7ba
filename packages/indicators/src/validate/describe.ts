import { formatParam, type LocalizedText } from '@lienthong/report';
import type { IndicatorDefinition } from '../model/indicator';
import type { IndicatorReport, IndicatorValue } from '../model/report';
import { combinedTiersName, TIER_NAMES } from '../model/tier-names';
import type { Bounds, Scope } from './facts';

/* Words for the numbers, scopes and dates quoted in the validator's messages, in both languages. */

export { TIER_NAMES };

/** `2024-06-30` → `30/06/2024` in Vietnamese, unchanged in English. */
export function formatDate(date: string): LocalizedText {
  const [year, month, day] = date.split('-');
  return { vi: `${day}/${month}/${year}`, en: date };
}

export function formatPeriod(from: string, to: string): LocalizedText {
  return { vi: `${formatDate(from).vi}–${formatDate(to).vi}`, en: `${from} to ${to}` };
}

export function localized(build: (lang: 'vi' | 'en') => string): LocalizedText {
  return { vi: build('vi'), en: build('en') };
}

/** The label of an indicator, or its machine name when the catalogue does not know it. */
export function labelOf(name: string, definition: IndicatorDefinition | undefined): LocalizedText {
  return definition ? definition.label : { vi: name, en: name };
}

/** What a value is about beyond the report as a whole: tier, agency, a period or as-of date of its own. */
export function describeScope(scope: Scope, report: IndicatorReport): LocalizedText {
  const parts: LocalizedText[] = [];
  if (scope.tier) parts.push(TIER_NAMES[scope.tier]);
  if (scope.tiers) parts.push(combinedTiersName(scope.tiers));
  if (scope.agencyName) parts.push({ vi: scope.agencyName, en: scope.agencyName });
  if (scope.from !== report.period.from || scope.to !== report.period.to)
    parts.push(formatPeriod(scope.from, scope.to));
  if (scope.asOf && scope.asOf !== report.asOf) {
    parts.push({ vi: `số liệu đến ${formatDate(scope.asOf).vi}`, en: `as of ${scope.asOf}` });
  }
  if (parts.length === 0) return { vi: 'toàn đơn vị', en: 'whole reporting unit' };
  return localized((lang) => parts.map((part) => part[lang]).join(', '));
}

/** A stated number with its qualifier: `12.338`, `≥ 90`, `≤ 5`, `~8.000`. */
export function formatStated(value: number, qualifier: IndicatorValue['qualifier'], lang: 'vi' | 'en'): string {
  const number = formatParam(value, lang);
  if (qualifier === 'at_least') return `≥ ${number}`;
  if (qualifier === 'at_most') return `≤ ${number}`;
  if (qualifier === 'approx') return `~${number}`;
  return number;
}

/** `8.332 (label) + 3.899 (label) + …`: the terms of a sum, each with what it is. */
export function formatTerms(
  terms: readonly {
    readonly bounds: Bounds;
    readonly qualifier: IndicatorValue['qualifier'];
    readonly label: LocalizedText;
  }[],
  suffix = '',
): LocalizedText {
  return localized((lang) =>
    terms
      .map((term) => `${formatStated(term.bounds.stated, term.qualifier, lang)}${suffix} (${term.label[lang]})`)
      .join(' + '),
  );
}
