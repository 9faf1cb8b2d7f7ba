import type { LocalizedText } from '@lienthong/report';
import { DISTRICT_TIER_ABOLISHED_ON, type IndicatorDefinition, type Tier } from '../model/indicator';
import { combinedTiersName } from '../model/tier-names';
import { decimalsOf, roundingTolerance, sumAsPrinted } from './arithmetic';
import { type CheckContext, derivedFrom, issueAt } from './context';
import { describeScope, formatTerms, labelOf, TIER_NAMES } from './describe';
import { atTier, type Bounds, type Fact, isWhole, type Scope, tiersOfPeriod, usable } from './facts';
import {
  componentSumMismatch,
  dossierBalanceMismatch,
  levelSumMismatch,
  partExceedsWhole,
  termsExceedTotal,
  tierPartsExceedTotal,
  tierSumMismatch,
  timelinessSumMismatch,
} from './rules';

/*
 * Sums: a total against its tiers, against the terms of its derivation, a part against its whole, and the
 * dossier balance. Every term is a range (exact, at least, at most; approximate figures count as missing):
 * with every term present, the ranges must meet (a warning otherwise); with terms missing, only the terms
 * present exceeding the total is certain — an error.
 */

interface Term {
  readonly fact: Fact;
  readonly bounds: Bounds;
  readonly qualifier: Fact['value']['qualifier'];
  readonly label: LocalizedText;
}

type SumOutcome =
  | { readonly kind: 'consistent' }
  | { readonly kind: 'mismatch'; readonly sum: number; readonly difference: number }
  | { readonly kind: 'exceeds'; readonly sum: number };

/**
 * Counts add up exactly; other figures (percentages of one whole, scores) are printed rounded, so each may be
 * off by half a unit in its last decimal place.
 */
function roundingSlack(total: Fact, terms: readonly Term[], unit: IndicatorDefinition['unit']): number {
  if (unit === 'count') return 0;
  return [total, ...terms.map((term) => term.fact)].reduce(
    (slack, fact) => slack + roundingTolerance(fact.value.decimals ?? decimalsOf(fact.value.value as number)),
    0,
  );
}

function compareSum(total: Bounds, terms: readonly Term[], complete: boolean, slack: number): SumOutcome {
  const low = terms.reduce((sum, term) => sum + term.bounds.low, 0) - slack;
  const high = terms.reduce((sum, term) => sum + term.bounds.high, 0) + slack;
  const sum = sumAsPrinted(terms.map((term) => term.bounds.stated));
  if (complete && (low > total.high || high < total.low)) {
    return { kind: 'mismatch', sum, difference: sumAsPrinted([sum, -total.stated]) };
  }
  if (!complete && low > total.high) return { kind: 'exceeds', sum };
  return { kind: 'consistent' };
}

/** The finding of a sum that does not add up: the same numbers quoted whichever relation it is. */
function reportSum(
  context: CheckContext,
  definition: IndicatorDefinition,
  scope: Scope,
  terms: readonly Term[],
  total: { fact: Fact; bounds: Bounds },
  outcome: Exclude<SumOutcome, { kind: 'consistent' }>,
  rules: { mismatch: typeof tierSumMismatch; exceeds: typeof termsExceedTotal },
): void {
  const params = {
    indicator: labelOf(definition.name, definition),
    scope: describeScope(scope, context.report),
    terms: formatTerms(terms),
    sum: outcome.sum,
    total: total.bounds.stated,
  };
  context.add(
    outcome.kind === 'mismatch'
      ? issueAt(rules.mismatch, { ...params, difference: outcome.difference }, total.fact)
      : issueAt(rules.exceeds, params, total.fact),
  );
}

function termAt(context: CheckContext, name: string, scope: Scope, label: LocalizedText): Term | undefined {
  const found = usable(context.index, name, scope);
  return found && { fact: found.fact, bounds: found.bounds, qualifier: found.fact.value.qualifier, label };
}

/** A total (or several tiers together) against the tiers it is made of, under IND-SUM-001 and IND-SUM-002. */
function checkAgainstTiers(
  context: CheckContext,
  definition: IndicatorDefinition,
  total: { fact: Fact; bounds: Bounds },
  scope: Scope,
  tiers: readonly Tier[],
): void {
  const base = atTier(scope, undefined);
  const terms = tiers
    .map((tier) => termAt(context, definition.name, atTier(base, tier), TIER_NAMES[tier]))
    .filter((term): term is Term => term !== undefined);
  if (terms.length === 0) return;
  const outcome = compareSum(total.bounds, terms, terms.length === tiers.length, 0);
  if (outcome.kind === 'consistent') return;
  reportSum(context, definition, scope, terms, total, outcome, {
    mismatch: tierSumMismatch,
    exceeds: tierPartsExceedTotal,
  });
}

/**
 * Each stated total (no tier) of a count against the tiers of its period, and each value for several tiers
 * together against those tiers and against the total: the union of some tiers is part of the whole.
 */
function checkTierSums(context: CheckContext, definition: IndicatorDefinition): void {
  if (definition.unit !== 'count' || definition.scope.tiers.length === 0) return;
  for (const group of context.index.groups(definition.name)) {
    const scope = (group[0] as Fact).scope;
    if (scope.tier) continue;
    const stated = usable(context.index, definition.name, scope);
    if (!stated || stated.fact.value.provenance === 'derived') continue;
    if (isWhole(scope)) {
      checkAgainstTiers(context, definition, stated, scope, tiersOfPeriod(scope.from, DISTRICT_TIER_ABOLISHED_ON));
      continue;
    }
    const tiers = scope.tiers ?? [];
    checkAgainstTiers(context, definition, stated, scope, tiers);
    const whole = usable(context.index, definition.name, atTier(scope, undefined));
    if (!whole || whole.fact.value.provenance === 'derived' || stated.bounds.low <= whole.bounds.high) continue;
    const term: Term = { ...stated, qualifier: stated.fact.value.qualifier, label: combinedTiersName(tiers) };
    const params = {
      indicator: labelOf(definition.name, definition),
      scope: describeScope(atTier(scope, undefined), context.report),
      terms: formatTerms([term]),
      sum: stated.bounds.stated,
      total: whole.bounds.stated,
    };
    context.add(issueAt(tierPartsExceedTotal, params, stated.fact));
  }
}

const SUM_RULES = {
  components: componentSumMismatch,
  levels: levelSumMismatch,
  timeliness: timelinessSumMismatch,
} as const;

/** Each stated value of a sum indicator against its terms at the same scope. */
function checkDerivedSums(context: CheckContext, definition: IndicatorDefinition): void {
  const derivation = definition.derivation;
  if (derivation?.kind !== 'sum' || definition.composite) return;
  for (const group of context.index.groups(definition.name)) {
    const scope = (group[0] as Fact).scope;
    const total = usable(context.index, definition.name, scope);
    if (!total || derivedFrom(total.fact)) continue;
    const terms = derivation.terms
      .map((name) => termAt(context, name, scope, labelOf(name, context.definitions.get(name))))
      .filter((term): term is Term => term !== undefined);
    if (terms.length === 0) continue;
    const slack = roundingSlack(total.fact, terms, definition.unit);
    const outcome = compareSum(total.bounds, terms, terms.length === derivation.terms.length, slack);
    if (outcome.kind === 'consistent') continue;
    reportSum(context, definition, scope, terms, total, outcome, {
      mismatch: SUM_RULES[derivation.relation],
      exceeds: termsExceedTotal,
    });
  }
}

/** A part (`partOf`) larger than its whole at the same scope. */
function checkParts(context: CheckContext, definition: IndicatorDefinition): void {
  for (const wholeName of definition.partOf ?? []) {
    for (const group of context.index.groups(definition.name)) {
      const scope = (group[0] as Fact).scope;
      const part = usable(context.index, definition.name, scope);
      const whole = usable(context.index, wholeName, scope);
      if (!part || !whole || derivedFrom(part.fact, wholeName) || derivedFrom(whole.fact, definition.name)) continue;
      if (part.bounds.low <= whole.bounds.high) continue;
      const params = {
        part: labelOf(definition.name, definition),
        scope: describeScope(scope, context.report),
        partValue: part.bounds.stated,
        whole: labelOf(wholeName, context.definitions.get(wholeName)),
        wholeValue: whole.bounds.stated,
      };
      context.add(issueAt(partExceedsWhole, params, part.fact));
    }
  }
}

/** The one-stop dossier balance (domain notes §3.2 B, an inference, hence a warning). */
export const DOSSIER_BALANCE = {
  carriedOver: 'ho_so_ky_truoc',
  received: 'ho_so_tiep_nhan_trong_ky',
  resolved: 'ho_so_da_xu_ly',
  pending: 'ho_so_dang_xu_ly',
} as const;

function checkDossierBalance(context: CheckContext): void {
  for (const group of context.index.groups(DOSSIER_BALANCE.resolved)) {
    const scope = (group[0] as Fact).scope;
    const found = Object.values(DOSSIER_BALANCE).map((name) => usable(context.index, name, scope));
    if (found.some((entry) => !entry?.bounds.exact)) continue;
    const [carriedOver, received, resolved, pending] = found.map((entry) => entry?.bounds.stated as number) as [
      number,
      number,
      number,
      number,
    ];
    const incoming = carriedOver + received;
    const outgoing = resolved + pending;
    if (incoming === outgoing) continue;
    const first = found.map((entry) => entry?.fact as Fact).sort((a, b) => a.index - b.index)[0] as Fact;
    const scopeText = describeScope(scope, context.report);
    const params = { scope: scopeText, carriedOver, received, incoming, resolved, pending, outgoing };
    context.add(issueAt(dossierBalanceMismatch, { ...params, difference: incoming - outgoing }, first));
  }
}

export function checkSums(context: CheckContext): void {
  const definitions = [...context.definitions.values()];
  for (const definition of definitions) checkTierSums(context, definition);
  for (const definition of definitions) checkDerivedSums(context, definition);
  for (const definition of definitions) checkParts(context, definition);
  checkDossierBalance(context);
}
