/*
 * The JSON outputs of `lienthong level classify` and `lienthong level stats`: zod schemas (the single source of
 * their types) and the JSON Schemas generated from them, shipped as schema/level-classify.schema.json and
 * schema/level-stats.schema.json (written by scripts/write-level-schemas.ts; test/level-schema.test.ts fails when
 * a committed file is stale). `schemaVersion` changes only when a field changes meaning or disappears.
 */
import { IssueSchema as ReportIssueSchema, LocalizedTextSchema as ReportLocalizedTextSchema } from '@lienthong/report';
import {
  Nd42CategorySchema,
  Nd43LevelSchema,
  SchemeSchema,
  SERVICE_LEVEL_INDICATORS,
  TierSchema,
  VendorCodeSchema,
} from '@lienthong/service-level';
import { z } from 'zod';

export const LEVEL_OUTPUT_SCHEMA_VERSION = 1 as const;

/** The descriptions and $defs names of the generated JSON Schemas (a registry of our own, not zod's global one). */
const LEVEL_SCHEMA_METADATA = z.registry<{ id?: string; description?: string }>();

/** A copy of `schema` held once under `$defs/<id>`. */
function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  const copy = schema.clone() as T;
  LEVEL_SCHEMA_METADATA.add(copy, { id, ...(description === undefined ? {} : { description }) });
  return copy;
}

const LocalizedTextSchema = named(ReportLocalizedTextSchema, 'LocalizedText');
const IssueSchema = named(
  ReportIssueSchema,
  'Issue',
  'A finding (@lienthong/report): stable rule ID, severity, message in Vietnamese and English, location.',
);
export const LEVEL_CLASSIFY_SCHEMA_ID = `urn:lienthong:cli:level-classify:${LEVEL_OUTPUT_SCHEMA_VERSION}`;
export const LEVEL_STATS_SCHEMA_ID = `urn:lienthong:cli:level-stats:${LEVEL_OUTPUT_SCHEMA_VERSION}`;

const GeneratorSchema = named(z.object({ name: z.string().min(1), version: z.string().min(1) }), 'Generator');
const DaySchema = z.iso
  .date()
  .clone()
  .register(LEVEL_SCHEMA_METADATA, { description: 'A Vietnam calendar day, YYYY-MM-DD.' });

const CatalogueInputSchema = z
  .object({
    path: z
      .string()
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'The catalogue file as named on the command line.' }),
    format: z.enum(['csv', 'json']).clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'How the file was read (from its extension, else its content).',
    }),
    publisher: z.object({ name: z.string(), code: z.string().nullable() }).nullable(),
    asOf: DaySchema.nullable()
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'The date the catalogue describes, when it says so.' }),
    valid: z.boolean().clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'False when the catalogue has errors (rows left out, invalid values); exit code 1.',
    }),
    counts: z.object({
      error: z.number().int().nonnegative(),
      warning: z.number().int().nonnegative(),
      info: z.number().int().nonnegative(),
    }),
  })
  .register(LEVEL_SCHEMA_METADATA, {
    id: 'CatalogueInput',
    description: 'The catalogue read and what its import found.',
  });

const CriterionSchema = z
  .object({
    id: z.string(),
    /** NĐ 43: the level the criterion belongs to; NĐ 42: its role. */
    level: z.number().int().min(1).max(4).nullable(),
    role: z.enum(['online-service', 'toan-trinh']).nullable(),
    met: z.boolean(),
    title: LocalizedTextSchema,
    message: LocalizedTextSchema.clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'Why the criterion is met or not, citing the provision.',
    }),
    article: z.string(),
  })
  .register(LEVEL_SCHEMA_METADATA, { id: 'Criterion' });

const DeclaredSchema = z
  .object({
    nd43Level: Nd43LevelSchema.nullable(),
    nd42Category: Nd42CategorySchema.nullable(),
    vendorCode: VendorCodeSchema.nullable(),
    matches: z
      .boolean()
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'True when every declared value equals the computed one.' }),
  })
  .clone()
  .register(LEVEL_SCHEMA_METADATA, {
    description: 'The values the catalogue declares (never trusted), compared with the computed ones.',
  });

export const ClassifiedServiceSchema = z
  .object({
    index: z.number().int().nonnegative().clone().register(LEVEL_SCHEMA_METADATA, {
      description: '0-based position among the services imported (rows with errors are left out).',
    }),
    procedureCode: z.string(),
    name: z.string(),
    agency: z.object({ name: z.string(), code: z.string().nullable() }),
    tier: TierSchema,
    scheme: SchemeSchema.clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'The classification scheme in force on `date`.',
    }),
    level: Nd43LevelSchema.clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'The NĐ 43/2011 level (0–4) computed from the capabilities.',
    }),
    category: Nd42CategorySchema.clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'The NĐ 42/2022 category computed from the capabilities.',
    }),
    vendorCode: VendorCodeSchema.clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'The code vendors keep for the category ("4" toàn trình, "3" một phần, "2").',
    }),
    nextLevel: z.number().int().min(1).max(4).nullable(),
    missingForNextLevel: z
      .array(z.string())
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'NĐ 43 criteria of the next level the service does not meet.' }),
    missingForToanTrinh: z
      .array(z.string())
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'NĐ 42 point-a criteria the service does not meet.' }),
    reasons: z
      .object({
        nd43: LocalizedTextSchema.clone().register(LEVEL_SCHEMA_METADATA, {
          description: 'The level and what is missing for the next one.',
        }),
        nd42: z
          .array(LocalizedTextSchema)
          .clone()
          .register(LEVEL_SCHEMA_METADATA, { description: 'The category, then each criterion that decided it.' }),
      })
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'Why, in Vietnamese and English, citing the provisions.' }),
    criteria: z.object({ nd43: z.array(CriterionSchema), nd42: z.array(CriterionSchema) }),
    declared: DeclaredSchema.nullable(),
  })
  .register(LEVEL_SCHEMA_METADATA, { id: 'ClassifiedService' });
export type ClassifiedService = z.infer<typeof ClassifiedServiceSchema>;

const countsBy = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int().nonnegative()])) as Record<K, z.ZodNumber>);

export const LevelClassifyOutputSchema = z.object({
  schemaVersion: z.literal(LEVEL_OUTPUT_SCHEMA_VERSION),
  generator: GeneratorSchema,
  date: DaySchema.clone().register(LEVEL_SCHEMA_METADATA, {
    description: 'The day classified for (--date, default today in Vietnam).',
  }),
  scheme: SchemeSchema,
  catalogue: CatalogueInputSchema,
  summary: z.object({
    services: z.number().int().nonnegative(),
    byLevel: countsBy(['0', '1', '2', '3', '4'] as const),
    byCategory: countsBy(['toan_trinh', 'mot_phan', 'none'] as const),
  }),
  services: z.array(ClassifiedServiceSchema),
  findings: z.array(IssueSchema).clone().register(LEVEL_SCHEMA_METADATA, {
    description: 'What the import found, with the row (CSV) or path (JSON) of each.',
  }),
});
export type LevelClassifyOutput = z.infer<typeof LevelClassifyOutputSchema>;

const ShareSchema = z
  .object({
    count: z.number().int().nonnegative(),
    of: z.number().int().nonnegative(),
    percent: z
      .number()
      .nullable()
      .clone()
      .register(LEVEL_SCHEMA_METADATA, { description: 'Rounded half up; null when `of` is 0.' }),
  })
  .register(LEVEL_SCHEMA_METADATA, { id: 'Share' });

const sharesBy = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, ShareSchema])) as Record<K, typeof ShareSchema>);

export const LevelFiguresSchema = z
  .object({
    total: z.number().int().nonnegative(),
    nd43: z.object({
      byLevel: sharesBy(['0', '1', '2', '3', '4'] as const)
        .clone()
        .register(LEVEL_SCHEMA_METADATA, { description: 'Services exactly at each level.' }),
      atLeast: sharesBy(['0', '1', '2', '3', '4'] as const)
        .clone()
        .register(LEVEL_SCHEMA_METADATA, { description: 'Services at each level or higher.' }),
    }),
    nd42: z.object({ byCategory: sharesBy(['toan_trinh', 'mot_phan', 'none'] as const) }),
  })
  .register(LEVEL_SCHEMA_METADATA, { id: 'LevelFigures' });

const IndicatorFigureSchema = z
  .object({
    value: z.number().nullable().clone().register(LEVEL_SCHEMA_METADATA, {
      description: 'A count, or a rounded percentage (null when the denominator is 0).',
    }),
    numerator: z.number().int().nonnegative().nullable(),
    denominator: z.number().int().nonnegative().nullable(),
  })
  .register(LEVEL_SCHEMA_METADATA, { id: 'IndicatorFigure' });

const IndicatorSchema = IndicatorFigureSchema.extend({
  label: LocalizedTextSchema,
  unit: z.enum(['count', 'percent']),
  scheme: SchemeSchema.nullable(),
  formula: z.string(),
  byTier: z.object({
    tinh: IndicatorFigureSchema.optional(),
    huyen: IndicatorFigureSchema.optional(),
    xa: IndicatorFigureSchema.optional(),
  }),
}).register(LEVEL_SCHEMA_METADATA, { id: 'Indicator' });

const INDICATOR_NAMES = SERVICE_LEVEL_INDICATORS.map((indicator) => indicator.name);

export const LevelStatsOutputSchema = z.object({
  schemaVersion: z.literal(LEVEL_OUTPUT_SCHEMA_VERSION),
  generator: GeneratorSchema,
  date: DaySchema.clone().register(LEVEL_SCHEMA_METADATA, {
    description: 'The day aggregated (--date, default today in Vietnam).',
  }),
  schemes: z.array(SchemeSchema),
  tiers: z
    .array(TierSchema)
    .clone()
    .register(LEVEL_SCHEMA_METADATA, { description: 'The tiers reported (no district tier from 2025-07-01).' }),
  catalogue: CatalogueInputSchema,
  overall: LevelFiguresSchema,
  byTier: z.object({
    tinh: LevelFiguresSchema.optional(),
    huyen: LevelFiguresSchema.optional(),
    xa: LevelFiguresSchema.optional(),
  }),
  indicators: z
    .object(
      Object.fromEntries(INDICATOR_NAMES.map((name) => [name, IndicatorSchema])) as Record<
        string,
        typeof IndicatorSchema
      >,
    )
    .clone()
    .register(LEVEL_SCHEMA_METADATA, {
      description: 'Every indicator of SERVICE_LEVEL_INDICATORS under its machine name.',
    }),
  targets: z
    .array(
      z.object({
        id: z.string(),
        status: z.enum(['met', 'not-met', 'undetermined', 'not-computable']),
        source: LocalizedTextSchema,
        target: LocalizedTextSchema,
        threshold: z.number(),
        indicator: z.string().nullable(),
        figure: z
          .object({
            count: z.number().int().nonnegative(),
            total: z.number().int().nonnegative(),
            percent: z.number().nullable(),
          })
          .nullable(),
        message: LocalizedTextSchema,
      }),
    )
    .clone()
    .register(LEVEL_SCHEMA_METADATA, {
      description: 'The Nghị quyết 17/NQ-CP targets (and the index-9 target) checked against the catalogue.',
    }),
  findings: z
    .array(IssueSchema)
    .clone()
    .register(LEVEL_SCHEMA_METADATA, { description: 'The import findings, then the aggregation findings (SL-AGG-*).' }),
});
export type LevelStatsOutput = z.infer<typeof LevelStatsOutputSchema>;

function jsonSchemaOf(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: LEVEL_SCHEMA_METADATA,
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    description,
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

/** The JSON Schema (draft 2020-12) of `lienthong level classify --format json`. */
export function levelClassifyJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    LevelClassifyOutputSchema,
    LEVEL_CLASSIFY_SCHEMA_ID,
    'lienthong level classify output',
    'Each service of a catalogue with its NĐ 43/2011 level, NĐ 42/2022 category and vendor code computed from its capabilities, the reasons in Vietnamese and English, and the findings of the catalogue import.',
  );
}

/** The JSON Schema (draft 2020-12) of `lienthong level stats --format json`. */
export function levelStatsJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    LevelStatsOutputSchema,
    LEVEL_STATS_SCHEMA_ID,
    'lienthong level stats output',
    'Counts and percentages of a catalogue by NĐ 43/2011 level and NĐ 42/2022 category, overall and per tier, the indicators under their machine names, and the Nghị quyết 17/NQ-CP targets checked.',
  );
}
