import type { LocalizedText } from '@lienthong/report';
import { quoteForMessage } from '../time/message-text';

/**
 * QĐ 20/2020/QĐ-TTg organisation codes (domain notes §5.2). The decision's structure article was not
 * available, so this is deliberately lenient: a level-1 code — letter plus two digits, e.g. `G12` (Bộ Tài
 * chính in 2025 axis traffic) — optionally followed by dot-separated upper-case alphanumeric segments,
 * i.e. `^[A-Z]\d{2}(\.[0-9A-Z]+)*$`. Lower-level QĐ 20 codes were not observed, so segments stay opaque.
 */

export interface ParsedQd20Code {
  /** The code as written. */
  readonly code: string;
  /** The level-1 unit, e.g. `{ kind: 'G', number: '12', code: 'G12' }`. */
  readonly level1: { readonly kind: string; readonly number: string; readonly code: string };
  /** The segments after the level-1 code, in written order; their meaning is not documented. */
  readonly lowerSegments: readonly string[];
  /** 1 + the number of lower segments. */
  readonly depth: number;
}

export type Qd20ParseFailureReason = 'empty' | 'surrounding-whitespace' | 'lowercase-letter' | 'format';

export type Qd20ParseResult =
  | { readonly ok: true; readonly value: ParsedQd20Code }
  | { readonly ok: false; readonly reason: Qd20ParseFailureReason; readonly message: LocalizedText };

export const QD20_CODE_PATTERN_TEXT = '^[A-Z]\\d{2}(\\.[0-9A-Z]+)*$';

// The pattern above has a quantified group; to keep matching obviously linear, the prefix is matched
// with a fixed-width regex and each dot-separated segment with a flat one.
const LEVEL1 = /^([A-Z])([0-9]{2})$/;
const SEGMENT = /^[0-9A-Z]+$/;

function splitQd20(text: string): { level1: RegExpExecArray; segments: string[] } | null {
  const [first, ...segments] = text.split('.');
  const level1 = LEVEL1.exec(first ?? '');
  if (level1 === null) return null;
  if (!segments.every((segment) => SEGMENT.test(segment))) return null;
  return { level1, segments };
}

/** True when the text has the QĐ 20 shape (`G12`, `H41.01`…). Never throws. */
export function looksLikeQd20Code(text: string): boolean {
  return typeof text === 'string' && splitQd20(text) !== null;
}

function failure(reason: Qd20ParseFailureReason, text: unknown): Qd20ParseResult {
  const quoted = quoteForMessage(text);
  const messages: Record<Qd20ParseFailureReason, LocalizedText> = {
    empty: {
      vi: 'Mã định danh trống; mã theo QĐ 20/2020/QĐ-TTg có dạng chữ cái và hai chữ số, ví dụ G12.',
      en: 'The organisation code is empty; a QĐ 20/2020/QĐ-TTg code is a letter and two digits, e.g. G12.',
    },
    'surrounding-whitespace': {
      vi: `Mã định danh ${quoted} có khoảng trắng ở đầu hoặc cuối.`,
      en: `Organisation code ${quoted} has leading or trailing whitespace.`,
    },
    'lowercase-letter': {
      vi: `Mã định danh ${quoted} phải viết hoa (ví dụ G12, không phải g12).`,
      en: `Organisation code ${quoted} must be upper-case (G12, not g12).`,
    },
    format: {
      vi: `${quoted} không có dạng mã định danh theo QĐ 20/2020/QĐ-TTg (ví dụ G12).`,
      en: `${quoted} does not have the shape of a QĐ 20/2020/QĐ-TTg organisation code (e.g. G12).`,
    },
  };
  return { ok: false, reason, message: messages[reason] };
}

/** Reads a QĐ 20 code leniently (see the module comment). Never throws. */
export function parseQd20Code(text: string): Qd20ParseResult {
  if (typeof text !== 'string') return failure('format', text);
  if (text.trim().length === 0) return failure('empty', text);
  const split = splitQd20(text);
  if (split === null) {
    if (text.trim() !== text && splitQd20(text.trim()) !== null) return failure('surrounding-whitespace', text);
    if (splitQd20(text.toUpperCase()) !== null) return failure('lowercase-letter', text);
    return failure('format', text);
  }
  const [, kind, number] = split.level1 as unknown as string[];
  return {
    ok: true,
    value: {
      code: text,
      level1: { kind: kind!, number: number!, code: `${kind}${number}` },
      lowerSegments: split.segments,
      depth: 1 + split.segments.length,
    },
  };
}
