import { describe, expect, it } from 'vitest';
import { CHANNELS, lookupChannel, parseChannel } from './channel';
import { DOSSIER_STATUSES, DossierStatusCodeSchema, lookupDossierStatus, parseDossierStatus } from './dossier-status';

describe('dossier statuses (TrangThaiHoSo)', () => {
  it('has the codes "1" to "10", in order, each under its own code', () => {
    expect(Object.keys(DOSSIER_STATUSES)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(DossierStatusCodeSchema.options).toEqual(Object.keys(DOSSIER_STATUSES));
    for (const [code, status] of Object.entries(DOSSIER_STATUSES)) expect(status.code).toBe(code);
  });

  it('ends a dossier at 3 (not accepted), 7 (withdrawn), 8 (stopped) and 10 (result returned), not at 9', () => {
    const terminal = Object.values(DOSSIER_STATUSES).filter((status) => status.terminal);
    expect(terminal.map((status) => status.code)).toEqual(['3', '7', '8', '10']);
    expect(lookupDossierStatus('9')?.terminal).toBe(false);
  });

  it('labels every status in Vietnamese and English, with unique machine names', () => {
    const statuses = Object.values(DOSSIER_STATUSES);
    expect(new Set(statuses.map((status) => status.machineName)).size).toBe(10);
    for (const { label } of statuses) {
      expect(label.vi.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
      expect(label.vi).not.toBe(label.en);
    }
    expect(lookupDossierStatus('10')?.label).toEqual({ vi: 'Đã trả kết quả', en: 'Result returned' });
  });

  it.each(['11', '0', '01', ' 1', '1 ', '١', '１', '', 'moi_dang_ky', 'toString', '__proto__', 'constructor'])(
    'has no status %j',
    (code) => {
      expect(lookupDossierStatus(code)).toBeUndefined();
      const result = parseDossierStatus(code, { path: 'data[0].TrangThaiHoSo' });
      expect(result.ok).toBe(false);
      expect(result.issues).toEqual([
        expect.objectContaining({
          ruleId: 'SL-ENUM-001',
          severity: 'error',
          location: { path: 'data[0].TrangThaiHoSo' },
        }),
      ]);
    },
  );

  it('reports the value it was given, even when it is not text', () => {
    expect(parseDossierStatus('11').issues[0]?.message.en).toBe(
      '"11" is not a dossier status code of the National Public Service Portal (TrangThaiHoSo is the text "1" to "10", without leading zeros).',
    );
    expect(parseDossierStatus(4 as unknown as string).issues[0]?.message.vi).toMatch(/^4 không phải mã trạng thái/);
    expect(parseDossierStatus('x'.repeat(1_000_000)).issues[0]?.message.en.length).toBeLessThan(300);
    for (const value of [null, undefined, {}, []]) {
      expect(lookupDossierStatus(value as unknown as string)).toBeUndefined();
      expect(parseDossierStatus(value as unknown as string).ok).toBe(false);
    }
  });

  it('parses every code it has', () => {
    for (const status of Object.values(DOSSIER_STATUSES)) {
      expect(parseDossierStatus(status.code)).toEqual({ ok: true, value: status, issues: [] });
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DOSSIER_STATUSES)).toBe(true);
    expect(Object.isFrozen(DOSSIER_STATUSES['1'])).toBe(true);
    expect(Object.isFrozen(DOSSIER_STATUSES['1'].label)).toBe(true);
  });
});

describe('channels (kênh thực hiện)', () => {
  it('has "1" in person, "2" online, "3" public postal service', () => {
    expect(Object.values(CHANNELS).map((channel) => [channel.code, channel.machineName, channel.label.en])).toEqual([
      ['1', 'truc_tiep', 'In person'],
      ['2', 'truc_tuyen', 'Online'],
      ['3', 'buu_chinh_cong_ich', 'Through the public postal service'],
    ]);
    expect(parseChannel('2')).toEqual({ ok: true, value: CHANNELS['2'], issues: [] });
  });

  it.each(['0', '4', '02', 'truc_tuyen', '', ' 2', '٢', 'hasOwnProperty'])('has no channel %j', (code) => {
    expect(lookupChannel(code)).toBeUndefined();
    expect(parseChannel(code).issues.map((issue) => issue.ruleId)).toEqual(['SL-ENUM-002']);
  });
});
