/*
 * Reading trust-anchor files and folders for `createTrustStore({ files })` in Node. The browser build gets
 * ./anchor-files-browser.ts instead (package.json "imports": `#anchor-files`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SignatureError } from '../errors';

const CERTIFICATE_FILE_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der']);
/** Largest anchor file read. */
const MAX_ANCHOR_FILE_BYTES = 4 * 1024 * 1024;

/** The bytes of each certificate file under `path` (a file, or a folder's certificate files, not recursively). */
export function readAnchorFiles(path: string): { file: string; bytes: Uint8Array }[] {
  return anchorFiles(path).map((file) => {
    try {
      const size = statSync(file).size;
      if (size > MAX_ANCHOR_FILE_BYTES)
        throw new SignatureError('INVALID_ARGUMENT', `Trust anchor file ${file} is too large (${size} bytes).`);
      return { file, bytes: readFileSync(file) };
    } catch (error) {
      if (error instanceof SignatureError) throw error;
      throw new SignatureError('INVALID_ARGUMENT', `Cannot read trust anchor file ${file}.`, { cause: error });
    }
  });
}

function anchorFiles(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new SignatureError('INVALID_ARGUMENT', `Trust anchor path ${path} does not exist.`, { cause: error });
  }
  if (!isDirectory) return [path];
  return readdirSync(path)
    .filter((entry) => CERTIFICATE_FILE_EXTENSIONS.has(extname(entry).toLowerCase()))
    .sort()
    .map((entry) => join(path, entry))
    .filter((file) => statSync(file).isFile());
}
