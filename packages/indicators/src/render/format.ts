import { formatParam, type Language } from '@lienthong/report';
import { decimalsOfNumber, decimalsOfValue } from '../compare/decimals';
import type { IndicatorUnit } from '../model/indicator';
import type { IndicatorValue, Period } from '../model/report';

/*
 * Numbers, dates and values as a reader of each language writes them: Vietnamese 12.338 and 67,53%, English 12,338
 * and 67.53%. One function per kind of thing, taking the language; non-numbers go through `formatParam` of
 * @lienthong/report so "có / không" and "(trống)" read the same as in validation messages.
 */

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with exactly `decimals` decimals (its own when not given), grouped in thousands; `signed` adds `+`. */
export function formatNumber(
  value: number,
  lang: Language,
  options: { decimals?: number; signed?: boolean } = {},
): string {
  if (!Number.isFinite(value)) return formatParam(value, lang);
  const decimals = Math.min(options.decimals ?? decimalsOfNumber(value), 20);
  const key = `${lang}/${decimals}/${options.signed === true}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: options.signed ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A calendar day `YYYY-MM-DD`: `07/01/2019` in Vietnamese, unchanged (ISO) in English. No time zone involved. */
export function formatIsoDate(day: string, lang: Language): string {
  if (lang === 'en') return day;
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** A period: `năm 2018` / `2018` for a calendar year, else both days. */
export function formatPeriod(period: Period, lang: Language): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return lang === 'vi' ? `năm ${year}` : year;
  return `${formatIsoDate(period.from, lang)} – ${formatIsoDate(period.to, lang)}`;
}

const QUALIFIER_WORDS: Record<Language, Record<IndicatorValue['qualifier'], string>> = {
  vi: { exact: '', approx: 'khoảng ', at_least: 'ít nhất ', at_most: 'tối đa ' },
  en: { exact: '', approx: 'about ', at_least: 'at least ', at_most: 'at most ' },
};

/** A stated value with its qualifier and, for percentages, the `%` sign: `khoảng 25%`, `ít nhất 1.680`, `có`. */
export function formatIndicatorValue(
  value: Pick<IndicatorValue, 'value' | 'decimals' | 'qualifier'>,
  unit: IndicatorUnit | undefined,
  lang: Language,
): string {
  if (typeof value.value !== 'number') return formatParam(value.value, lang);
  const number = formatNumber(value.value, lang, { decimals: decimalsOfValue(value) });
  return `${QUALIFIER_WORDS[lang][value.qualifier]}${number}${unit === 'percent' ? '%' : ''}`;
}
