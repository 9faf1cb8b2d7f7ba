/*
 * The progress bar of long commands (`edxml extract` of a large envelope): drawn on stderr, only when stderr is
 * a terminal, so that logs and pipes never receive carriage returns.
 */
import type { CliIO, Language } from './command';

/** Files above this size get a progress bar (on a TTY). */
export const PROGRESS_THRESHOLD_BYTES = 10 * 1024 * 1024;

const BAR_WIDTH = 24;

function megabytes(bytes: number, lang: Language): string {
  const value = (bytes / (1024 * 1024)).toFixed(1);
  return `${lang === 'vi' ? value.replace('.', ',') : value} MB`;
}

/** One frame of the bar, e.g. `[##########--------------]  42%  4,2/10,0 MB`. Pure: the tests check it. */
export function renderProgress(done: number, total: number, lang: Language): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${percent}  ${megabytes(Math.min(done, total), lang)}/${megabytes(total, lang)}`;
}

export interface ProgressBar {
  /** Records how many bytes are done; redraws at most once per percent. */
  update(done: number): void;
  /** Clears the bar. */
  finish(): void;
}

const SILENT: ProgressBar = { update: () => undefined, finish: () => undefined };

/** A bar on stderr when it is a TTY, the input is large and `--quiet` is off; otherwise nothing. */
export function createProgressBar(
  io: Pick<CliIO, 'stderr'>,
  total: number,
  options: { readonly lang: Language; readonly quiet: boolean },
): ProgressBar {
  if (options.quiet || io.stderr.isTTY !== true || total <= PROGRESS_THRESHOLD_BYTES) return SILENT;
  let lastPercent = -1;
  return {
    update(done) {
      const percent = Math.floor((done / total) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      io.stderr.write(`\r${renderProgress(done, total, options.lang)}`);
    },
    finish() {
      io.stderr.write('\r\u001b[2K');
    },
  };
}
