/*
 * Writing to stdout/stderr. A reader that goes away (`lienthong … | head -1`) closes the pipe: later writes
 * fail with EPIPE, which is not an error of the command — the rest of the output is dropped silently and the
 * command keeps its exit code.
 */
import type { CliIO } from './command';

export interface Output {
  /** Writes text; resolves once the stream accepted it (waits for `drain` on a full pipe). */
  write(text: string): Promise<void>;
  /** True once the reader closed the pipe. */
  readonly closed: boolean;
}

const outputs = new WeakMap<NodeJS.WritableStream, Output>();

export function outputOf(stream: CliIO['stdout']): Output {
  const existing = outputs.get(stream);
  if (existing) return existing;
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  const output: Output = {
    get closed() {
      return closed;
    },
    write(text) {
      if (closed || text === '') return Promise.resolve();
      return new Promise((resolve) => {
        const accepted = stream.write(text, () => resolve());
        // The callback also runs on a write error (EPIPE); resolve either way.
        if (!accepted) stream.once('drain', () => resolve());
      });
    },
  };
  outputs.set(stream, output);
  return output;
}
