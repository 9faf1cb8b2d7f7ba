import type { ParamValue } from '@lienthong/report';
import type { Findings } from '../findings';
import { classifyOrganId } from '../organ-id';
import {
  emptyField,
  emptyOrganId,
  invalidDate,
  invalidTimestamp,
  notAnInteger,
  nullOrganId,
  surroundingWhitespace,
  unknownCode,
  unrecognisedOrganId,
} from '../rules/header';
import { type LocalDate, parseEdxmlDate, parseEdxmlTimestamp } from '../time';

/*
 * Checks of single values, shared by the document and status checks. Each takes the logical path of the
 * value, which is also what messages call the field.
 */

/** Checks an organisation id: empty is an error, `null` and unknown forms are reported, QCVN 102/QĐ 20 pass. */
export function checkOrganId(findings: Findings, organId: string | undefined, path: string): void {
  if (organId === undefined) return;
  checkSurroundingWhitespace(findings, organId, path);
  switch (classifyOrganId(organId)) {
    case 'empty':
      findings.report(emptyOrganId, { field: path }, path);
      return;
    case 'null-literal':
      findings.report(nullOrganId, { field: path }, path);
      return;
    case 'other':
      findings.report(unrecognisedOrganId, { organId, field: path }, path);
      return;
    default:
      return;
  }
}

/**
 * Identifiers are compared exactly by receivers, so a stray space makes "the same" code differ. Reported as
 * information: the value is kept as written.
 */
export function checkSurroundingWhitespace(findings: Findings, value: string, path: string): void {
  if (value.trim() !== '' && value.trim() !== value) findings.report(surroundingWhitespace, { field: path }, path);
}

/** Checks a `yyyy/MM/dd` date; returns it when valid. */
export function checkDate(
  findings: Findings,
  value: string | undefined,
  path: string,
  field: ParamValue = path,
): LocalDate | undefined {
  if (value === undefined) return undefined;
  const parsed = parseEdxmlDate(value);
  if (parsed.ok) return parsed.value;
  findings.report(invalidDate, { field, reason: parsed.message }, path);
  return undefined;
}

/** Checks a `yyyy/MM/dd HH:mm:ss` timestamp; returns its instant when valid. */
export function checkTimestamp(findings: Findings, value: string | undefined, path: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseEdxmlTimestamp(value);
  if (parsed.ok) return parsed.instant;
  findings.report(invalidTimestamp, { field: path, reason: parsed.message }, path);
  return undefined;
}

const DIGITS = /^[0-9]{1,18}$/;

/** Checks a non-negative integer written in decimal digits. */
export function checkInteger(findings: Findings, value: string | undefined, path: string): void {
  if (value === undefined) return;
  if (!DIGITS.test(value)) findings.report(notAnInteger, { field: path, value }, path);
}

/** Reports a code outside its list; unknown values are kept, so this is a warning. */
export function checkCode(findings: Findings, value: string | undefined, known: readonly string[], path: string): void {
  if (value === undefined) return;
  if (!known.includes(value)) findings.report(unknownCode, { field: path, value, known: known.join(', ') }, path);
}

/** Reports a present but blank field. Returns whether the value has content. */
export function checkNotBlank(findings: Findings, value: string | undefined, path: string): boolean {
  if (value === undefined) return false;
  if (value.trim() === '') {
    findings.report(emptyField, { field: path }, path);
    return false;
  }
  return true;
}
