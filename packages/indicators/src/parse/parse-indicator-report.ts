import type { Issue } from '@lienthong/report';
import type { z } from 'zod';
import { IndicatorsError } from '../errors';
import { type IndicatorReport, IndicatorReportSchema } from '../model/report';
import { describeModelIssue, describeType, formatPath } from './describe-model-issue';
import { lineAndColumn, scanJson } from './json-scan';
import {
  byteOrderMark,
  forbiddenKey,
  inputTooLarge,
  jsonSyntax,
  modelMismatch,
  nestingTooDeep,
  notAnObject,
  notUtf8,
} from './rules';
import { readTextInput } from './text-input';

export interface ParseIndicatorReportOptions {
  /** Largest input read, in bytes (of the text in UTF-8); default 16 MiB. */
  readonly maxBytes?: number;
  /** Deepest nesting of objects and arrays accepted; default 64 (a report needs 5). */
  readonly maxDepth?: number;
}

export interface ParseIndicatorReportResult {
  /** The report, when it satisfies the model (warnings and infos may still be in `issues`). */
  readonly report?: IndicatorReport;
  readonly issues: Issue[];
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
/** Beyond this many model errors the rest are counted, not listed: a hostile file could hold millions. */
const MAX_MODEL_ISSUES = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new IndicatorsError('INVALID_ARGUMENT', `${name} must be a positive whole number, got ${value}`);
  }
  return value;
}

/** The limits of options, checked: a limit that is not a positive whole number is a programmer error. */
export function parseLimits(options: ParseIndicatorReportOptions): { maxBytes: number; maxDepth: number } {
  return {
    maxBytes: positiveInteger('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES),
    maxDepth: positiveInteger('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH),
  };
}

/**
 * Reads an indicator report from JSON text, UTF-8 bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`) or an
 * already-parsed value. Checks, in order: size (before decoding), encoding, byte order mark, JSON syntax and
 * nesting depth, keys that could pollute prototypes, then the model (`IndicatorReportSchema`). Never throws for
 * bad input; the returned report is a new object (defaults filled in), the input is never modified.
 */
export function parseIndicatorReport(
  input: unknown,
  options: ParseIndicatorReportOptions = {},
): ParseIndicatorReportResult {
  const maxBytes = positiveInteger('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
  const maxDepth = positiveInteger('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH);
  const issues: Issue[] = [];
  let value: unknown = input;
  // The bytes of a fetch() response or a FileReader come as an ArrayBuffer.
  const textInput = input instanceof ArrayBuffer ? new Uint8Array(input) : input;

  if (typeof textInput === 'string' || textInput instanceof Uint8Array) {
    const text = readTextInput(textInput, maxBytes);
    if (text.kind === 'too_large') return { issues: [inputTooLarge.issue({ bytes: text.bytes, maxBytes })] };
    if (text.kind === 'not_utf8') {
      const { byteOffset, line, column } = text;
      return { issues: [notUtf8.issue({ byteOffset, line, column }, { line, column, offset: byteOffset })] };
    }
    if (text.hadByteOrderMark) issues.push(byteOrderMark.issue({}, { line: 1, column: 1, offset: 0 }));
    const scan = scanJson(text.text, maxDepth);
    if (!scan.ok) {
      const { line, column } = lineAndColumn(text.text, scan.offset);
      const location = { line, column, offset: scan.offset };
      if (scan.kind === 'depth') {
        const where = { vi: `dòng ${line}, cột ${column}`, en: `line ${line}, column ${column}` };
        issues.push(nestingTooDeep.issue({ maxDepth, where }, location));
      } else issues.push(jsonSyntax.issue({ line, column, problem: scan.problem }, location));
      return { issues };
    }
    value = JSON.parse(text.text);
  } else {
    const tooDeep = findTooDeep(value, maxDepth);
    if (tooDeep !== undefined) {
      return { issues: [nestingTooDeep.issue({ maxDepth, where: { vi: tooDeep, en: tooDeep } }, { path: tooDeep })] };
    }
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(notAnObject.issue({ found: describeType(value) }, { path: '$' }));
    return { issues };
  }
  const forbidden = forbiddenKeyPaths(value);
  for (const path of forbidden) {
    const key = path.at(-1) as string;
    const where = formatPath(path);
    issues.push(forbiddenKey.issue({ key, path: where }, { path: where }));
  }

  // The model refuses unknown keys; forbidden ones are ignored (reported above), so they are left out first.
  const modelInput = forbidden.length === 0 ? value : withoutForbiddenKeys(value);
  const parsed = IndicatorReportSchema.safeParse(modelInput, { reportInput: true });
  if (parsed.success) return { report: parsed.data, issues };
  for (const problem of locatedAtKeys(parsed.error.issues).slice(0, MAX_MODEL_ISSUES)) {
    const path = formatPath(problem.path);
    issues.push(modelMismatch.issue({ path, problem: describeModelIssue(problem) }, { path }));
  }
  const unlisted = locatedAtKeys(parsed.error.issues).length - MAX_MODEL_ISSUES;
  if (unlisted > 0) {
    const problem = {
      vi: `còn ${unlisted} lỗi khác không được liệt kê`,
      en: `${unlisted} more error(s) not listed`,
    };
    issues.push(modelMismatch.issue({ path: '$', problem }, { path: '$' }));
  }
  return { issues };
}

/**
 * Zod reports the unknown keys of an object at the object; a report author looks for the key itself, so each
 * becomes an issue at its own path.
 */
function locatedAtKeys(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }))
      : [issue],
  );
}

/** Own enumerable keys of plain objects and arrays; a getter is never called on values the caller built. */
function childrenOf(value: object): [PropertyKey, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  const children: [PropertyKey, unknown][] = [];
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) children.push([key, descriptor.value]);
  }
  return children;
}

/** The path of the first value nested deeper than `maxDepth` in a caller's object, iteratively (cycles too). */
function findTooDeep(root: unknown, maxDepth: number): string | undefined {
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length + 1 > maxDepth) return formatPath(path);
    if (seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of childrenOf(value)) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/** A copy of plain objects and arrays without `__proto__`, `constructor` and `prototype` keys (cycles kept). */
function withoutForbiddenKeys(root: unknown): unknown {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    const target: Record<PropertyKey, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, target);
    for (const [key, child] of childrenOf(value)) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) continue;
      (target as Record<PropertyKey, unknown>)[key] = copy(child);
    }
    return target;
  };
  // Depth is already bounded (scanJson or findTooDeep), so recursion here is bounded too.
  return copy(root);
}

/** Paths of `__proto__`, `constructor` and `prototype` keys, in document order. */
function forbiddenKeyPaths(root: object): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const seen = new WeakSet<object>();
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const [key, child] of childrenOf(value)) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) found.push([...path, key]);
      else visit(child, [...path, key]);
    }
  };
  // Depth is already bounded (scanJson or findTooDeep), so recursion here is bounded too.
  visit(root, []);
  return found;
}
