import type { LocalizedText } from '@lienthong/report';
import type { Nd42Category, ServiceCapabilities, VendorCode } from '../model/service';
import { classifiedOncePerKey } from './capabilities-key';
import { CITATIONS, type CriterionDefinition, cite, evaluateCriterion } from './citations';
import { describeResultChannels } from './result-channels';

/*
 * The categories of khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP (in force from 2022-08-15), computed from the same
 * capabilities as the NĐ 43 level and never from the level number (levels and categories do not map one to
 * one: see correspondence.ts).
 *
 *   toàn trình (điểm a) — all information on the procedure is provided, and filing and settlement are done
 *       entirely online; the result is returned online or through the public postal service (BCCI);
 *   một phần (điểm b)   — any online public service that does not meet point a;
 *   none                — not an online public service at all: the dossier cannot be submitted online. What
 *       is left is "cung cấp thông tin trực tuyến", which NĐ 42 rules on separately.
 *
 * Decisions (each has a test in nd42-category.test.ts):
 * - Online submission is what makes a service an online public service; without it the category is `none`,
 *   whatever else is online (an online payment alone does not make a service).
 * - "Settlement entirely online" needs online processing and fees paid online; a procedure without fees
 *   has nothing to pay, so `no-fee` meets it. Fees payable only in person → một phần.
 * - The result must be offered online or by public post; offering in-person collection *as well* does not
 *   matter (the applicant can choose). In-person only → một phần, even for an NĐ 43 level-4 service.
 * - Physical presence required (the applicant must appear, or the agency must inspect on site, the
 *   exceptions Điều 11 names) → một phần even when everything else is online: settlement is then not done
 *   entirely online.
 * - Information not fully published but dossiers accepted online → một phần (an online service that misses
 *   point a's "cung cấp đầy đủ thông tin"), although NĐ 43 would put it at level 0.
 * - Downloadable forms play no part: point a does not mention them, and online submission supersedes them.
 */

export type Nd42CriterionId =
  | 'online-submission'
  | 'information-published'
  | 'online-processing'
  | 'online-payment-or-no-fee'
  | 'result-online-or-public-post'
  | 'no-physical-presence';

/**
 * `online-service`: the criterion that makes a service an online public service at all (khoản 1 Điều 11;
 * một phần at least); `toan-trinh`: a condition of point a.
 */
export type Nd42CriterionRole = 'online-service' | 'toan-trinh';

export interface Nd42Criterion {
  readonly id: Nd42CriterionId;
  readonly role: Nd42CriterionRole;
  /** A short name, for lists. */
  readonly title: LocalizedText;
  readonly met: boolean;
  readonly message: LocalizedText;
  /** The provision, in Vietnamese: `điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP`. */
  readonly article: string;
}

/** The NĐ 42/2022 category of a service with its reasons. */
export interface Nd42Classification {
  readonly scheme: 'nd42-2022';
  readonly category: Nd42Category;
  /** The code vendors keep for the category ("4" / "3" / "2"). */
  readonly vendorCode: VendorCode;
  /** Every criterion, the online-service one first, met or not. */
  readonly criteria: readonly Nd42Criterion[];
  /** The point-a criteria the service does not meet (empty for toàn trình). */
  readonly missingForToanTrinh: readonly Nd42Criterion[];
  /** Why the category: a first sentence naming it, then each criterion that decided it. */
  readonly reasons: readonly LocalizedText[];
}

interface Nd42CriterionDefinition extends CriterionDefinition {
  readonly id: Nd42CriterionId;
  readonly role: Nd42CriterionRole;
}

const TOAN_TRINH_CITATION = CITATIONS.nd42ToanTrinh;

export const ND42_CRITERIA: readonly Nd42CriterionDefinition[] = [
  {
    id: 'online-submission',
    role: 'online-service',
    title: { vi: 'nộp hồ sơ trực tuyến', en: 'online submission' },
    citation: CITATIONS.nd42OnlineService,
    evaluate: ({ onlineSubmission }) => ({
      met: onlineSubmission,
      sentence: onlineSubmission
        ? {
            vi: 'Hồ sơ được nộp trực tuyến, nên đây là dịch vụ công trực tuyến',
            en: 'The dossier is submitted online, so this is an online public service',
          }
        : {
            vi: 'Hồ sơ không nộp trực tuyến được, nên đây không phải dịch vụ công trực tuyến; chỉ là cung cấp thông tin trực tuyến',
            en: 'The dossier cannot be submitted online, so this is not an online public service; it is online information provision only',
          },
    }),
  },
  {
    id: 'information-published',
    role: 'toan-trinh',
    title: { vi: 'cung cấp đầy đủ thông tin về thủ tục hành chính', en: 'full information on the procedure published' },
    citation: TOAN_TRINH_CITATION,
    evaluate: ({ informationPublished }) => ({
      met: informationPublished,
      sentence: informationPublished
        ? {
            vi: 'Cung cấp đầy đủ thông tin về thủ tục hành chính',
            en: 'Full information on the administrative procedure is provided',
          }
        : {
            vi: 'Chưa cung cấp đầy đủ thông tin về thủ tục hành chính, một điều kiện của dịch vụ công trực tuyến toàn trình',
            en: 'Full information on the administrative procedure is not provided, a condition of a fully online (toàn trình) service',
          },
    }),
  },
  {
    id: 'online-processing',
    role: 'toan-trinh',
    title: { vi: 'giải quyết hồ sơ trên môi trường mạng', en: 'online processing' },
    citation: TOAN_TRINH_CITATION,
    evaluate: ({ onlineProcessing }) => ({
      met: onlineProcessing,
      sentence: onlineProcessing
        ? {
            vi: 'Việc giải quyết hồ sơ (yêu cầu bổ sung, thông báo) được thực hiện trên môi trường mạng',
            en: 'The dossier is settled online (supplement requests, notices)',
          }
        : {
            vi: 'Việc giải quyết hồ sơ (yêu cầu bổ sung, thông báo) không được thực hiện hoàn toàn trên môi trường mạng, nên không phải toàn trình',
            en: 'The dossier is not settled entirely online (supplement requests, notices), so the service is not toàn trình',
          },
    }),
  },
  {
    id: 'online-payment-or-no-fee',
    role: 'toan-trinh',
    title: { vi: 'thanh toán phí, lệ phí (nếu có) trực tuyến', en: 'online payment of fees (if any)' },
    citation: TOAN_TRINH_CITATION,
    evaluate: ({ payment }) => {
      switch (payment) {
        case 'no-fee':
          return {
            met: true,
            sentence: {
              vi: 'Thủ tục không có phí, lệ phí, nên không có khoản nào phải nộp ngoài môi trường mạng',
              en: 'The procedure has no fee or charge, so nothing has to be paid outside the online channel',
            },
          };
        case 'online':
          return {
            met: true,
            sentence: { vi: 'Phí, lệ phí được thanh toán trực tuyến', en: 'Fees and charges are paid online' },
          };
        case 'offline-only':
          return {
            met: false,
            sentence: {
              vi: 'Phí, lệ phí chỉ nộp được trực tiếp, nên việc giải quyết không thực hiện hoàn toàn trên môi trường mạng',
              en: 'Fees and charges can only be paid in person, so settlement is not done entirely online',
            },
          };
      }
    },
  },
  {
    id: 'result-online-or-public-post',
    role: 'toan-trinh',
    title: {
      vi: 'trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích',
      en: 'result returned online or by public post',
    },
    citation: TOAN_TRINH_CITATION,
    evaluate: ({ resultChannels }) => {
      const met = resultChannels.includes('online') || resultChannels.includes('public-post');
      const channels = describeResultChannels(resultChannels);
      if (met) {
        return {
          met,
          sentence: {
            vi: `Kết quả được trả ${channels.vi}; toàn trình yêu cầu trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích`,
            en: `The result is returned ${channels.en}; toàn trình requires the result to be returned online or by the public postal service`,
          },
        };
      }
      return {
        met,
        sentence:
          resultChannels.length === 0
            ? {
                vi: 'Không có kênh trả kết quả nào được khai báo; toàn trình yêu cầu trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích',
                en: 'No channel returning the result is recorded; toàn trình requires the result to be returned online or by the public postal service',
              }
            : {
                vi: `Kết quả chỉ được trả ${channels.vi}; toàn trình yêu cầu trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích`,
                en: `The result is only returned ${channels.en}; toàn trình requires the result to be returned online or by the public postal service`,
              },
      };
    },
  },
  {
    id: 'no-physical-presence',
    role: 'toan-trinh',
    title: { vi: 'không yêu cầu có mặt trực tiếp', en: 'no physical presence required' },
    citation: TOAN_TRINH_CITATION,
    evaluate: ({ physicalPresenceRequired }) => ({
      met: !physicalPresenceRequired,
      sentence: physicalPresenceRequired
        ? {
            vi: 'Người nộp phải có mặt trực tiếp hoặc cơ quan phải kiểm tra, xác minh tại chỗ, nên việc giải quyết không thực hiện hoàn toàn trên môi trường mạng',
            en: 'The applicant must appear in person or the agency must inspect or verify on site, so settlement is not done entirely online',
          }
        : {
            vi: 'Không yêu cầu người nộp có mặt trực tiếp hay kiểm tra, xác minh tại chỗ',
            en: 'Neither the applicant’s presence nor an on-site inspection or verification is required',
          },
    }),
  },
];

/**
 * The vendor code for a category, as one-stop systems keep it (`MUC_DO`: TOAN_TRINH "4", MOT_PHAN "3",
 * DVC "2"). `none` is "2": the same system sets "2" on a dossier whose procedure cannot be submitted online
 * (`KhongNopTrucTuyen`), which is exactly a service that is not an online public service (domain notes §1.4).
 */
export function vendorCode(category: Nd42Category): VendorCode {
  switch (category) {
    case 'toan_trinh':
      return '4';
    case 'mot_phan':
      return '3';
    case 'none':
      return '2';
  }
}

/** The category a vendor code stands for (the inverse of `vendorCode`). */
export function categoryOfVendorCode(code: VendorCode): Nd42Category {
  switch (code) {
    case '4':
      return 'toan_trinh';
    case '3':
      return 'mot_phan';
    case '2':
      return 'none';
  }
}

/** How each category is named in reasons and findings. */
export const ND42_CATEGORY_LABELS: Readonly<Record<Nd42Category, LocalizedText>> = {
  toan_trinh: { vi: 'dịch vụ công trực tuyến toàn trình', en: 'fully online public service (toàn trình)' },
  mot_phan: { vi: 'dịch vụ công trực tuyến một phần', en: 'partly online public service (một phần)' },
  none: {
    vi: 'không phải dịch vụ công trực tuyến (chỉ cung cấp thông tin trực tuyến)',
    en: 'not an online public service (online information only)',
  },
};

function categoryReason(
  category: Nd42Category,
  missing: readonly Nd42Criterion[],
  informationPublished: boolean,
): LocalizedText {
  switch (category) {
    case 'toan_trinh':
      return cite(
        {
          vi: 'Dịch vụ công trực tuyến toàn trình: đáp ứng mọi điều kiện của điểm a',
          en: 'Fully online public service (toàn trình): every condition of point a is met',
        },
        CITATIONS.nd42ToanTrinh,
      );
    case 'mot_phan':
      return cite(
        {
          vi: `Dịch vụ công trực tuyến một phần: là dịch vụ công trực tuyến nhưng chưa đáp ứng điểm a (thiếu: ${missing.map((c) => c.title.vi).join('; ')})`,
          en: `Partly online public service (một phần): an online public service that does not meet point a (missing: ${missing.map((c) => c.title.en).join('; ')})`,
        },
        CITATIONS.nd42MotPhan,
      );
    case 'none':
      return cite(
        informationPublished
          ? {
              vi: 'Không phải dịch vụ công trực tuyến: hồ sơ không nộp trực tuyến được; thông tin về thủ tục được công khai, tức là cung cấp thông tin trực tuyến',
              en: 'Not an online public service: the dossier cannot be submitted online; the procedure’s information is published, which is online information provision',
            }
          : {
              vi: 'Không phải dịch vụ công trực tuyến: hồ sơ không nộp trực tuyến được, và thông tin về thủ tục cũng chưa được cung cấp đầy đủ',
              en: 'Not an online public service: the dossier cannot be submitted online, and the procedure’s information is not fully provided either',
            },
        CITATIONS.nd42OnlineService,
      );
  }
}

/**
 * The NĐ 42/2022 category (khoản 1 Điều 11) of a service, computed from its capabilities (never from an NĐ 43
 * level), with every criterion met or not and the reasons for the category. Throws `ServiceLevelError`
 * (`INVALID_ARGUMENT`) only when `capabilities` is not a capabilities object at all.
 */
export function classifyNd42(capabilities: ServiceCapabilities): Nd42Classification {
  return classifyNd42OncePerKey(capabilities);
}

function compute(capabilities: ServiceCapabilities): Nd42Classification {
  const criteria: Nd42Criterion[] = ND42_CRITERIA.map((definition) => evaluateCriterion(definition, capabilities));
  const onlineService = criteria.every((criterion) => criterion.role !== 'online-service' || criterion.met);
  const missingForToanTrinh = criteria.filter((criterion) => !criterion.met);
  const category: Nd42Category = !onlineService ? 'none' : missingForToanTrinh.length === 0 ? 'toan_trinh' : 'mot_phan';
  // The criteria that decided the category: the failed online-service one for `none`, the failed point-a
  // ones for một phần, all of them for toàn trình.
  const deciding =
    category === 'none'
      ? criteria.filter((criterion) => criterion.role === 'online-service')
      : category === 'mot_phan'
        ? missingForToanTrinh
        : criteria;
  return {
    scheme: 'nd42-2022',
    category,
    vendorCode: vendorCode(category),
    criteria,
    missingForToanTrinh,
    reasons: [
      categoryReason(category, missingForToanTrinh, capabilities.informationPublished),
      ...deciding.map((criterion) => criterion.message),
    ],
  };
}

/** One frozen result per capabilities key (see capabilities-key.ts). */
const classifyNd42OncePerKey = classifiedOncePerKey('classifyNd42', compute);
