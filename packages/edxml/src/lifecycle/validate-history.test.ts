import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_STATUS_CODES } from './status-codes';
import { canTransition } from './transitions';
import { type StatusHistoryEntry, type StatusHistoryFinding, validateStatusHistory } from './validate-history';

const SENDER = '000.00.00.G22';
const RECIPIENT = '000.00.00.H41';

/** A history of codes one minute apart, sent by the right party. */
function history(...codes: string[]): StatusHistoryEntry[] {
  return codes.map((code, index) => ({
    code,
    timestamp: `2025/01/15 09:${String(index).padStart(2, '0')}:00`,
    from: code === '13' ? SENDER : RECIPIENT,
  }));
}

function summary(findings: StatusHistoryFinding[]) {
  return findings.map(({ index, kind }) => `${index}:${kind}`);
}

describe('validateStatusHistory — transitions', () => {
  it.each([
    [[]],
    [['01']],
    [['03']],
    [['02']],
    [['01', '02']],
    [['01', '03', '04', '05', '06']],
    [['03', '04', '04', '05', '05', '06']],
    [['03', '05', '06']],
    [['03', '06']],
    [['01', '03', '04', '06']],
    [['13', '15']],
    [['01', '13', '15']],
    [['01', '03', '13', '16', '04', '05', '06']],
    [['01', '13', '16', '03']], // handling resumes from 01
    [['13', '16', '01', '03']], // resumes from the start
    [['03', '04', '15', '05', '06']], // 15 answers an update packet
    [['03', '06', '15']], // revocation answered after completion
    [['03', '06', '16', '15']],
    [['03', '16', '13', '16', '06']],
  ])('accepts %j', (codes) => {
    expect(validateStatusHistory(history(...codes), { documentSender: SENDER, recipient: RECIPIENT })).toEqual([]);
  });

  it.each([
    [['04'], ['0:illegal-transition']],
    [['06'], ['0:illegal-transition']],
    [['15'], ['0:illegal-transition']],
    [['01', '04'], ['1:illegal-transition']],
    [['01', '01'], ['1:illegal-transition']],
    [['03', '02'], ['1:illegal-transition']],
    [['03', '05', '04'], ['2:illegal-transition']],
    [['02', '03'], ['1:illegal-transition']],
    [['02', '13'], ['1:illegal-transition']],
    [['03', '06', '13'], ['2:illegal-transition']],
    [['03', '13', '05'], ['2:illegal-transition']], // a 13 must be answered first
    [['03', '13', '13'], ['2:illegal-transition']],
    [['03', '13', '15', '05'], ['3:illegal-transition']], // the document was taken back
    [['03', '13', '15', '16'], ['3:illegal-transition']],
    [['01', '13', '16', '04'], ['3:illegal-transition']], // resumes from 01, so 04 skips registration
    [['03', '05', '16', '04'], ['3:illegal-transition']], // resumes from 05: no going back to 04
    [['03', '06', '15', '05'], ['3:illegal-transition']],
  ])('reports %j', (codes, expected) => {
    const findings = validateStatusHistory(history(...codes), { documentSender: SENDER, recipient: RECIPIENT });
    expect(summary(findings)).toEqual(expected);
  });

  it('reports one slip once, not at every later step', () => {
    expect(summary(validateStatusHistory(history('01', '05', '06')))).toEqual(['1:illegal-transition']);
  });

  it('explains what was expected, in both languages', () => {
    const [finding] = validateStatusHistory(history('03', '02'));
    expect(finding).toMatchObject({
      kind: 'illegal-transition',
      code: '02',
      expected: ['04', '05', '06', '13', '15', '16'],
      comparedWithIndex: 0,
    });
    expect(finding?.message.vi).toBe(
      'Trạng thái 02 (Từ chối tiếp nhận) không hợp lệ ở vị trí thứ 2: trạng thái trước là 03 (Đã tiếp nhận); được phép: 04, 05, 06, 13, 15, 16.',
    );
    expect(finding?.message.en).toBe(
      'Status 02 (Rejected) is not allowed at position 2: the previous status is 03 (Accepted); allowed: 04, 05, 06, 13, 15, 16.',
    );
    const [afterRetrieval] = validateStatusHistory(history('13', '15', '03'));
    expect(afterRetrieval?.expected).toEqual([]);
    expect(afterRetrieval?.message.en).toContain('taken back');
  });

  it('agrees with canTransition on histories without requests or answers', () => {
    const handling = fc.constantFrom('01', '02', '03', '04', '05', '06');
    fc.assert(
      fc.property(fc.array(handling, { maxLength: 8 }), (codes) => {
        const illegal = new Set(
          validateStatusHistory(history(...codes))
            .filter((finding) => finding.kind === 'illegal-transition')
            .map((finding) => finding.index),
        );
        codes.forEach((code, index) => {
          expect(illegal.has(index)).toBe(!canTransition(index === 0 ? null : codes[index - 1]!, code));
        });
      }),
    );
  });
});

describe('validateStatusHistory — unknown codes', () => {
  it('reports unknown codes, suggests a likely one and does not let them disturb the flow', () => {
    const findings = validateStatusHistory(history('01', '1', '07', ' 03 ', '03', '013', '04'));
    expect(findings.map(({ index, kind, suggestion }) => ({ index, kind, suggestion }))).toEqual([
      { index: 1, kind: 'unknown-code', suggestion: '01' },
      { index: 2, kind: 'unknown-code', suggestion: undefined },
      { index: 3, kind: 'unknown-code', suggestion: '03' },
      { index: 5, kind: 'unknown-code', suggestion: '13' },
    ]);
    expect(findings[0]?.message.vi).toContain('Có lẽ là 01?');
    expect(findings[1]?.message.en).toContain('"07"');
  });

  it('survives junk a JavaScript caller might pass', () => {
    const junk = [
      { code: 3, timestamp: '2025/01/15 09:00:00' },
      { code: null, timestamp: null },
      null,
      { code: '01' },
    ] as unknown as StatusHistoryEntry[];
    const findings = validateStatusHistory(junk);
    expect(summary(findings)).toEqual([
      '0:unknown-code',
      '1:unreadable-timestamp',
      '1:unknown-code',
      '2:unreadable-timestamp',
      '2:unknown-code',
      '3:unreadable-timestamp',
    ]);
    expect(validateStatusHistory(undefined as unknown as StatusHistoryEntry[])).toEqual([]);
  });

  it('never throws on arbitrary histories', () => {
    const entry = fc.record({
      code: fc.oneof(fc.constantFrom(...KNOWN_STATUS_CODES), fc.string({ maxLength: 4 })),
      timestamp: fc.oneof(
        fc.date(),
        fc.string({ maxLength: 25 }),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      ),
      from: fc.option(fc.constantFrom(SENDER, RECIPIENT, 'vxp.saas.02', ''), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const findings = validateStatusHistory(entries);
        for (const finding of findings) {
          expect(finding.index).toBeGreaterThanOrEqual(0);
          expect(finding.index).toBeLessThan(entries.length);
          expect(finding.message.vi.length).toBeGreaterThan(0);
          expect(finding.message.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('validateStatusHistory — time', () => {
  it('reports a timestamp earlier than the latest one before it', () => {
    const entries: StatusHistoryEntry[] = [
      { code: '01', timestamp: '2025/01/15 09:00:00' },
      { code: '03', timestamp: '2025/01/15 10:00:00' },
      { code: '04', timestamp: '2025/01/15 09:30:00' },
      { code: '05', timestamp: '2025/01/15 09:45:00' },
      { code: '06', timestamp: '2025/01/15 10:00:00' },
    ];
    const findings = validateStatusHistory(entries);
    expect(findings.map(({ index, kind, comparedWithIndex }) => ({ index, kind, comparedWithIndex }))).toEqual([
      { index: 2, kind: 'time-goes-backwards', comparedWithIndex: 1 },
      { index: 3, kind: 'time-goes-backwards', comparedWithIndex: 1 },
    ]);
  });

  it('allows equal timestamps (statuses sent in the same second)', () => {
    const entries = history('01', '03').map((entry) => ({ ...entry, timestamp: '2025/01/15 09:00:00' }));
    expect(validateStatusHistory(entries)).toEqual([]);
  });

  it('compares Dates, edXML texts and common variants on one time line (Vietnam time)', () => {
    const entries: StatusHistoryEntry[] = [
      { code: '01', timestamp: new Date('2025-01-15T02:00:00Z') }, // 09:00 in Vietnam
      { code: '03', timestamp: '2025/01/15 09:30:00' },
      { code: '04', timestamp: '2025-01-15T09:15:00' }, // zone-less ISO = Vietnam time, so earlier
      { code: '05', timestamp: '2025-01-15T03:00:00Z' }, // 10:00 in Vietnam
    ];
    expect(summary(validateStatusHistory(entries))).toEqual(['2:time-goes-backwards']);
  });

  it('reports unreadable timestamps without stopping', () => {
    const entries: StatusHistoryEntry[] = [
      { code: '01', timestamp: 'hôm qua' },
      { code: '03', timestamp: new Date(Number.NaN) },
      { code: '04', timestamp: '2025/02/30 10:00:00' },
      { code: '05', timestamp: '2025/01/15 10:00:00' },
    ];
    expect(summary(validateStatusHistory(entries))).toEqual([
      '0:unreadable-timestamp',
      '1:unreadable-timestamp',
      '2:unreadable-timestamp',
    ]);
  });
});

describe('validateStatusHistory — direction', () => {
  it('reports a status sent by the wrong party when the parties are given', () => {
    const entries: StatusHistoryEntry[] = [
      { code: '01', timestamp: '2025/01/15 09:00:00', from: RECIPIENT },
      { code: '03', timestamp: '2025/01/15 09:01:00', from: SENDER },
      { code: '13', timestamp: '2025/01/15 09:02:00', from: RECIPIENT },
      { code: '16', timestamp: '2025/01/15 09:03:00', from: 'vxp.saas.02' },
      { code: '04', timestamp: '2025/01/15 09:04:00', from: ` ${RECIPIENT} ` },
    ];
    const findings = validateStatusHistory(entries, { documentSender: SENDER, recipient: RECIPIENT });
    expect(findings.map(({ index, kind, expectedSender }) => ({ index, kind, expectedSender }))).toEqual([
      { index: 1, kind: 'wrong-direction', expectedSender: 'recipient' },
      { index: 2, kind: 'wrong-direction', expectedSender: 'document-sender' },
      { index: 3, kind: 'wrong-direction', expectedSender: 'recipient' },
    ]);
    expect(findings[1]?.message.vi).toBe(
      'Trạng thái 13 (Lấy lại) phải do bên gửi văn bản "000.00.00.G22" gửi, nhưng được gửi từ "000.00.00.H41".',
    );
  });

  it('learns the parties from the history when they are not given', () => {
    const swapped: StatusHistoryEntry[] = [
      { code: '01', timestamp: '2025/01/15 09:00:00', from: RECIPIENT },
      { code: '13', timestamp: '2025/01/15 09:01:00', from: RECIPIENT }, // the recipient cannot ask for it back
      { code: '16', timestamp: '2025/01/15 09:02:00', from: RECIPIENT },
    ];
    expect(summary(validateStatusHistory(swapped))).toEqual(['1:wrong-direction']);

    const senderFirst: StatusHistoryEntry[] = [
      { code: '13', timestamp: '2025/01/15 09:00:00', from: SENDER },
      { code: '15', timestamp: '2025/01/15 09:01:00', from: SENDER },
    ];
    expect(summary(validateStatusHistory(senderFirst))).toEqual(['1:wrong-direction']);
  });

  it('ignores entries without a sender', () => {
    const entries = history('01', '13', '16').map(({ code, timestamp }) => ({ code, timestamp }));
    expect(validateStatusHistory(entries, { documentSender: SENDER, recipient: RECIPIENT })).toEqual([]);
  });
});
