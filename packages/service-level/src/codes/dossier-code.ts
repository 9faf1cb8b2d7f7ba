import { isQcvn102Code } from '@lienthong/edxml';
import type { Issue } from '@lienthong/report';
import { calendarDateProblem, isoDate, readIsoDate, vietnamDateOf } from '../calendar/calendar-date';
import { ServiceLevelError } from '../errors';
import { type ParsedAgencyCode, readAgencyCode } from './agency-code';
import { CODE_KINDS, checkCodeText, locationOf, quoteCode } from './code-text';
import { type CodeParseOptions, type CodeParseResult, resultFrom } from './parse-result';
import {
  dossierCodeAgencyInvalid,
  dossierCodeBeforeCircular,
  dossierCodeDateInvalid,
  dossierCodeFormat,
  dossierCodeSequenceZero,
} from './rules';

/**
 * A dossier code (mã số hồ sơ), Điều 19 Thông tư 01/2018/TT-VPCP: `<agency code>-YYMMDD-XXXX`, the code of
 * the receiving agency (QCVN 102:2016), the date the dossier was received and its sequence number among
 * the dossiers received that day, e.g. `000.00.01.H56-250224-0001`.
 *
 * The two-digit year is read as 20YY (`25` → 2025). The format took effect on 2019-01-06, so no dossier
 * code can be from the 1900s, and 20YY covers every year to 2099; a date before 2019-01-06 is accepted with
 * a warning (`SL-CODE-034`), since it more likely shows a wrong year than a code written before the rule.
 */
export interface ParsedDossierCode {
  /** The code as written. */
  readonly code: string;
  /** The receiving agency's code, e.g. `000.00.01.H56`. */
  readonly agencyCode: string;
  readonly agency: ParsedAgencyCode;
  /** The date received, ISO `YYYY-MM-DD` (a calendar date in Vietnam, no time or zone). */
  readonly receivedOn: string;
  /** The sequence number among the dossiers received that day, 1–9999. */
  readonly sequence: number;
}

/** The first day of Thông tư 01/2018/TT-VPCP, which set the format (domain notes §2.3). */
export const DOSSIER_CODE_FORMAT_IN_FORCE_FROM = '2019-01-06';

/** `YY` of the code is read as this century: 20YY. */
const CENTURY = 2000;

// The agency part is checked on its own; the tail is fixed-width, so matching is linear.
const DOSSIER_CODE = /^(.+)-([0-9]{2})([0-9]{2})([0-9]{2})-([0-9]{4})$/;

/**
 * Parses a dossier code: the agency part as an agency code, the date as a real calendar date (2019-02-29 is
 * refused, 2020-02-29 accepted), the sequence as 0001–9999. Never throws.
 *
 * @example
 * parseDossierCode('000.00.01.H56-250224-0001');
 * // { ok: true, value: { code: '000.00.01.H56-250224-0001', agencyCode: '000.00.01.H56', agency: { … },
 * //   receivedOn: '2025-02-24', sequence: 1 }, issues: [] }
 */
export function parseDossierCode(text: string, options?: CodeParseOptions): CodeParseResult<ParsedDossierCode> {
  const checked = checkCodeText(text, CODE_KINDS.dossier, options);
  if (!checked.analysable) return { ok: false, issues: checked.issues };
  const location = locationOf(options);
  const value = quoteCode(checked.text);
  const match = DOSSIER_CODE.exec(checked.text);
  if (match === null) {
    return { ok: false, issues: [...checked.issues, dossierCodeFormat.issue({ value: quoteCode(text) }, location)] };
  }
  const [, agencyCode, yy, mm, dd, sequenceText] = match as unknown as string[] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const issues: Issue[] = [...checked.issues];

  const agency = readAgencyCode(agencyCode, location);
  for (const issue of agency.issues) {
    issues.push(
      issue.severity === 'error'
        ? dossierCodeAgencyInvalid.issue({ agencyCode: quoteCode(agencyCode), value, reason: issue.message }, location)
        : issue,
    );
  }

  const [year, month, day] = [CENTURY + Number(yy), Number(mm), Number(dd)];
  const dateProblem = calendarDateProblem(year, month, day);
  const receivedOn = isoDate(year, month, day);
  if (dateProblem !== undefined) {
    issues.push(dossierCodeDateInvalid.issue({ yymmdd: `${yy}${mm}${dd}`, value, reason: dateProblem }, location));
  } else if (receivedOn < DOSSIER_CODE_FORMAT_IN_FORCE_FROM) {
    issues.push(dossierCodeBeforeCircular.issue({ receivedOn, value }, location));
  }

  const sequence = Number(sequenceText);
  if (sequence === 0) issues.push(dossierCodeSequenceZero.issue({ sequence: sequenceText, value }, location));

  return resultFrom(issues, () => ({ code: checked.text, agencyCode, agency: agency.value!, receivedOn, sequence }));
}

/** What `formatDossierCode` needs. */
export interface DossierCodeParts {
  /** The receiving agency's QCVN 102 code, e.g. `000.00.01.H56`. */
  readonly agencyCode: string;
  /**
   * The date received: an ISO date `YYYY-MM-DD`, or an instant (`Date`), which is taken on Vietnam's
   * calendar (UTC+7) whatever the machine's time zone. The year must be 2000–2099.
   */
  readonly receivedOn: string | Date;
  /** 1–9999. */
  readonly sequence: number;
}

function invalid(message: string): never {
  throw new ServiceLevelError('INVALID_ARGUMENT', message);
}

/**
 * Writes a dossier code, the inverse of `parseDossierCode`:
 * `formatDossierCode({ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: 1 })` is
 * `000.00.01.H56-250224-0001`. Throws `ServiceLevelError` (`INVALID_ARGUMENT`) for parts no code can hold
 * (a malformed agency code, a date that does not exist or is outside 2000–2099, a sequence outside 1–9999):
 * the parts come from the caller's own code, not from input data.
 */
export function formatDossierCode(parts: DossierCodeParts): string {
  const { agencyCode, receivedOn, sequence } = parts;
  if (!isQcvn102Code(agencyCode)) {
    invalid(`agencyCode must be a QCVN 102 code like 000.00.01.H56, got ${JSON.stringify(agencyCode)}`);
  }
  const dateText = receivedOn instanceof Date ? vietnamDateOf(receivedOn) : receivedOn;
  const date = dateText === undefined ? undefined : readIsoDate(dateText);
  if (date === undefined) {
    invalid(
      `receivedOn must be a real date YYYY-MM-DD or a valid Date, got ${JSON.stringify(dateText ?? 'Invalid Date')}`,
    );
  }
  if (date.year < CENTURY || date.year > CENTURY + 99) {
    invalid(`receivedOn must be in 2000–2099 (the code keeps two digits of the year), got ${dateText}`);
  }
  if (!(Number.isInteger(sequence) && sequence >= 1 && sequence <= 9999)) {
    invalid(`sequence must be an integer from 1 to 9999, got ${String(sequence)}`);
  }
  const yymmdd = isoDate(date.year, date.month, date.day).slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}
