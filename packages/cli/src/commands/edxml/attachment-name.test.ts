import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueName, unsafeNameReason } from './attachment-name';

describe('unsafeNameReason', () => {
  it('accepts plain file names, Vietnamese included', () => {
    for (const name of ['12-UBND-TH.pdf', 'Báo cáo tháng 1.docx', '.hidden', 'a..b.txt'])
      expect(unsafeNameReason(name)).toBeUndefined();
  });

  it('refuses every name that could leave the folder', () => {
    expect(unsafeNameReason('../x.pdf')?.en).toBe('the name contains a path separator (/ or \\)');
    expect(unsafeNameReason('/etc/passwd')?.en).toBe('the name contains a path separator (/ or \\)');
    expect(unsafeNameReason('..\\..\\boot.ini')?.en).toBe('the name contains a path separator (/ or \\)');
    expect(unsafeNameReason('C:evil.exe')?.en).toBe('the name starts with a drive letter');
    expect(unsafeNameReason('..')?.en).toBe('the name is a directory');
    expect(unsafeNameReason('  ')?.en).toBe('the name is empty');
    expect(unsafeNameReason('a\u0000.pdf')?.en).toBe('the name contains a control character');
  });

  it('any accepted name joined to a folder stays directly inside it', async () => {
    const { join, dirname } = await import('node:path');
    fc.assert(
      fc.property(fc.string(), (name) => {
        if (unsafeNameReason(name) === undefined) expect(dirname(join('/out', name))).toBe('/out');
      }),
    );
  });
});

describe('uniqueName', () => {
  it('numbers repeated names before the extension, case-insensitively', () => {
    const taken = new Set<string>();
    expect(['a.pdf', 'A.PDF', 'a.pdf', 'noext', 'noext'].map((name) => uniqueName(name, taken))).toEqual([
      'a.pdf',
      'A-2.PDF',
      'a-3.pdf',
      'noext',
      'noext-2',
    ]);
  });
});
