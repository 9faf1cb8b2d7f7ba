import type { IndicatorDefinition } from '../model/indicator';

/*
 * Composite scores are stored as published, never recomputed (domain notes §3.2 E): no derivation, no tiers.
 */
export function compositeIndicator(
  name: string,
  label: IndicatorDefinition['label'],
  rest: Pick<IndicatorDefinition, 'unit' | 'group' | 'sources'> &
    Partial<Pick<IndicatorDefinition, 'maxPoints' | 'partOf' | 'description'>>,
): IndicatorDefinition {
  return { name, label, scope: { tiers: [], agency: false }, composite: true, ...rest };
}
