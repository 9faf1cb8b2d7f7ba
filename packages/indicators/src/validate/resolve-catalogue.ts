import { INDICATOR_CATALOGUE } from '../catalogue';
import { IndicatorsError } from '../errors';
import { derivationInputs, type IndicatorCatalogue, IndicatorCatalogueSchema } from '../model/indicator';

/** Names a catalogue refers to that it does not define (derivations, parts, targets). */
function danglingNames(catalogue: IndicatorCatalogue): string[] {
  const known = new Set(catalogue.indicators.map((definition) => definition.name));
  const referred = catalogue.indicators.flatMap((definition) => [
    ...(definition.partOf ?? []),
    ...(definition.derivation ? derivationInputs(definition.derivation) : []),
  ]);
  return [...new Set([...referred, ...catalogue.targets.map((target) => target.indicator)])].filter(
    (name) => !known.has(name),
  );
}

/** The catalogue to use; a caller's catalogue that breaks its schema is a programmer error. */
export function resolveCatalogue(catalogue: IndicatorCatalogue | undefined): IndicatorCatalogue {
  if (catalogue === undefined) return INDICATOR_CATALOGUE;
  const parsed = IndicatorCatalogueSchema.safeParse(catalogue);
  if (!parsed.success) {
    throw new IndicatorsError(
      'INVALID_CATALOGUE',
      `the catalogue does not satisfy IndicatorCatalogueSchema: ${parsed.error.message}`,
      {
        cause: parsed.error,
      },
    );
  }
  const dangling = danglingNames(catalogue);
  if (dangling.length > 0) {
    throw new IndicatorsError(
      'INVALID_CATALOGUE',
      `the catalogue refers to indicators it does not define: ${dangling.join(', ')}`,
    );
  }
  return catalogue;
}
