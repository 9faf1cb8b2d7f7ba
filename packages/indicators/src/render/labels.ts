import type { Language, Severity } from '@lienthong/report';
import type { ComparisonDirection, ComparisonKind, NotComparableReason } from '../compare';
import type { IndicatorGroup, IndicatorUnit, Tier } from '../model/indicator';
import type { Provenance, ReportingUnit } from '../model/report';

/** The words of the renderings, in both languages. */

export const GROUP_LABELS: Record<Language, Record<IndicatorGroup, string>> = {
  vi: {
    portals: 'Cổng thông tin điện tử',
    online_services: 'Dịch vụ công trực tuyến',
    dossiers: 'Hồ sơ thủ tục hành chính',
    one_stop: 'Bộ phận một cửa',
    e_office: 'Văn phòng điện tử',
    email: 'Thư điện tử công vụ',
    video_conference: 'Hội nghị truyền hình',
    certificates: 'Chữ ký số',
    infrastructure: 'Hạ tầng kỹ thuật',
    human_resources: 'Nguồn nhân lực',
    legal: 'Cơ chế, chính sách',
    dti: 'Chỉ số chuyển đổi số (DTI)',
    qd766: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)',
    ict_index: 'Vietnam ICT Index',
  },
  en: {
    portals: 'Web portals',
    online_services: 'Online public services',
    dossiers: 'Administrative dossiers',
    one_stop: 'One-stop shops',
    e_office: 'E-office',
    email: 'Official e-mail',
    video_conference: 'Video conferencing',
    certificates: 'Digital signatures',
    infrastructure: 'Technical infrastructure',
    human_resources: 'Human resources',
    legal: 'Policies and regulations',
    dti: 'Digital Transformation Index (DTI)',
    qd766: 'Service index for citizens and businesses (QĐ 766)',
    ict_index: 'Vietnam ICT Index',
  },
};

export const UNIT_LABELS: Record<Language, Record<IndicatorUnit, string>> = {
  vi: {
    count: 'số lượng',
    percent: 'tỷ lệ %',
    per_100: 'trên 100 dân',
    points: 'điểm',
    score: 'chỉ số 0–1',
    number: 'số',
    boolean: 'có/không',
    text: 'văn bản',
  },
  en: {
    count: 'count',
    percent: 'percent',
    per_100: 'per 100 inhabitants',
    points: 'points',
    score: 'index 0–1',
    number: 'number',
    boolean: 'yes/no',
    text: 'text',
  },
};

export const TIER_LABELS: Record<Language, Record<Tier, string>> = {
  vi: { tinh: 'cấp tỉnh', huyen: 'cấp huyện', xa: 'cấp xã' },
  en: { tinh: 'province level', huyen: 'district level', xa: 'commune level' },
};

export const UNIT_KIND_LABELS: Record<Language, Record<ReportingUnit['kind'], string>> = {
  vi: {
    national: 'toàn quốc',
    province: 'tỉnh, thành phố',
    ministry: 'bộ, ngành',
    agency: 'cơ quan',
    district: 'huyện',
    commune: 'xã',
  },
  en: {
    national: 'national',
    province: 'province',
    ministry: 'ministry',
    agency: 'agency',
    district: 'district',
    commune: 'commune',
  },
};

export const PROVENANCE_LABELS: Record<Language, Record<Provenance, string>> = {
  vi: { stated: 'theo văn bản', derived: 'tính toán' },
  en: { stated: 'stated', derived: 'derived' },
};

export const SEVERITY_LABELS: Record<Language, Record<Severity, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const DIRECTION_LABELS: Record<Language, Record<ComparisonDirection, string>> = {
  vi: {
    up: '↑ tăng',
    down: '↓ giảm',
    same: '= không đổi',
    only_a: 'chỉ có ở A',
    only_b: 'chỉ có ở B',
    not_comparable: 'không so sánh được',
  },
  en: {
    up: '↑ up',
    down: '↓ down',
    same: '= same',
    only_a: 'only in A',
    only_b: 'only in B',
    not_comparable: 'not comparable',
  },
};

export const REASON_LABELS: Record<Language, Record<NotComparableReason, string>> = {
  vi: {
    not_numeric: 'giá trị không phải số',
    missing_value: 'thiếu giá trị',
    different_qualifiers: 'mức độ chính xác khác nhau',
    several_values: 'nêu nhiều giá trị',
  },
  en: {
    not_numeric: 'not a number',
    missing_value: 'value missing',
    different_qualifiers: 'different precision',
    several_values: 'stated more than once',
  },
};

export const COMPARISON_KIND_LABELS: Record<Language, Record<ComparisonKind, string>> = {
  vi: {
    over_time: 'cùng đơn vị, hai kỳ báo cáo',
    across_units: 'hai đơn vị, cùng kỳ báo cáo',
    same_scope: 'cùng đơn vị, cùng kỳ báo cáo',
    unrelated: 'khác đơn vị, khác kỳ báo cáo',
  },
  en: {
    over_time: 'same unit, two periods',
    across_units: 'two units, same period',
    same_scope: 'same unit, same period',
    unrelated: 'different units and periods',
  },
};

/** Everything else: headings, column names, captions. */
export const TEXT = {
  vi: {
    reportHeading: 'Báo cáo chỉ số',
    comparisonHeading: 'So sánh chỉ số',
    reportingUnit: 'Đơn vị báo cáo',
    code: 'mã',
    period: 'Kỳ báo cáo',
    asOf: 'Số liệu tính đến ngày',
    sourceDocument: 'Văn bản nguồn',
    issuedOn: 'ngày',
    issuer: 'cơ quan ban hành',
    notes: 'Ghi chú',
    otherGroup: 'Chỉ số ngoài danh mục',
    indicator: 'Chỉ số',
    scope: 'Phạm vi',
    value: 'Giá trị',
    unit: 'Đơn vị tính',
    provenance: 'Nguồn gốc',
    line: 'Dòng',
    quote: 'Trích dẫn',
    note: 'Ghi chú',
    whole: 'toàn đơn vị',
    derivedFrom: 'tính từ',
    valuePeriod: 'kỳ',
    valueAsOf: 'tại ngày',
    findings: 'Kết quả kiểm tra',
    noFindings: 'Không phát hiện vấn đề nào.',
    lineShort: 'dòng',
    noValues: 'Báo cáo không có số liệu.',
    comparisonKind: 'Loại so sánh',
    delta: 'Chênh lệch',
    relative: 'Tương đối',
    direction: 'Xu hướng',
    flags: 'Lưu ý',
    derived: 'có số liệu tính toán',
    approximate: 'có số liệu ước lượng',
    percentagePoints: 'điểm phần trăm',
    chartPercentages: 'Tỷ lệ (%)',
    chartLevels: 'Cơ cấu theo mức độ',
    chartComparison: 'So sánh A và B',
    chartRelative: 'Thay đổi tương đối (%)',
  },
  en: {
    reportHeading: 'Indicator report',
    comparisonHeading: 'Indicator comparison',
    reportingUnit: 'Reporting unit',
    code: 'code',
    period: 'Period',
    asOf: 'Figures as of',
    sourceDocument: 'Source document',
    issuedOn: 'dated',
    issuer: 'issued by',
    notes: 'Notes',
    otherGroup: 'Indicators not in the catalogue',
    indicator: 'Indicator',
    scope: 'Scope',
    value: 'Value',
    unit: 'Unit',
    provenance: 'Provenance',
    line: 'Line',
    quote: 'Quote',
    note: 'Note',
    whole: 'whole unit',
    derivedFrom: 'from',
    valuePeriod: 'period',
    valueAsOf: 'as of',
    findings: 'Findings',
    noFindings: 'No findings.',
    lineShort: 'line',
    noValues: 'The report has no figures.',
    comparisonKind: 'Comparison',
    delta: 'Difference',
    relative: 'Relative',
    direction: 'Direction',
    flags: 'Caveats',
    derived: 'includes derived figures',
    approximate: 'includes approximate figures',
    percentagePoints: 'percentage points',
    chartPercentages: 'Percentages',
    chartLevels: 'Breakdown by level',
    chartComparison: 'A and B compared',
    chartRelative: 'Relative change (%)',
  },
} satisfies Record<Language, Record<string, string>>;
