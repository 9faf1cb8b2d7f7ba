import { describe, expect, it } from 'vitest';
import type { Nd42Category, Nd43Level, Payment, ResultChannel, ServiceCapabilities } from '../model/service';
import { classifyNd42 } from './nd42-category';
import { classifyNd43 } from './nd43-level';

/*
 * The classification table: every boundary of both schemes. Expected values are written out, row by row;
 * the reasons for the edge cases are in the comments of nd43-level.ts and nd42-category.ts.
 */

/** A level-4, toàn trình service with every capability. */
const FULL: ServiceCapabilities = {
  informationPublished: true,
  formsDownloadable: true,
  onlineSubmission: true,
  onlineProcessing: true,
  payment: 'online',
  resultChannels: ['online', 'public-post', 'in-person'],
  physicalPresenceRequired: false,
};

/** A service with nothing online, fees payable in person, results collected in person, presence required. */
const MINIMAL: ServiceCapabilities = {
  informationPublished: false,
  formsDownloadable: false,
  onlineSubmission: false,
  onlineProcessing: false,
  payment: 'offline-only',
  resultChannels: ['in-person'],
  physicalPresenceRequired: true,
};

type Row = readonly [
  description: string,
  change: Partial<ServiceCapabilities>,
  level: Nd43Level,
  category: Nd42Category,
];

function expectClassification(capabilities: ServiceCapabilities, level: Nd43Level, category: Nd42Category): void {
  expect({ level: classifyNd43(capabilities).level, category: classifyNd42(capabilities).category }).toEqual({
    level,
    category,
  });
}

describe('each capability taken away from a full level-4 service', () => {
  const rows: readonly Row[] = [
    ['nothing taken away', {}, 4, 'toan_trinh'],
    ['information not published', { informationPublished: false }, 0, 'mot_phan'],
    ['forms not downloadable', { formsDownloadable: false }, 1, 'toan_trinh'],
    ['no online submission', { onlineSubmission: false }, 2, 'none'],
    ['no online processing', { onlineProcessing: false }, 2, 'mot_phan'],
    ['fees payable only in person', { payment: 'offline-only' }, 3, 'mot_phan'],
    ['no fee instead of online payment', { payment: 'no-fee' }, 4, 'toan_trinh'],
    ['no in-person collection', { resultChannels: ['online', 'public-post'] }, 4, 'toan_trinh'],
    ['no public post', { resultChannels: ['online', 'in-person'] }, 4, 'toan_trinh'],
    ['no online result', { resultChannels: ['public-post', 'in-person'] }, 4, 'toan_trinh'],
    ['results only in person', { resultChannels: ['in-person'] }, 4, 'mot_phan'],
    ['no result channel recorded', { resultChannels: [] }, 3, 'mot_phan'],
    ['physical presence required', { physicalPresenceRequired: true }, 4, 'mot_phan'],
  ];
  it.each(rows)('%s', (_description, change, level, category) => {
    expectClassification({ ...FULL, ...change }, level, category);
  });
});

describe('each capability given to a minimal service', () => {
  const rows: readonly Row[] = [
    ['nothing given', {}, 0, 'none'],
    ['information published', { informationPublished: true }, 1, 'none'],
    ['forms downloadable', { formsDownloadable: true }, 0, 'none'],
    ['online submission', { onlineSubmission: true }, 0, 'mot_phan'],
    ['online processing', { onlineProcessing: true }, 0, 'none'],
    ['online payment', { payment: 'online' }, 0, 'none'],
    ['no fee', { payment: 'no-fee' }, 0, 'none'],
    ['online result', { resultChannels: ['in-person', 'online'] }, 0, 'none'],
    ['postal result', { resultChannels: ['in-person', 'public-post'] }, 0, 'none'],
    ['no physical presence', { physicalPresenceRequired: false }, 0, 'none'],
  ];
  it.each(rows)('%s', (_description, change, level, category) => {
    expectClassification({ ...MINIMAL, ...change }, level, category);
  });
});

describe('capabilities added one at a time, from minimal to full', () => {
  const steps: readonly Row[] = [
    ['+ information published', { informationPublished: true }, 1, 'none'],
    ['+ forms downloadable', { formsDownloadable: true }, 2, 'none'],
    ['+ online submission', { onlineSubmission: true }, 2, 'mot_phan'],
    ['+ online processing', { onlineProcessing: true }, 3, 'mot_phan'],
    ['+ online payment', { payment: 'online' }, 4, 'mot_phan'],
    ['+ postal result', { resultChannels: ['in-person', 'public-post'] }, 4, 'mot_phan'],
    ['- physical presence', { physicalPresenceRequired: false }, 4, 'toan_trinh'],
  ];
  it('climbs the levels and categories in order', () => {
    let capabilities = MINIMAL;
    for (const [description, change, level, category] of steps) {
      capabilities = { ...capabilities, ...change };
      expect([description, classifyNd43(capabilities).level, classifyNd42(capabilities).category]).toEqual([
        description,
        level,
        category,
      ]);
    }
  });
});

describe('every combination of payment × result channels × presence, for a service submitted and processed online', () => {
  const rows: readonly (readonly [Payment, ResultChannel[], boolean, Nd43Level, Nd42Category])[] = [
    ['online', ['online'], false, 4, 'toan_trinh'],
    ['online', ['online'], true, 4, 'mot_phan'],
    ['online', ['public-post'], false, 4, 'toan_trinh'],
    ['online', ['public-post'], true, 4, 'mot_phan'],
    ['online', ['online', 'public-post'], false, 4, 'toan_trinh'],
    ['online', ['online', 'public-post'], true, 4, 'mot_phan'],
    ['online', ['in-person'], false, 4, 'mot_phan'],
    ['online', ['in-person'], true, 4, 'mot_phan'],
    ['online', ['online', 'in-person'], false, 4, 'toan_trinh'],
    ['online', ['online', 'in-person'], true, 4, 'mot_phan'],
    ['online', ['public-post', 'in-person'], false, 4, 'toan_trinh'],
    ['online', ['public-post', 'in-person'], true, 4, 'mot_phan'],
    ['online', ['online', 'public-post', 'in-person'], false, 4, 'toan_trinh'],
    ['online', ['online', 'public-post', 'in-person'], true, 4, 'mot_phan'],
    ['no-fee', ['online'], false, 4, 'toan_trinh'],
    ['no-fee', ['online'], true, 4, 'mot_phan'],
    ['no-fee', ['public-post'], false, 4, 'toan_trinh'],
    ['no-fee', ['public-post'], true, 4, 'mot_phan'],
    ['no-fee', ['online', 'public-post'], false, 4, 'toan_trinh'],
    ['no-fee', ['online', 'public-post'], true, 4, 'mot_phan'],
    ['no-fee', ['in-person'], false, 4, 'mot_phan'],
    ['no-fee', ['in-person'], true, 4, 'mot_phan'],
    ['no-fee', ['online', 'in-person'], false, 4, 'toan_trinh'],
    ['no-fee', ['online', 'in-person'], true, 4, 'mot_phan'],
    ['no-fee', ['public-post', 'in-person'], false, 4, 'toan_trinh'],
    ['no-fee', ['public-post', 'in-person'], true, 4, 'mot_phan'],
    ['no-fee', ['online', 'public-post', 'in-person'], false, 4, 'toan_trinh'],
    ['no-fee', ['online', 'public-post', 'in-person'], true, 4, 'mot_phan'],
    ['offline-only', ['online'], false, 3, 'mot_phan'],
    ['offline-only', ['online'], true, 3, 'mot_phan'],
    ['offline-only', ['public-post'], false, 3, 'mot_phan'],
    ['offline-only', ['public-post'], true, 3, 'mot_phan'],
    ['offline-only', ['online', 'public-post'], false, 3, 'mot_phan'],
    ['offline-only', ['online', 'public-post'], true, 3, 'mot_phan'],
    ['offline-only', ['in-person'], false, 3, 'mot_phan'],
    ['offline-only', ['in-person'], true, 3, 'mot_phan'],
    ['offline-only', ['online', 'in-person'], false, 3, 'mot_phan'],
    ['offline-only', ['online', 'in-person'], true, 3, 'mot_phan'],
    ['offline-only', ['public-post', 'in-person'], false, 3, 'mot_phan'],
    ['offline-only', ['public-post', 'in-person'], true, 3, 'mot_phan'],
    ['offline-only', ['online', 'public-post', 'in-person'], false, 3, 'mot_phan'],
    ['offline-only', ['online', 'public-post', 'in-person'], true, 3, 'mot_phan'],
  ];

  it('covers all 3 × 7 × 2 combinations once', () => {
    const keys = rows.map(([payment, channels, presence]) => `${payment}|${channels.join('+')}|${presence}`);
    expect(new Set(keys).size).toBe(42);
  });

  it.each(rows)(
    'payment %s, results %j, presence required %s → level %i, %s',
    (payment, resultChannels, presence, level, category) => {
      expectClassification({ ...FULL, payment, resultChannels, physicalPresenceRequired: presence }, level, category);
    },
  );

  it('gives level 2 and none for every such combination once online submission is taken away', () => {
    for (const [payment, resultChannels, presence] of rows) {
      expectClassification(
        { ...FULL, onlineSubmission: false, payment, resultChannels, physicalPresenceRequired: presence },
        2,
        'none',
      );
    }
  });
});

describe('the examples of issue 5', () => {
  it('level 4 with in-person-only results is một phần under NĐ 42', () => {
    const capabilities: ServiceCapabilities = { ...FULL, resultChannels: ['in-person'] };
    expectClassification(capabilities, 4, 'mot_phan');
    expect(classifyNd42(capabilities).missingForToanTrinh.map((c) => c.id)).toEqual(['result-online-or-public-post']);
  });

  it('a no-fee service submitted and processed online, with postal results, is toàn trình', () => {
    // NĐ 43 makes it level 4 ("lệ phí (nếu có)"); a province that declared it level 3 is told so by
    // classifyService (classify-service.test.ts).
    expectClassification({ ...FULL, payment: 'no-fee', resultChannels: ['public-post'] }, 4, 'toan_trinh');
  });

  it('a level-3 service whose fees are paid in person is một phần whatever its result channels', () => {
    expectClassification({ ...FULL, payment: 'offline-only', resultChannels: ['online'] }, 3, 'mot_phan');
  });
});
