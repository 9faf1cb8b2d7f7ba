import type { Issue } from '@lienthong/report';
import {
  junkBeforeRoot,
  unboundPrefix,
  xmlEncoding,
  xmlForbiddenConstruct,
  xmlLimitExceeded,
  xmlNotWellFormed,
} from '../rules/structure';
import type { XmlProblem, XmlProblemCode } from '../xml';

const LIMIT_CODES: ReadonlySet<XmlProblemCode> = new Set([
  'INPUT_TOO_LARGE',
  'DEPTH_LIMIT_EXCEEDED',
  'TOO_MANY_ATTRIBUTES',
  'ATTRIBUTE_VALUE_TOO_LONG',
  'NAME_TOO_LONG',
  'TEXT_TOO_LONG',
  'MARKUP_TOO_LONG',
]);

const ENCODING_CODES: ReadonlySet<XmlProblemCode> = new Set(['INVALID_UTF8', 'UNSUPPORTED_ENCODING']);

/** Turns a problem of the XML layer into a report issue under the edXML rule that covers it. */
export function issueOfXmlProblem(problem: XmlProblem): Issue {
  const location = { line: problem.line, column: problem.column, offset: problem.offset };
  const detail = { vi: problem.message.vi, en: problem.message.en };
  if (problem.code === 'UNBOUND_PREFIX') return unboundPrefix.issue({ detail }, location);
  if (problem.code === 'JUNK_BEFORE_ROOT') return junkBeforeRoot.issue({ detail }, location);
  if (problem.code === 'DOCTYPE_FORBIDDEN') return xmlForbiddenConstruct.issue({ detail }, location);
  if (LIMIT_CODES.has(problem.code)) return xmlLimitExceeded.issue({ detail }, location);
  if (ENCODING_CODES.has(problem.code)) return xmlEncoding.issue({ detail }, location);
  return xmlNotWellFormed.issue({ detail }, location);
}
