import { createOrganDirectory, type OrganDirectory, type OrganDirectoryEntry } from './directory';

/**
 * Evidence tags of shared/domain/edxml.md: `C` confirmed by two or more independent sources, `1` one
 * source, `I` inferred.
 */
export type EvidenceConfidence = 'C' | '1' | 'I';

export interface BundledOrganEntry extends OrganDirectoryEntry {
  /** Source ids of the domain notes §0 (S1 = VPCP SDK samples and axis downloads, S10 = code comments…). */
  readonly sources: readonly string[];
  readonly confidence: EvidenceConfidence;
  readonly note?: string;
}

/**
 * Only the organisation codes the domain notes source (§5.1, §5.2) — nothing is invented or derived.
 * The one QĐ 20 mapping is G12 ↔ 000.00.00.G12, seen in 2025 axis traffic; the notes suggest other
 * ministries' QĐ 20 codes equal the last 102 group, but that is unverified, so those entries list only
 * their 102 code. Load a downloaded `getAgenciesListQD20` response for anything real.
 */
export const BUNDLED_ORGAN_ENTRIES: readonly BundledOrganEntry[] = [
  {
    code: '000.00.00.G22',
    name: 'Văn phòng Chính phủ',
    sources: ['S1', 'S10'],
    confidence: 'C',
    note: 'SDK samples (From/OrganName) and the X-Road id VN:GOV:000.00.00.G22:vpcpdvcprovider.',
  },
  {
    code: 'G12',
    code102: '000.00.00.G12',
    name: 'Bộ Tài chính',
    sources: ['S1', 'S10'],
    confidence: 'C',
    note: '000.00.00.G12 = Bộ Tài chính is [C]; the QĐ 20 code G12 is [1]: 2025 axis traffic (S1) addressed G12, labelling 000.00.00.G12 "(Mã cũ)".',
  },
  {
    code: '000.00.18.G12',
    name: 'Tổng cục Thuế',
    sources: ['S10'],
    confidence: '1',
    note: 'Level-2 unit 18 of Bộ Tài chính (G12), quoted from the regulation in a code comment.',
  },
  {
    code: '000.00.00.G17',
    name: 'Bộ Xây dựng',
    sources: ['S10'],
    confidence: '1',
    note: 'An SDK sample mislabels G17 as "Sở TTTT Hải Phòng".',
  },
  { code: '000.00.00.G09', name: 'Bộ Nội vụ', sources: ['S10'], confidence: '1' },
  {
    code: '000.00.00.H41',
    name: 'UBND tỉnh Nghệ An',
    sources: ['S1'],
    confidence: 'C',
    note: 'Consistent across 12 SDK sample files.',
  },
  { code: '000.00.00.H14', name: 'UBND tỉnh Cao Bằng', sources: ['S1'], confidence: '1' },
];

/** The bundled entries as a directory: enough for examples and tests, not for routing real documents. */
export const bundledOrganDirectory: OrganDirectory<BundledOrganEntry> = createOrganDirectory(BUNDLED_ORGAN_ENTRIES);
