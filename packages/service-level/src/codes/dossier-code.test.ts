import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isoDate } from '../calendar/calendar-date';
import { ServiceLevelError } from '../errors';
import { formatDossierCode, parseDossierCode } from './dossier-code';

const ruleIds = (text: string) => parseDossierCode(text).issues.map((issue) => issue.ruleId);

describe('parseDossierCode', () => {
  it('reads 000.00.01.H56-250224-0001 (domain notes §2.3)', () => {
    expect(parseDossierCode('000.00.01.H56-250224-0001')).toEqual({
      ok: true,
      value: {
        code: '000.00.01.H56-250224-0001',
        agencyCode: '000.00.01.H56',
        agency: {
          code: '000.00.01.H56',
          level1: { kind: 'H', number: '56', code: 'H56' },
          level2: '01',
          level3: null,
          level4: null,
          depth: 2,
          hasLevelGap: false,
        },
        receivedOn: '2025-02-24',
        sequence: 1,
      },
      issues: [],
    });
  });

  it.each([
    ['000.00.00.G22-191231-9999', '2019-12-31', 9999],
    ['000.00.00.H20-200229-0042', '2020-02-29', 42], // 2020 is a leap year
    ['000.01.01.H08-240229-0100', '2024-02-29', 100],
    ['000.00.00.G17-190106-0001', '2019-01-06', 1], // the day Thông tư 01/2018/TT-VPCP took effect
    ['001.05.18.G12-990101-1000', '2099-01-01', 1000], // YY is read as 20YY
    ['000.00.01.H56-250630-0007', '2025-06-30', 7],
    ['000.00.01.H56-251231-0123', '2025-12-31', 123],
  ])('accepts %s (received %s, number %i)', (code, receivedOn, sequence) => {
    expect(parseDossierCode(code)).toMatchObject({ ok: true, value: { code, receivedOn, sequence }, issues: [] });
  });

  it.each([
    ['000.00.01.H56-190229-0001', 'month 2 of 2019 has days 1 to 28 only'], // 2019 is not a leap year
    ['000.00.01.H56-210229-0001', 'month 2 of 2021 has days 1 to 28 only'],
    ['000.00.01.H56-250230-0001', 'month 2 of 2025 has days 1 to 28 only'],
    ['000.00.01.H56-250431-0001', 'month 4 of 2025 has days 1 to 30 only'],
    ['000.00.01.H56-251131-0001', 'month 11 of 2025 has days 1 to 30 only'],
    ['000.00.01.H56-250132-0001', 'month 1 of 2025 has days 1 to 31 only'],
    ['000.00.01.H56-250100-0001', 'month 1 of 2025 has days 1 to 31 only'],
    ['000.00.01.H56-251301-0001', 'there is no month 13'],
    ['000.00.01.H56-250001-0001', 'there is no month 0'],
  ])('refuses %s: not a real date (%s)', (code, reason) => {
    const result = parseDossierCode(code);
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ ruleId: 'SL-CODE-032', reference: 'Điều 19 Thông tư 01/2018/TT-VPCP' });
    expect(result.issues[0]?.message.en).toContain(reason);
  });

  it('says why a date is not real, in Vietnamese too', () => {
    expect(parseDossierCode('000.00.01.H56-190229-0001').issues[0]?.message.vi).toBe(
      'Ngày tiếp nhận 190229 trong mã hồ sơ "000.00.01.H56-190229-0001" không phải ngày có thật: tháng 2 năm 2019 chỉ có ngày 1 đến ngày 28.',
    );
  });

  it('refuses the sequence number 0000', () => {
    expect(ruleIds('000.00.01.H56-250224-0000')).toEqual(['SL-CODE-033']);
  });

  it('accepts a date before the circular took effect, with a warning to check the year', () => {
    const result = parseDossierCode('000.00.01.H56-190105-0001');
    expect(result).toMatchObject({ ok: true, value: { receivedOn: '2019-01-05' } });
    expect(result.issues.map((issue) => [issue.ruleId, issue.severity])).toEqual([['SL-CODE-034', 'warning']]);
    expect(ruleIds('000.00.01.H56-000101-0001')).toEqual(['SL-CODE-034']);
  });

  it.each([
    ['000.00.01.h56-250224-0001', ['SL-CODE-031']],
    ['00.00.01.H56-250224-0001', ['SL-CODE-031']],
    ['H56-250224-0001', ['SL-CODE-031']],
    ['000.00.01.H56-2502240-0001', ['SL-CODE-030']],
    ['000.00.01.H56-25022-0001', ['SL-CODE-030']],
    ['000.00.01.H56-250224-001', ['SL-CODE-030']],
    ['000.00.01.H56-250224-00001', ['SL-CODE-030']],
    ['000.00.01.H56_250224_0001', ['SL-CODE-030']],
    ['000.00.01.H56-2025-02-24-0001', ['SL-CODE-030']],
    ['-250224-0001', ['SL-CODE-030']],
    ['000.00.01.H56', ['SL-CODE-030']],
    ['000.00.01.H56-250224-0001 ', ['SL-CODE-004']],
    ['000.00.01.H56-２50224-0001', ['SL-CODE-005']],
    // Every part wrong at once: each problem is reported.
    ['000.00.01.h56-251301-0000', ['SL-CODE-031', 'SL-CODE-032', 'SL-CODE-033']],
    [' 000.00.01.H56-190229-0001', ['SL-CODE-004', 'SL-CODE-032']],
  ])('refuses %j with %j', (text, expected) => {
    expect(parseDossierCode(text).ok).toBe(false);
    expect(ruleIds(text)).toEqual(expected);
  });

  it('explains a bad agency part with the agency code problem', () => {
    expect(parseDossierCode('H56-250224-0001').issues[0]?.message.en).toBe(
      'The agency part "H56" of dossier code "H56-250224-0001" is invalid: "H56" is not a QCVN 102:2016 agency code (form NNN.NN.NN.LNN, e.g. 000.00.01.H56).',
    );
  });

  it('is ok for every real date of 2000–2099 and refuses every impossible day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (yy, month, day) => {
          const year = 2000 + yy;
          const yymmdd = isoDate(year, month, day).slice(2).replaceAll('-', '');
          const result = parseDossierCode(`000.00.01.H56-${yymmdd}-0001`);
          const real = day <= daysInMonth(year, month);
          expect(result.ok).toBe(real);
          if (result.ok) expect(result.value.receivedOn).toBe(isoDate(year, month, day));
        },
      ),
    );
  });
});

const agencyCode = fc.stringMatching(/^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/);
/** A real date of 2000–2099, ISO. */
const receivedOn = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const parts = fc.record({ agencyCode, receivedOn, sequence: fc.integer({ min: 1, max: 9999 }) });

describe('formatDossierCode', () => {
  it('writes <agency>-YYMMDD-XXXX', () => {
    expect(formatDossierCode({ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: 1 })).toBe(
      '000.00.01.H56-250224-0001',
    );
    expect(formatDossierCode({ agencyCode: '000.00.00.G22', receivedOn: '2020-02-29', sequence: 9999 })).toBe(
      '000.00.00.G22-200229-9999',
    );
  });

  it('takes an instant on Vietnam’s calendar (UTC+7), whatever the machine’s time zone', () => {
    // 18:00 UTC on 23 February is 01:00 on 24 February in Hà Nội.
    const instant = new Date('2025-02-23T18:00:00Z');
    expect(formatDossierCode({ agencyCode: '000.00.01.H56', receivedOn: instant, sequence: 12 })).toBe(
      '000.00.01.H56-250224-0012',
    );
    expect(
      formatDossierCode({ agencyCode: '000.00.01.H56', receivedOn: new Date('2025-02-23T16:59:59Z'), sequence: 12 }),
    ).toBe('000.00.01.H56-250223-0012');
  });

  it('round-trips through parseDossierCode', () => {
    fc.assert(
      fc.property(parts, (input) => {
        const code = formatDossierCode(input);
        const parsed = parseDossierCode(code);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          const { agencyCode: agency, receivedOn: date, sequence } = parsed.value;
          expect({ agencyCode: agency, receivedOn: date, sequence }).toEqual(input);
          expect(formatDossierCode(parsed.value)).toBe(code);
        }
      }),
    );
  });

  it('round-trips every code it accepts', () => {
    const code = fc
      .tuple(agencyCode, fc.stringMatching(/^[0-9]{6}$/), fc.stringMatching(/^[0-9]{4}$/))
      .map(([agency, date, sequence]) => `${agency}-${date}-${sequence}`);
    fc.assert(
      fc.property(code, (text) => {
        const parsed = parseDossierCode(text);
        if (parsed.ok) expect(formatDossierCode(parsed.value)).toBe(text);
      }),
    );
  });

  it.each([
    [{ agencyCode: 'H56', receivedOn: '2025-02-24', sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2019-02-29', sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2025-2-24', sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '1999-12-31', sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2100-01-01', sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: new Date(Number.NaN), sequence: 1 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: 0 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: 10000 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: 1.5 }],
    [{ agencyCode: '000.00.01.H56', receivedOn: '2025-02-24', sequence: Number.NaN }],
  ])('treats parts no code can hold as a programming error: %o', (input) => {
    expect(() => formatDossierCode(input)).toThrow(ServiceLevelError);
  });
});
