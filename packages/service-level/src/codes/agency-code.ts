import { type ParsedQcvn102Code, parseQcvn102Code } from '@lienthong/edxml';
import type { Issue, Location } from '@lienthong/report';
import { CODE_KINDS, checkCodeText, locationOf, quoteCode } from './code-text';
import { type CodeParseOptions, type CodeParseResult, resultFrom } from './parse-result';
import { agencyCodeFormat, agencyCodeLevelGap, agencyCodeLowercaseLetter } from './rules';

/**
 * An agency (organisation) code, mã định danh đơn vị, `NNN.NN.NN.LNN` (QCVN 102:2016/BTTTT, quoted by
 * Điều 19 Thông tư 01/2018/TT-VPCP), read into its levels: `000.00.01.H56` is level-2 unit `01` of the
 * level-1 unit `H56`. The reading is @lienthong/edxml's (`parseQcvn102Code`): the rightmost group is the
 * level-1 unit (a letter — `G` ministries, `H` provinces, an inference — and two digits), then levels 2, 3
 * and 4 leftwards; all-zero groups are `null`.
 */
export type ParsedAgencyCode = ParsedQcvn102Code;

/**
 * Checks the format of an agency code that is already free of the common text problems, and says what is
 * wrong with it. Shared with the codes that embed an agency code (procedure and dossier codes).
 */
export function readAgencyCode(
  text: string,
  location: Location | undefined,
): { readonly value?: ParsedAgencyCode; readonly issues: readonly Issue[] } {
  const parsed = parseQcvn102Code(text);
  const value = quoteCode(text);
  if (!parsed.ok) {
    const rule = parsed.reason === 'lowercase-letter' ? agencyCodeLowercaseLetter : agencyCodeFormat;
    return { issues: [rule.issue({ value }, location)] };
  }
  return {
    value: parsed.value,
    issues: parsed.value.hasLevelGap ? [agencyCodeLevelGap.issue({ value }, location)] : [],
  };
}

/**
 * Parses an agency code such as `000.00.01.H56` or `000.00.00.G22`. Never throws: anything that is not
 * exactly `NNN.NN.NN.LNN` (ASCII digits, an upper-case ASCII letter) comes back as issues.
 *
 * @example
 * parseAgencyCode('000.00.01.H56');
 * // { ok: true, value: { code: '000.00.01.H56', level1: { kind: 'H', number: '56', code: 'H56' },
 * //   level2: '01', level3: null, level4: null, depth: 2, hasLevelGap: false }, issues: [] }
 */
export function parseAgencyCode(text: string, options?: CodeParseOptions): CodeParseResult<ParsedAgencyCode> {
  const checked = checkCodeText(text, CODE_KINDS.agency, options);
  if (!checked.analysable) return { ok: false, issues: checked.issues };
  const read = readAgencyCode(checked.text, locationOf(options));
  return resultFrom([...checked.issues, ...read.issues], () => read.value!);
}
