import type { Issue } from '@lienthong/report';

/**
 * What every parser of this package returns: the value with the findings that did not stop it (warnings,
 * infos), or the findings that did. `ok` is true exactly when no issue is an `error`.
 */
export type CodeParseResult<Value> =
  | { readonly ok: true; readonly value: Value; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Where the parsed text sits in the caller's data, e.g. `services[3].procedureCode`; copied to each issue. */
export interface CodeParseOptions {
  readonly path?: string;
}

/** Builds the result from the issues found: a value only when none of them is an error. */
export function resultFrom<Value>(issues: readonly Issue[], value: () => Value): CodeParseResult<Value> {
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: value(), issues };
}
