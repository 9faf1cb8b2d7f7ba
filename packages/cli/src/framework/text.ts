import { formatParam, type LocalizedText } from '@lienthong/report';
import type { Language } from './command';

/** The text of `text` in `lang`. */
export function localize(text: LocalizedText, lang: Language): string {
  return text[lang];
}

/** Both languages from one function of the language, for messages with values in them. */
export function bilingual(build: (lang: Language) => string): LocalizedText {
  return { vi: build('vi'), en: build('en') };
}

/** `12.345 byte` / `12,345 bytes`. */
export function formatBytes(size: number, lang: Language): string {
  return `${formatParam(size, lang)} byte${lang === 'en' && size !== 1 ? 's' : ''}`;
}
