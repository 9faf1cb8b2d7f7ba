import {
  getIndicator,
  INDICATOR_CATALOGUE,
  IndicatorReportSchema,
  validateIndicatorReport,
} from '@lienthong/indicators';
import { describe, expect, it } from 'vitest';
import { syntheticCatalogue } from '../../test/synthetic-catalogue';
import { aggregateCatalogue } from './aggregate-catalogue';
import { toIndicatorReport, toIndicatorValues } from './indicator-report';
import { SERVICE_LEVEL_INDICATORS } from './indicators';

describe('the indicator names are those of @lienthong/indicators', () => {
  it.each(SERVICE_LEVEL_INDICATORS.map((definition) => [definition.name, definition] as const))(
    '%s is in the indicator catalogue with the same unit, label and derivation',
    (name, definition) => {
      const indicator = getIndicator(name);
      expect(indicator, `${name} is missing from INDICATOR_CATALOGUE ${INDICATOR_CATALOGUE.version}`).toBeDefined();
      expect(indicator?.unit).toBe(definition.unit);
      expect(indicator?.label).toEqual(definition.label);
      if ('ratio' in definition) {
        expect(indicator?.derivation).toEqual({
          kind: 'ratio',
          numerator: definition.ratio.numerator,
          denominator: definition.ratio.denominator,
          scale: 100,
        });
      }
    },
  );
});

describe('toIndicatorReport', () => {
  const agency = (name: string, code: string) => ({ name, code });
  const catalogue = syntheticCatalogue({
    asOf: '2017-12-10',
    cells: [
      { tier: 'tinh', level: 2, count: 686, agencies: [agency('Sở Tư pháp', '000.00.11.H42')] },
      { tier: 'tinh', level: 4, count: 58, agencies: [agency('Sở Tư pháp', '000.00.11.H42')] },
      { tier: 'huyen', level: 3, count: 94, agencies: [agency('UBND huyện Đức Trọng', '000.00.51.H42')] },
    ],
  });
  const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10', byAgency: true });

  it('writes every indicator as a derived statement: overall, per tier, per agency (with its tier)', () => {
    const values = toIndicatorValues(aggregation);
    const perScope = SERVICE_LEVEL_INDICATORS.length;
    // overall + 3 tiers (2017 has a district tier) + 2 agencies
    expect(values).toHaveLength(perScope * 6);
    expect(values.every((value) => value.provenance === 'derived')).toBe(true);
    expect(values.find((value) => value.indicator === 'tthc_total' && !value.tier && !value.agency)?.value).toBe(838);
    expect(values.find((value) => value.indicator === 'dvctt_level4_pct' && value.tier === 'tinh')).toMatchObject({
      value: 7.8,
      decimals: 2,
      derivedFrom: ['dvctt_level4_count', 'tthc_total'],
    });
    expect(
      values.find((value) => value.indicator === 'dvctt_level3_count' && value.agency?.name === 'UBND huyện Đức Trọng'),
    ).toMatchObject({ value: 94, tier: 'huyen', agency: { organisationCode: '000.00.51.H42' } });
  });

  it('is a valid indicator report for the date aggregated', () => {
    const report = IndicatorReportSchema.parse(
      toIndicatorReport(aggregation, { reportingUnit: { name: 'Tỉnh Lâm Đồng', kind: 'province' } }),
    );
    expect(report.period).toEqual({ from: '2017-12-10', to: '2017-12-10' });
    expect(report.asOf).toBe('2017-12-10');
    expect(report.reportingUnit.name).toBe('Tỉnh Lâm Đồng');
  });

  it('passes the indicator validator without a single finding but the NQ 17 target check', () => {
    const { valid, issues } = validateIndicatorReport(
      toIndicatorReport(aggregation, { reportingUnit: { name: 'Tỉnh Lâm Đồng', kind: 'province' } }),
    );
    expect(valid).toBe(true);
    expect(issues.filter((issue) => !issue.ruleId.startsWith('IND-TGT-'))).toEqual([]);
  });
});
