import type { LocalizedText } from '@lienthong/report';
import { z } from 'zod';
import { quoteForMessage } from '../time/message-text';
import { classifyOrganId } from './classify';

/**
 * A directory of organisations mapping QĐ 20/2020 codes to legacy QCVN 102 codes. The entry shape
 * mirrors the axis `getAgenciesListQD20` response items (`code, id, mail, name, code102`, §6), so a
 * downloaded directory (~111,000 entries in 2025) can be loaded as is.
 */
export interface OrganDirectoryEntry {
  /** The organisation's code as the directory lists it: the QĐ 20 code in `getAgenciesListQD20` data. */
  readonly code: string;
  /** The legacy QCVN 102 code (`000.00.00.G12`), when the directory knows one. */
  readonly code102?: string | null;
  /** The axis' internal id of the entry. */
  readonly id?: string | number | null;
  readonly mail?: string | null;
  readonly name?: string | null;
}

export type OrganDirectoryProblemKind = 'empty-code' | 'duplicate-code' | 'duplicate-code102';

/** A defect of the loaded data. The directory still works: the first entry for a key wins. */
export interface OrganDirectoryProblem {
  /** Index of the entry in the array given to `createOrganDirectory`. */
  readonly index: number;
  readonly kind: OrganDirectoryProblemKind;
  readonly message: LocalizedText;
  /** For duplicates: the index of the entry that is kept. */
  readonly keptIndex?: number;
}

export interface OrganDirectory<Entry extends OrganDirectoryEntry = OrganDirectoryEntry> {
  readonly entries: readonly Entry[];
  readonly problems: readonly OrganDirectoryProblem[];
  /**
   * The entry for an id, matched against `code` first, then `code102` — during the QĐ 20 migration the
   * axis lists both `G12` and `000.00.00.G12` (§1.6), and either should find the organisation.
   */
  lookup(id: string): Entry | undefined;
  /**
   * The QCVN 102 code of the organisation `id` names (a QĐ 20 or a 102 code): its `code102`, or its
   * `code` when that is itself a 102 code. `undefined` when the directory does not know one.
   */
  toQcvn102(id: string): string | undefined;
  /**
   * The QĐ 20 code of the organisation `id` names: the `code` of an entry that maps a `code102`, or a
   * `code` that has the QĐ 20 shape. `undefined` when the directory does not know one — it is never guessed.
   */
  toQd20(id: string): string | undefined;
}

function presentText(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length === 0 ? undefined : trimmed;
}

function problem(
  index: number,
  kind: OrganDirectoryProblemKind,
  key: string | undefined,
  keptIndex?: number,
): OrganDirectoryProblem {
  const quoted = quoteForMessage(key ?? '');
  const messages: Record<OrganDirectoryProblemKind, LocalizedText> = {
    'empty-code': {
      vi: `Mục ${index} của danh mục không có mã (code); mục này bị bỏ qua khi tra cứu theo mã.`,
      en: `Directory entry ${index} has no code; it cannot be found by code.`,
    },
    'duplicate-code': {
      vi: `Mục ${index} của danh mục trùng mã ${quoted} với mục ${keptIndex}; dùng mục ${keptIndex}.`,
      en: `Directory entry ${index} repeats code ${quoted} of entry ${keptIndex}; entry ${keptIndex} is used.`,
    },
    'duplicate-code102': {
      vi: `Mục ${index} của danh mục trùng mã QCVN 102 ${quoted} với mục ${keptIndex}; dùng mục ${keptIndex}.`,
      en: `Directory entry ${index} repeats QCVN 102 code ${quoted} of entry ${keptIndex}; entry ${keptIndex} is used.`,
    },
  };
  return keptIndex === undefined
    ? { index, kind, message: messages[kind] }
    : { index, kind, message: messages[kind], keptIndex };
}

/**
 * Builds a directory for fast lookups. Codes are compared after trimming and otherwise exactly (codes
 * are upper-case by convention; the axis treats them as opaque strings). Never throws on bad data:
 * defects are listed in `problems`.
 */
export function createOrganDirectory<Entry extends OrganDirectoryEntry>(
  entries: readonly Entry[],
): OrganDirectory<Entry> {
  const byCode = new Map<string, { entry: Entry; index: number }>();
  const byCode102 = new Map<string, { entry: Entry; index: number }>();
  const problems: OrganDirectoryProblem[] = [];

  entries.forEach((entry, index) => {
    const code = presentText(entry?.code);
    if (code === undefined) {
      problems.push(problem(index, 'empty-code', undefined));
    } else {
      const existing = byCode.get(code);
      if (existing === undefined) byCode.set(code, { entry, index });
      else problems.push(problem(index, 'duplicate-code', code, existing.index));
    }
    const code102 = presentText(entry?.code102);
    if (code102 !== undefined) {
      const existing = byCode102.get(code102);
      if (existing === undefined) byCode102.set(code102, { entry, index });
      else problems.push(problem(index, 'duplicate-code102', code102, existing.index));
    }
  });

  function byPrimaryCode(id: string): Entry | undefined {
    const key = presentText(id);
    return key === undefined ? undefined : byCode.get(key)?.entry;
  }

  function byLegacyCode(id: string): Entry | undefined {
    const key = presentText(id);
    return key === undefined ? undefined : byCode102.get(key)?.entry;
  }

  return {
    entries,
    problems,
    lookup: (id) => byPrimaryCode(id) ?? byLegacyCode(id),
    toQcvn102(id) {
      const primary = byPrimaryCode(id);
      if (primary !== undefined) {
        const code102 = presentText(primary.code102);
        if (code102 !== undefined) return code102;
        const code = presentText(primary.code);
        if (code !== undefined && classifyOrganId(code) === 'qcvn102') return code;
      }
      // `id` is itself some entry's legacy code.
      return byLegacyCode(id) === undefined ? undefined : presentText(id);
    },
    toQd20(id) {
      // A row mapping `id` as its legacy code wins: during the migration the old code may also be listed
      // as a row of its own (§1.6), which says nothing about the QĐ 20 code.
      const mapping = byLegacyCode(id);
      if (mapping !== undefined) return presentText(mapping.code);
      const primary = byPrimaryCode(id);
      if (primary === undefined) return undefined;
      const code = presentText(primary.code);
      if (code === undefined) return undefined;
      // A row that maps a legacy code is a QĐ 20 directory row, so its `code` is the QĐ 20 code.
      if (presentText(primary.code102) !== undefined) return code;
      return classifyOrganId(code) === 'qd20' ? code : undefined;
    },
  };
}

/** One item of the axis `getAgenciesListQD20` response `data` array (lenient: extra fields are kept). */
export const AxisAgencyQd20EntrySchema = z.looseObject({
  code: z.string().trim().min(1),
  id: z.union([z.string(), z.number()]).nullish(),
  mail: z.string().nullish(),
  name: z.string().nullish(),
  code102: z.string().nullish(),
});

export interface AxisAgencyListIssue {
  /** Index in the `data` array, or null for a problem with the response as a whole. */
  readonly index: number | null;
  readonly message: LocalizedText;
}

export interface AxisAgencyListReading {
  readonly entries: OrganDirectoryEntry[];
  readonly issues: AxisAgencyListIssue[];
}

const AxisResponseEnvelopeSchema = z.looseObject({
  status: z.string().optional(),
  ErrorCode: z.union([z.string(), z.number()]).optional(),
  ErrorDesc: z.string().optional(),
  data: z.array(z.unknown()).optional(),
});

/**
 * Reads a downloaded `getAgenciesListQD20` response — the whole JSON object (`{status, ErrorCode,
 * ErrorDesc, data}`) or just its `data` array — into directory entries. Bad items are skipped and listed
 * in `issues`; never throws.
 */
export function readAxisAgencyListQd20(json: unknown): AxisAgencyListReading {
  let items: unknown[];
  const issues: AxisAgencyListIssue[] = [];
  if (Array.isArray(json)) {
    items = json;
  } else {
    const envelope = AxisResponseEnvelopeSchema.safeParse(json);
    if (!envelope.success || envelope.data.data === undefined) {
      const failed = envelope.success && envelope.data.status !== undefined && envelope.data.status !== 'OK';
      const reason = failed ? ` (${envelope.data.status}: ${quoteForMessage(envelope.data.ErrorDesc ?? '', 200)})` : '';
      return {
        entries: [],
        issues: [
          {
            index: null,
            message: {
              vi: `Phản hồi getAgenciesListQD20 không có mảng data${reason}.`,
              en: `The getAgenciesListQD20 response has no data array${reason}.`,
            },
          },
        ],
      };
    }
    items = envelope.data.data;
  }
  const entries: OrganDirectoryEntry[] = [];
  items.forEach((item, index) => {
    const parsed = AxisAgencyQd20EntrySchema.safeParse(item);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(item)'))].join(', ');
    issues.push({
      index,
      message: {
        vi: `Mục ${index} của danh mục cơ quan không đọc được (trường: ${fields}); đã bỏ qua.`,
        en: `Agency directory item ${index} could not be read (fields: ${fields}); skipped.`,
      },
    });
  });
  return { entries, issues };
}
