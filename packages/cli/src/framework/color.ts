import { shouldUseColor } from '@lienthong/report';
import type { CliIO } from './command';

/** Formats meant for programs never carry ANSI escapes, whatever the terminal. */
const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'junit', 'sarif']);

/**
 * Colour for a command's output: stdout is a TTY (or FORCE_COLOR), NO_COLOR is unset, `--no-color` was not
 * given, and the format is for people.
 */
export function useColor(
  io: Pick<CliIO, 'stdout' | 'env'>,
  options: { readonly noColor: boolean; readonly format?: string },
): boolean {
  if (options.noColor) return false;
  if (options.format !== undefined && MACHINE_FORMATS.has(options.format)) return false;
  return shouldUseColor(io.stdout, io.env);
}

const CODES = { bold: [1, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], dim: [2, 22] } as const;
export type Style = keyof typeof CODES;

/** Wraps text in an ANSI style when `enabled`. */
export function paint(text: string, style: Style, enabled: boolean): string {
  if (!enabled) return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
