import type { LocalizedText } from '@lienthong/report';
import type { OptionsConfig } from './command';

/** Options every command accepts, anywhere on the command line. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies OptionsConfig;

export const GLOBAL_OPTION_HELP: Readonly<Record<keyof typeof GLOBAL_OPTIONS, LocalizedText>> = {
  help: { vi: 'Hiện hướng dẫn này', en: 'Show this help' },
  version: { vi: 'Hiện phiên bản', en: 'Show the version' },
  lang: {
    vi: 'Ngôn ngữ của thông báo: vi (mặc định) hoặc en; cũng đặt được bằng biến LIENTHONG_LANG',
    en: 'Language of the messages: vi (default) or en; also set by the LIENTHONG_LANG variable',
  },
  quiet: {
    vi: 'Chỉ in những gì định dạng đầu ra cần (không tổng kết, không thanh tiến trình)',
    en: 'Print only what the output format needs (no summaries, no progress bar)',
  },
  debug: { vi: 'In stack trace khi có lỗi', en: 'Print stack traces on errors' },
  'no-color': { vi: 'Không tô màu (cũng tắt khi có biến NO_COLOR)', en: 'No colours (also off when NO_COLOR is set)' },
};

export const GLOBAL_OPTION_VALUES: Readonly<Record<string, string>> = { lang: 'vi|en' };
