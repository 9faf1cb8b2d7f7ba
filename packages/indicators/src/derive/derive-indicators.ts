import { IndicatorsError } from '../errors';
import {
  DISTRICT_TIER_ABOLISHED_ON,
  derivationInputs,
  type IndicatorCatalogue,
  type IndicatorDefinition,
} from '../model/indicator';
import type { IndicatorReport, IndicatorValue } from '../model/report';
import { areCounts, roundedRatio } from '../validate/arithmetic';
import {
  atTier,
  definitionsByName,
  type Fact,
  FactIndex,
  type Scope,
  scopeKey,
  scopeOf,
  tiersOfPeriod,
} from '../validate/facts';
import { resolveCatalogue } from '../validate/resolve-catalogue';

export interface DeriveIndicatorsOptions {
  /** The catalogue whose derivations are applied; default `INDICATOR_CATALOGUE`. */
  readonly catalogue?: IndicatorCatalogue;
  /** Decimal places of derived ratios (rounded half-up); default 2. */
  readonly decimals?: number;
}

/**
 * The single value of an indicator at a scope that a derivation may use: stated (or derived) exactly, and not
 * contradicted by another statement at the same scope — a conflict is the validator's to report, not
 * something to compute from.
 */
function exactInput(index: FactIndex, indicator: string, scope: Scope): Fact | undefined {
  const facts = index.all(indicator, scope);
  const first = facts[0];
  if (first?.value.qualifier !== 'exact' || typeof first.value.value !== 'number') return undefined;
  if (facts.some((fact) => fact.value.value !== first.value.value || fact.value.qualifier !== 'exact'))
    return undefined;
  return first;
}

/** The scope fields of a derived value: its tier or tiers, then agency, period and as-of date as its first input writes them. */
function scopeFields(from: IndicatorValue, scope: Scope): Partial<IndicatorValue> {
  return {
    ...(scope.tier ? { tier: scope.tier } : scope.tiers ? { tiers: scope.tiers as IndicatorValue['tiers'] } : {}),
    ...(from.agency ? { agency: from.agency } : {}),
    ...(from.period ? { period: from.period } : {}),
    ...(from.asOf ? { asOf: from.asOf } : {}),
  };
}

function derivedValue(
  indicator: string,
  value: number,
  decimals: number,
  inputs: readonly Fact[],
  scope: Scope,
  derivedFrom: readonly string[],
): IndicatorValue {
  return {
    indicator,
    value,
    qualifier: 'exact',
    decimals,
    ...scopeFields((inputs[0] as Fact).value, scope),
    provenance: 'derived',
    derivedFrom: [...derivedFrom],
  };
}

/** The distinct scopes an indicator has values at. */
function scopesOf(index: FactIndex, indicator: string): Scope[] {
  return index.groups(indicator).map((group) => (group[0] as Fact).scope);
}

function deriveFromDefinition(
  index: FactIndex,
  definition: IndicatorDefinition,
  definitions: ReadonlyMap<string, IndicatorDefinition>,
  decimals: number,
): IndicatorValue[] {
  const derivation = definition.derivation;
  if (!derivation || definition.composite) return [];
  const inputs = derivationInputs(derivation);
  // Only counts are exact: a sum of rounded percentages (70% + 30%) is not a figure one can state exactly.
  if (inputs.some((name) => definitions.get(name)?.unit !== 'count')) return [];
  const derived: IndicatorValue[] = [];
  for (const scope of scopesOf(index, inputs[0] as string)) {
    if (index.all(definition.name, scope).length > 0) continue;
    const facts = inputs.map((name) => exactInput(index, name, scope));
    if (facts.some((fact) => fact === undefined)) continue;
    const present = facts as Fact[];
    const numbers = present.map((fact) => fact.value.value as number);
    if (!areCounts(numbers)) continue;
    if (derivation.kind === 'sum') {
      const total = numbers.reduce((sum, number) => sum + BigInt(number), 0n);
      if (total > BigInt(Number.MAX_SAFE_INTEGER)) continue;
      derived.push(derivedValue(definition.name, Number(total), 0, present, scope, inputs));
    } else {
      const [numerator, denominator] = numbers as [number, number];
      // A part larger than its whole is the validator's to report (IND-SUM-020), not a percentage above 100.
      if (denominator === 0 || (definition.unit === 'percent' && numerator > denominator)) continue;
      const ratio = roundedRatio(numerator, denominator, derivation.scale, decimals);
      derived.push(derivedValue(definition.name, ratio, decimals, present, scope, inputs));
    }
  }
  return derived;
}

/** The indicators a definition derives from: its own tier values (for totals) and its derivation's inputs. */
function inputsOf(definition: IndicatorDefinition): readonly string[] {
  return [definition.name, ...(definition.derivation ? derivationInputs(definition.derivation) : [])];
}

/** Totals of a count from all the tiers of the period, where the total is not stated. */
function deriveTierTotals(index: FactIndex, definition: IndicatorDefinition): IndicatorValue[] {
  if (definition.unit !== 'count' || definition.scope.tiers.length === 0) return [];
  const derived: IndicatorValue[] = [];
  const seen = new Set<string>();
  for (const tiered of scopesOf(index, definition.name)) {
    // Only single tiers add up to a total: several tiers together are a part of it, not a term.
    if (!tiered.tier) continue;
    const whole = atTier(tiered, undefined);
    const key = scopeKey(whole);
    if (seen.has(key)) continue;
    seen.add(key);
    if (index.all(definition.name, whole).length > 0) continue;
    const facts = tiersOfPeriod(whole.from, DISTRICT_TIER_ABOLISHED_ON).map((tier) =>
      exactInput(index, definition.name, atTier(whole, tier)),
    );
    if (facts.some((fact) => fact === undefined)) continue;
    const present = facts as Fact[];
    const numbers = present.map((fact) => fact.value.value as number);
    if (!areCounts(numbers)) continue;
    const total = numbers.reduce((sum, number) => sum + BigInt(number), 0n);
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    derived.push(derivedValue(definition.name, Number(total), 0, present, whole, [definition.name]));
  }
  return derived;
}

/**
 * Adds, for every derivable indicator (a sum or ratio of counts in the catalogue, or a count's total over all
 * tiers of the period) whose inputs are all stated exactly at a scope and which is not stated there, a value with
 * provenance `derived`. Iterates to a fixpoint (a derived sum can feed a ratio). Counts are added with BigInt;
 * ratios are rounded half-up once, at the end. Returns a new report: stated values are kept as they are
 * (the same objects, in the same order), derived ones follow; deriving twice adds nothing more.
 */
export function deriveIndicators(report: IndicatorReport, options: DeriveIndicatorsOptions = {}): IndicatorReport {
  const decimals = options.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new IndicatorsError('INVALID_ARGUMENT', `decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
  const catalogue = resolveCatalogue(options.catalogue);
  const definitions = definitionsByName(catalogue);
  const values: IndicatorValue[] = [...report.values];
  const index = new FactIndex(report);
  // A worklist: after the first pass, only definitions one of whose inputs gained a value can derive more.
  let candidates: readonly IndicatorDefinition[] = catalogue.indicators;
  for (;;) {
    const added = candidates.flatMap((definition) => [
      ...deriveTierTotals(index, definition),
      ...deriveFromDefinition(index, definition, definitions, decimals),
    ]);
    // A tier total and a derivation can both produce the same indicator at the same scope: keep the first.
    const grown = new Set<string>();
    for (const value of added) {
      if (index.all(value.indicator, scopeOf(value, report)).length > 0) continue;
      index.add(value);
      values.push(value);
      grown.add(value.indicator);
    }
    if (grown.size === 0) return { ...report, values };
    candidates = catalogue.indicators.filter((definition) => inputsOf(definition).some((input) => grown.has(input)));
  }
}
