import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import { DISTRICT_TIER_ABOLISHED_ON, parseTier, TIERS, tiersForPeriod, tiersInForce } from './tier';

describe('tiers', () => {
  it('labels the three tiers', () => {
    expect(Object.values(TIERS).map((tier) => [tier.id, tier.label.vi, tier.label.en])).toEqual([
      ['tinh', 'Cấp tỉnh', 'Province'],
      ['huyen', 'Cấp huyện', 'District'],
      ['xa', 'Cấp xã', 'Commune'],
    ]);
    expect(TIERS.huyen.abolishedOn).toBe('2025-07-01');
  });

  it.each([
    ['2017-12-31', ['tinh', 'huyen', 'xa']],
    ['2022-08-15', ['tinh', 'huyen', 'xa']],
    ['2025-06-30', ['tinh', 'huyen', 'xa']],
    [DISTRICT_TIER_ABOLISHED_ON, ['tinh', 'xa']],
    ['2025-07-02', ['tinh', 'xa']],
    ['2030-01-01', ['tinh', 'xa']],
  ])('on %s the tiers are %j', (day, tiers) => {
    expect(tiersInForce(day)).toEqual(tiers);
  });

  it('takes an instant on Vietnam’s calendar, whatever the machine’s time zone', () => {
    // 2025-06-30T17:00Z is midnight starting 1 July in Hà Nội, still 30 June in New York and London.
    expect(tiersInForce(new Date('2025-06-30T17:00:00Z'))).toEqual(['tinh', 'xa']);
    expect(tiersInForce(new Date('2025-06-30T16:59:59Z'))).toEqual(['tinh', 'huyen', 'xa']);
  });

  it('splits a period by the tiers of its first day: 2025 as a whole still has districts', () => {
    expect(tiersForPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual(['tinh', 'huyen', 'xa']);
    expect(tiersForPeriod({ from: '2025-07-01', to: '2025-12-31' })).toEqual(['tinh', 'xa']);
    expect(tiersForPeriod({ from: '2025-06-30', to: '2025-06-30' })).toEqual(['tinh', 'huyen', 'xa']);
  });

  it.each([
    () => tiersInForce('2025-02-29'),
    () => tiersInForce('1/7/2025'),
    () => tiersInForce(new Date(Number.NaN)),
    () => tiersForPeriod({ from: '2025-12-31', to: '2025-01-01' }),
    () => tiersForPeriod({ from: '2025-01-01', to: '2025-13-01' }),
    () => parseTier('xa', { on: 'tomorrow' }),
  ])('treats a date that does not exist as a programming error (%#)', (run) => {
    expect(run).toThrow(ServiceLevelError);
  });

  it('reads tier ids and refuses the district tier from 2025-07-01', () => {
    expect(parseTier('huyen')).toEqual({ ok: true, value: 'huyen', issues: [] });
    expect(parseTier('huyen', { on: '2025-06-30' })).toEqual({ ok: true, value: 'huyen', issues: [] });
    const after = parseTier('huyen', { on: '2025-07-01', path: 'services[0].tier' });
    expect(after.ok).toBe(false);
    expect(after.issues).toEqual([
      expect.objectContaining({
        ruleId: 'SL-ENUM-004',
        location: { path: 'services[0].tier' },
        reference: 'Nghị quyết 203/2025/QH15',
        params: { on: '2025-07-01' },
      }),
    ]);
    expect(parseTier('xa', { on: '2025-07-01' })).toMatchObject({ ok: true, value: 'xa' });
  });

  it.each(['Tinh', 'tỉnh', 'district', '', ' xa', 'valueOf'])('has no tier %j', (value) => {
    expect(parseTier(value).issues.map((issue) => issue.ruleId)).toEqual(['SL-ENUM-003']);
  });
});
