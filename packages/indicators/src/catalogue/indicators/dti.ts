import type { IndicatorDefinition } from '../../model/indicator';
import { compositeIndicator } from '../composite';
import { QD405_DTI, QD922_DTI } from '../sources';

// Indices and maximum points: shared/corpus/indicators/dti-province-2022-structure.csv.
/** Provincial DTI (QĐ 922/QĐ-BTTTT, 2022): nine main indices, 1000 points; index 6 is assessed but not scored. */
const DTI_INDICES = [
  { key: 'digital_awareness', no: 1, vi: 'Nhận thức số', en: 'Digital awareness', max: 100 },
  { key: 'digital_institutions', no: 2, vi: 'Thể chế số', en: 'Digital institutions', max: 100 },
  { key: 'digital_infrastructure', no: 3, vi: 'Hạ tầng số', en: 'Digital infrastructure', max: 100 },
  { key: 'digital_human_resources', no: 4, vi: 'Nhân lực số', en: 'Digital human resources', max: 100 },
  { key: 'cyber_security', no: 5, vi: 'An toàn thông tin mạng', en: 'Cyber security', max: 100 },
  { key: 'smart_city', no: 6, vi: 'Đô thị thông minh', en: 'Smart city', max: undefined },
  {
    key: 'digital_government_activity',
    no: 7,
    vi: 'Hoạt động chính quyền số',
    en: 'Digital government activity',
    max: 200,
  },
  { key: 'digital_economy_activity', no: 8, vi: 'Hoạt động kinh tế số', en: 'Digital economy activity', max: 150 },
  { key: 'digital_society_activity', no: 9, vi: 'Hoạt động xã hội số', en: 'Digital society activity', max: 150 },
] as const;

export const DTI_INDICATORS: readonly IndicatorDefinition[] = [
  compositeIndicator(
    'dti_total',
    { vi: 'Chỉ số chuyển đổi số cấp tỉnh (DTI)', en: 'Provincial digital transformation index (DTI)' },
    { unit: 'points', group: 'dti', maxPoints: 1000, sources: [QD922_DTI, QD405_DTI] },
  ),
  ...DTI_INDICES.map((index) =>
    compositeIndicator(
      `dti_${index.key}`,
      { vi: `DTI, chỉ số ${index.no}: ${index.vi}`, en: `DTI index ${index.no}: ${index.en}` },
      {
        unit: 'points',
        group: 'dti',
        ...(index.max === undefined
          ? {
              description: {
                vi: 'Được đánh giá nhưng không tính điểm vào tổng 1000 điểm (bộ chỉ số 2022).',
                en: 'Assessed but not scored in the 1000-point total (2022 index set).',
              },
            }
          : { maxPoints: index.max }),
        partOf: ['dti_total'],
        sources: [QD922_DTI],
      },
    ),
  ),
];
