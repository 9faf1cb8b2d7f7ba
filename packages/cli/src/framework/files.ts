/*
 * Turning the file arguments of a command into files. Globs are expanded here (shells on Windows and quoted
 * patterns in CI configs do not expand them); a literal path is kept even when missing, so that the command
 * reports it as a file that cannot be read rather than silently skipping it.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { LocalizedText } from '@lienthong/report';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError, type CliErrorCode, type CliIO } from './command';

export type InputFile =
  /** A path to read: what the user typed, or a match of a glob. */
  | { readonly kind: 'file'; readonly path: string; readonly display: string }
  /** A glob that matched no file. */
  | { readonly kind: 'unmatched'; readonly pattern: string };

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || isAbsolute(shown) ? path : shown;
}

/** Expands each argument, in order, matches of one glob sorted; a file named twice is read once. */
export async function expandInputs(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, display: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ kind: 'file', path, display });
  };
  for (const arg of args) {
    if (!isDynamicPattern(arg)) {
      add(resolve(cwd, arg), arg);
      continue;
    }
    const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0) {
      inputs.push({ kind: 'unmatched', pattern: arg });
      continue;
    }
    for (const match of [...matches].sort()) add(resolve(match), displayPath(resolve(match), cwd));
  }
  return inputs;
}

/** Why a file could not be read or written, in one short phrase per language. */
export function describeIoError(error: unknown, path: string): { code: CliErrorCode; text: LocalizedText } {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (errno) {
    case 'ENOENT':
      return { code: 'FILE_NOT_FOUND', text: { vi: `không tìm thấy tệp ${path}`, en: `file not found: ${path}` } };
    case 'EISDIR':
      return {
        code: 'FILE_UNREADABLE',
        text: { vi: `${path} là một thư mục, không phải tệp`, en: `${path} is a directory, not a file` },
      };
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'FILE_UNREADABLE',
        text: { vi: `không có quyền đọc tệp ${path}`, en: `permission denied reading ${path}` },
      };
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        code: 'FILE_UNREADABLE',
        text: { vi: `không đọc được tệp ${path}: ${reason}`, en: `cannot read ${path}: ${reason}` },
      };
    }
  }
}

/** The same, as the error a command throws when it cannot go on without the file. */
export function ioError(error: unknown, path: string): CliError {
  const { code, text } = describeIoError(error, path);
  return new CliError(code, text, { cause: error });
}

/** A file or folder that cannot be written (missing parent folder, no permission, disk full, …). */
export function writeError(error: unknown, path: string): CliError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason: LocalizedText =
    errno === 'ENOENT'
      ? { vi: 'thư mục chứa không tồn tại', en: 'its folder does not exist' }
      : errno === 'EACCES' || errno === 'EPERM'
        ? { vi: 'không có quyền ghi', en: 'permission denied' }
        : errno === 'EISDIR'
          ? { vi: 'đó là một thư mục', en: 'it is a directory' }
          : errno === 'ENOTDIR'
            ? {
                vi: 'một phần của đường dẫn là tệp, không phải thư mục',
                en: 'part of the path is a file, not a folder',
              }
            : {
                vi: error instanceof Error ? error.message : String(error),
                en: error instanceof Error ? error.message : String(error),
              };
  return new CliError(
    'FILE_WRITE_FAILED',
    { vi: `không ghi được ${path}: ${reason.vi}`, en: `cannot write ${path}: ${reason.en}` },
    { cause: error },
  );
}

/** The bytes of a file named on the command line, or the CliError (FILE_NOT_FOUND, FILE_UNREADABLE) saying why not. */
export async function readInputFile(io: CliIO, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw ioError(error, path);
  }
}
