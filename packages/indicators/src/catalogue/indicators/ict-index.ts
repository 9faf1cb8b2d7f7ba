import type { IndicatorDefinition } from '../../model/indicator';
import { compositeIndicator } from '../composite';
import { ICT_INDEX } from '../sources';

/** Vietnam ICT Index and its three sub-indices, 0–1 scores. */
export const ICT_INDEX_INDICATORS: readonly IndicatorDefinition[] = [
  compositeIndicator(
    'ict_index',
    { vi: 'Chỉ số sẵn sàng cho phát triển và ứng dụng CNTT-TT (Vietnam ICT Index)', en: 'Vietnam ICT Index' },
    { unit: 'score', group: 'ict_index', sources: [ICT_INDEX] },
  ),
  compositeIndicator(
    'ict_infra',
    { vi: 'Vietnam ICT Index: hạ tầng kỹ thuật', en: 'Vietnam ICT Index: technical infrastructure' },
    { unit: 'score', group: 'ict_index', sources: [ICT_INDEX] },
  ),
  compositeIndicator(
    'ict_hr',
    { vi: 'Vietnam ICT Index: hạ tầng nhân lực', en: 'Vietnam ICT Index: human resources' },
    { unit: 'score', group: 'ict_index', sources: [ICT_INDEX] },
  ),
  compositeIndicator(
    'ict_app',
    { vi: 'Vietnam ICT Index: ứng dụng CNTT', en: 'Vietnam ICT Index: IT application' },
    { unit: 'score', group: 'ict_index', sources: [ICT_INDEX] },
  ),
];
