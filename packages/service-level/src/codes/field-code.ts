import type { Qcvn102Level1Unit } from '@lienthong/edxml';
import { CODE_KINDS, checkCodeText, locationOf, quoteCode } from './code-text';
import { type CodeParseOptions, type CodeParseResult, resultFrom } from './parse-result';
import { fieldCodeFormat, fieldCodeLowercaseLetter } from './rules';

/**
 * A field code (mã ngành, lĩnh vực thủ tục hành chính), Điều 20 Thông tư 01/2018/TT-VPCP: `MX1X2-LV`, the
 * level-1 unit code (`MX1X2`, e.g. `G22`, `H56` — the last group of a QCVN 102 agency code) and the code of
 * the field in the catalogue the Government Office keeps (`LV`).
 *
 * The catalogue's own format for `LV` was not found in public sources (domain notes §2.3, §6), so only its
 * shape is checked: 1–32 ASCII letters and digits.
 */
export interface ParsedFieldCode {
  /** The code as written. */
  readonly code: string;
  /** The level-1 unit (`MX1X2`): its kind letter, its two digits and both together. */
  readonly level1: Qcvn102Level1Unit;
  /** The field part (`LV`), as written. */
  readonly field: string;
}

const FIELD_CODE = /^([A-Z])([0-9]{2})-([A-Za-z0-9]{1,32})$/;

/**
 * Parses a field code such as `G22-TP01` (illustrative: the form is `MX1X2-LV`). Never throws.
 */
export function parseFieldCode(text: string, options?: CodeParseOptions): CodeParseResult<ParsedFieldCode> {
  const checked = checkCodeText(text, CODE_KINDS.field, options);
  if (!checked.analysable) return { ok: false, issues: checked.issues };
  const location = locationOf(options);
  const match = FIELD_CODE.exec(checked.text);
  if (match === null) {
    const lowercaseLetter =
      /^[a-z]$/.test(checked.text.charAt(0)) &&
      FIELD_CODE.test(checked.text.charAt(0).toUpperCase() + checked.text.slice(1));
    const rule = lowercaseLetter ? fieldCodeLowercaseLetter : fieldCodeFormat;
    return { ok: false, issues: [...checked.issues, rule.issue({ value: quoteCode(text) }, location)] };
  }
  const [, kind, number, field] = match as unknown as [string, string, string, string];
  return resultFrom(checked.issues, () => ({
    code: checked.text,
    level1: { kind, number, code: `${kind}${number}` },
    field,
  }));
}
