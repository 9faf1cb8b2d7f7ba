import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValidationTime } from './validation-time';

describe('parseValidationTime (--at)', () => {
  it.each([
    ['2026-06-01', '2026-05-31T17:00:00.000Z'],
    ['2026-06-01T07:00:00', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01 07:00', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01T07:00:00.250', '2026-06-01T00:00:00.250Z'],
    ['2026-06-01T03:00:00Z', '2026-06-01T03:00:00.000Z'],
    ['2026-06-01T10:00:00+07:00', '2026-06-01T03:00:00.000Z'],
    ['2026-06-01T10:00:00+0700', '2026-06-01T03:00:00.000Z'],
    ['2026-06-01T00:00:00-05:00', '2026-06-01T05:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s → %s (a time without a zone is Vietnam time)', (text, iso) => {
    expect(parseValidationTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'hôm qua',
    '2026-02-30',
    '2025-02-29T00:00:00Z',
    '2026-13-01',
    '2026-06-01T24:00:00',
    '2026-06-01T10:60',
    '2026-06-01T10:00:00+25:00',
    '01/06/2026',
    '',
  ])('refuses %j', (text) => {
    expect(parseValidationTime(text)).toBeUndefined();
  });

  it('reads back every instant written as ISO 8601 UTC and as Vietnam time without a zone', () => {
    const instants = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('9999-12-31T16:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (instant) => {
        expect(parseValidationTime(instant.toISOString())?.getTime()).toBe(instant.getTime());
        const vietnam = new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, -1);
        expect(parseValidationTime(vietnam)?.getTime()).toBe(instant.getTime());
      }),
    );
  });
});
