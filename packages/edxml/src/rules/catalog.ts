import { defineRuleCatalog } from '@lienthong/report';
import { attachmentRules, contentIdWithoutCid } from './attachment';
import { expectedFieldMissing, headerRules, nullOrganId } from './header';
import { lengthRules } from './length';
import { statusRules } from './status';
import { QUIRK_RULE_IDS, structureRules } from './structure';
import { businessMissing, traceListMissing, traceRules } from './trace';

/** Version of the edXML rule set; bumped when a rule is added or its meaning changes. */
export const EDXML_RULESET = { name: '@lienthong/edxml QCVN 102:2016', version: '1.0.0' } as const;

/** Every rule the edXML reader and validator can report, with unique, stable IDs. */
export const edxmlRules = defineRuleCatalog(EDXML_RULESET.name, EDXML_RULESET.version, [
  ...structureRules,
  ...headerRules,
  ...traceRules,
  ...attachmentRules,
  ...statusRules,
  ...lengthRules,
]);

/**
 * What real traffic does and the axis accepts: warnings when reading tolerantly (the default), errors in
 * strict mode.
 */
export const TOLERATED_QUIRK_RULE_IDS: readonly string[] = [
  ...QUIRK_RULE_IDS,
  nullOrganId.id,
  contentIdWithoutCid.id,
  expectedFieldMissing.id,
  traceListMissing.id,
  businessMissing.id,
];
