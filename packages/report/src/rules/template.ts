import { ReportError } from '../errors';
import type { Language, LocalizedText, ParamValue } from '../model/issue';

/** The `{name}` placeholders of a message template, as a union of names. */
export type Placeholders<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters object a template needs: one entry per placeholder. */
export type TemplateParams<Template extends string> = [Placeholders<Template>] extends [never]
  ? Record<string, never>
  : { readonly [Name in Placeholders<Template>]: ParamValue };

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholder names of a template, at run time. */
export function placeholdersOf(template: string): Set<string> {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return names;
}

const numberFormats: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};

/** Renders a parameter the way a reader of that language expects (12.340 in Vietnamese, 12,340 in English). */
export function formatParam(value: ParamValue, lang: Language): string {
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormats[lang].format(value) : String(value);
  if (value === null) return lang === 'vi' ? '(trống)' : '(empty)';
  if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'có' : 'không') : value ? 'yes' : 'no';
  if (typeof value === 'object') return value[lang];
  return value;
}

/** Fills a template's placeholders; a missing parameter is a programmer error. */
export function renderTemplate(template: string, params: Readonly<Record<string, ParamValue>>, lang: Language): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.hasOwn(params, name)) {
      throw new ReportError('RULE_PARAM_MISSING', `message parameter "${name}" was not given`);
    }
    return formatParam(params[name] as ParamValue, lang);
  });
}

/** Renders both languages of a localized template. */
export function renderLocalized(templates: LocalizedText, params: Readonly<Record<string, ParamValue>>): LocalizedText {
  return { vi: renderTemplate(templates.vi, params, 'vi'), en: renderTemplate(templates.en, params, 'en') };
}
