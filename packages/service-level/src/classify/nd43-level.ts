import type { LocalizedText } from '@lienthong/report';
import type { Nd43Level, ServiceCapabilities } from '../model/service';
import { classifiedOncePerKey } from './capabilities-key';
import { CITATIONS, type CriterionDefinition, cite, evaluateCriterion, joinCitations } from './citations';
import { describeResultChannels } from './result-channels';

/*
 * Levels 1–4 of khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP (in force until 2022-08-14). Each level is the previous
 * one plus its own criteria, so the level is the highest one whose criteria, and all lower levels' criteria,
 * are met:
 *   1 — full information on the procedure and its legal documents is published;
 *   2 — + the forms can be downloaded and filled in;
 *   3 — + the dossier is filled in and submitted online, and processing exchanges happen online
 *       (fee payment and the result may still be in person);
 *   4 — + fees, if any, are paid online (a procedure without fees meets this: "thanh toán lệ phí (nếu có)"),
 *       and the result is returned online, in person or by post (any channel will do).
 *
 * Decisions (each has a test in nd43-level.test.ts):
 * - The levels are cumulative, as the decree words them ("bảo đảm cung cấp đầy đủ các mức độ …"): a service
 *   that takes dossiers online but offers no downloadable forms is level 1, not 3.
 * - `physicalPresenceRequired` plays no part: khoản 4 Điều 3 does not mention it (it matters under NĐ 42).
 * - A no-fee service that meets level 3 meets level 4 (whatever it was declared as). The issue's "no-fee
 *   level-3 service" is a service *declared* level 3; classifyService reports the difference.
 * - An empty `resultChannels` (allowed by the types, refused by the schema) fails the level-4 result criterion.
 */

/** What each criterion checks; the IDs are stable. */
export type Nd43CriterionId =
  | 'information-published'
  | 'forms-downloadable'
  | 'online-submission'
  | 'online-processing'
  | 'online-payment-or-no-fee'
  | 'result-returned';

/** The levels a criterion can belong to. */
export type Nd43CriterionLevel = Exclude<Nd43Level, 0>;

/** One condition of one level, evaluated for a service. */
export interface Nd43Criterion {
  readonly id: Nd43CriterionId;
  /** The level this condition belongs to (the service also needs every lower level's conditions). */
  readonly level: Nd43CriterionLevel;
  /** A short name, for lists ("còn thiếu: …"). */
  readonly title: LocalizedText;
  readonly met: boolean;
  /** Why it is met or not, citing the provision. */
  readonly message: LocalizedText;
  /** The provision, in Vietnamese: `khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT`. */
  readonly article: string;
}

/** The NĐ 43/2011 level of a service with its reasons. */
export interface Nd43Classification {
  readonly scheme: 'nd43-2011';
  /** 0 when even level 1 is not met. */
  readonly level: Nd43Level;
  /** Every criterion of levels 1–4, in level order, met or not. */
  readonly criteria: readonly Nd43Criterion[];
  /** The level above `level`, or `null` at level 4. */
  readonly nextLevel: Nd43CriterionLevel | null;
  /** The criteria of `nextLevel` the service does not meet (empty at level 4). */
  readonly missingForNextLevel: readonly Nd43Criterion[];
  /** One sentence: the level, and what is missing for the next one. */
  readonly summary: LocalizedText;
}

interface Nd43CriterionDefinition extends CriterionDefinition {
  readonly id: Nd43CriterionId;
  readonly level: Nd43CriterionLevel;
}

const LEVEL_CITATION = CITATIONS.nd43Levels;
const LEVEL_AND_TT32_CITATION = joinCitations(CITATIONS.nd43Levels, CITATIONS.tt32);

/** The criteria of levels 1–4, as data. */
export const ND43_CRITERIA: readonly Nd43CriterionDefinition[] = [
  {
    id: 'information-published',
    level: 1,
    title: {
      vi: 'cung cấp đầy đủ thông tin về thủ tục hành chính',
      en: 'full information on the procedure published',
    },
    citation: LEVEL_AND_TT32_CITATION,
    evaluate: ({ informationPublished }) => ({
      met: informationPublished,
      sentence: informationPublished
        ? {
            vi: 'Cung cấp đầy đủ thông tin về thủ tục hành chính và các văn bản quy định về thủ tục đó: điều kiện của mức độ 1',
            en: 'Full information on the administrative procedure and the legal documents governing it is published: the level-1 condition',
          }
        : {
            vi: 'Chưa cung cấp đầy đủ thông tin về thủ tục hành chính và các văn bản quy định về thủ tục đó, nên chưa đạt mức độ 1',
            en: 'Full information on the administrative procedure and the legal documents governing it is not published, so level 1 is not reached',
          },
    }),
  },
  {
    id: 'forms-downloadable',
    level: 2,
    title: { vi: 'tải được các mẫu văn bản', en: 'forms downloadable' },
    citation: LEVEL_AND_TT32_CITATION,
    evaluate: ({ formsDownloadable }) => ({
      met: formsDownloadable,
      sentence: formsDownloadable
        ? {
            vi: 'Người sử dụng tải được các mẫu văn bản (biểu mẫu điện tử) để khai báo, hoàn thiện hồ sơ: điều kiện của mức độ 2',
            en: 'The user can download the forms (electronic form templates) and fill them in to complete the dossier: the level-2 condition',
          }
        : {
            vi: 'Người sử dụng không tải được các mẫu văn bản để khai báo, hoàn thiện hồ sơ; mức độ 2 yêu cầu điều này',
            en: 'The user cannot download the forms to fill in and complete the dossier; level 2 requires this',
          },
    }),
  },
  {
    id: 'online-submission',
    level: 3,
    title: { vi: 'nộp hồ sơ trực tuyến', en: 'online submission' },
    citation: LEVEL_CITATION,
    evaluate: ({ onlineSubmission }) => ({
      met: onlineSubmission,
      sentence: onlineSubmission
        ? {
            vi: 'Người sử dụng điền và gửi trực tuyến các mẫu văn bản đến cơ quan giải quyết: điều kiện của mức độ 3',
            en: 'The user fills in and submits the forms online to the settling agency: a level-3 condition',
          }
        : {
            vi: 'Người sử dụng không điền và gửi trực tuyến được các mẫu văn bản (hồ sơ nộp trực tiếp hoặc qua bưu chính); mức độ 3 yêu cầu nộp hồ sơ trực tuyến',
            en: 'The user cannot fill in and submit the forms online (the dossier is filed in person or by post); level 3 requires online submission',
          },
    }),
  },
  {
    id: 'online-processing',
    level: 3,
    title: { vi: 'giao dịch xử lý hồ sơ trên môi trường mạng', en: 'online processing' },
    citation: LEVEL_CITATION,
    evaluate: ({ onlineProcessing }) => ({
      met: onlineProcessing,
      sentence: onlineProcessing
        ? {
            vi: 'Các giao dịch trong quá trình xử lý hồ sơ và cung cấp dịch vụ được thực hiện trên môi trường mạng: điều kiện của mức độ 3 (ở mức độ 3, việc thanh toán phí, lệ phí và nhận kết quả vẫn có thể thực hiện trực tiếp)',
            en: 'The exchanges while the dossier is processed take place online: a level-3 condition (at level 3, fees may still be paid and the result collected in person)',
          }
        : {
            vi: 'Các giao dịch trong quá trình xử lý hồ sơ (yêu cầu bổ sung, thông báo) không được thực hiện trên môi trường mạng; mức độ 3 yêu cầu điều này',
            en: 'The exchanges while the dossier is processed (supplement requests, notices) do not take place online; level 3 requires this',
          },
    }),
  },
  {
    id: 'online-payment-or-no-fee',
    level: 4,
    title: { vi: 'thanh toán phí, lệ phí (nếu có) trực tuyến', en: 'online payment of fees (if any)' },
    citation: LEVEL_AND_TT32_CITATION,
    evaluate: ({ payment }) => {
      switch (payment) {
        case 'no-fee':
          return {
            met: true,
            sentence: {
              vi: 'Thủ tục không có phí, lệ phí, nên điều kiện thanh toán phí, lệ phí (nếu có) trực tuyến của mức độ 4 được đáp ứng',
              en: 'The procedure has no fee or charge, so the level-4 condition of paying fees (if any) online is met',
            },
          };
        case 'online':
          return {
            met: true,
            sentence: {
              vi: 'Phí, lệ phí được thanh toán trực tuyến: điều kiện của mức độ 4',
              en: 'Fees and charges are paid online: a level-4 condition',
            },
          };
        case 'offline-only':
          return {
            met: false,
            sentence: {
              vi: 'Phí, lệ phí chỉ nộp được trực tiếp; mức độ 4 yêu cầu thanh toán phí, lệ phí (nếu có) trực tuyến (mức độ 3 cho phép nộp trực tiếp)',
              en: 'Fees and charges can only be paid in person; level 4 requires fees (if any) to be paid online (level 3 allows paying in person)',
            },
          };
      }
    },
  },
  {
    id: 'result-returned',
    level: 4,
    title: { vi: 'có kênh trả kết quả', en: 'a channel returning the result' },
    citation: LEVEL_AND_TT32_CITATION,
    evaluate: ({ resultChannels }) => {
      if (resultChannels.length === 0) {
        return {
          met: false,
          sentence: {
            vi: 'Không có kênh trả kết quả nào được khai báo; mức độ 4 yêu cầu kết quả được trả trực tuyến, trực tiếp hoặc qua đường bưu điện',
            en: 'No channel returning the result is recorded; level 4 requires the result to be returned online, in person or by post',
          },
        };
      }
      const channels = describeResultChannels(resultChannels);
      return {
        met: true,
        sentence: {
          vi: `Kết quả được trả ${channels.vi}; mức độ 4 chấp nhận trả kết quả trực tuyến, trực tiếp hoặc qua đường bưu điện`,
          en: `The result is returned ${channels.en}; level 4 accepts results returned online, in person or by post`,
        },
      };
    },
  },
];

const LEVELS: readonly Nd43CriterionLevel[] = [1, 2, 3, 4];

function listTitles(criteria: readonly Nd43Criterion[]): LocalizedText {
  return {
    vi: criteria.map((criterion) => criterion.title.vi).join('; '),
    en: criteria.map((criterion) => criterion.title.en).join('; '),
  };
}

function summarize(level: Nd43Level, missing: readonly Nd43Criterion[]): LocalizedText {
  const missingTitles = listTitles(missing);
  if (level === 0) {
    return cite(
      {
        vi: `Chưa đạt mức độ 1; còn thiếu: ${missingTitles.vi}`,
        en: `Level 1 is not reached; missing: ${missingTitles.en}`,
      },
      LEVEL_CITATION,
    );
  }
  if (level === 4) {
    return cite(
      {
        vi: 'Mức độ 4: đáp ứng mọi điều kiện của các mức độ 1 đến 4',
        en: 'Level 4: every condition of levels 1 to 4 is met',
      },
      LEVEL_CITATION,
    );
  }
  return cite(
    {
      vi: `Mức độ ${level}; để đạt mức độ ${level + 1} còn thiếu: ${missingTitles.vi}`,
      en: `Level ${level}; missing for level ${level + 1}: ${missingTitles.en}`,
    },
    LEVEL_CITATION,
  );
}

/**
 * The NĐ 43/2011 level (khoản 4 Điều 3) of a service, computed from its capabilities, with every criterion
 * met or not and what is missing for the next level. Throws `ServiceLevelError` (`INVALID_ARGUMENT`) only
 * when `capabilities` is not a capabilities object at all.
 */
export function classifyNd43(capabilities: ServiceCapabilities): Nd43Classification {
  return classifyNd43OncePerKey(capabilities);
}

function compute(capabilities: ServiceCapabilities): Nd43Classification {
  const criteria: Nd43Criterion[] = ND43_CRITERIA.map((definition) => evaluateCriterion(definition, capabilities));
  let level: Nd43Level = 0;
  for (const candidate of LEVELS) {
    if (!criteria.every((criterion) => criterion.level !== candidate || criterion.met)) break;
    level = candidate;
  }
  const nextLevel = level === 4 ? null : ((level + 1) as Nd43CriterionLevel);
  const missingForNextLevel = criteria.filter((criterion) => criterion.level === nextLevel && !criterion.met);
  return {
    scheme: 'nd43-2011',
    level,
    criteria,
    nextLevel,
    missingForNextLevel,
    summary: summarize(level, missingForNextLevel),
  };
}

/** One frozen result per capabilities key (see capabilities-key.ts). */
const classifyNd43OncePerKey = classifiedOncePerKey('classifyNd43', compute);
