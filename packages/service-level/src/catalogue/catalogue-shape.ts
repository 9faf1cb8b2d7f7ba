/*
 * Checks a value (parsed JSON, or a catalogue built in code) against the catalogue model one service at a
 * time: a service that breaks the schema is reported at its JSON path and left out, the others are kept.
 * Properties the model does not know are reported too, since zod would drop them without a word.
 */
import type { Issue, LocalizedText } from '@lienthong/report';
import { type core, z } from 'zod';
import { type Catalogue, CatalogueSchema, type Service, ServiceSchema } from '../model/service';
import { jsonInvalidValue, jsonNotCatalogue, jsonServiceLeftOut, jsonUnknownProperty } from './rules';

export interface CatalogueShapeResult {
  readonly catalogue: Catalogue;
  /** For each kept service, its index in the input's `services` array. */
  readonly sourceIndexes: readonly number[];
  readonly issues: readonly Issue[];
}

/** The JSON path of a service of the input: `$.services[3]`. */
export function servicePath(index: number): string {
  return `$.services[${index}]`;
}

function jsonPath(base: string, path: readonly PropertyKey[]): string {
  let text = base;
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): LocalizedText {
  if (value === undefined) return { vi: 'không có', en: 'missing' };
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một mảng', en: 'an array' };
  if (typeof value === 'object') return { vi: 'một đối tượng', en: 'an object' };
  const shown = JSON.stringify(value);
  const text = shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
  return { vi: `${text} (${typeof value})`, en: `${text} (${typeof value})` };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_NAMES: Readonly<Record<string, LocalizedText>> = {
  string: { vi: 'một chuỗi', en: 'a string' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  number: { vi: 'một số', en: 'a number' },
  object: { vi: 'một đối tượng', en: 'an object' },
  array: { vi: 'một mảng', en: 'an array' },
};

function listValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** The reason of one zod issue, in both languages, quoting what was found. */
function describeZodIssue(issue: core.$ZodIssue, found: unknown): LocalizedText {
  const got = describeValue(found);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      return { vi: `cần ${expected.vi}, nhưng là ${got.vi}`, en: `expected ${expected.en}, got ${got.en}` };
    }
    case 'invalid_value':
      return {
        vi: `phải là một trong ${listValues(issue.values)}, nhưng là ${got.vi}`,
        en: `must be one of ${listValues(issue.values)}, got ${got.en}`,
      };
    case 'invalid_union': {
      const values = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : []));
      if (values.length > 0) {
        return {
          vi: `phải là một trong ${listValues(values)}, nhưng là ${got.vi}`,
          en: `must be one of ${listValues(values)}, got ${got.en}`,
        };
      }
      break;
    }
    case 'too_small':
      if (issue.origin === 'string') return { vi: 'không được để trống', en: 'must not be empty' };
      if (issue.origin === 'array') {
        return {
          vi: `cần ít nhất ${String(issue.minimum)} phần tử`,
          en: `needs at least ${String(issue.minimum)} item(s)`,
        };
      }
      break;
    case 'invalid_format':
      if (issue.format === 'date') {
        return {
          vi: `phải là một ngày có thật dạng YYYY-MM-DD, nhưng là ${got.vi}`,
          en: `must be a real calendar date YYYY-MM-DD, got ${got.en}`,
        };
      }
      break;
    default:
      break;
  }
  return { vi: `${issue.message} (${got.vi})`, en: `${issue.message} (${got.en})` };
}

function unwrap(schema: core.$ZodType): core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as core.$ZodType;
  }
  return current;
}

/** Warns about every property of `value` that `schema` does not declare, recursively. */
function reportUnknownProperties(schema: core.$ZodType, value: unknown, path: string, issues: Issue[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, core.$ZodType>;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape[key];
      if (childSchema === undefined) {
        issues.push(jsonUnknownProperty.issue({ path, property: key }, { path: `${path}.${key}` }));
      } else {
        reportUnknownProperties(childSchema, child, `${path}.${key}`, issues);
      }
    }
  }
}

function schemaIssues(
  schema: z.ZodType,
  value: unknown,
  base: string,
): { success: true; data: unknown } | { success: false; issues: Issue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => {
      const path = jsonPath(base, issue.path);
      return jsonInvalidValue.issue({ path, detail: describeZodIssue(issue, valueAt(value, issue.path)) }, { path });
    }),
  };
}

const { publisher: PublisherSchema, asOf: AsOfSchema } = CatalogueSchema.shape;

/** Reads a catalogue out of an unknown value, keeping every service that fits the model. */
export function readCatalogueShape(value: unknown): CatalogueShapeResult {
  const issues: Issue[] = [];
  if (!isPlainObject(value) || !Array.isArray(value.services)) {
    const found: LocalizedText = !isPlainObject(value)
      ? { vi: `dữ liệu là ${describeValue(value).vi}`, en: `the data is ${describeValue(value).en}` }
      : {
          vi: `“services” là ${describeValue(value.services).vi}`,
          en: `“services” is ${describeValue(value.services).en}`,
        };
    issues.push(jsonNotCatalogue.issue({ found }, { path: '$' }));
    return { catalogue: { services: [] }, sourceIndexes: [], issues };
  }
  const catalogue: Catalogue = { services: [] };
  for (const key of Object.keys(value)) {
    if (!(key in CatalogueSchema.shape)) {
      issues.push(jsonUnknownProperty.issue({ path: '$', property: key }, { path: `$.${key}` }));
    }
  }
  if (value.publisher !== undefined) {
    const publisher = schemaIssues(PublisherSchema, value.publisher, '$.publisher');
    if (publisher.success) {
      catalogue.publisher = publisher.data as Catalogue['publisher'];
      reportUnknownProperties(PublisherSchema, value.publisher, '$.publisher', issues);
    } else {
      issues.push(...publisher.issues);
    }
  }
  if (value.asOf !== undefined) {
    const asOf = schemaIssues(AsOfSchema, value.asOf, '$.asOf');
    if (asOf.success) catalogue.asOf = asOf.data as string;
    else issues.push(...asOf.issues);
  }
  const sourceIndexes: number[] = [];
  value.services.forEach((entry: unknown, index: number) => {
    const path = servicePath(index);
    const checked = schemaIssues(ServiceSchema, entry, path);
    if (checked.success) {
      catalogue.services.push(checked.data as Service);
      sourceIndexes.push(index);
      reportUnknownProperties(ServiceSchema, entry, path, issues);
    } else {
      issues.push(...checked.issues);
      const code = isPlainObject(entry) && typeof entry.procedureCode === 'string' ? entry.procedureCode : null;
      issues.push(jsonServiceLeftOut.issue({ path, procedureCode: code, errors: checked.issues.length }, { path }));
    }
  });
  return { catalogue, sourceIndexes, issues };
}
