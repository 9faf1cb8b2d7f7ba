/*
 * Every edxml command reads its envelope through the streaming reader, so a 1 GB envelope costs no more memory
 * than an 8 KB one and gives the same report `validateEdxml` would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type EdxmlStreamReader, type ReadMode, readEdxmlStream } from '@lienthong/edxml';

export interface OpenedEnvelope {
  readonly reader: EdxmlStreamReader;
  readonly size: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Opens `path` for streaming. Throws the file system's error (ENOENT, EISDIR, EACCES) before anything is read,
 * so callers can tell "cannot read the file" from "the file is not valid".
 */
export async function openEnvelope(
  path: string,
  options: { readonly subject: string; readonly mode?: ReadMode; readonly onBytes?: (total: number) => void },
): Promise<OpenedEnvelope> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let total = 0;
  const onBytes = options.onBytes;
  if (onBytes)
    stream.on('data', (chunk) => {
      total += chunk.length;
      onBytes(total);
    });
  const reader = readEdxmlStream(stream, { subject: options.subject, mode: options.mode ?? 'tolerant' });
  return { reader, size: info.size };
}
