import { describe, expect, it } from 'vitest';
import { createProgressBar, PROGRESS_THRESHOLD_BYTES, renderProgress } from './progress';

const MB = 1024 * 1024;

function fakeStderr(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WritableStream & {
      isTTY: boolean;
    },
  };
}

describe('renderProgress', () => {
  it('draws a 24-cell bar, the percent and the megabytes in the language', () => {
    expect(renderProgress(0, 20 * MB, 'en')).toBe('[------------------------]   0%  0.0 MB/20.0 MB');
    expect(renderProgress(5 * MB, 20 * MB, 'vi')).toBe('[######------------------]  25%  5,0 MB/20,0 MB');
    expect(renderProgress(20 * MB, 20 * MB, 'en')).toBe('[########################] 100%  20.0 MB/20.0 MB');
  });

  it('clamps what is out of range', () => {
    expect(renderProgress(30 * MB, 20 * MB, 'en')).toBe('[########################] 100%  20.0 MB/20.0 MB');
    expect(renderProgress(0, 0, 'en')).toBe('[########################] 100%  0.0 MB/0.0 MB');
  });
});

describe('createProgressBar', () => {
  it('draws on a TTY for a file over 10 MB, once per percent, and clears the line at the end', () => {
    const stderr = fakeStderr(true);
    const bar = createProgressBar({ stderr: stderr.stream }, 20 * MB, { lang: 'en', quiet: false });
    bar.update(MB);
    bar.update(MB + 1); // same percent: no redraw
    bar.update(20 * MB);
    bar.finish();
    expect(stderr.writes).toEqual([
      '\r[#-----------------------]   5%  1.0 MB/20.0 MB',
      '\r[########################] 100%  20.0 MB/20.0 MB',
      '\r\u001b[2K',
    ]);
  });

  it('stays silent when stderr is not a TTY, the file is small, or --quiet', () => {
    for (const [isTTY, total, quiet] of [
      [false, 20 * MB, false],
      [true, PROGRESS_THRESHOLD_BYTES, false],
      [true, 20 * MB, true],
    ] as const) {
      const stderr = fakeStderr(isTTY);
      const bar = createProgressBar({ stderr: stderr.stream }, total, { lang: 'vi', quiet });
      bar.update(total / 2);
      bar.finish();
      expect(stderr.writes).toEqual([]);
    }
  });
});
