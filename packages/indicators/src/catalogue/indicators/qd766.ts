import type { IndicatorDefinition } from '../../model/indicator';
import { compositeIndicator } from '../composite';
import { QD766 } from '../sources';

// Groups and maximum points: shared/corpus/indicators/qd766-index-groups.csv.
/** QĐ 766/QĐ-TTg: five groups, 100 points in all. */
const QD766_GROUPS = [
  { key: 'transparency', vi: 'Công khai, minh bạch', en: 'Transparency', max: 18 },
  { key: 'progress_and_results', vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results of settlement', max: 20 },
  { key: 'dossier_digitisation', vi: 'Số hóa hồ sơ', en: 'Dossier digitisation', max: 22 },
  { key: 'online_service_provision', vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online service provision', max: 22 },
  { key: 'satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction', max: 18 },
] as const;

export const QD766_INDICATORS: readonly IndicatorDefinition[] = [
  compositeIndicator(
    'qd766_total',
    {
      vi: 'Chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp',
      en: 'Index of service quality to citizens and businesses (QĐ 766)',
    },
    { unit: 'points', group: 'qd766', maxPoints: 100, sources: [QD766] },
  ),
  ...QD766_GROUPS.map((group) =>
    compositeIndicator(
      `qd766_${group.key}`,
      { vi: `Chỉ số QĐ 766, nhóm "${group.vi}"`, en: `QĐ 766 index, group "${group.en}"` },
      { unit: 'points', group: 'qd766', maxPoints: group.max, partOf: ['qd766_total'], sources: [QD766] },
    ),
  ),
];
