import type { ParamValue, Rule } from '@lienthong/report';
import { locationOf, quoteCode } from '../codes/code-text';
import type { CodeParseOptions, CodeParseResult } from '../codes/parse-result';

/** How a value that is not a known code is shown in a message: text quoted (and cut), anything else named. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return quoteCode(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Reads one code of an enumeration, exactly as written (no trimming, no number-to-text conversion: the
 * portal exchanges these codes as text). Own keys only — `toString` or `__proto__` are not codes.
 */
export function lookupExact<Entry>(entries: ReadonlyMap<string, Entry>, value: unknown): Entry | undefined {
  return typeof value === 'string' ? entries.get(value) : undefined;
}

/** `lookupExact` with the rule's issue when the value is not a code. Never throws. */
export function parseExact<Entry>(
  entries: ReadonlyMap<string, Entry>,
  value: unknown,
  unknownRule: Rule<{ readonly value: ParamValue }>,
  options?: CodeParseOptions,
): CodeParseResult<Entry> {
  const entry = lookupExact(entries, value);
  if (entry !== undefined) return { ok: true, value: entry, issues: [] };
  return { ok: false, issues: [unknownRule.issue({ value: showValue(value) }, locationOf(options))] };
}
