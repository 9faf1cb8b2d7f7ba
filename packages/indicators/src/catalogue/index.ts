import {
  type IndicatorCatalogue,
  IndicatorCatalogueSchema,
  type IndicatorDefinition,
  type IndicatorGroup,
} from '../model/indicator';
import { suggestName } from '../validate/suggest-name';
import { CERTIFICATE_INDICATORS } from './indicators/certificates';
import { DOSSIER_INDICATORS } from './indicators/dossiers';
import { DTI_INDICATORS } from './indicators/dti';
import { E_OFFICE_INDICATORS } from './indicators/e-office';
import { EMAIL_INDICATORS } from './indicators/email';
import { HUMAN_RESOURCE_INDICATORS } from './indicators/human-resources';
import { ICT_INDEX_INDICATORS } from './indicators/ict-index';
import { INFRASTRUCTURE_INDICATORS } from './indicators/infrastructure';
import { LEGAL_INDICATORS } from './indicators/legal';
import { ONE_STOP_INDICATORS } from './indicators/one-stop';
import { ONLINE_SERVICE_INDICATORS } from './indicators/online-services';
import { PORTAL_INDICATORS } from './indicators/portals';
import { QD766_INDICATORS } from './indicators/qd766';
import { VIDEO_CONFERENCE_INDICATORS } from './indicators/video-conference';
import { INDICATOR_TARGETS } from './targets';

/** The indicator catalogue: every indicator this package knows, with its unit, scope, derivation and sources. */
export const INDICATOR_CATALOGUE: IndicatorCatalogue = {
  version: '1.1.0',
  indicators: [
    ...PORTAL_INDICATORS,
    ...ONLINE_SERVICE_INDICATORS,
    ...DOSSIER_INDICATORS,
    ...ONE_STOP_INDICATORS,
    ...E_OFFICE_INDICATORS,
    ...EMAIL_INDICATORS,
    ...VIDEO_CONFERENCE_INDICATORS,
    ...CERTIFICATE_INDICATORS,
    ...INFRASTRUCTURE_INDICATORS,
    ...HUMAN_RESOURCE_INDICATORS,
    ...LEGAL_INDICATORS,
    ...DTI_INDICATORS,
    ...QD766_INDICATORS,
    ...ICT_INDEX_INDICATORS,
  ],
  targets: [...INDICATOR_TARGETS],
};

const BY_NAME = new Map(INDICATOR_CATALOGUE.indicators.map((indicator) => [indicator.name, indicator]));

/** The catalogue's definition of `name`, or `undefined` when the catalogue has no such indicator. */
export function getIndicator(name: string): IndicatorDefinition | undefined {
  return BY_NAME.get(name);
}

/** The catalogue's indicators in catalogue order, optionally only those of one group. */
export function listIndicators(filter: { group?: IndicatorGroup } = {}): IndicatorDefinition[] {
  const { group } = filter;
  return INDICATOR_CATALOGUE.indicators.filter((indicator) => group === undefined || indicator.group === group);
}

/**
 * The known indicator name closest to `name` (edit distance), for "did you mean …?" messages; `undefined` when
 * nothing is close enough to be a plausible typo.
 */
export function suggestIndicatorName(name: string): string | undefined {
  return suggestName(name, [...BY_NAME.keys()]);
}

export { IndicatorCatalogueSchema };
