/*
 * Byte-array encodings (hex, base64, Latin-1) and searches. `#bytes` resolves to ./node.ts (Buffer-backed) in Node
 * and to ./portable.ts under the `browser` condition (package.json "imports").
 */

import * as selected from '#bytes';
import type * as portable from './portable';

// Both implementations offer the same functions (checked here, against the one tsc resolves: node).
const _sameShape: typeof portable = selected;
void _sameShape;

export {
  allocUninitialized,
  bytesEqual,
  concatBytes,
  fromBase64,
  fromHex,
  indexOfAscii,
  lastIndexOfAscii,
  latin1,
  toBase64,
  toHex,
} from '#bytes';
