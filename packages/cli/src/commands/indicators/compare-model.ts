/*
 * The JSON output of `lienthong indicators compare`: a zod schema (the single source of its type) and the JSON
 * Schema generated from it, shipped as schema/indicators-compare.schema.json (written by
 * scripts/write-indicators-schemas.ts; test/indicators-schema.test.ts fails when the committed file is stale).
 * `schemaVersion` changes only when a field changes meaning or disappears.
 */
import {
  AgencyRefSchema,
  type ComparisonDirection,
  type ComparisonKind,
  type DeltaUnit,
  IndicatorGroupSchema,
  IndicatorUnitSchema,
  IndicatorValueSchema,
  type NotComparableReason,
  PeriodSchema,
  ReportingUnitSchema,
  TierSchema,
} from '@lienthong/indicators';
import { IssueSchema as ReportIssueSchema, LocalizedTextSchema as ReportLocalizedTextSchema } from '@lienthong/report';
import { z } from 'zod';

export const INDICATORS_COMPARE_SCHEMA_VERSION = 1 as const;
export const INDICATORS_COMPARE_SCHEMA_ID = `urn:lienthong:cli:indicators-compare:${INDICATORS_COMPARE_SCHEMA_VERSION}`;

/** Descriptions and $defs names of the generated JSON Schema (a registry of our own, not zod's global one). */
const METADATA = z.registry<{ id?: string; description?: string }>();

function described<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  const copy = schema.clone() as T;
  METADATA.add(copy, { description, ...(id === undefined ? {} : { id }) });
  return copy;
}

const LocalizedTextSchema = described(ReportLocalizedTextSchema, 'A text in Vietnamese and English.', 'LocalizedText');
const IssueSchema = described(
  ReportIssueSchema,
  'A finding (@lienthong/report): stable rule ID, severity, message in Vietnamese and English, location.',
  'Issue',
);
const ValueSchema = described(
  IndicatorValueSchema,
  'A value as the report states it (defaults filled in), see @lienthong/indicators/schema.json.',
  'IndicatorValue',
);
const UnitSchema = described(
  ReportingUnitSchema,
  'The unit (province, ministry, …) a report is about.',
  'ReportingUnit',
);
const ReportPeriodSchema = described(PeriodSchema, 'The period a report covers, both days inclusive.', 'Period');

const DirectionSchema = z.enum([
  'up',
  'down',
  'same',
  'only_a',
  'only_b',
  'not_comparable',
]) satisfies z.ZodType<ComparisonDirection>;
const ReasonSchema = z.enum([
  'not_numeric',
  'missing_value',
  'different_qualifiers',
  'several_values',
]) satisfies z.ZodType<NotComparableReason>;
const DeltaUnitSchema = z.enum(['unit', 'percentage_points']) satisfies z.ZodType<DeltaUnit>;
const KindSchema = z.enum(['over_time', 'across_units', 'same_scope', 'unrelated']) satisfies z.ZodType<ComparisonKind>;

const CountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

export const CompareInputSchema = z
  .object({
    file: described(z.string(), 'The file as named on the command line.'),
    valid: described(z.boolean(), 'The verdict of `indicators validate` on the file (warnings allowed).'),
    comparable: described(
      z.boolean(),
      'False when the file could not be read or is not an indicator report (JSON, model): nothing is compared.',
    ),
    counts: CountsSchema,
    issues: described(z.array(IssueSchema), 'Every finding of the validation (or CLI-IO-001 when unreadable).'),
  })
  .register(METADATA, { id: 'CompareInput' });

export const ComparisonRowSchema = z
  .object({
    indicator: described(z.string(), 'The indicator’s machine name.'),
    label: described(LocalizedTextSchema.nullable(), 'The catalogue label; null for an indicator it does not know.'),
    unit: IndicatorUnitSchema.nullable(),
    group: IndicatorGroupSchema.nullable(),
    tier: described(TierSchema.nullable(), 'The tier of the figure; null for the reporting unit as a whole.'),
    agency: described(AgencyRefSchema.nullable(), 'The agency of the figure; null when it is not per agency.'),
    a: described(ValueSchema.nullable(), 'The statement in report A (the first, when there are several).'),
    b: described(ValueSchema.nullable(), 'The statement in report B (the first, when there are several).'),
    count: described(
      z.object({ a: z.number().int().nonnegative(), b: z.number().int().nonnegative() }),
      'How many times each report states the figure.',
    ),
    direction: DirectionSchema,
    reason: described(ReasonSchema.nullable(), 'Why a figure present in both reports was not compared.'),
    delta: described(
      z.number().nullable(),
      'B − A, rounded to the larger number of decimals of the two values; percentage points for percentages.',
    ),
    deltaUnit: DeltaUnitSchema.nullable(),
    relativeDeltaPct: described(
      z.number().nullable(),
      '100 × (B − A) / |A|, two decimals; for numeric units other than percentages, when A is not 0.',
    ),
    derived: described(z.boolean(), 'Either side was computed (provenance `derived`) rather than stated.'),
    approximate: described(z.boolean(), 'Either side is approximate or a bound ("khoảng", "trên", "hơn").'),
  })
  .register(METADATA, { id: 'ComparisonRow' });
export type ComparisonRowOutput = z.infer<typeof ComparisonRowSchema>;

export const IndicatorsCompareOutputSchema = z.object({
  schemaVersion: z.literal(INDICATORS_COMPARE_SCHEMA_VERSION),
  generator: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  inputs: z.object({ a: CompareInputSchema, b: CompareInputSchema }),
  comparison: described(
    z
      .object({
        kind: described(
          KindSchema,
          'over_time: the same unit at two times; across_units: two units, same period; same_scope: two versions of one report; unrelated: neither.',
        ),
        reportingUnits: z.object({ a: UnitSchema, b: UnitSchema }),
        periods: z.object({ a: ReportPeriodSchema, b: ReportPeriodSchema }),
        summary: described(
          z.object(
            Object.fromEntries(
              DirectionSchema.options.map((direction) => [direction, z.number().int().nonnegative()]),
            ) as Record<ComparisonDirection, z.ZodNumber>,
          ),
          'How many rows have each direction.',
        ),
        rows: described(
          z.array(ComparisonRowSchema),
          'One row per (indicator, tier, agency) stated in either report, in catalogue order.',
        ),
      })
      .nullable(),
    'Null when either input is not comparable (exit 1 or 2).',
  ),
});
export type IndicatorsCompareOutput = z.infer<typeof IndicatorsCompareOutputSchema>;

/** The JSON Schema (draft 2020-12) of `lienthong indicators compare --format json`. */
export function indicatorsCompareJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(IndicatorsCompareOutputSchema, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: METADATA,
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: INDICATORS_COMPARE_SCHEMA_ID,
    title: 'lienthong indicators compare output',
    description:
      'Two indicator reports compared figure by figure: for each (indicator, tier, agency) the two values, the difference (percentage points for percentages, with the relative change for other numbers) and its direction, with the validation findings of both inputs.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}
