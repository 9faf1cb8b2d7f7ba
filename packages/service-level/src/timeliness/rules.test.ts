import { createReportBuilder, formatText } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import { timelinessRuleCatalog } from './rules';
import { timelinessStatistics } from './timeliness-statistics';

describe('timelinessRuleCatalog', () => {
  it('lists SL-TIME-001 … 007, errors except the working-hours warning', () => {
    expect(timelinessRuleCatalog.rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ['SL-TIME-001', 'error'],
      ['SL-TIME-002', 'error'],
      ['SL-TIME-003', 'error'],
      ['SL-TIME-004', 'error'],
      ['SL-TIME-005', 'error'],
      ['SL-TIME-006', 'error'],
      ['SL-TIME-007', 'warning'],
    ]);
    for (const rule of timelinessRuleCatalog.rules) {
      expect(rule.title.vi).not.toBe(rule.title.en);
      expect(timelinessRuleCatalog.get(rule.id)).toBe(rule);
    }
  });

  it('feeds a validation report: invalid dossiers make it invalid, warnings do not', () => {
    const reportOf = (dossiers: Parameters<typeof timelinessStatistics>[0]) => {
      const builder = createReportBuilder({
        subject: 'ho-so-quy-1-2025.json',
        kind: 'dossier-timeliness',
        ruleset: { name: timelinessRuleCatalog.name, version: timelinessRuleCatalog.version },
        rules: timelinessRuleCatalog.rules,
        requiredSteps: ['classify'],
        now: () => new Date('2025-04-01T01:00:00Z'),
      });
      builder.step('classify', () => {
        const statistics = timelinessStatistics(dossiers, {
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          granularity: 'working-half-day',
        });
        builder.add(...statistics.issues);
      });
      return builder.finish();
    };
    const withWarning = reportOf([
      { receivedAt: '2025-03-03T09:00:00', dueAt: '2025-03-08T10:00:00', returnedAt: '2025-03-07T15:00:00' },
    ]);
    expect(withWarning.valid).toBe(true);
    expect(withWarning.counts).toEqual({ error: 0, warning: 1, info: 0 });

    const invalid = reportOf([
      { receivedAt: '2025-03-10T09:00:00', dueAt: '2025-03-17T17:00:00', returnedAt: '2025-03-09T09:00:00' },
    ]);
    expect(invalid.valid).toBe(false);
    expect(formatText([invalid], { lang: 'vi' })).toContain(
      'SL-TIME-003  dossiers[0].returnedAt  Thời điểm trả kết quả (09:00:00 ngày 09/03/2025) sớm hơn thời điểm tiếp nhận (09:00:00 ngày 10/03/2025)',
    );
  });
});
