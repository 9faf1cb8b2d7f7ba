import { z } from 'zod';
import { HttpUrlSchema } from '../model/indicator';
import { INDICATOR_REPORT_SCHEMA_VERSION, IndicatorReportSchema } from '../model/report';

export const INDICATOR_REPORT_SCHEMA_ID = `urn:lienthong:indicators:report:${INDICATOR_REPORT_SCHEMA_VERSION}`;

/**
 * The scheme restriction of `HttpUrlSchema`, which zod's JSON Schema output leaves out. The WHATWG parser zod uses
 * lower-cases the scheme, so the pattern accepts either case.
 */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';

/**
 * The JSON Schema (draft 2020-12) of an indicator report, generated from `IndicatorReportSchema`; the package ships
 * it as `@lienthong/indicators/schema.json` (schema/, rewritten by `pnpm --filter @lienthong/indicators
 * schema:write`; a test fails when the committed file is stale).
 *
 * It describes the *input* side of the zod schema — what people and programs write — because that is what an editor
 * or a foreign validator is given: `qualifier` and `provenance` may be left out (zod fills `exact` / `stated`), and
 * the defaults appear as `default` for editors. The output side would require both and would refuse a document
 * that zod itself accepts.
 */
export function indicatorReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(IndicatorReportSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === HttpUrlSchema) jsonSchema.pattern = HTTP_URL_PATTERN;
    },
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: INDICATOR_REPORT_SCHEMA_ID,
    title: 'lienthong indicator report',
    description:
      'The figures one reporting unit (province, ministry, agency) states for one period in its IT-application report, as a tidy list of indicator values with their source quotes; indicator names refer to the @lienthong/indicators catalogue.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
