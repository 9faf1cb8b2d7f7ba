import { describe, expect, it } from 'vitest';
import { BUNDLED_ORGAN_ENTRIES, bundledOrganDirectory } from './bundled-directory';
import { classifyOrganId } from './classify';
import { createOrganDirectory, type OrganDirectoryEntry, readAxisAgencyListQd20 } from './directory';

describe('createOrganDirectory', () => {
  const directory = createOrganDirectory<OrganDirectoryEntry>([
    { code: 'G12', code102: '000.00.00.G12', id: 17, name: 'Bộ Tài chính', mail: 'btc@example.gov.vn' },
    { code: 'H41', code102: '000.00.00.H41', id: '8', name: 'UBND tỉnh Nghệ An' },
    { code: 'G99', code102: '', name: 'Đơn vị chưa có mã cũ' },
    { code: '000.00.18.G12', name: 'Đơn vị chỉ có mã cũ' },
    { code: 'vxp.saas.02', name: 'Đơn vị thử nghiệm' },
  ]);

  it('looks an organisation up by either code', () => {
    expect(directory.lookup('G12')?.name).toBe('Bộ Tài chính');
    expect(directory.lookup('000.00.00.G12')?.name).toBe('Bộ Tài chính');
    expect(directory.lookup(' 000.00.00.H41\n')?.name).toBe('UBND tỉnh Nghệ An');
    expect(directory.lookup('000.00.00.G22')).toBeUndefined();
    expect(directory.lookup('')).toBeUndefined();
    expect(directory.lookup('g12')).toBeUndefined();
  });

  it('maps QĐ 20 → QCVN 102', () => {
    expect(directory.toQcvn102('G12')).toBe('000.00.00.G12');
    expect(directory.toQcvn102('000.00.00.G12')).toBe('000.00.00.G12');
    expect(directory.toQcvn102('000.00.18.G12')).toBe('000.00.18.G12');
    expect(directory.toQcvn102('G99')).toBeUndefined();
    expect(directory.toQcvn102('vxp.saas.02')).toBeUndefined();
    expect(directory.toQcvn102('G55')).toBeUndefined();
  });

  it('maps QCVN 102 → QĐ 20 without guessing', () => {
    expect(directory.toQd20('000.00.00.G12')).toBe('G12');
    expect(directory.toQd20('000.00.00.H41')).toBe('H41');
    expect(directory.toQd20('G12')).toBe('G12');
    expect(directory.toQd20('G99')).toBe('G99');
    expect(directory.toQd20('000.00.18.G12')).toBeUndefined();
    expect(directory.toQd20('vxp.saas.02')).toBeUndefined();
    expect(directory.toQd20('000.00.00.G22')).toBeUndefined();
  });

  it('prefers the entry whose own code matches when old and new codes are both listed (§1.6)', () => {
    const migrating = createOrganDirectory([
      { code: 'G12', code102: '000.00.00.G12', name: 'Bộ Tài chính' },
      { code: '000.00.00.G12', name: 'Bộ tài chính (Mã cũ) (qd20)' },
    ]);
    expect(migrating.lookup('000.00.00.G12')?.name).toBe('Bộ tài chính (Mã cũ) (qd20)');
    expect(migrating.lookup('G12')?.name).toBe('Bộ Tài chính');
    expect(migrating.toQd20('000.00.00.G12')).toBe('G12');
    expect(migrating.toQcvn102('000.00.00.G12')).toBe('000.00.00.G12');
    expect(migrating.toQcvn102('G12')).toBe('000.00.00.G12');
    expect(migrating.problems).toEqual([]);
  });

  it('reports defects of the data instead of throwing, and keeps the first entry', () => {
    const messy = createOrganDirectory([
      { code: 'G12', code102: '000.00.00.G12', name: 'first' },
      { code: 'G12', name: 'second' },
      { code: 'G13', code102: '000.00.00.G12', name: 'third' },
      { code: '  ', name: 'blank' },
      null as unknown as OrganDirectoryEntry,
    ]);
    expect(messy.problems.map(({ index, kind, keptIndex }) => ({ index, kind, keptIndex }))).toEqual([
      { index: 1, kind: 'duplicate-code', keptIndex: 0 },
      { index: 2, kind: 'duplicate-code102', keptIndex: 0 },
      { index: 3, kind: 'empty-code', keptIndex: undefined },
      { index: 4, kind: 'empty-code', keptIndex: undefined },
    ]);
    expect(messy.lookup('G12')?.name).toBe('first');
    expect(messy.toQd20('000.00.00.G12')).toBe('G12');
    for (const problem of messy.problems) {
      expect(problem.message.vi).not.toBe(problem.message.en);
    }
  });
});

describe('readAxisAgencyListQd20', () => {
  it('reads a whole getAgenciesListQD20 response, keeping extra fields', () => {
    const reading = readAxisAgencyListQd20({
      status: 'OK',
      ErrorCode: '0',
      ErrorDesc: 'Thanh cong',
      data: [
        {
          code: 'G12',
          id: '5f1',
          mail: 'btc@example.gov.vn',
          name: 'Bộ Tài chính',
          code102: '000.00.00.G12',
          pid: 'x',
        },
        { code: 'H41', id: 41, mail: null, name: 'UBND tỉnh Nghệ An', code102: null },
        { code: '', name: 'no code' },
        { name: 'missing code' },
        'not an object',
      ],
    });
    expect(reading.entries).toEqual([
      { code: 'G12', id: '5f1', mail: 'btc@example.gov.vn', name: 'Bộ Tài chính', code102: '000.00.00.G12', pid: 'x' },
      { code: 'H41', id: 41, mail: null, name: 'UBND tỉnh Nghệ An', code102: null },
    ]);
    expect(reading.issues.map((issue) => issue.index)).toEqual([2, 3, 4]);
    expect(reading.issues[0]?.message.en).toContain('code');
    const directory = createOrganDirectory(reading.entries);
    expect(directory.toQd20('000.00.00.G12')).toBe('G12');
  });

  it('reads a bare data array', () => {
    expect(readAxisAgencyListQd20([{ code: 'G12', code102: '000.00.00.G12' }]).entries).toHaveLength(1);
  });

  it('explains a failed or shapeless response', () => {
    const failed = readAxisAgencyListQd20({ status: 'FAIL', ErrorCode: '1', ErrorDesc: 'Sai chu ky' });
    expect(failed.entries).toEqual([]);
    expect(failed.issues[0]?.message.vi).toContain('Sai chu ky');
    for (const junk of [null, undefined, 42, 'text', { data: 'nope' }]) {
      const reading = readAxisAgencyListQd20(junk);
      expect(reading.entries).toEqual([]);
      expect(reading.issues).toHaveLength(1);
      expect(reading.issues[0]?.index).toBeNull();
    }
  });
});

describe('bundledOrganDirectory', () => {
  it('holds exactly the codes the domain notes source', () => {
    const codes = BUNDLED_ORGAN_ENTRIES.flatMap((entry) => [entry.code, entry.code102].filter(Boolean)).sort();
    expect(codes).toEqual(
      [
        '000.00.00.G09',
        '000.00.00.G12',
        '000.00.00.G17',
        '000.00.00.G22',
        '000.00.00.H14',
        '000.00.00.H41',
        '000.00.18.G12',
        'G12',
      ].sort(),
    );
    expect(bundledOrganDirectory.problems).toEqual([]);
  });

  it('names every source and a confidence tag', () => {
    for (const entry of BUNDLED_ORGAN_ENTRIES) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source).toMatch(/^S[0-9]+$/);
      expect(['C', '1', 'I']).toContain(entry.confidence);
      expect(entry.name).toBeTruthy();
    }
  });

  it.each([
    ['000.00.00.G22', 'Văn phòng Chính phủ'],
    ['G12', 'Bộ Tài chính'],
    ['000.00.00.G12', 'Bộ Tài chính'],
    ['000.00.18.G12', 'Tổng cục Thuế'],
    ['000.00.00.G17', 'Bộ Xây dựng'],
    ['000.00.00.G09', 'Bộ Nội vụ'],
    ['000.00.00.H41', 'UBND tỉnh Nghệ An'],
    ['000.00.00.H14', 'UBND tỉnh Cao Bằng'],
  ])('knows %s = %s', (code, name) => {
    expect(bundledOrganDirectory.lookup(code)?.name).toBe(name);
  });

  it('maps only G12 between the schemes', () => {
    expect(bundledOrganDirectory.toQd20('000.00.00.G12')).toBe('G12');
    expect(bundledOrganDirectory.toQcvn102('G12')).toBe('000.00.00.G12');
    for (const entry of BUNDLED_ORGAN_ENTRIES) {
      if (entry.code === 'G12') continue;
      expect(bundledOrganDirectory.toQd20(entry.code)).toBeUndefined();
      expect(bundledOrganDirectory.toQcvn102(entry.code)).toBe(entry.code);
      expect(classifyOrganId(entry.code)).toBe('qcvn102');
    }
    expect(bundledOrganDirectory.toQcvn102('G22')).toBeUndefined();
  });
});
