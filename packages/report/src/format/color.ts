// Kept apart from the formatters: this is the only place that reads the environment.

/**
 * Whether to colour output written to `stream`, following the common conventions:
 * `FORCE_COLOR` set to anything but `0`/`false` forces colour (even when not a TTY) and
 * `FORCE_COLOR=0`/`false` turns it off; otherwise a non-empty `NO_COLOR` or `TERM=dumb`
 * turns it off; otherwise colour is used only when the stream is a TTY.
 *
 * @example
 * formatText(reports, { color: shouldUseColor(process.stdout) });
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
