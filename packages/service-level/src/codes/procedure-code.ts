import { isQcvn102Code } from '@lienthong/edxml';
import type { Issue } from '@lienthong/report';
import { ServiceLevelError } from '../errors';
import { type ParsedAgencyCode, readAgencyCode } from './agency-code';
import { CODE_KINDS, checkCodeText, locationOf, quoteCode } from './code-text';
import { type CodeParseOptions, type CodeParseResult, resultFrom } from './parse-result';
import { procedureCodeAgencyInvalid, procedureCodeFormat, procedureCodeUnusualLeadingDigit } from './rules';

/**
 * An administrative procedure code (mã thủ tục hành chính) as the national database of procedures and the
 * National Public Service Portal use it (`LayThuTuc {maTTHC}`): `d.dddddd`, e.g. `1.005129`. A locally
 * offered service appends the agency code: `1.002809.000.00.00.H56` (domain notes §2.2).
 */
export interface ParsedProcedureCode {
  /** The code as written. */
  readonly code: string;
  /** The national procedure code, `d.dddddd`, e.g. `1.002809`. */
  readonly national: string;
  /** Its first digit. Only 1, 2 and 3 are seen in public codes; what the digit means was not found. */
  readonly leadingDigit: string;
  /** Its six-digit number, e.g. `002809`. */
  readonly serial: string;
  /** The agency suffix, e.g. `000.00.00.H56`, when the code names the agency offering the procedure. */
  readonly agencyCode?: string;
  /** The agency suffix read into its levels. */
  readonly agency?: ParsedAgencyCode;
}

// Fixed-width head; the optional tail is checked as an agency code on its own.
const PROCEDURE_CODE = /^([0-9])\.([0-9]{6})(?:\.(.+))?$/;
const NATIONAL_PROCEDURE_CODE = /^[0-9]\.[0-9]{6}$/;
/** Leading digits seen in public procedure codes (domain notes §2.2). Others are accepted with a warning. */
const OBSERVED_LEADING_DIGITS: readonly string[] = ['1', '2', '3'];

/**
 * Parses a procedure code, with or without its agency suffix. Never throws.
 *
 * The check of the leading digit is deliberately loose: only 1–3 are observed and their meaning is
 * unknown, so another digit gives a warning (`SL-CODE-021`), not an error, and the code is returned.
 *
 * @example
 * parseProcedureCode('1.002809.000.00.00.H56');
 * // { ok: true, value: { code: '1.002809.000.00.00.H56', national: '1.002809', leadingDigit: '1',
 * //   serial: '002809', agencyCode: '000.00.00.H56', agency: { … } }, issues: [] }
 */
export function parseProcedureCode(text: string, options?: CodeParseOptions): CodeParseResult<ParsedProcedureCode> {
  const checked = checkCodeText(text, CODE_KINDS.procedure, options);
  if (!checked.analysable) return { ok: false, issues: checked.issues };
  const location = locationOf(options);
  const match = PROCEDURE_CODE.exec(checked.text);
  if (match === null) {
    return { ok: false, issues: [...checked.issues, procedureCodeFormat.issue({ value: quoteCode(text) }, location)] };
  }
  const [, leadingDigit, serial, agencyCode] = match as unknown as [string, string, string, string | undefined];
  const national = `${leadingDigit}.${serial}`;
  const issues: Issue[] = [...checked.issues];
  if (!OBSERVED_LEADING_DIGITS.includes(leadingDigit)) {
    issues.push(
      procedureCodeUnusualLeadingDigit.issue({ value: quoteCode(checked.text), digit: leadingDigit }, location),
    );
  }
  let agency: ParsedAgencyCode | undefined;
  if (agencyCode !== undefined) {
    const read = readAgencyCode(agencyCode, location);
    agency = read.value;
    for (const issue of read.issues) {
      issues.push(
        issue.severity === 'error'
          ? procedureCodeAgencyInvalid.issue(
              { agencyCode: quoteCode(agencyCode), national, reason: issue.message },
              location,
            )
          : issue,
      );
    }
  }
  return resultFrom(issues, () => ({
    code: checked.text,
    national,
    leadingDigit,
    serial,
    ...(agencyCode === undefined ? {} : { agencyCode, agency: agency! }),
  }));
}

/**
 * Writes a procedure code: the national code, then the agency code when given. The inverse of
 * `parseProcedureCode`. Throws `ServiceLevelError` (`INVALID_ARGUMENT`) when a part could not be parsed
 * back — the parts come from the caller's code, not from input data.
 */
export function formatProcedureCode(parts: { readonly national: string; readonly agencyCode?: string }): string {
  const { national, agencyCode } = parts;
  if (!(typeof national === 'string' && NATIONAL_PROCEDURE_CODE.test(national))) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `national must look like 1.002809, got ${JSON.stringify(national)}`,
    );
  }
  if (agencyCode === undefined) return national;
  if (!isQcvn102Code(agencyCode)) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `agencyCode must be a QCVN 102 code like 000.00.00.H56, got ${JSON.stringify(agencyCode)}`,
    );
  }
  return `${national}.${agencyCode}`;
}
