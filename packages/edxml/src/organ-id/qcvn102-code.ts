import type { LocalizedText } from '@lienthong/report';
import { quoteForMessage } from '../time/message-text';

/**
 * QCVN 102:2016 organisation codes, `NNN.NN.NN.LNN` (domain notes §5.1), e.g. `000.00.18.G12`.
 *
 * Reading of the groups — inferred [I], consistent with every sourced example and with the regulation
 * text quoted in S10 about level-2..4 units: the RIGHTMOST group is the level-1 unit (a letter for its kind,
 * `G` ministries and government bodies, `H` provincial People's Committees, then two digits), followed
 * leftwards by level 2 (`NN`), level 3 (`NN`) and level 4 (`NNN`). All zeros mean "no unit at this level".
 * So `000.00.18.G12` = level-2 unit 18 (Tổng cục Thuế) of level-1 unit G12 (Bộ Tài chính).
 */

/** The level-1 unit: kind letter plus two digits, e.g. `{ kind: 'G', number: '12', code: 'G12' }`. */
export interface Qcvn102Level1Unit {
  readonly kind: string;
  readonly number: string;
  readonly code: string;
}

/** The four levels of a QCVN 102 code; `null` where the group is all zeros (no unit at that level). */
export interface Qcvn102Levels {
  readonly level1: Qcvn102Level1Unit;
  /** Two digits, e.g. `'18'`. */
  readonly level2: string | null;
  /** Two digits. */
  readonly level3: string | null;
  /** Three digits. */
  readonly level4: string | null;
}

export interface ParsedQcvn102Code extends Qcvn102Levels {
  /** The code as written. */
  readonly code: string;
  /** The deepest level that is set: 1 for `000.00.00.G12`, 2 for `000.00.18.G12`, 4 for `001.02.03.H41`. */
  readonly depth: 1 | 2 | 3 | 4;
  /**
   * A lower level is set while a level above it is zero, e.g. `002.00.20.H13` (seen in an axis error
   * message, §6). Real codes do this, so it is reported, not refused.
   */
  readonly hasLevelGap: boolean;
}

/** Why a text is not a QCVN 102 code. The specific reasons let a validator suggest the fix. */
export type Qcvn102ParseFailureReason = 'empty' | 'surrounding-whitespace' | 'lowercase-letter' | 'format';

export type Qcvn102ParseResult =
  | { readonly ok: true; readonly value: ParsedQcvn102Code }
  | { readonly ok: false; readonly reason: Qcvn102ParseFailureReason; readonly message: LocalizedText };

/** Source form of the pattern from §5.2, for documentation and error messages. */
export const QCVN102_CODE_PATTERN_TEXT = 'NNN.NN.NN.LNN';

// Fixed-width and anchored: linear-time.
const QCVN102_CODE = /^([0-9]{3})\.([0-9]{2})\.([0-9]{2})\.([A-Z])([0-9]{2})$/;

function levelOrNull(group: string): string | null {
  return /^0+$/.test(group) ? null : group;
}

function deepestLevel(levels: Pick<Qcvn102Levels, 'level2' | 'level3' | 'level4'>): 1 | 2 | 3 | 4 {
  if (levels.level4 !== null) return 4;
  if (levels.level3 !== null) return 3;
  if (levels.level2 !== null) return 2;
  return 1;
}

function hasGap(levels: Pick<Qcvn102Levels, 'level2' | 'level3' | 'level4'>): boolean {
  const depth = deepestLevel(levels);
  return (depth >= 3 && levels.level2 === null) || (depth === 4 && levels.level3 === null);
}

function failure(reason: Qcvn102ParseFailureReason, text: unknown): Qcvn102ParseResult {
  const quoted = quoteForMessage(text);
  const messages: Record<Qcvn102ParseFailureReason, LocalizedText> = {
    empty: {
      vi: 'Mã định danh trống; mã theo QCVN 102 có dạng NNN.NN.NN.LNN, ví dụ 000.00.00.G12.',
      en: 'The organisation code is empty; a QCVN 102 code looks like NNN.NN.NN.LNN, e.g. 000.00.00.G12.',
    },
    'surrounding-whitespace': {
      vi: `Mã định danh ${quoted} có khoảng trắng ở đầu hoặc cuối.`,
      en: `Organisation code ${quoted} has leading or trailing whitespace.`,
    },
    'lowercase-letter': {
      vi: `Mã định danh ${quoted} phải viết hoa chữ cái chỉ loại đơn vị (ví dụ G12, không phải g12).`,
      en: `Organisation code ${quoted} must use an upper-case kind letter (G12, not g12).`,
    },
    format: {
      vi: `${quoted} không phải mã định danh theo QCVN 102 (dạng NNN.NN.NN.LNN, ví dụ 000.00.18.G12).`,
      en: `${quoted} is not a QCVN 102 organisation code (form NNN.NN.NN.LNN, e.g. 000.00.18.G12).`,
    },
  };
  return { ok: false, reason, message: messages[reason] };
}

/**
 * Reads a QCVN 102 organisation code into its levels. Never throws; anything else gets a reason.
 * Accepts exactly `NNN.NN.NN.LNN` with an upper-case ASCII letter: OrganId is opaque at the transport layer
 * (§5), so callers decide what a non-102 identifier means (see `classifyOrganId`).
 */
export function parseQcvn102Code(text: string): Qcvn102ParseResult {
  if (typeof text !== 'string') return failure('format', text);
  if (text.trim().length === 0) return failure('empty', text);
  const match = QCVN102_CODE.exec(text);
  if (match === null) {
    if (text.trim() !== text && QCVN102_CODE.test(text.trim())) return failure('surrounding-whitespace', text);
    if (QCVN102_CODE.test(text.toUpperCase())) return failure('lowercase-letter', text);
    return failure('format', text);
  }
  const [, level4Group, level3Group, level2Group, kind, number] = match as unknown as string[];
  const lowerLevels = {
    level2: levelOrNull(level2Group!),
    level3: levelOrNull(level3Group!),
    level4: levelOrNull(level4Group!),
  };
  return {
    ok: true,
    value: {
      code: text,
      level1: { kind: kind!, number: number!, code: `${kind}${number}` },
      ...lowerLevels,
      depth: deepestLevel(lowerLevels),
      hasLevelGap: hasGap(lowerLevels),
    },
  };
}

/** True when the text is exactly a QCVN 102 code. */
export function isQcvn102Code(text: string): boolean {
  return typeof text === 'string' && QCVN102_CODE.test(text);
}

/** What `formatQcvn102Code` needs: the level-1 unit's kind and number (its `code`, if given, must agree). */
export interface Qcvn102LevelsInput {
  readonly level1: { readonly kind: string; readonly number: string; readonly code?: string };
  readonly level2: string | null;
  readonly level3: string | null;
  readonly level4: string | null;
}

function assertDigits(value: string | null, width: number, name: string): void {
  if (value !== null && !(typeof value === 'string' && value.length === width && /^[0-9]+$/.test(value))) {
    throw new RangeError(`${name} must be null or ${width} digits, got ${JSON.stringify(value)}`);
  }
}

/**
 * Writes levels back as `NNN.NN.NN.LNN` (null levels become zeros); the inverse of `parseQcvn102Code`.
 * Throws `RangeError` for levels no code can hold — these come from the caller's own code, not from input.
 */
export function formatQcvn102Code(levels: Qcvn102LevelsInput): string {
  const { kind, number, code } = levels.level1;
  if (!(typeof kind === 'string' && /^[A-Z]$/.test(kind))) {
    throw new RangeError(`level1.kind must be one upper-case letter A–Z, got ${JSON.stringify(kind)}`);
  }
  assertDigits(number, 2, 'level1.number');
  if (code !== undefined && code !== `${kind}${number}`) {
    throw new RangeError(`level1.code ${JSON.stringify(code)} disagrees with kind and number ${kind}${number}`);
  }
  assertDigits(levels.level2, 2, 'level2');
  assertDigits(levels.level3, 2, 'level3');
  assertDigits(levels.level4, 3, 'level4');
  return `${levels.level4 ?? '000'}.${levels.level3 ?? '00'}.${levels.level2 ?? '00'}.${kind}${number}`;
}

/**
 * What the kind letter of a level-1 unit is believed to mean. Only G and H are attested (§5.1), and even
 * their meaning is an inference [I]; other letters exist for other branches but are not verified.
 */
export const QCVN102_LEVEL1_KIND_LABELS: Readonly<
  Record<'G' | 'H', { readonly label: LocalizedText; readonly confidence: 'I' }>
> = {
  G: {
    label: {
      vi: 'Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      en: 'Ministry, ministerial-level agency or government body',
    },
    confidence: 'I',
  },
  H: {
    label: { vi: 'Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương', en: "Provincial People's Committee" },
    confidence: 'I',
  },
};
