/*
 * `createTrustStore({ files })` in the browser build: a page has no file system, so naming files is a programmer
 * error there (pass the certificates' bytes or PEM text as `anchors`). Node gets ./anchor-files-node.ts.
 */
import { SignatureError } from '../errors';

export function readAnchorFiles(path: string): { file: string; bytes: Uint8Array }[] {
  throw new SignatureError(
    'INVALID_ARGUMENT',
    `createTrustStore: files (${path}) cannot be read in the browser build; pass the certificates as anchors.`,
  );
}
