import type { Issue, LocalizedText } from '@lienthong/report';
import { describeVietnamTime, parseVietnamTime } from '../calendar/vietnam-time';
import { dueBeforeReceived, returnedBeforeReceived, timeMissing, timeUnreadable } from './rules';

/** A dossier's times, read and checked: epoch milliseconds. */
export interface CheckedDossierTimes {
  readonly receivedAt: number;
  readonly dueAt: number;
  /** Absent while the result has not been returned. */
  readonly returnedAt?: number;
}

export type DossierTimesCheck =
  | { readonly ok: true; readonly times: CheckedDossierTimes }
  | { readonly ok: false; readonly issues: readonly Issue[] };

type TimeField = 'receivedAt' | 'dueAt' | 'returnedAt';

export const TIME_FIELD_LABELS: Readonly<Record<TimeField, LocalizedText>> = {
  receivedAt: {
    vi: 'thời điểm tiếp nhận (receivedAt, NgayTiepNhan)',
    en: 'the receipt time (receivedAt, NgayTiepNhan)',
  },
  dueAt: { vi: 'thời điểm hẹn trả (dueAt, NgayHenTra)', en: 'the due time (dueAt, NgayHenTra)' },
  returnedAt: {
    vi: 'thời điểm trả kết quả (returnedAt, NgayTra)',
    en: 'the return time (returnedAt, NgayTra)',
  },
};

function fieldOf(dossier: unknown, field: TimeField): unknown {
  return typeof dossier === 'object' && dossier !== null ? (dossier as Record<string, unknown>)[field] : undefined;
}

function pathOf(prefix: string, field: TimeField): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/**
 * Reads and checks the times of one dossier. `receivedAt` and `dueAt` are required; `returnedAt` absent,
 * `null` or `''` (an empty CSV cell) means "not returned". Issues are located at `<pathPrefix>.<field>`.
 */
export function checkDossierTimes(dossier: unknown, pathPrefix: string): DossierTimesCheck {
  const issues: Issue[] = [];
  const read = (field: TimeField, required: boolean): number | undefined => {
    const value = fieldOf(dossier, field);
    if (value === undefined || value === null || value === '') {
      if (required)
        issues.push(timeMissing.issue({ field: TIME_FIELD_LABELS[field] }, { path: pathOf(pathPrefix, field) }));
      return undefined;
    }
    const parsed = parseVietnamTime(value);
    if (!parsed.ok) {
      issues.push(
        timeUnreadable.issue(
          { field: TIME_FIELD_LABELS[field], reason: parsed.message },
          { path: pathOf(pathPrefix, field) },
        ),
      );
      return undefined;
    }
    return parsed.instant.getTime();
  };
  const receivedAt = read('receivedAt', true);
  const dueAt = read('dueAt', true);
  const returnedAt = read('returnedAt', false);
  if (issues.length > 0 || receivedAt === undefined || dueAt === undefined) return { ok: false, issues };

  if (returnedAt !== undefined && returnedAt < receivedAt) {
    issues.push(
      returnedBeforeReceived.issue(
        { returnedAt: describeVietnamTime(returnedAt), receivedAt: describeVietnamTime(receivedAt) },
        { path: pathOf(pathPrefix, 'returnedAt') },
      ),
    );
  }
  if (dueAt < receivedAt) {
    issues.push(
      dueBeforeReceived.issue(
        { dueAt: describeVietnamTime(dueAt), receivedAt: describeVietnamTime(receivedAt) },
        { path: pathOf(pathPrefix, 'dueAt') },
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, times: returnedAt === undefined ? { receivedAt, dueAt } : { receivedAt, dueAt, returnedAt } };
}
