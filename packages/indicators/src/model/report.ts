import { z } from 'zod';
import { HttpUrlSchema, IndicatorNameSchema, TierSchema, TiersSchema } from './indicator';

/*
 * An indicator report: the figures one reporting unit (a province, a ministry, an agency) gives for one period,
 * as tidy data — one entry per (indicator, tier, agency, period) statement. A list rather than a map keyed by
 * indicator, because real sources state the same figure twice with different values (Hòa Bình: 32 and 31 member
 * sites), and the validator must report both rather than keep one.
 *
 * This zod schema is the single source: the JSON Schema shipped as `@lienthong/indicators/schema.json` is
 * generated from it (scripts/write-schema.ts) and a test checks both accept and reject the same documents.
 */

export const INDICATOR_REPORT_SCHEMA_VERSION = 1;

const isoDate = z.iso.date();

/** Vietnamese organisation code of QCVN 102:2016 (e.g. `000.00.00.H41`), or a ministry / agency code. */
export const OrganisationCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/, 'an organisation code is dot-separated upper-case letters and digits');

export const ReportingUnitSchema = z.strictObject({
  name: z.string().min(1),
  organisationCode: OrganisationCodeSchema.optional(),
  kind: z.enum(['national', 'province', 'ministry', 'agency', 'district', 'commune']),
});
export type ReportingUnit = z.infer<typeof ReportingUnitSchema>;

/**
 * A period of Vietnam calendar days, both ends inclusive. That `to` is not before `from` is the validator's rule
 * IND-PER-003, not the model's: JSON Schema cannot compare two values, and the two schemas must agree.
 */
export const PeriodSchema = z.strictObject({ from: isoDate, to: isoDate });
export type Period = z.infer<typeof PeriodSchema>;

/** The document the figures come from, e.g. report `14/BC-UBND` of 2019-01-07. */
export const SourceDocumentSchema = z.strictObject({
  /** Document number (số hiệu), e.g. `14/BC-UBND`, `144/KH-UBND`. */
  number: z.string().min(1).optional(),
  title: z.string().min(1),
  issuer: z.string().min(1).optional(),
  issuedOn: isoDate.optional(),
  url: HttpUrlSchema.optional(),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/** Where in the source document a figure is stated: the words quoted, and their line or section. */
export const SourceLocationSchema = z.strictObject({
  /** The exact words of the source that state the figure, e.g. `giải quyết xong 12.338 hồ sơ TTHC`. */
  quote: z.string().min(1),
  /** 1-based line of the source text file. */
  line: z.number().int().positive().optional(),
  section: z.string().min(1).optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

/**
 * How exact a stated number is, as the source words it: `exact`, `approx` ("gần 8.000", "khoảng 25%"),
 * `at_least` ("trên 90 cuộc họp", "hơn 54.000") or `at_most`. Consistency checks treat only exact numbers as
 * equal-or-wrong; bounds are checked as bounds; approximate numbers are not compared.
 */
export const QualifierSchema = z.enum(['exact', 'approx', 'at_least', 'at_most']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** Stated in the source, or computed from other values by `deriveIndicators`. */
export const ProvenanceSchema = z.enum(['stated', 'derived']);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const AgencyRefSchema = z.strictObject({
  name: z.string().min(1),
  organisationCode: OrganisationCodeSchema.optional(),
});
export type AgencyRef = z.infer<typeof AgencyRefSchema>;

export const IndicatorValueSchema = z.strictObject({
  indicator: IndicatorNameSchema,
  /** A number for numeric units, a boolean for `boolean`, a string for `text`; `null` when the source says "n/a". */
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  qualifier: QualifierSchema.default('exact'),
  /**
   * Decimal places the source printed (e.g. 2 for "31,60%"); percentages are recomputed to this precision.
   * When absent, the number's own decimals are used.
   */
  decimals: z.number().int().min(0).max(6).optional(),
  /** The tier this value is for; absent for the reporting unit as a whole. */
  tier: TierSchema.optional(),
  /**
   * Several tiers together ("cấp Sở, ban, ngành, huyện": the provincial and district tiers), in the order tinh,
   * huyen, xa: the value is for their union, a scope of its own. Exclusive with `tier` (IND-SCOPE-005).
   */
  tiers: TiersSchema.optional(),
  /** The agency this value is for; absent for the reporting unit (or tier) as a whole. */
  agency: AgencyRefSchema.optional(),
  /** When the value covers only part of the report's period (e.g. "from 01/01 to 30/7"). */
  period: PeriodSchema.optional(),
  /** When the value is a snapshot taken on a day other than the report's as-of date. */
  asOf: isoDate.optional(),
  provenance: ProvenanceSchema.default('stated'),
  /** For a derived value: the indicators it was computed from. */
  derivedFrom: z.array(IndicatorNameSchema).optional(),
  source: SourceLocationSchema.optional(),
  note: z.string().min(1).optional(),
});
export type IndicatorValue = z.output<typeof IndicatorValueSchema>;
export type IndicatorValueInput = z.input<typeof IndicatorValueSchema>;

export const IndicatorReportSchema = z.strictObject({
  /** The URI of the JSON Schema, for editors; ignored by validation. */
  $schema: z.string().optional(),
  schemaVersion: z.literal(INDICATOR_REPORT_SCHEMA_VERSION),
  /** The catalogue version the report was written against (see `INDICATOR_CATALOGUE.version`). */
  catalogueVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .optional(),
  reportingUnit: ReportingUnitSchema,
  period: PeriodSchema,
  /** The day the figures were taken (e.g. the report's cut-off date). */
  asOf: isoDate.optional(),
  source: SourceDocumentSchema.optional(),
  values: z.array(IndicatorValueSchema),
  notes: z.array(z.string().min(1)).optional(),
});
export type IndicatorReport = z.output<typeof IndicatorReportSchema>;
export type IndicatorReportInput = z.input<typeof IndicatorReportSchema>;
