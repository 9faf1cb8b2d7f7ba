import type { IndicatorCatalogue, IndicatorDefinition, Tier } from '../model/indicator';
import type { IndicatorReport, IndicatorValue } from '../model/report';

/*
 * The values of a report indexed by what they are about: indicator and scope (tier, agency, period, as-of
 * date). A value without its own period or as-of date takes the report's, so "2024" stated once for the
 * report and once explicitly are the same scope. Shared by the validator and by deriveIndicators.
 */

export interface Scope {
  readonly tier?: Tier;
  /** Several tiers together (a value's `tiers`): their union, a scope distinct from each tier and from the total. */
  readonly tiers?: readonly Tier[];
  /** Organisation code when given, otherwise the name: what identifies an agency across statements. */
  readonly agencyKey?: string;
  readonly agencyName?: string;
  readonly from: string;
  readonly to: string;
  readonly asOf?: string;
}

export interface Fact {
  /** Position in `report.values`, for locations (`values[3]`). */
  readonly index: number;
  readonly value: IndicatorValue;
  readonly scope: Scope;
}

export function scopeOf(value: IndicatorValue, report: IndicatorReport): Scope {
  const period = value.period ?? report.period;
  const asOf = value.asOf ?? report.asOf;
  return {
    // Both given is an error (IND-SCOPE-005); the single tier is then taken as the scope.
    ...(value.tier ? { tier: value.tier } : value.tiers ? { tiers: value.tiers } : {}),
    ...(value.agency
      ? { agencyKey: value.agency.organisationCode ?? value.agency.name, agencyName: value.agency.name }
      : {}),
    from: period.from,
    to: period.to,
    ...(asOf ? { asOf } : {}),
  };
}

// Checks look up many indicators at the same scope object: its key is computed once.
const scopeKeys = new WeakMap<Scope, string>();

/** A key equal for values of the same scope. */
export function scopeKey(scope: Scope): string {
  const cached = scopeKeys.get(scope);
  if (cached !== undefined) return cached;
  // Length-prefixed parts: unambiguous whatever an agency name contains, and much cheaper than JSON.stringify
  // (derivation builds a key for every candidate scope).
  const tier = scope.tier ?? scope.tiers?.join('+') ?? '';
  const agency = scope.agencyKey ?? '';
  const key = `${tier}|${agency.length}:${agency}|${scope.from}|${scope.to}|${scope.asOf ?? ''}`;
  scopeKeys.set(scope, key);
  return key;
}

/** The same scope at another tier (or at no tier: the whole reporting unit or agency). */
export function atTier(scope: Scope, tier: Tier | undefined): Scope {
  const { tier: _tier, tiers: _tiers, ...rest } = scope;
  return tier ? { ...rest, tier } : rest;
}

/** True for the whole reporting unit or agency: neither one tier nor several. */
export function isWhole(scope: Scope): boolean {
  return scope.tier === undefined && scope.tiers === undefined;
}

export class FactIndex {
  private readonly byIndicator = new Map<string, Map<string, Fact[]>>();
  private readonly all_: Fact[] = [];
  private readonly report: IndicatorReport;

  constructor(report: IndicatorReport) {
    this.report = report;
    for (const value of report.values) this.add(value);
  }

  /** Every value, in report order. */
  get facts(): readonly Fact[] {
    return this.all_;
  }

  /** Indexes one more value, as if appended to the report's values (deriveIndicators grows the report so). */
  add(value: IndicatorValue): Fact {
    const fact: Fact = { index: this.all_.length, value, scope: scopeOf(value, this.report) };
    this.all_.push(fact);
    const scopes = this.byIndicator.get(value.indicator) ?? new Map<string, Fact[]>();
    this.byIndicator.set(value.indicator, scopes);
    const key = scopeKey(fact.scope);
    const list = scopes.get(key);
    if (list) list.push(fact);
    else scopes.set(key, [fact]);
    return fact;
  }

  /** Every value of an indicator at a scope, in report order. */
  all(indicator: string, scope: Scope): readonly Fact[] {
    return this.byIndicator.get(indicator)?.get(scopeKey(scope)) ?? [];
  }

  /** Groups of values of one indicator stated at the same scope. */
  groups(indicator: string): readonly (readonly Fact[])[] {
    return [...(this.byIndicator.get(indicator)?.values() ?? [])];
  }

  /** The indicators the report has values for, in order of first appearance. */
  indicators(): readonly string[] {
    return [...this.byIndicator.keys()];
  }
}

/** A numeric value as a closed range: exact `[v, v]`, at least `[v, ∞]`, at most `[0, v]`; approximate ones none. */
export interface Bounds {
  readonly low: number;
  readonly high: number;
  /** The number the source printed. */
  readonly stated: number;
  readonly exact: boolean;
}

export function boundsOf(value: IndicatorValue): Bounds | undefined {
  if (typeof value.value !== 'number' || value.qualifier === 'approx') return undefined;
  const stated = value.value;
  if (value.qualifier === 'at_least') return { low: stated, high: Number.POSITIVE_INFINITY, stated, exact: false };
  if (value.qualifier === 'at_most') return { low: Math.min(0, stated), high: stated, stated, exact: false };
  return { low: stated, high: stated, stated, exact: true };
}

/**
 * The value a check uses for an indicator at a scope: the first one stated there that is a number and not
 * approximate. When a figure is stated twice with different values, the conflict is reported (IND-STMT-001)
 * and the checks use the first statement.
 */
export function usable(index: FactIndex, indicator: string, scope: Scope): { fact: Fact; bounds: Bounds } | undefined {
  for (const fact of index.all(indicator, scope)) {
    const bounds = boundsOf(fact.value);
    if (bounds) return { fact, bounds };
  }
  return undefined;
}

export function definitionsByName(catalogue: IndicatorCatalogue): ReadonlyMap<string, IndicatorDefinition> {
  return new Map(catalogue.indicators.map((definition) => [definition.name, definition]));
}

/** The tiers that exist in a period: the district tier only in periods that start before 2025-07-01. */
export function tiersOfPeriod(from: string, abolishedOn: string): readonly Tier[] {
  return from < abolishedOn ? ['tinh', 'huyen', 'xa'] : ['tinh', 'xa'];
}
