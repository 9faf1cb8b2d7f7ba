import type { IndicatorDefinition } from '../../model/indicator';
import { agencyCoverage } from '../coverage';
import { ALL_TIERS, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017, SEED_SON_LA_2018 } from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** Special-purpose digital certificates (chứng thư số chuyên dùng) and digital signatures in use. */
export const CERTIFICATE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'chung_thu_so_count',
    label: { vi: 'Số chứng thư số đã cấp', en: 'Digital certificates issued' },
    description: {
      vi: 'Chứng thư số (chữ ký số) chuyên dùng cấp cho tổ chức và cá nhân trong cơ quan nhà nước.',
      en: 'Special-purpose digital certificates (digital signatures) issued to organisations and individuals.',
    },
    unit: 'count',
    group: 'certificates',
    scope,
    derivation: {
      kind: 'sum',
      terms: ['chung_thu_so_to_chuc_count', 'chung_thu_so_ca_nhan_count'],
      relation: 'components',
    },
    sources: [SEED_SON_LA_2018, SEED_LAM_DONG_2017],
  },
  {
    name: 'chung_thu_so_to_chuc_count',
    label: { vi: 'Số chứng thư số cấp cho tổ chức', en: 'Digital certificates issued to organisations' },
    unit: 'count',
    group: 'certificates',
    scope,
    partOf: ['chung_thu_so_count'],
    sources: [SEED_SON_LA_2018],
  },
  {
    name: 'chung_thu_so_ca_nhan_count',
    label: { vi: 'Số chứng thư số cấp cho cá nhân', en: 'Digital certificates issued to individuals' },
    unit: 'count',
    group: 'certificates',
    scope,
    partOf: ['chung_thu_so_count'],
    sources: [SEED_SON_LA_2018],
  },
  ...agencyCoverage({
    stem: 'chu_ky_so',
    what: { vi: 'sử dụng chữ ký số', en: 'using digital signatures' },
    group: 'certificates',
    sources: [SEED_HOA_BINH_2019],
  }),
];
