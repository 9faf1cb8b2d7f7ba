import type { IndicatorDefinition } from '../model/indicator';
import { areCounts, decimalsOf, roundedRatio, roundingTolerance, sumAsPrinted } from './arithmetic';
import { type CheckContext, derivedFrom, issueAt } from './context';
import { describeScope, formatTerms, labelOf } from './describe';
import type { Fact } from './facts';
import { usable } from './facts';
import { percentMismatch, sharesDoNotTotal100 } from './rules';

/*
 * Percentages against their numerator and denominator, and shares of one whole against 100%. A stated
 * percentage is right when the exact ratio rounds to it at the decimals printed — half-up or half-down, since
 * both are in use — i.e. |stated − exact| ≤ ½·10^-decimals.
 */

function checkRatio(context: CheckContext, definition: IndicatorDefinition): void {
  const derivation = definition.derivation;
  if (derivation?.kind !== 'ratio' || definition.composite) return;
  for (const group of context.index.groups(definition.name)) {
    const scope = (group[0] as Fact).scope;
    const stated = usable(context.index, definition.name, scope);
    if (!stated || derivedFrom(stated.fact)) continue;
    const numerator = usable(context.index, derivation.numerator, scope);
    const denominator = usable(context.index, derivation.denominator, scope);
    if (!numerator?.bounds.exact || !denominator?.bounds.exact) continue;
    const [top, bottom] = [numerator.bounds.stated, denominator.bounds.stated];
    if (!areCounts([top, bottom]) || bottom === 0) continue;
    const value = stated.bounds.stated;
    const decimals = stated.fact.value.decimals ?? decimalsOf(value);
    const exact = (derivation.scale * top) / bottom;
    const tolerance = roundingTolerance(decimals);
    const qualifier = stated.fact.value.qualifier;
    const wrong =
      qualifier === 'at_least'
        ? exact < value - tolerance
        : qualifier === 'at_most'
          ? exact > value + tolerance
          : Math.abs(value - exact) > tolerance;
    if (!wrong) continue;
    const params = {
      indicator: labelOf(definition.name, definition),
      scope: describeScope(scope, context.report),
      stated: value,
      unit: derivation.scale === 100 ? '%' : '',
      numeratorLabel: labelOf(derivation.numerator, context.definitions.get(derivation.numerator)),
      denominatorLabel: labelOf(derivation.denominator, context.definitions.get(derivation.denominator)),
      numerator: top,
      denominator: bottom,
      exact: roundedRatio(top, bottom, derivation.scale, decimals + 2),
      decimals,
    };
    context.add(issueAt(percentMismatch, params, stated.fact));
  }
}

/**
 * For each sum indicator whose every term has a percentage of it (timeliness: early, on time and late shares
 * of dossiers resolved), the stated shares must total 100% within their rounding.
 */
function checkShares(context: CheckContext, whole: IndicatorDefinition): void {
  if (whole.derivation?.kind !== 'sum') return;
  const shareNames: string[] = [];
  for (const term of whole.derivation.terms) {
    const share = [...context.definitions.values()].find(
      (candidate) =>
        candidate.derivation?.kind === 'ratio' &&
        candidate.derivation.scale === 100 &&
        candidate.derivation.numerator === term &&
        candidate.derivation.denominator === whole.name,
    );
    if (!share) return;
    shareNames.push(share.name);
  }
  for (const group of context.index.groups(shareNames[0] as string)) {
    const scope = (group[0] as Fact).scope;
    const shares = shareNames.map((name) => usable(context.index, name, scope));
    if (shares.some((share) => !share?.bounds.exact || derivedFrom(share.fact))) continue;
    const terms = shares.map((share, position) => ({
      bounds: share?.bounds as NonNullable<typeof share>['bounds'],
      qualifier: 'exact' as const,
      label: labelOf(shareNames[position] as string, context.definitions.get(shareNames[position] as string)),
      fact: share?.fact as Fact,
    }));
    const sum = sumAsPrinted(terms.map((term) => term.bounds.stated));
    const tolerance = terms.reduce(
      (total, term) => total + roundingTolerance(term.fact.value.decimals ?? decimalsOf(term.bounds.stated)),
      0,
    );
    if (Math.abs(sum - 100) <= tolerance) continue;
    const params = {
      whole: labelOf(whole.name, whole),
      scope: describeScope(scope, context.report),
      terms: formatTerms(terms, '%'),
      sum,
      tolerance: Number(tolerance.toFixed(6)),
    };
    context.add(issueAt(sharesDoNotTotal100, params, (terms[0] as { fact: Fact }).fact));
  }
}

export function checkRatios(context: CheckContext): void {
  const definitions = [...context.definitions.values()];
  for (const definition of definitions) checkRatio(context, definition);
  for (const definition of definitions) checkShares(context, definition);
}
