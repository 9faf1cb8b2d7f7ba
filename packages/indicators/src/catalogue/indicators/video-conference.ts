import type { IndicatorDefinition } from '../../model/indicator';
import { ALL_TIERS, SEED_HOA_BINH_2019, SEED_SON_LA_2018 } from '../sources';

const HOA_BINH_VIDEO = { ...SEED_HOA_BINH_2019, reference: 'mục I.4, Hệ thống truyền hình hội nghị' };

/** Video conferencing (hội nghị truyền hình, họp trực tuyến). */
export const VIDEO_CONFERENCE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'hoi_nghi_truyen_hinh_diem_count',
    label: { vi: 'Số điểm cầu hội nghị truyền hình', en: 'Video-conference endpoints' },
    unit: 'count',
    group: 'video_conference',
    scope: { tiers: [...ALL_TIERS], agency: false },
    sources: [HOA_BINH_VIDEO],
  },
  {
    name: 'hop_truc_tuyen_count',
    label: { vi: 'Số cuộc họp trực tuyến', en: 'Online meetings held' },
    unit: 'count',
    group: 'video_conference',
    scope: { tiers: [...ALL_TIERS], agency: true },
    sources: [HOA_BINH_VIDEO, SEED_SON_LA_2018],
  },
];
