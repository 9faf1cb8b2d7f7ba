import type { Nd42Category, Nd43Level, Payment, ResultChannel, ServiceCapabilities } from '../model/service';
import { PaymentSchema, ResultChannelSchema } from '../model/service';
import { classifyNd42 } from './nd42-category';
import { classifyNd43 } from './nd43-level';

/*
 * The NĐ 43 level does not decide the NĐ 42 category: the same level holds services of different categories
 * (a level-4 service is toàn trình when its result can be posted, một phần when it can only be collected in
 * person). This module works the correspondence out by classifying every possible set of capabilities, so
 * the table is computed, never written by hand. What it gives (checked in correspondence.test.ts):
 *
 *   NĐ 43 level | NĐ 42 categories      | why
 *   0           | một phần, none        | information not published; một phần when dossiers are taken online
 *   1           | toàn trình, một phần, none | no downloadable forms, yet possibly everything else online
 *   2           | một phần, none        | online submission without online processing → một phần
 *   3           | một phần              | fees payable only in person: never toàn trình
 *   4           | toàn trình, một phần  | in-person-only results or physical presence → một phần
 */

const BOOLEANS = [false, true] as const;

/** Every non-empty set of result channels (the schema requires at least one), in a fixed order. */
function resultChannelSets(): ResultChannel[][] {
  const channels = ResultChannelSchema.options;
  const sets: ResultChannel[][] = [];
  for (let mask = 1; mask < 1 << channels.length; mask++) {
    sets.push(channels.filter((_, index) => (mask & (1 << index)) !== 0));
  }
  return sets;
}

/** Every capabilities value the schema accepts (2⁵ flags × 3 payments × 7 channel sets = 672), once each. */
export function* enumerateCapabilities(): Generator<ServiceCapabilities> {
  const payments: readonly Payment[] = PaymentSchema.options;
  const channelSets = resultChannelSets();
  for (const informationPublished of BOOLEANS)
    for (const formsDownloadable of BOOLEANS)
      for (const onlineSubmission of BOOLEANS)
        for (const onlineProcessing of BOOLEANS)
          for (const physicalPresenceRequired of BOOLEANS)
            for (const payment of payments)
              for (const resultChannels of channelSets)
                yield {
                  informationPublished,
                  formsDownloadable,
                  onlineSubmission,
                  onlineProcessing,
                  payment,
                  resultChannels,
                  physicalPresenceRequired,
                };
}

/** The NĐ 42 categories the services of one NĐ 43 level fall into, with one example service for each. */
export interface LevelCategoryRow {
  readonly level: Nd43Level;
  /** In the order `toan_trinh`, `mot_phan`, `none`. */
  readonly categories: readonly Nd42Category[];
  /** For each category in `categories`, the first capabilities (in enumeration order) of that level and category. */
  readonly examples: Readonly<Partial<Record<Nd42Category, ServiceCapabilities>>>;
  /** How many of the 672 capability sets have this level, per category. */
  readonly counts: Readonly<Record<Nd42Category, number>>;
}

const CATEGORY_ORDER: readonly Nd42Category[] = ['toan_trinh', 'mot_phan', 'none'];
const LEVEL_ORDER: readonly Nd43Level[] = [0, 1, 2, 3, 4];

/**
 * For each NĐ 43 level, the NĐ 42 categories its services can have, computed by classifying every
 * capabilities value. A level with more than one category shows that the category cannot be derived
 * from the level.
 */
export function levelCategoryCorrespondence(): readonly LevelCategoryRow[] {
  const rows = new Map<
    Nd43Level,
    { examples: Partial<Record<Nd42Category, ServiceCapabilities>>; counts: Record<Nd42Category, number> }
  >(LEVEL_ORDER.map((level) => [level, { examples: {}, counts: { toan_trinh: 0, mot_phan: 0, none: 0 } }]));
  for (const capabilities of enumerateCapabilities()) {
    const row = rows.get(classifyNd43(capabilities).level)!;
    const category = classifyNd42(capabilities).category;
    row.counts[category] += 1;
    row.examples[category] ??= capabilities;
  }
  return LEVEL_ORDER.map((level) => {
    const { examples, counts } = rows.get(level)!;
    return { level, categories: CATEGORY_ORDER.filter((category) => counts[category] > 0), examples, counts };
  });
}
