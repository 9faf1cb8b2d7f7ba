import { formatParam, type LocalizedText, type ParamValue } from '@lienthong/report';
import type { IndicatorTarget } from '../model/indicator';
import type { IndicatorValue } from '../model/report';
import { type CheckContext, issueAt } from './context';
import { describeScope, formatStated, labelOf, localized } from './describe';
import { type Fact, isWhole, usable } from './facts';
import { approximateNotCompared, conflictingStatements, targetMet, targetNotMet } from './rules';

/* Statements as statements: the same figure given twice, approximate figures, and government targets. */

function sameStatement(a: IndicatorValue, b: IndicatorValue): boolean {
  return a.value === b.value && a.qualifier === b.qualifier;
}

/**
 * The value as the source states it, with its qualifier and, for a percentage, the `%` sign (unless the message
 * writes the unit itself).
 */
function statedValue(value: IndicatorValue, context: CheckContext, options: { unit?: boolean } = {}): ParamValue {
  const percent = options.unit !== false && context.definitions.get(value.indicator)?.unit === 'percent' ? '%' : '';
  if (typeof value.value === 'number' && (value.qualifier !== 'exact' || percent)) {
    const number = value.value;
    return localized((lang) => `${formatStated(number, value.qualifier, lang)}${percent}`);
  }
  return value.value;
}

function whereStated(fact: Fact): LocalizedText {
  const line = fact.value.source?.line;
  const path = `values[${fact.index}]`;
  return line === undefined
    ? { vi: path, en: path }
    : { vi: `dòng ${formatParam(line, 'vi')}, ${path}`, en: `line ${formatParam(line, 'en')}, ${path}` };
}

/** The same indicator at the same scope stated with different values: both are reported, neither is kept. */
function checkConflicts(context: CheckContext): void {
  for (const name of context.index.indicators()) {
    for (const group of context.index.groups(name)) {
      const first = group[0] as Fact;
      const reported: IndicatorValue[] = [];
      for (const later of group.slice(1)) {
        if (sameStatement(first.value, later.value) || reported.some((value) => sameStatement(value, later.value))) {
          continue;
        }
        reported.push(later.value);
        const params = {
          indicator: labelOf(name, context.definitions.get(name)),
          scope: describeScope(first.scope, context.report),
          first: statedValue(first.value, context),
          firstAt: whereStated(first),
          second: statedValue(later.value, context),
          secondAt: whereStated(later),
        };
        context.add(issueAt(conflictingStatements, params, later));
      }
    }
  }
}

/** One finding per report, at the first approximate value, rather than one per value left out. */
function noteApproximations(context: CheckContext): void {
  const approximate = context.index.facts.filter((fact) => fact.value.qualifier === 'approx');
  const first = approximate[0];
  if (!first) return;
  const params = {
    count: approximate.length,
    example: labelOf(first.value.indicator, context.definitions.get(first.value.indicator)),
    value: statedValue(first.value, context),
  };
  context.add(issueAt(approximateNotCompared, params, first));
}

/** A target applies to periods ending on or after its deadline (`by`) and on or after it took effect (`from`). */
function targetApplies(target: IndicatorTarget, periodEnd: string): boolean {
  return (target.by === undefined || periodEnd >= target.by) && (target.from === undefined || periodEnd >= target.from);
}

/**
 * A target's `by` date is a deadline: it is checked for periods that end on or after it — before, falling
 * short is not yet failing (a 2017 report is not measured against Nghị quyết 17/NQ-CP's 2020 targets). Its `from`
 * date is when the resolution took effect: nothing is said about periods ending before it. A target without
 * either date applies to every period. Only whole-unit values (no tier, no agency) are compared, and only
 * when their range decides the question ("trên 20%" decides nothing about "≥ 30%").
 */
function checkTarget(context: CheckContext, target: IndicatorTarget): void {
  const definition = context.definitions.get(target.indicator);
  for (const group of context.index.groups(target.indicator)) {
    const scope = (group[0] as Fact).scope;
    if (!isWhole(scope) || scope.agencyKey || !targetApplies(target, scope.to)) continue;
    const found = usable(context.index, target.indicator, scope);
    if (!found) continue;
    const { low, high } = found.bounds;
    const met = target.comparison === '>=' ? low >= target.value : high <= target.value;
    const missed = target.comparison === '>=' ? high < target.value : low > target.value;
    if (!met && !missed) continue;
    const source = target.source.reference
      ? `${target.source.document}, ${target.source.reference}`
      : target.source.document;
    const params = {
      indicator: labelOf(target.indicator, definition),
      value: statedValue(found.fact.value, context, { unit: false }),
      unit: definition?.unit === 'percent' ? '%' : '',
      comparison: target.comparison === '>=' ? '≥' : '≤',
      threshold: target.value,
      target: target.label,
      source,
    };
    context.add(issueAt(met ? targetMet : targetNotMet, params, found.fact));
  }
}

export function checkStatements(context: CheckContext): void {
  checkConflicts(context);
  noteApproximations(context);
}

export function checkTargets(context: CheckContext): void {
  for (const target of context.catalogue.targets) checkTarget(context, target);
}
