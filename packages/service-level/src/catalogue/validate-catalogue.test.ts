import { type Issue, ReportSchema } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import { PROFILE_CAPABILITIES } from '../../test/synthetic-catalogue';
import type { Catalogue, Service } from '../model/service';
import { catalogueReportRules } from './rules';
import { validateCatalogue } from './validate-catalogue';

function service(overrides: Partial<Service> = {}): Service {
  return {
    procedureCode: '1.000001',
    name: 'Cấp phép',
    agency: { name: 'Sở Tư pháp', code: '000.00.16.H56' },
    tier: 'tinh',
    capabilities: PROFILE_CAPABILITIES.level3,
    ...overrides,
  };
}

function findings(catalogue: Catalogue): [string, string | undefined][] {
  return validateCatalogue(catalogue).issues.map((issue: Issue) => [issue.ruleId, issue.location?.path]);
}

describe('validateCatalogue', () => {
  it('gives a valid report for a clean catalogue, listing every catalogue rule as checked', () => {
    const report = validateCatalogue({ asOf: '2024-01-01', services: [service()] }, { subject: 'danh-muc' });
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.valid).toBe(true);
    expect(report.subject).toBe('danh-muc');
    expect(report.rules).toEqual(catalogueReportRules.map((rule) => rule.toChecked()));
    // Code formats are listed at the severity a catalogue reports them with.
    expect(report.rules.filter((rule) => rule.id.startsWith('SL-CODE-')).map((rule) => rule.severity)).toEqual(
      expect.arrayContaining(['warning']),
    );
    expect(report.rules.some((rule) => rule.id.startsWith('SL-CODE-') && rule.severity !== 'warning')).toBe(false);
    expect(report.steps.map((step) => step.name)).toEqual(['schema', 'validate']);
  });

  it('reads the codes with the parsers of src/codes and warns at each malformed code, keeping the service', () => {
    const report = validateCatalogue({
      services: [
        service({ fieldCode: 'H56-TP' }),
        service({ procedureCode: '1.00001', agency: { name: 'Sở Tư pháp', code: '000.00.16.h56' }, fieldCode: 'x' }),
      ],
    });
    expect(report.valid).toBe(true);
    expect(report.issues.map((issue) => [issue.ruleId, issue.severity, issue.location])).toEqual([
      ['SL-CODE-020', 'warning', { path: '$.services[1].procedureCode' }],
      ['SL-CODE-011', 'warning', { path: '$.services[1].agency.code' }],
      ['SL-CODE-040', 'warning', { path: '$.services[1].fieldCode' }],
    ]);
    expect(report.issues[0]?.message.en).toBe(
      '"1.00001" is not an administrative procedure code (form d.dddddd, optionally with an agency code: 1.002809.000.00.00.H56).',
    );
    expect(report.issues[2]?.reference).toBe('Điều 20 Thông tư 01/2018/TT-VPCP');
  });

  it('finds a procedure repeated in one agency when the effective periods overlap', () => {
    expect(
      findings({
        services: [
          service({ effectiveFrom: '2020-01-01' }),
          service({ agency: { name: 'Sở Xây dựng', code: '000.00.15.H56' } }),
          service({ effectiveFrom: '2021-06-01' }),
        ],
      }),
    ).toEqual([['SL-CAT-VAL-001', '$.services[2]']]);
  });

  it('accepts successive versions of a procedure whose periods do not overlap, and compares agencies by name without a code', () => {
    expect(
      findings({
        services: [
          service({ effectiveTo: '2022-08-14' }),
          service({ effectiveFrom: '2022-08-15' }),
          service({ agency: { name: 'UBND xã A' } }),
          service({ agency: { name: 'UBND xã B' } }),
        ],
      }),
    ).toEqual([]);
    expect(
      findings({ services: [service({ agency: { name: 'UBND xã A' } }), service({ agency: { name: 'UBND xã A' } })] }),
    ).toEqual([['SL-CAT-VAL-001', '$.services[1]']]);
  });

  it('finds an effective end before the start', () => {
    const report = validateCatalogue({
      services: [service({ effectiveFrom: '2024-05-01', effectiveTo: '2024-04-30' })],
    });
    expect(report.issues.map((issue) => issue.message.en)).toEqual([
      'Procedure «1.000001»: effective to 2024-04-30 is before effective from 2024-05-01.',
    ]);
  });

  it('refuses the district tier on and after 2025-07-01, and only then', () => {
    const district = (overrides: Partial<Service> = {}) => service({ tier: 'huyen', ...overrides });
    expect(findings({ asOf: '2025-06-30', services: [district()] })).toEqual([]);
    expect(findings({ asOf: '2025-07-01', services: [district()] })).toEqual([['SL-CAT-VAL-003', '$.services[0]']]);
    expect(findings({ asOf: '2025-09-01', services: [district({ effectiveTo: '2025-06-30' })] })).toEqual([]);
    expect(findings({ services: [district({ effectiveFrom: '2025-08-01' })] })).toEqual([
      ['SL-CAT-VAL-003', '$.services[0]'],
    ]);
    expect(findings({ services: [district({ effectiveTo: '2025-12-31' })] })).toEqual([
      ['SL-CAT-VAL-003', '$.services[0]'],
    ]);
    expect(findings({ services: [district()] })).toEqual([]);
    const report = validateCatalogue({ services: [district({ effectiveFrom: '2025-08-01' })] });
    expect(report.issues[0]?.message.vi).toBe(
      'Thủ tục «1.000001» thuộc cấp huyện nhưng có hiệu lực vào 2025-08-01: đơn vị hành chính cấp huyện kết thúc hoạt động từ 01/7/2025.',
    );
    expect(report.issues[0]?.reference).toBe('Nghị quyết 203/2025/QH15');
  });

  it('warns when a declared level, category or vendor code differs from the computed one, quoting both', () => {
    const report = validateCatalogue({
      services: [
        service({ declared: { nd43Level: 4 } }),
        service({ procedureCode: '1.000002', declared: { nd42Category: 'toan_trinh', vendorCode: '4' } }),
        service({ procedureCode: '1.000003', declared: { nd43Level: 3, nd42Category: 'mot_phan', vendorCode: '3' } }),
      ],
    });
    expect(report.valid).toBe(true);
    expect(report.issues.map((issue) => [issue.ruleId, issue.severity, issue.location?.path])).toEqual([
      ['SL-CLS-010', 'warning', '$.services[0]'],
      ['SL-CLS-011', 'warning', '$.services[1]'],
      ['SL-CLS-012', 'warning', '$.services[1]'],
    ]);
    // The classification's rules (SL-CLS-010/011/012), with the reason, located at the service.
    expect(report.issues[0]?.message.vi).toMatch(
      /^Thủ tục 1\.000001 khai báo mức độ 4, nhưng theo năng lực của dịch vụ là mức độ 3\. /,
    );
    expect(report.issues[0]?.message.en).toMatch(
      /^Procedure 1\.000001 declares level 4, but its capabilities give level 3\. /,
    );
    expect(report.issues[1]?.message.vi).toMatch(
      /^Thủ tục 1\.000002 khai báo là dịch vụ công trực tuyến toàn trình, nhưng theo năng lực của dịch vụ là dịch vụ công trực tuyến một phần\. /,
    );
    expect(report.issues[2]?.message.en).toMatch(
      /^Procedure 1\.000002 carries vendor code "4" \(.+\), but its capabilities give code "3" \(.+\)\. /,
    );
  });

  it('notes NĐ 43 levels declared in a catalogue dated after NĐ 42/2022 replaced them', () => {
    const services = [service({ declared: { nd43Level: 3 } })];
    expect(findings({ asOf: '2022-08-14', services })).toEqual([]);
    expect(findings({ asOf: '2022-08-15', services })).toEqual([['SL-CAT-VAL-008', undefined]]);
  });

  it('warns about an empty catalogue', () => {
    expect(findings({ services: [] })).toEqual([['SL-CAT-VAL-007', undefined]]);
  });

  it('checks a catalogue built in code against the model first, leaving invalid services out of the later checks', () => {
    const broken = { ...service(), tier: 'tỉnh', capabilities: { ...PROFILE_CAPABILITIES.level3, resultChannels: [] } };
    const report = validateCatalogue({
      services: [broken as unknown as Service, service({ declared: { nd43Level: 1 } })],
    });
    expect(report.valid).toBe(false);
    expect(report.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['SL-CAT-JSON-003', '$.services[0].tier'],
      ['SL-CAT-JSON-003', '$.services[0].capabilities.resultChannels'],
      ['SL-CAT-JSON-005', '$.services[0]'],
      ['SL-CLS-010', '$.services[1]'],
    ]);
    expect(report.issues[1]?.message.en).toBe('$.services[0].capabilities.resultChannels: needs at least 1 item(s).');
  });
});
