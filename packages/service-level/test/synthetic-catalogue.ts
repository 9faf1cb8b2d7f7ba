/*
 * Builds catalogues with exactly the counts a test asks for: so many services at such a tier whose capabilities
 * classify at such a level (and NĐ 42 category). The capabilities are real ones, chosen so that the package's
 * own classifiers give the intended level; the tests check that, so a profile that drifts fails loudly.
 */
import type { Catalogue, Nd43Level, Service, ServiceCapabilities, Tier } from '../src/model/service';

/** What a synthetic service can do, named by the level and category it should classify as. */
export type CapabilityProfile = 'level0' | 'level1' | 'level2' | 'level3' | 'level4-toan-trinh' | 'level4-mot-phan';

export const PROFILE_CAPABILITIES: Readonly<Record<CapabilityProfile, ServiceCapabilities>> = {
  level0: {
    informationPublished: false,
    formsDownloadable: false,
    onlineSubmission: false,
    onlineProcessing: false,
    payment: 'offline-only',
    resultChannels: ['in-person'],
    physicalPresenceRequired: false,
  },
  level1: {
    informationPublished: true,
    formsDownloadable: false,
    onlineSubmission: false,
    onlineProcessing: false,
    payment: 'offline-only',
    resultChannels: ['in-person'],
    physicalPresenceRequired: false,
  },
  level2: {
    informationPublished: true,
    formsDownloadable: true,
    onlineSubmission: false,
    onlineProcessing: false,
    payment: 'offline-only',
    resultChannels: ['in-person', 'public-post'],
    physicalPresenceRequired: false,
  },
  level3: {
    informationPublished: true,
    formsDownloadable: true,
    onlineSubmission: true,
    onlineProcessing: true,
    payment: 'offline-only',
    resultChannels: ['in-person'],
    physicalPresenceRequired: false,
  },
  'level4-toan-trinh': {
    informationPublished: true,
    formsDownloadable: true,
    onlineSubmission: true,
    onlineProcessing: true,
    payment: 'online',
    resultChannels: ['online', 'public-post'],
    physicalPresenceRequired: false,
  },
  'level4-mot-phan': {
    informationPublished: true,
    formsDownloadable: true,
    onlineSubmission: true,
    onlineProcessing: true,
    payment: 'online',
    resultChannels: ['in-person'],
    physicalPresenceRequired: false,
  },
};

/** The profile used for a bare level number (level 4 is toàn trình unless a test says otherwise). */
export const PROFILE_OF_LEVEL: Readonly<Record<Nd43Level, CapabilityProfile>> = {
  0: 'level0',
  1: 'level1',
  2: 'level2',
  3: 'level3',
  4: 'level4-toan-trinh',
};

export interface SyntheticCell {
  readonly tier: Tier;
  readonly level: Nd43Level;
  /** Overrides the profile chosen from `level` (e.g. a level-4 service that is only một phần). */
  readonly profile?: CapabilityProfile;
  readonly count: number;
  /** Agencies the services are spread over, round-robin; default one agency per tier. */
  readonly agencies?: readonly Service['agency'][];
}

export interface SyntheticCounts {
  readonly asOf?: string;
  readonly publisher?: Catalogue['publisher'];
  readonly cells: readonly SyntheticCell[];
}

const DEFAULT_AGENCY: Readonly<Record<Tier, Service['agency']>> = {
  tinh: { name: 'Sở Thông tin và Truyền thông', code: '000.00.10.H99' },
  huyen: { name: 'UBND huyện Mẫu', code: '000.00.20.H99' },
  xa: { name: 'UBND xã Mẫu', code: '000.01.20.H99' },
};

/** A catalogue with exactly `count` services per cell, each with a unique procedure code. */
export function syntheticCatalogue(counts: SyntheticCounts): Catalogue {
  const services: Service[] = [];
  let serial = 0;
  for (const cell of counts.cells) {
    const capabilities = PROFILE_CAPABILITIES[cell.profile ?? PROFILE_OF_LEVEL[cell.level]];
    const agencies = cell.agencies ?? [DEFAULT_AGENCY[cell.tier]];
    for (let i = 0; i < cell.count; i++) {
      serial++;
      services.push({
        procedureCode: `${1 + (serial % 3)}.${String(serial).padStart(6, '0')}`,
        name: `Thủ tục mẫu số ${serial}`,
        agency: agencies[i % agencies.length] as Service['agency'],
        tier: cell.tier,
        capabilities: { ...capabilities, resultChannels: [...capabilities.resultChannels] },
      });
    }
  }
  return {
    ...(counts.publisher === undefined ? {} : { publisher: counts.publisher }),
    ...(counts.asOf === undefined ? {} : { asOf: counts.asOf }),
    services,
  };
}
