import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIoError, expandInputs } from './files';

describe('expandInputs', () => {
  it('keeps literal paths (even missing), expands globs sorted, reports unmatched globs, reads a file once', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lienthong-files-'));
    mkdirSync(join(cwd, 'in', 'sub'), { recursive: true });
    for (const name of ['in/b.edxml', 'in/a.edxml', 'in/sub/c.edxml', 'in/x.txt']) writeFileSync(join(cwd, name), '');
    expect(await expandInputs(['missing.edxml', 'in/**/*.edxml', 'in/a.edxml', 'none/*.edxml'], cwd)).toEqual([
      { kind: 'file', path: join(cwd, 'missing.edxml'), display: 'missing.edxml' },
      { kind: 'file', path: join(cwd, 'in/a.edxml'), display: 'in/a.edxml' },
      { kind: 'file', path: join(cwd, 'in/b.edxml'), display: 'in/b.edxml' },
      { kind: 'file', path: join(cwd, 'in/sub/c.edxml'), display: 'in/sub/c.edxml' },
      { kind: 'unmatched', pattern: 'none/*.edxml' },
    ]);
  });
});

describe('describeIoError', () => {
  it('names the usual failures in both languages', () => {
    expect(describeIoError({ code: 'ENOENT' }, 'a.edxml')).toEqual({
      code: 'FILE_NOT_FOUND',
      text: { vi: 'không tìm thấy tệp a.edxml', en: 'file not found: a.edxml' },
    });
    expect(describeIoError({ code: 'EACCES' }, 'a.edxml').text.vi).toBe('không có quyền đọc tệp a.edxml');
    expect(describeIoError(new Error('boom'), 'a.edxml')).toEqual({
      code: 'FILE_UNREADABLE',
      text: { vi: 'không đọc được tệp a.edxml: boom', en: 'cannot read a.edxml: boom' },
    });
  });
});
