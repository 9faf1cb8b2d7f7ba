import { defineRule, defineRuleCatalog } from '@lienthong/report';

/*
 * SL-AGG-*: findings of aggregating a catalogue.
 *   SL-AGG-00x   services the aggregation could not count as they are
 *   SL-AGG-TGT-* targets (Nghị quyết 17/NQ-CP and others) checked against the figures
 */

export const districtServicesNotCounted = defineRule({
  id: 'SL-AGG-001',
  severity: 'error',
  title: { vi: 'Dịch vụ cấp huyện không được đếm', en: 'District-tier services not counted' },
  message: {
    vi: '{count} dịch vụ cấp huyện (ví dụ «{example}») có hiệu lực trong kỳ bắt đầu {start}, sau khi cấp huyện kết thúc hoạt động (01/7/2025); chúng không được đếm vào cấp nào.',
    en: '{count} district-tier service(s) (e.g. «{example}») are in force in a period starting {start}, after the district tier ended (2025-07-01); they are not counted in any tier.',
  },
  reference: 'Nghị quyết 203/2025/QH15',
});

export const entriesCountedOnce = defineRule({
  id: 'SL-AGG-002',
  severity: 'warning',
  title: { vi: 'Thủ tục có nhiều bản ghi cùng hiệu lực', en: 'Procedure with several entries in force' },
  message: {
    vi: '{count} thủ tục (ví dụ «{example}» của «{agency}») có nhiều bản ghi cùng hiệu lực trong cùng một cơ quan; mỗi thủ tục chỉ được đếm một lần, theo bản ghi có ngày hiệu lực muộn nhất.',
    en: '{count} procedure(s) (e.g. «{example}» of «{agency}») have several entries in force at the same time in one agency; each is counted once, by the entry with the latest effective date.',
  },
});

export const nothingInForce = defineRule({
  id: 'SL-AGG-003',
  severity: 'warning',
  title: { vi: 'Không có dịch vụ nào có hiệu lực', en: 'No service in force' },
  message: {
    vi: 'Không có dịch vụ nào của danh mục ({services} dịch vụ) có hiệu lực {basis}; mọi số liệu bằng 0 và không tính được tỷ lệ.',
    en: 'No service of the catalogue ({services} service(s)) is in force {basis}; every figure is 0 and no percentage can be computed.',
  },
});

export const targetMet = defineRule({
  id: 'SL-AGG-TGT-001',
  severity: 'info',
  title: { vi: 'Đạt chỉ tiêu', en: 'Target met' },
  message: {
    vi: '{indicator}: {percent}% ({count}/{total}), đạt chỉ tiêu {target} của {source}.',
    en: '{indicator}: {percent}% ({count}/{total}), meeting the target {target} of {source}.',
  },
});

export const targetNotMet = defineRule({
  id: 'SL-AGG-TGT-002',
  severity: 'warning',
  title: { vi: 'Chưa đạt chỉ tiêu', en: 'Target not met' },
  message: {
    vi: '{indicator}: {percent}% ({count}/{total}), chưa đạt chỉ tiêu {target} của {source}; cần thêm {missing} thủ tục.',
    en: '{indicator}: {percent}% ({count}/{total}), short of the target {target} of {source}; {missing} more procedure(s) needed.',
  },
});

export const targetUndetermined = defineRule({
  id: 'SL-AGG-TGT-003',
  severity: 'info',
  title: { vi: 'Chưa xác định được việc đạt chỉ tiêu', en: 'Target cannot be decided' },
  message: {
    vi: '{indicator}: {percent}% tổng số TTHC ({count}/{total}), dưới mức {target} của {source}; nhưng chỉ tiêu tính trên {denominator}, mà danh mục không ghi, nên chưa kết luận được.',
    en: '{indicator}: {percent}% of all procedures ({count}/{total}), below {target} of {source}; but the target counts {denominator}, which the catalogue does not record, so it cannot be decided.',
  },
});

export const targetNotComputable = defineRule({
  id: 'SL-AGG-TGT-004',
  severity: 'info',
  title: { vi: 'Chỉ tiêu không tính được từ danh mục', en: 'Target not computable from a catalogue' },
  message: {
    vi: 'Chỉ tiêu {target} của {source} không tính được từ danh mục: {reason}.',
    en: 'The target {target} of {source} cannot be computed from a catalogue: {reason}.',
  },
});

export const aggregationRules = [
  districtServicesNotCounted,
  entriesCountedOnce,
  nothingInForce,
  targetMet,
  targetNotMet,
  targetUndetermined,
  targetNotComputable,
] as const;

/** Version of the aggregation rule set; bumped when a rule is added or its meaning changes. */
export const AGGREGATION_RULESET = { name: '@lienthong/service-level aggregation', version: '1.0.0' } as const;

export const aggregateRules = defineRuleCatalog(AGGREGATION_RULESET.name, AGGREGATION_RULESET.version, [
  ...aggregationRules,
]);
