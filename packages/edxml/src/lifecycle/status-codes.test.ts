import { describe, expect, it } from 'vitest';
import { isKnownStatusCode, KNOWN_STATUS_CODES, STATUS_CODES, type StatusCode, statusCodeInfo } from './status-codes';

describe('STATUS_CODES', () => {
  it('describes exactly the nine known codes', () => {
    expect(Object.keys(STATUS_CODES).sort()).toEqual([...KNOWN_STATUS_CODES]);
    for (const code of KNOWN_STATUS_CODES) expect(STATUS_CODES[code].code).toBe(code);
  });

  it('has 13 as the only sender → recipient status', () => {
    for (const code of KNOWN_STATUS_CODES) {
      expect(STATUS_CODES[code].direction).toBe(code === '13' ? 'sender-to-recipient' : 'recipient-to-sender');
    }
  });

  it('ends the normal flow at 02 and 06 only', () => {
    expect(KNOWN_STATUS_CODES.filter((code) => STATUS_CODES[code].terminal)).toEqual(['02', '06']);
  });

  it('gives each code its role', () => {
    expect(KNOWN_STATUS_CODES.map((code) => STATUS_CODES[code].role)).toEqual([
      'handling',
      'handling',
      'handling',
      'handling',
      'handling',
      'handling',
      'request',
      'answer',
      'answer',
    ]);
  });

  it('labels and describes every code in Vietnamese and English', () => {
    for (const code of KNOWN_STATUS_CODES) {
      const { label, description } = STATUS_CODES[code];
      for (const text of [label, description]) {
        expect(text.vi.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.vi).not.toBe(text.en);
      }
    }
    expect(STATUS_CODES['03'].label.vi).toBe('Đã tiếp nhận');
  });
});

describe('isKnownStatusCode', () => {
  it.each([
    ...KNOWN_STATUS_CODES.map((code) => [code, true] as const),
    ['07', false],
    ['14', false],
    ['1', false],
    ['001', false],
    [' 01', false],
    ['', false],
    ['__proto__', false],
    ['toString', false],
    [1, false],
    [null, false],
  ] as const)('%j → %s', (code, expected) => {
    expect(isKnownStatusCode(code)).toBe(expected);
  });
});

describe('statusCodeInfo', () => {
  it('describes known codes and keeps quiet about others', () => {
    expect(statusCodeInfo('13')?.label.en).toBe('Retrieval requested');
    const future: StatusCode = '07';
    expect(statusCodeInfo(future)).toBeUndefined();
  });
});
