/*
 * Node only (node:fs): the verification core (verify.ts and what it imports) must not import this file, so that a
 * browser build can leave it out. A file that cannot be read gives a result with an `error`, not an exception: a
 * command line that verifies many files writes one valid JSON report for all of them.
 */
import { constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { SignatureError } from '../errors';
import type { InputError } from '../model/result';
import { MSG } from './messages';
import { resolveSettings, type Settings, type VerifyOptions } from './options';
import { inputFailure } from './outcome';
import type { VerificationResultWithSignedContent } from './signed-content';
import { verifyBytes } from './verify';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a file and verifies it by content (see `verify`); the result's subject is the path unless
 * `options.subject` says otherwise. The size is checked with stat before anything is read, and again while reading
 * (the file may grow in between). I/O failures and oversized files give an INDETERMINATE result with `error` set.
 * Throws SignatureError only for invalid arguments.
 */
export async function verifyFile(path: string, options: VerifyOptions): Promise<VerificationResultWithSignedContent> {
  if (typeof path !== 'string' || path === '')
    throw new SignatureError('INVALID_ARGUMENT', 'path must be a non-empty string');
  const settings = resolveSettings({ ...options, subject: options?.subject ?? path });
  const read = await readCapped(path, settings);
  if ('error' in read) return inputFailure(settings, read.error);
  return verifyBytes(read.bytes, settings);
}

async function readCapped(path: string, settings: Settings): Promise<{ bytes: Uint8Array } | { error: InputError }> {
  const max = settings.maxBytes;
  // stat by path first: opening a FIFO or a device would block or never end.
  try {
    const info = await stat(path);
    if (!info.isFile()) return { error: { code: 'not-a-file', message: MSG.notAFile(path), detail: null } };
    if (info.size > max) return { error: tooLarge(path, info.size, max) };
  } catch (error) {
    return { error: ioError(path, error) };
  }
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: if a FIFO was swapped in after the stat, opening it must not wait for a writer (the fstat
    // below then refuses it). Regular files ignore the flag.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat(); // the file opened, which may have been replaced since
    if (!info.isFile()) return { error: { code: 'not-a-file', message: MSG.notAFile(path), detail: null } };
    if (info.size > max) return { error: tooLarge(path, info.size, max) };
    const chunks: Uint8Array[] = [];
    let total = 0;
    // One read of the stated size plus a byte to see the end; more only if the file grew.
    for (let want = info.size + 1; ; want = CHUNK_BYTES) {
      const chunk = new Uint8Array(Math.min(want, max + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return { error: tooLarge(path, total, max) };
    }
    if (chunks.length === 1) return { bytes: chunks[0] as Uint8Array };
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return { bytes };
  } catch (error) {
    return { error: ioError(path, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLarge(path: string, size: number, max: number): InputError {
  return { code: 'too-large', message: MSG.fileTooLarge(path, size, max), detail: null };
}

function ioError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'not-found', message: MSG.notFound(path), detail };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'permission-denied', message: MSG.permissionDenied(path), detail };
  if (code === 'EISDIR') return { code: 'not-a-file', message: MSG.notAFile(path), detail };
  return { code: 'read-failed', message: MSG.readFailed(path), detail };
}
