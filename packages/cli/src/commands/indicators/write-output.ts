/*
 * Where `indicators render` and `indicators compare` write: a file named by --out (never overwritten without
 * --force, like `edxml extract`), or stdout for `--out -` or no --out.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type CommandContext } from '../../framework/command';
import { writeError } from '../../framework/files';
import { outputOf } from '../../framework/output';

export async function writeOutput(
  text: string,
  out: string | undefined,
  force: boolean,
  context: CommandContext,
): Promise<void> {
  if (out === undefined || out === '-') {
    await outputOf(context.io.stdout).write(text);
    return;
  }
  try {
    await writeFile(resolve(context.io.cwd, out), text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError('FILE_EXISTS', {
        vi: `tệp ${out} đã có; dùng --force để ghi đè`,
        en: `${out} already exists; use --force to overwrite it`,
      });
    throw writeError(error, out);
  }
  if (!context.quiet)
    await outputOf(context.io.stdout).write(context.lang === 'vi' ? `Đã ghi ${out}\n` : `Wrote ${out}\n`);
}

/** `.html`/`.htm` → html, `.md`/`.markdown` → markdown; undefined for anything else. */
export function documentFormatOf(path: string): 'html' | 'markdown' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return undefined;
}
