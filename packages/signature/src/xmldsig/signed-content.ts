/*
 * What a passed signature covers, handed to the caller from the signed bytes only. Each view is made on first
 * read and then kept: for a 50 MB envelope the text is a 50–100 MB string (two bytes a character as soon as one
 * Vietnamese letter is in it), the bytes another 50 MB, and the message a parse of them, so a caller that only
 * needs the verdict pays for none of it, and one that streams `signedBytes` never builds the string.
 */

import { parseEdxml } from '@lienthong/edxml';
import { canonicalBytes, canonicalText, type ElidedText } from './elided-text';

function lazy<T>(compute: () => T): PropertyDescriptor {
  let computed = false;
  let value: T;
  return {
    enumerable: true,
    get(): T {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value;
    },
  };
}

/**
 * Property descriptors for `signedReferences`, and with a single reference `signedXml`, `signedBytes` and (for
 * edXML) `signedMessage`, from the canonical forms xml-crypto returned (`getSignedReferences()`), with the
 * elided runs spliced back in.
 */
export function signedContent(
  canonicalReferences: readonly string[],
  elided: ElidedText | undefined,
  edxml: boolean,
): PropertyDescriptorMap {
  let references: readonly string[] | undefined;
  const texts = () => {
    references ??= canonicalReferences.map((canonical) => canonicalText(canonical, elided));
    return references;
  };
  const descriptors: PropertyDescriptorMap = { signedReferences: lazy(texts) };
  const [only] = canonicalReferences;
  if (canonicalReferences.length !== 1 || only === undefined) return descriptors;
  let bytes: Uint8Array | undefined;
  const signedBytes = () => {
    bytes ??= canonicalBytes(only, elided);
    return bytes;
  };
  descriptors.signedXml = lazy(() => texts()[0]);
  descriptors.signedBytes = lazy(signedBytes);
  if (edxml)
    // From the bytes when runs were elided: a large envelope is never turned into one string for the reader.
    descriptors.signedMessage = lazy(() => parseEdxml(elided ? signedBytes() : only).message ?? undefined);
  return descriptors;
}
