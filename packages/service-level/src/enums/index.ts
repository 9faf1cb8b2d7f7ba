export {
  CHANNELS,
  type Channel,
  type ChannelCode,
  ChannelCodeSchema,
  type ChannelMachineName,
  lookupChannel,
  parseChannel,
} from './channel';
export {
  DOSSIER_STATUSES,
  type DossierStatus,
  type DossierStatusCode,
  DossierStatusCodeSchema,
  type DossierStatusMachineName,
  lookupDossierStatus,
  parseDossierStatus,
} from './dossier-status';
export { ENUMERATION_RULESET, enumerationRules } from './rules';
export {
  DISTRICT_TIER_ABOLISHED_ON,
  parseTier,
  TIERS,
  type TierInfo,
  tiersForPeriod,
  tiersInForce,
} from './tier';
export {
  TIMELINESS_CLASSES,
  type TimelinessClass,
  type TimelinessClassInfo,
  TimelinessClassSchema,
} from './timeliness-class';
