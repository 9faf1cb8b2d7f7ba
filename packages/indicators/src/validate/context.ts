import type { Issue, Location, ParamValue, Rule } from '@lienthong/report';
import type { IndicatorCatalogue, IndicatorDefinition } from '../model/indicator';
import type { IndicatorReport } from '../model/report';
import type { Fact, FactIndex } from './facts';

/** What every check reads, and where its findings go. */
export interface CheckContext {
  readonly report: IndicatorReport;
  readonly catalogue: IndicatorCatalogue;
  readonly definitions: ReadonlyMap<string, IndicatorDefinition>;
  readonly index: FactIndex;
  readonly add: (issue: Issue) => void;
}

/** Where a value is: its path in the report, and the line of the source text it was read from. */
export function locationOf(fact: Fact): Location {
  const line = fact.value.source?.line;
  return { path: `values[${fact.index}]`, ...(line === undefined ? {} : { line }) };
}

/**
 * A finding about a value, located at it; the source's words (`source.quote`) travel in the params as `quote`,
 * since a location has no room for them.
 */
export function issueAt<Params extends Readonly<Record<string, ParamValue>>>(
  rule: Rule<Params>,
  params: Params,
  fact: Fact,
): Issue {
  const issue = rule.issue(params, locationOf(fact));
  const quote = fact.value.source?.quote;
  if (quote !== undefined) issue.params = { ...issue.params, quote };
  return issue;
}

/** True when `fact` was derived from `indicator`: it cannot then be inconsistent with it. */
export function derivedFrom(fact: Fact, indicator?: string): boolean {
  if (fact.value.provenance !== 'derived') return false;
  return indicator === undefined || (fact.value.derivedFrom ?? []).includes(indicator);
}
