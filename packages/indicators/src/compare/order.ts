import type { IndicatorCatalogue, IndicatorDefinition, Tier } from '../model/indicator';
import { IndicatorGroupSchema } from '../model/indicator';
import type { AgencyRef } from '../model/report';
import { tierRank } from '../model/tier-names';

/** What a figure is sorted by: its indicator (and catalogue definition), tier and agency. */
export interface OrderedFigure {
  indicator: string;
  definition?: IndicatorDefinition;
  tier?: Tier;
  tiers?: readonly Tier[];
  agency?: AgencyRef;
}

/** The catalogue's definitions by name, with their position in the catalogue. */
export function catalogueIndex(
  catalogue: IndicatorCatalogue,
): Map<string, { definition: IndicatorDefinition; index: number }> {
  return new Map(catalogue.indicators.map((definition, index) => [definition.name, { definition, index }]));
}

/**
 * The order of figures in comparisons and renderings: by catalogue group (the order of `IndicatorGroupSchema`),
 * then catalogue order (unknown indicators last, by name), then the unit as a whole before its tiers (province,
 * district, commune; several tiers together after the first of them), then agencies by Vietnamese name. A stable sort keeps a report's own order among equals.
 */
export function figureOrder(catalogue: IndicatorCatalogue): (x: OrderedFigure, y: OrderedFigure) => number {
  const index = catalogueIndex(catalogue);
  const groups = IndicatorGroupSchema.options;
  const groupOrder = (figure: OrderedFigure) =>
    figure.definition === undefined ? groups.length : groups.indexOf(figure.definition.group);
  const indicatorOrder = (figure: OrderedFigure) => index.get(figure.indicator)?.index ?? catalogue.indicators.length;
  return (x, y) =>
    groupOrder(x) - groupOrder(y) ||
    indicatorOrder(x) - indicatorOrder(y) ||
    (x.indicator < y.indicator ? -1 : x.indicator > y.indicator ? 1 : 0) ||
    tierRank(x) - tierRank(y) ||
    (x.agency?.name ?? '').localeCompare(y.agency?.name ?? '', 'vi');
}
