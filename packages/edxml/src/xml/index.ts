/**
 * The XML layer of @lienthong/edxml: an incremental, namespace-aware scanner (strings or UTF-8
 * bytes) and a light element tree. Bad input never throws; it yields located, typed problems.
 *
 * - `parseXmlTree(input, options)` parses a document held in memory; `createXmlTreeParser(options)`
 *   takes it in chunks. Both give the same tree and problems whatever the chunk boundaries.
 * - `createXmlScanner(handler)` / `createXmlByteScanner(handler)` are the push scanners underneath,
 *   for readers that want events rather than a tree.
 * - Positions: lines and columns are 1-based, columns count UTF-16 code units (an astral character
 *   counts 2, a leading byte order mark 0); offsets are 0-based UTF-16 code-unit offsets into the
 *   decoded text. Problems found while decoding bytes also carry a `byteOffset`.
 * - Large texts (a base64 attachment) can be diverted to a sink with the `streamText` option instead
 *   of being buffered; a sink that validates its characters itself should say so
 *   (`validatesCharacters`) so the scanner skips its own, costlier, check for that text.
 */
export { createXmlByteScanner, type XmlByteScanner } from './byte-scanner';
export {
  describeXmlProblem,
  XML_PROBLEM_CODES,
  type XmlMessage,
  type XmlPosition,
  type XmlProblem,
  type XmlProblemCode,
  type XmlProblemDetails,
  type XmlProblemSeverity,
} from './problems';
export { createXmlScanner, type XmlScanner } from './scanner';
export {
  createXmlTreeParser,
  DEFAULT_MAX_TEXT_NODE_LENGTH,
  parseXmlTree,
  type XmlElement,
  type XmlTextSink,
  type XmlTreeOptions,
  type XmlTreeParser,
  type XmlTreeResult,
} from './tree';
export {
  DEFAULT_XML_SCAN_OPTIONS,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  type XmlAttribute,
  type XmlDeclaration,
  type XmlScanHandler,
  type XmlScanOptions,
  type XmlStartTag,
} from './types';
