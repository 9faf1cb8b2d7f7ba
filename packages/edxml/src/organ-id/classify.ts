import { isQcvn102Code } from './qcvn102-code';
import { looksLikeQd20Code } from './qd20-code';

/**
 * The kinds of OrganId seen on the axis (§5.2, §8):
 * - `qcvn102` — `NNN.NN.NN.LNN`, e.g. `000.00.00.G22`;
 * - `qd20` — QĐ 20 shape, e.g. `G12`;
 * - `other` — anything else non-empty: enterprise ids (`020100107370`), SaaS/test ids (`vxp.saas.02`),
 *   centre nodes (`02.29.W00`, `001.00.20.TT2`), SDK oddities (`99.99.99.G21`). Valid on the axis;
 * - `empty` — missing, empty or whitespace only (TraceHeader/OrganId can be missing);
 * - `null-literal` — the text `null`, which real axis traffic carries in added TraceHeaders.
 */
export type OrganIdKind = 'qcvn102' | 'qd20' | 'other' | 'empty' | 'null-literal';

/**
 * Says what kind of identifier an OrganId is. Surrounding whitespace is ignored here (XML text often
 * carries it; `parseQcvn102Code`/`parseQd20Code` report it as a defect). Never throws.
 */
export function classifyOrganId(id: string | null | undefined): OrganIdKind {
  if (typeof id !== 'string') return 'empty';
  const trimmed = id.trim();
  if (trimmed.length === 0) return 'empty';
  // Seen as lower-case `null` (Java's String.valueOf(null)); `NULL` from SQL exports is the same mistake.
  if (trimmed.toLowerCase() === 'null') return 'null-literal';
  if (isQcvn102Code(trimmed)) return 'qcvn102';
  if (looksLikeQd20Code(trimmed)) return 'qd20';
  return 'other';
}
