import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIndicatorValue, formatIsoDate, formatNumber, formatPeriod } from './format';

describe('formatNumber', () => {
  it('writes numbers as each language does', () => {
    expect(formatNumber(12338, 'vi')).toBe('12.338');
    expect(formatNumber(12338, 'en')).toBe('12,338');
    expect(formatNumber(67.53, 'vi')).toBe('67,53');
    expect(formatNumber(1680, 'vi')).toBe('1.680');
    expect(formatNumber(31.6, 'vi', { decimals: 2 })).toBe('31,60');
    expect(formatNumber(1234567.5, 'en', { decimals: 1 })).toBe('1,234,567.5');
    expect(formatNumber(-7.43, 'vi', { signed: true })).toBe('-7,43');
    expect(formatNumber(88, 'vi', { signed: true })).toBe('+88');
    expect(formatNumber(0, 'en', { signed: true })).toBe('0');
  });

  it('reads back to the same number in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (scaled, decimals) => {
        const value = scaled / 10 ** decimals;
        const vi = formatNumber(value, 'vi', { decimals }).replaceAll('.', '').replace(',', '.');
        const en = formatNumber(value, 'en', { decimals }).replaceAll(',', '');
        expect(Number(vi)).toBe(value);
        expect(Number(en)).toBe(value);
      }),
    );
  });
});

describe('formatIndicatorValue', () => {
  it('adds the qualifier and the percent sign, and writes non-numbers as validation messages do', () => {
    const value = (v: number | boolean | string | null, qualifier = 'exact' as const) => ({ value: v, qualifier });
    expect(formatIndicatorValue({ value: 67.53, qualifier: 'approx' }, 'percent', 'vi')).toBe('khoảng 67,53%');
    expect(formatIndicatorValue({ value: 1680, qualifier: 'at_least' }, 'count', 'en')).toBe('at least 1,680');
    expect(formatIndicatorValue({ value: 90, qualifier: 'at_most' }, 'count', 'vi')).toBe('tối đa 90');
    expect(formatIndicatorValue({ value: 31.6, decimals: 2, qualifier: 'exact' }, 'percent', 'vi')).toBe('31,60%');
    expect(formatIndicatorValue(value(true), 'boolean', 'vi')).toBe('có');
    expect(formatIndicatorValue(value(false), 'boolean', 'en')).toBe('no');
    expect(formatIndicatorValue(value(null), 'count', 'vi')).toBe('(trống)');
    expect(formatIndicatorValue(value('iGate'), 'text', 'en')).toBe('iGate');
  });
});

describe('dates and periods', () => {
  it('writes days without any time zone', () => {
    expect(formatIsoDate('2019-01-07', 'vi')).toBe('07/01/2019');
    expect(formatIsoDate('2019-01-07', 'en')).toBe('2019-01-07');
    expect(formatPeriod({ from: '2018-01-01', to: '2018-12-31' }, 'vi')).toBe('năm 2018');
    expect(formatPeriod({ from: '2018-01-01', to: '2018-12-31' }, 'en')).toBe('2018');
    expect(formatPeriod({ from: '2018-01-01', to: '2018-07-30' }, 'vi')).toBe('01/01/2018 – 30/07/2018');
  });
});
