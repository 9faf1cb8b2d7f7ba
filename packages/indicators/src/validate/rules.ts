import { defineRule, defineRuleCatalog } from '@lienthong/report';
import { parseRules } from '../parse/rules';

/*
 * IND-*: checking an indicator report against the catalogue and against itself.
 *   IND-PARSE-* reading the file (src/parse/rules.ts)
 *   IND-CAT-*   indicator names and value types against the catalogue
 *   IND-RNG-*   plausible ranges by unit
 *   IND-SCOPE-* tiers and agencies an indicator can be broken down by
 *   IND-PER-*   periods and as-of dates
 *   IND-SUM-*   sums: tiers, derivations (components, levels, timeliness), parts of a whole, the dossier balance
 *   IND-PCT-*   percentages recomputed from their numerator and denominator
 *   IND-STMT-*  statements: conflicts, approximate figures
 *   IND-TGT-*   government targets
 * Severity follows one principle: a figure that cannot be true whatever the missing data (a part larger than
 * its whole, a negative count) is an error; figures that merely disagree with each other — the usual state
 * of real reports, whose authors count returned or withdrawn dossiers differently — are warnings. The
 * validator reports; it never corrects a figure. IDs never change meaning once published.
 */

const DISTRICT_ABOLISHED = 'Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025';

export const unknownIndicator = defineRule({
  id: 'IND-CAT-001',
  severity: 'error',
  title: { vi: 'Chỉ số không có trong danh mục', en: 'Indicator not in the catalogue' },
  message: {
    vi: 'Chỉ số «{indicator}» không có trong danh mục chỉ số (phiên bản {catalogueVersion}). {suggestion}',
    en: 'Indicator «{indicator}» is not in the indicator catalogue (version {catalogueVersion}). {suggestion}',
  },
});

export const valueTypeMismatch = defineRule({
  id: 'IND-CAT-002',
  severity: 'error',
  title: { vi: 'Kiểu giá trị không hợp với đơn vị', en: 'Value type does not fit the unit' },
  message: {
    vi: '{indicator} có đơn vị «{unit}» nên cần {expected}, nhưng giá trị là {found}.',
    en: '{indicator} has unit «{unit}» and needs {expected}, but the value is {found}.',
  },
});

export const outOfRange = defineRule({
  id: 'IND-RNG-001',
  severity: 'error',
  title: { vi: 'Giá trị ngoài khoảng cho phép', en: 'Value out of range' },
  message: {
    vi: '{indicator} ({scope}) = {value}, ngoài khoảng {min}–{max} của đơn vị «{unit}».',
    en: '{indicator} ({scope}) = {value}, outside the range {min}–{max} of unit «{unit}».',
  },
});

export const countNotWhole = defineRule({
  id: 'IND-RNG-002',
  severity: 'error',
  title: { vi: 'Số đếm không phải số nguyên không âm', en: 'Count is not a non-negative whole number' },
  message: {
    vi: '{indicator} ({scope}) = {value}: một số đếm phải là số nguyên không âm.',
    en: '{indicator} ({scope}) = {value}: a count must be a non-negative whole number.',
  },
});

export const perHundredImplausible = defineRule({
  id: 'IND-RNG-003',
  severity: 'warning',
  title: { vi: 'Mật độ trên 100 dân bất thường', en: 'Implausible rate per 100 inhabitants' },
  message: {
    vi: '{indicator} ({scope}) = {value} trên 100 dân, cao hơn mức hợp lý {max}; hãy kiểm tra lại đơn vị.',
    en: '{indicator} ({scope}) = {value} per 100 inhabitants, above the plausible {max}; check the unit.',
  },
});

export const tierNotInScope = defineRule({
  id: 'IND-SCOPE-001',
  severity: 'error',
  title: { vi: 'Chỉ số không chia theo cấp này', en: 'Indicator not broken down by this tier' },
  message: {
    vi: '{indicator} được ghi cho {tier}, nhưng danh mục chỉ cho phép chia theo: {allowed}.',
    en: '{indicator} is given for the {tier}, but the catalogue only allows: {allowed}.',
  },
});

export const agencyNotInScope = defineRule({
  id: 'IND-SCOPE-002',
  severity: 'error',
  title: { vi: 'Chỉ số không chia theo cơ quan', en: 'Indicator not broken down by agency' },
  message: {
    vi: '{indicator} được ghi cho cơ quan «{agency}», nhưng danh mục không cho phép chia chỉ số này theo cơ quan.',
    en: '{indicator} is given for agency «{agency}», but the catalogue does not break this indicator down by agency.',
  },
});

export const districtTierAbolished = defineRule({
  id: 'IND-SCOPE-003',
  severity: 'error',
  title: { vi: 'Cấp huyện sau ngày 01/7/2025', en: 'District tier after 2025-07-01' },
  message: {
    vi: '{indicator} được ghi cho cấp huyện trong kỳ bắt đầu {periodStart}, nhưng cấp huyện không còn từ 01/7/2025.',
    en: '{indicator} is given for the district tier in a period starting {periodStart}, but the district tier no longer exists from 2025-07-01.',
  },
  reference: DISTRICT_ABOLISHED,
});

export const districtTierStraddles = defineRule({
  id: 'IND-SCOPE-004',
  severity: 'warning',
  title: { vi: 'Cấp huyện trong kỳ vắt qua 01/7/2025', en: 'District tier in a period spanning 2025-07-01' },
  message: {
    vi: '{indicator} được ghi cho cấp huyện trong kỳ {period}, kỳ này vắt qua ngày cấp huyện kết thúc (01/7/2025): số liệu chỉ có thể thuộc phần trước 01/7/2025.',
    en: '{indicator} is given for the district tier in the period {period}, which spans the end of the district tier (2025-07-01): the figure can only cover the part before 2025-07-01.',
  },
  reference: DISTRICT_ABOLISHED,
});

export const tierAndTiers = defineRule({
  id: 'IND-SCOPE-005',
  severity: 'error',
  title: { vi: 'Vừa ghi một cấp vừa ghi nhiều cấp', en: 'Both one tier and several tiers given' },
  message: {
    vi: '{indicator} vừa được ghi cho {tier} (tier) vừa cho {tiers} (tiers); chỉ được dùng một trong hai trường.',
    en: '{indicator} is given both for the {tier} (tier) and for the {tiers} (tiers); use only one of the two fields.',
  },
});

export const periodOutsideReport = defineRule({
  id: 'IND-PER-001',
  severity: 'error',
  title: { vi: 'Kỳ của số liệu nằm ngoài kỳ báo cáo', en: 'Value period outside the report period' },
  message: {
    vi: '{indicator} có kỳ {valuePeriod}, không nằm trong kỳ báo cáo {reportPeriod}.',
    en: '{indicator} covers {valuePeriod}, which is not within the report period {reportPeriod}.',
  },
});

export const asOfBeforePeriod = defineRule({
  id: 'IND-PER-002',
  severity: 'error',
  title: { vi: 'Ngày chốt số liệu trước khi kỳ bắt đầu', en: 'As-of date before the period starts' },
  message: {
    vi: '{subject} có ngày chốt số liệu {asOf}, trước ngày bắt đầu kỳ {periodStart}.',
    en: '{subject} is as of {asOf}, before its period starts on {periodStart}.',
  },
});

export const periodReversed = defineRule({
  id: 'IND-PER-003',
  severity: 'error',
  title: { vi: 'Kỳ kết thúc trước khi bắt đầu', en: 'Period ends before it starts' },
  message: {
    vi: '{subject} có kỳ từ {from} đến {to}: ngày kết thúc trước ngày bắt đầu.',
    en: '{subject} has the period {from} to {to}: it ends before it starts.',
  },
});

export const tierSumMismatch = defineRule({
  id: 'IND-SUM-001',
  severity: 'warning',
  title: { vi: 'Tổng không bằng tổng các cấp', en: 'Total differs from the sum of the tiers' },
  message: {
    vi: '{indicator} ({scope}): tổng các cấp {terms} = {sum} ≠ tổng {total} (chênh {difference}).',
    en: '{indicator} ({scope}): the tiers {terms} = {sum} ≠ the total {total} (difference {difference}).',
  },
});

export const tierPartsExceedTotal = defineRule({
  id: 'IND-SUM-002',
  severity: 'error',
  title: { vi: 'Các cấp đã ghi vượt tổng', en: 'Stated tiers exceed the total' },
  message: {
    vi: '{indicator} ({scope}): các cấp đã ghi {terms} = {sum}, đã lớn hơn tổng {total} (dù chưa đủ các cấp).',
    en: '{indicator} ({scope}): the tiers stated {terms} = {sum}, already more than the total {total} (with tiers still missing).',
  },
});

const sumMismatchMessage = (viWhat: string, enWhat: string) =>
  ({
    vi: `{indicator} ({scope}): ${viWhat} {terms} = {sum} ≠ {total} (chênh {difference}).`,
    en: `{indicator} ({scope}): ${enWhat} {terms} = {sum} ≠ {total} (difference {difference}).`,
  }) as const;

export const componentSumMismatch = defineRule({
  id: 'IND-SUM-010',
  severity: 'warning',
  title: { vi: 'Tổng không bằng tổng các thành phần', en: 'Total differs from the sum of its components' },
  message: sumMismatchMessage('tổng các thành phần', 'the components'),
});

export const levelSumMismatch = defineRule({
  id: 'IND-SUM-011',
  severity: 'warning',
  title: { vi: 'Tổng không bằng tổng theo mức độ', en: 'Total differs from the sum by level' },
  message: sumMismatchMessage('tổng theo mức độ', 'the levels'),
});

export const timelinessSumMismatch = defineRule({
  id: 'IND-SUM-012',
  severity: 'warning',
  title: {
    vi: 'Số hồ sơ trước, đúng, quá hạn không khớp số đã giải quyết',
    en: 'Early, on-time and late dossiers do not add up to those resolved',
  },
  message: sumMismatchMessage('hồ sơ giải quyết theo thời hạn', 'dossiers by timeliness'),
});

export const termsExceedTotal = defineRule({
  id: 'IND-SUM-013',
  severity: 'error',
  title: { vi: 'Các thành phần đã ghi vượt tổng', en: 'Stated terms exceed the total' },
  message: {
    vi: '{indicator} ({scope}): các thành phần đã ghi {terms} = {sum}, đã lớn hơn tổng {total} (dù chưa đủ các thành phần).',
    en: '{indicator} ({scope}): the terms stated {terms} = {sum}, already more than the total {total} (with terms still missing).',
  },
});

export const partExceedsWhole = defineRule({
  id: 'IND-SUM-020',
  severity: 'error',
  title: { vi: 'Phần lớn hơn toàn thể', en: 'Part larger than its whole' },
  message: {
    vi: '{part} ({scope}) = {partValue}, lớn hơn {whole} = {wholeValue}, trong khi chỉ là một phần của chỉ số này.',
    en: '{part} ({scope}) = {partValue} is larger than {whole} = {wholeValue}, of which it is a part.',
  },
});

export const dossierBalanceMismatch = defineRule({
  id: 'IND-SUM-030',
  severity: 'warning',
  title: { vi: 'Số hồ sơ không cân đối', en: 'Dossier figures do not balance' },
  message: {
    vi: 'Hồ sơ ({scope}): kỳ trước chuyển sang {carriedOver} + tiếp nhận trong kỳ {received} = {incoming} ≠ đã giải quyết {resolved} + đang giải quyết {pending} = {outgoing} (chênh {difference}); có thể do hồ sơ trả lại hoặc rút không được tính.',
    en: 'Dossiers ({scope}): carried over {carriedOver} + received {received} = {incoming} ≠ resolved {resolved} + pending {pending} = {outgoing} (difference {difference}); returned or withdrawn dossiers may be counted differently.',
  },
});

export const percentMismatch = defineRule({
  id: 'IND-PCT-001',
  severity: 'warning',
  title: { vi: 'Tỷ lệ không khớp tử số và mẫu số', en: 'Percentage does not match its numerator and denominator' },
  message: {
    vi: '{indicator} ({scope}) được ghi {stated}{unit}, nhưng {numeratorLabel} / {denominatorLabel} = {numerator}/{denominator} = {exact}{unit}; làm tròn đến {decimals} chữ số thập phân không thể thành {stated}{unit}.',
    en: '{indicator} ({scope}) is stated as {stated}{unit}, but {numeratorLabel} / {denominatorLabel} = {numerator}/{denominator} = {exact}{unit}; rounded to {decimals} decimal place(s) it cannot be {stated}{unit}.',
  },
});

export const sharesDoNotTotal100 = defineRule({
  id: 'IND-PCT-002',
  severity: 'warning',
  title: { vi: 'Các tỷ lệ của một tổng không cộng thành 100%', en: 'Shares of one whole do not total 100%' },
  message: {
    vi: '{whole} ({scope}): các tỷ lệ {terms} = {sum}%, không bằng 100% (kể cả sai số làm tròn ±{tolerance}).',
    en: '{whole} ({scope}): the shares {terms} = {sum}%, not 100% (even allowing ±{tolerance} for rounding).',
  },
});

export const conflictingStatements = defineRule({
  id: 'IND-STMT-001',
  severity: 'warning',
  title: { vi: 'Một số liệu được ghi hai giá trị khác nhau', en: 'The same figure stated with different values' },
  message: {
    vi: '{indicator} ({scope}) được ghi {first} ({firstAt}) và {second} ({secondAt}).',
    en: '{indicator} ({scope}) is stated as {first} ({firstAt}) and as {second} ({secondAt}).',
  },
});

export const approximateNotCompared = defineRule({
  id: 'IND-STMT-002',
  severity: 'info',
  title: { vi: 'Số ước lượng không được đối chiếu', en: 'Approximate figures not compared' },
  message: {
    vi: '{count} giá trị là số ước lượng (ví dụ {example} = {value}); chúng không được dùng trong các phép đối chiếu bằng nhau.',
    en: '{count} value(s) are approximate (e.g. {example} = {value}); they are left out of the equality checks.',
  },
});

export const targetMet = defineRule({
  id: 'IND-TGT-001',
  severity: 'info',
  title: { vi: 'Đạt chỉ tiêu', en: 'Target met' },
  message: {
    vi: '{indicator} = {value}{unit}, đạt chỉ tiêu {comparison} {threshold}{unit}: {target} ({source}).',
    en: '{indicator} = {value}{unit}, meeting the target {comparison} {threshold}{unit}: {target} ({source}).',
  },
});

export const targetNotMet = defineRule({
  id: 'IND-TGT-002',
  severity: 'info',
  title: { vi: 'Chưa đạt chỉ tiêu', en: 'Target not met' },
  message: {
    vi: '{indicator} = {value}{unit}, chưa đạt chỉ tiêu {comparison} {threshold}{unit}: {target} ({source}).',
    en: '{indicator} = {value}{unit}, short of the target {comparison} {threshold}{unit}: {target} ({source}).',
  },
});

export const validationRules = [
  unknownIndicator,
  valueTypeMismatch,
  outOfRange,
  countNotWhole,
  perHundredImplausible,
  tierNotInScope,
  agencyNotInScope,
  districtTierAbolished,
  districtTierStraddles,
  tierAndTiers,
  periodOutsideReport,
  asOfBeforePeriod,
  periodReversed,
  tierSumMismatch,
  tierPartsExceedTotal,
  componentSumMismatch,
  levelSumMismatch,
  timelinessSumMismatch,
  termsExceedTotal,
  partExceedsWhole,
  dossierBalanceMismatch,
  percentMismatch,
  sharesDoNotTotal100,
  conflictingStatements,
  approximateNotCompared,
  targetMet,
  targetNotMet,
] as const;

/** Version of the rule set; bumped when a rule is added or its meaning changes. */
export const INDICATOR_RULESET = { name: '@lienthong/indicators', version: '1.1.0' } as const;

/** Every rule the reader and the validator check, for documentation, CLIs, JUnit and SARIF. */
export const INDICATOR_RULES = defineRuleCatalog(INDICATOR_RULESET.name, INDICATOR_RULESET.version, [
  ...parseRules,
  ...validationRules,
]);
