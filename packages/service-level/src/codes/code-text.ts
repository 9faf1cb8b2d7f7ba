import type { Issue, LocalizedText, Location } from '@lienthong/report';
import type { CodeParseOptions } from './parse-result';
import { codeEmpty, codeNonAsciiDigit, codeNotText, codeSurroundingWhitespace, codeTooLong } from './rules';

/*
 * The checks every code gets before its own format: is it text, of a sane length, without surrounding
 * whitespace, with ASCII digits only. Codes come from spreadsheets, CSV files and other systems' JSON, so
 * these are the mistakes seen most; each gets its own rule so the message can say how to fix it.
 */

/**
 * Longer texts are refused unread. The longest valid code is a field code (3 + 1 + 32 characters); a
 * dossier code has 25 and a procedure code with its agency suffix 22. Every pattern below is anchored and
 * fixed-width or linear, so the cap bounds the work and the size of each message, not a backtracking risk.
 */
export const MAX_CODE_LENGTH = 100;

/** What a code is called in messages. */
export const CODE_KINDS = {
  agency: { vi: 'Mã định danh cơ quan', en: 'Agency code' },
  procedure: { vi: 'Mã thủ tục hành chính', en: 'Procedure code' },
  dossier: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  field: { vi: 'Mã lĩnh vực', en: 'Field code' },
} as const satisfies Record<string, LocalizedText>;

/**
 * Quotes a value for a message: long texts are cut and control characters escaped, so that a 10 MB cell or
 * a terminal escape sequence never ends up verbatim in a report.
 */
export function quoteCode(value: string, maxLength = 40): string {
  const shortened = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  return JSON.stringify(shortened);
}

export function locationOf(options: CodeParseOptions | undefined): Location | undefined {
  return options?.path === undefined ? undefined : { path: options.path };
}

function describeNonText(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// A decimal digit (Unicode Nd) other than 0–9: Arabic-Indic ١, full-width １, Devanagari १, …
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;

export type CodeTextCheck =
  | { readonly analysable: true; readonly text: string; readonly issues: readonly Issue[] }
  | { readonly analysable: false; readonly issues: readonly Issue[] };

/**
 * Runs the common checks. `analysable` is false when the text cannot be read as the code at all; otherwise
 * `text` is the text without surrounding whitespace, so the caller can still report its format problems
 * (the whitespace itself is already an error among `issues`).
 */
export function checkCodeText(value: unknown, kind: LocalizedText, options?: CodeParseOptions): CodeTextCheck {
  const location = locationOf(options);
  if (typeof value !== 'string') {
    return { analysable: false, issues: [codeNotText.issue({ kind, received: describeNonText(value) }, location)] };
  }
  if (value.length > MAX_CODE_LENGTH) {
    return {
      analysable: false,
      issues: [codeTooLong.issue({ kind, length: value.length, limit: MAX_CODE_LENGTH }, location)],
    };
  }
  const text = value.trim();
  if (text.length === 0) return { analysable: false, issues: [codeEmpty.issue({ kind }, location)] };
  const digit = NON_ASCII_DIGIT.exec(text)?.[0];
  if (digit !== undefined) {
    const codePoint = `U+${digit.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      analysable: false,
      issues: [codeNonAsciiDigit.issue({ kind, value: quoteCode(value), character: digit, codePoint }, location)],
    };
  }
  const issues = text === value ? [] : [codeSurroundingWhitespace.issue({ kind, value: quoteCode(value) }, location)];
  return { analysable: true, text, issues };
}
