import { z } from 'zod';

/** How bad a finding is. Only `error` makes a report invalid. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** The two languages every lienthong message is written in. */
export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** A text in Vietnamese and English. */
export const LocalizedTextSchema = z.object({
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Where a finding is: a logical path through the document (`MessageHeader/To[1]/OrganId`)
 * and, when the source is text, the 1-based line and column.
 */
export const LocationSchema = z.object({
  path: z.string().min(1).optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** 0-based byte or character offset into the source, when known. */
  offset: z.number().int().nonnegative().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/**
 * A value a message template can interpolate. A localized text is rendered in the message's language,
 * for parts that are themselves words (a reason, a detail from a lower layer).
 */
export const ParamValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), LocalizedTextSchema]);
export type ParamValue = z.infer<typeof ParamValueSchema>;

/** The shape of a rule ID (internal: used to recognise its validation issues). */
export const RULE_ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

/**
 * Stable rule identifier: upper-case segments joined by `-`, e.g. `EDXML-HDR-003`.
 * Rule IDs never change meaning once published.
 */
export const RuleIdSchema = z.string().regex(RULE_ID_PATTERN, 'rule IDs look like EDXML-HDR-003');
export type RuleId = z.infer<typeof RuleIdSchema>;

/** One finding of a validator. */
export const IssueSchema = z.object({
  ruleId: RuleIdSchema,
  severity: SeveritySchema,
  message: LocalizedTextSchema,
  location: LocationSchema.optional(),
  /** The clause of the standard or regulation the rule comes from, e.g. `QCVN 102:2016 §1.14`. */
  reference: z.string().min(1).optional(),
  /** The values the message was built from, for programs that read reports. */
  params: z.record(z.string(), ParamValueSchema).optional(),
});
export type Issue = z.infer<typeof IssueSchema>;
