import { LocalizedTextSchema } from '@lienthong/report';
import { z } from 'zod';

/*
 * What an indicator is: the catalogue (src/catalogue) is data of this shape, checked by `IndicatorCatalogueSchema`
 * when the package's tests run. Reports (model/report.ts) refer to indicators by `name`.
 */

/** A stable machine name: lower-case ASCII words joined by `_`, e.g. `dvctt_level4_pct`. */
export const IndicatorNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'a machine name is lower-case ASCII words joined by "_"');
export type IndicatorName = z.infer<typeof IndicatorNameSchema>;

/**
 * The unit of an indicator's value:
 * - `count`: a non-negative whole number;
 * - `percent`: 0–100;
 * - `per_100`: per 100 inhabitants (may exceed 100, e.g. mobile subscriptions);
 * - `points`: a score out of the indicator's `maxPoints` (DTI, QĐ 766);
 * - `score`: a 0–1 index (ICT Index);
 * - `number`: any other measure that need not be whole, e.g. an average ("trung bình mỗi đơn vị có 4,8 máy");
 *   plausible from 0 up unless the indicator's `range` says otherwise;
 * - `boolean`: yes / no;
 * - `text`: free text (e.g. the name of a system).
 */
export const IndicatorUnitSchema = z.enum([
  'count',
  'percent',
  'per_100',
  'points',
  'score',
  'number',
  'boolean',
  'text',
]);
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>;

/** Administrative tiers: province (tỉnh), district (huyện, abolished from 2025-07-01) and commune (xã). */
export const TierSchema = z.enum(['tinh', 'huyen', 'xa']);
export type Tier = z.infer<typeof TierSchema>;

/** The order tiers are written in: province, district, commune. */
export const TIER_ORDER: readonly Tier[] = ['tinh', 'huyen', 'xa'];

/** The message of a `tiers` list that is not one of the combinations below; parse/ translates it. */
export const TIERS_MESSAGE = 'tiers are two or three distinct tiers in the order tinh, huyen, xa';

/**
 * Several tiers together: each combination of at least two distinct tiers, in the order tinh, huyen, xa. Listed
 * as tuples so that the JSON Schema says exactly what zod checks (it has no keyword for "sorted").
 */
export const TiersSchema = z.union(
  [
    z.tuple([z.literal('tinh'), z.literal('huyen')]),
    z.tuple([z.literal('tinh'), z.literal('xa')]),
    z.tuple([z.literal('huyen'), z.literal('xa')]),
    z.tuple([z.literal('tinh'), z.literal('huyen'), z.literal('xa')]),
  ],
  { error: TIERS_MESSAGE },
);
export type Tiers = z.infer<typeof TiersSchema>;

/** A web address: `http` or `https` only (a report links to public pages, never to `file:` or `javascript:`). */
export const HTTP_URL_MESSAGE = 'a web address starting with http:// or https://';
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: HTTP_URL_MESSAGE });

/** The first day without a district tier (Nghị quyết 202/2025/QH15 and the two-tier local government law). */
export const DISTRICT_TIER_ABOLISHED_ON = '2025-07-01';

/** The subject area an indicator belongs to; reports and renderings group by it. */
export const IndicatorGroupSchema = z.enum([
  'portals',
  'online_services',
  'dossiers',
  'one_stop',
  'e_office',
  'email',
  'video_conference',
  'certificates',
  'infrastructure',
  'human_resources',
  'legal',
  'dti',
  'qd766',
  'ict_index',
]);
export type IndicatorGroup = z.infer<typeof IndicatorGroupSchema>;

/** Where an indicator is defined or attested: a legal or methodological document, and where in it. */
export const IndicatorSourceSchema = z.object({
  /** The document, e.g. `Nghị định 42/2022/NĐ-CP`, `QĐ 766/QĐ-TTg`, `seed: 14/BC-UBND Sơn La`. */
  document: z.string().min(1),
  /** Article, clause or section, e.g. `Điều 11`, `§3.2 B`. */
  reference: z.string().min(1).optional(),
  /** A public page that shows it. */
  url: HttpUrlSchema.optional(),
});
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

/**
 * How a derived indicator is computed from others at the same scope (unit, tier, agency, period):
 * - `sum`: the sum of `terms`;
 * - `ratio`: `scale * numerator / denominator` (scale 100 for percentages).
 */
export const DerivationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sum'),
    terms: z.array(IndicatorNameSchema).min(2),
    /**
     * What the sum relates, which picks the rule a mismatch is reported under: services by level against the
     * total (`levels`), timeliness classes against dossiers resolved (`timeliness`), other parts (`components`).
     */
    relation: z.enum(['components', 'levels', 'timeliness']),
  }),
  z.object({
    kind: z.literal('ratio'),
    numerator: IndicatorNameSchema,
    denominator: IndicatorNameSchema,
    scale: z.union([z.literal(1), z.literal(100)]),
  }),
]);
export type Derivation = z.infer<typeof DerivationSchema>;

/** The indicators a derivation is computed from: a sum's terms, or a ratio's numerator and denominator. */
export function derivationInputs(derivation: Derivation): readonly string[] {
  return derivation.kind === 'sum' ? derivation.terms : [derivation.numerator, derivation.denominator];
}

export const IndicatorDefinitionSchema = z.object({
  name: IndicatorNameSchema,
  label: LocalizedTextSchema,
  /** A longer explanation when the label is not enough (what is counted, what is excluded). */
  description: LocalizedTextSchema.optional(),
  unit: IndicatorUnitSchema,
  group: IndicatorGroupSchema,
  /**
   * Where the indicator can be broken down: the tiers a value can be reported for (besides the reporting unit's
   * total) and whether per-agency values make sense.
   */
  scope: z.object({ tiers: z.array(TierSchema), agency: z.boolean() }),
  /** Set when the indicator can be computed from others; a stated value is then checked against it. */
  derivation: DerivationSchema.optional(),
  /** For `points`: the maximum score. */
  maxPoints: z.number().positive().optional(),
  /** For `number`: the plausible range when it is not 0 and up (e.g. a change that may be negative). */
  range: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
  /** For counts that cannot exceed another indicator at the same scope (e.g. level-4 services ≤ procedures). */
  partOf: z.array(IndicatorNameSchema).optional(),
  /** Composite scores are stored as published and never recomputed (domain notes §3.2 E). */
  composite: z.boolean().optional(),
  sources: z.array(IndicatorSourceSchema).min(1),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

/** A government target on an indicator, e.g. Nghị quyết 17/NQ-CP: at least 30% of procedures at level 4. */
export const IndicatorTargetSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  indicator: IndicatorNameSchema,
  comparison: z.enum(['>=', '<=']),
  value: z.number(),
  /** The day (inclusive) by which the target applies, when the source sets one. */
  by: z.iso.date().optional(),
  /**
   * The day the resolution setting the target took effect (e.g. Nghị quyết 17/NQ-CP: 2019-03-07): periods ending
   * before it are not measured against the target.
   */
  from: z.iso.date().optional(),
  label: LocalizedTextSchema,
  source: IndicatorSourceSchema,
});
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const IndicatorCatalogueSchema = z.object({
  /** Catalogue version; reports name the version they were written against. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  indicators: z.array(IndicatorDefinitionSchema),
  targets: z.array(IndicatorTargetSchema),
});
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogueSchema>;
