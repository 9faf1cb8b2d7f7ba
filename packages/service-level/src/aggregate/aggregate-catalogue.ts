/*
 * The figures a provincial report needs from a catalogue: services by NĐ 43 level and by NĐ 42 category, per
 * administrative tier and in total, optionally per agency, as counts and percentages (exact fractions kept),
 * the indicator values under their machine names, and the government targets checked.
 *
 * What is counted:
 * - on a date: every service in force that day;
 * - over a period: every service in force on at least one day of it, at its latest version in the period.
 * A procedure (agency + procedure code) counts once. Levels and categories are computed from capabilities by
 * `classifyNd43` / `classifyNd42`, never read from what a source declares.
 * The district tier (huyen) exists only for bases starting before 2025-07-01; district services in force in a
 * later basis are reported (SL-AGG-001) and not counted.
 */
import type { Issue, LocalizedText } from '@lienthong/report';
import { effectivePeriodsOverlap, inForceDuring, inForceOn, procedureKey } from '../catalogue/effective-period';
import { classifyNd42, classifyNd43, type DayInput, schemeOn, schemesForPeriod } from '../classify';
import { tiersInForce } from '../enums';
import { ServiceLevelError } from '../errors';
import type {
  Catalogue,
  Nd42Category,
  Nd43Level,
  Payment,
  ResultChannel,
  Scheme,
  Service,
  ServiceCapabilities,
  Tier,
} from '../model/service';
import { type PercentRounding, percentRounding, type Share, share } from '../percent/percent';
import { type IndicatorUnit, SERVICE_LEVEL_INDICATORS, type ServiceLevelIndicatorName } from './indicators';
import { districtServicesNotCounted, entriesCountedOnce, nothingInForce } from './rules';
import { checkTarget, SERVICE_LEVEL_TARGETS, type TargetCheck, type TargetFigure } from './targets';

export type AggregateCatalogueOptions = (
  | { readonly date: DayInput; readonly period?: never }
  | { readonly period: { readonly from: DayInput; readonly to: DayInput }; readonly date?: never }
) & {
  /** Decimal places of percentages (0–6), rounded half up; default 2. */
  readonly decimals?: number;
  /** Also aggregate per agency; default false. */
  readonly byAgency?: boolean;
};

/** The date or period aggregated, as Vietnam calendar days. */
export type AggregationBasis =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'period'; readonly from: string; readonly to: string };

/** Services by level and category, as shares of `total`. */
export interface LevelFigures {
  readonly total: number;
  readonly nd43: {
    /** Services whose computed level is exactly k. */
    readonly byLevel: Readonly<Record<Nd43Level, Share>>;
    /** Services whose computed level is k or higher (reports often say "1696/1696 at level 2"). */
    readonly atLeast: Readonly<Record<Nd43Level, Share>>;
  };
  readonly nd42: {
    readonly byCategory: Readonly<Record<Nd42Category, Share>>;
  };
}

/** The value of one indicator at one scope. */
export interface IndicatorFigure {
  /** A count, or a rounded percentage (`null` when the denominator is 0). */
  readonly value: number | null;
  /** For a percentage: the exact fraction it was rounded from. */
  readonly numerator?: number;
  readonly denominator?: number;
}

/** An indicator's value for the whole catalogue, per tier, and how it is derived. */
export interface IndicatorValue extends IndicatorFigure {
  readonly name: ServiceLevelIndicatorName;
  readonly label: LocalizedText;
  readonly unit: IndicatorUnit;
  readonly scheme: Scheme | null;
  /** Computed from the services' capabilities, not reported by a source. */
  readonly derived: true;
  /** How: the indicator's formula in `SERVICE_LEVEL_INDICATORS`. */
  readonly derivation: string;
  readonly byTier: Readonly<Partial<Record<Tier, IndicatorFigure>>>;
}

export interface AgencyAggregation {
  readonly agency: Service['agency'];
  /** The tiers the agency's services are at (normally one). */
  readonly tiers: readonly Tier[];
  readonly figures: LevelFigures;
  readonly indicators: Readonly<Record<ServiceLevelIndicatorName, IndicatorFigure>>;
}

export interface CatalogueAggregation {
  readonly basis: AggregationBasis;
  /** The classification scheme(s) in force during the basis (both when a period straddles 2022-08-15). */
  readonly schemes: readonly Scheme[];
  /** The tiers reported: tinh, huyen, xa; or tinh, xa for a basis starting on or after 2025-07-01. */
  readonly tiers: readonly Tier[];
  readonly rounding: PercentRounding;
  readonly publisher?: Catalogue['publisher'];
  readonly asOf?: string;
  /** All tiers together; shares are of the total. */
  readonly overall: LevelFigures;
  /** Per tier; shares are of the tier's total. */
  readonly byTier: Readonly<Partial<Record<Tier, LevelFigures>>>;
  readonly indicators: Readonly<Record<ServiceLevelIndicatorName, IndicatorValue>>;
  /** Present when `byAgency` was asked for, in order of first appearance. */
  readonly byAgency?: readonly AgencyAggregation[];
  readonly targets: readonly TargetCheck[];
  /** What could not be counted as it is (SL-AGG-00x), then the target findings (SL-AGG-TGT-*). */
  readonly findings: readonly Issue[];
}

const ALL_TIERS: readonly Tier[] = ['tinh', 'huyen', 'xa'];
const TIER_INDEX: Readonly<Record<Tier, number>> = { tinh: 0, huyen: 1, xa: 2 };
const LEVELS: readonly Nd43Level[] = [0, 1, 2, 3, 4];
const CATEGORIES: readonly Nd42Category[] = ['none', 'mot_phan', 'toan_trinh'];
const CATEGORY_INDEX: Readonly<Record<Nd42Category, number>> = { none: 0, mot_phan: 1, toan_trinh: 2 };

/** Counts of one scope: per level 0–4, per category none / một phần / toàn trình. */
interface Counts {
  total: number;
  readonly levels: number[];
  readonly categories: number[];
}

function emptyCounts(): Counts {
  return { total: 0, levels: [0, 0, 0, 0, 0], categories: [0, 0, 0] };
}

function addTo(counts: Counts, level: Nd43Level, category: number): void {
  counts.total++;
  counts.levels[level] = (counts.levels[level] as number) + 1;
  counts.categories[category] = (counts.categories[category] as number) + 1;
}

/** The count indicators, read off the counts; percentages follow from the table's `ratio`. */
const COUNT_INDICATORS: Readonly<Record<string, (counts: Counts) => number>> = {
  tthc_total: (c) => c.total,
  tthc_below_level1_count: (c) => c.levels[0] as number,
  dvctt_level1_count: (c) => c.levels[1] as number,
  dvctt_level2_count: (c) => c.levels[2] as number,
  dvctt_level3_count: (c) => c.levels[3] as number,
  dvctt_level4_count: (c) => c.levels[4] as number,
  dvctt_level34_count: (c) => (c.levels[3] as number) + (c.levels[4] as number),
  tthc_not_online_count: (c) => c.categories[CATEGORY_INDEX.none] as number,
  dvctt_toan_trinh_count: (c) => c.categories[CATEGORY_INDEX.toan_trinh] as number,
  dvctt_mot_phan_count: (c) => c.categories[CATEGORY_INDEX.mot_phan] as number,
  dvctt_total: (c) =>
    (c.categories[CATEGORY_INDEX.toan_trinh] as number) + (c.categories[CATEGORY_INDEX.mot_phan] as number),
};

function indicatorFigures(
  counts: Counts,
  rounding: PercentRounding,
): Record<ServiceLevelIndicatorName, IndicatorFigure> {
  const figures = {} as Record<ServiceLevelIndicatorName, IndicatorFigure>;
  const countOf = (name: string): number => {
    const read = COUNT_INDICATORS[name];
    if (read === undefined) throw new ServiceLevelError('INVALID_ARGUMENT', `indicator ${name} is not a count`);
    return read(counts);
  };
  for (const definition of SERVICE_LEVEL_INDICATORS) {
    if ('ratio' in definition) {
      const numerator = countOf(definition.ratio.numerator);
      const denominator = countOf(definition.ratio.denominator);
      figures[definition.name] = { value: share(numerator, denominator, rounding).percent, numerator, denominator };
    } else {
      figures[definition.name] = { value: countOf(definition.name) };
    }
  }
  return figures;
}

function levelFigures(counts: Counts, rounding: PercentRounding): LevelFigures {
  const byLevel = {} as Record<Nd43Level, Share>;
  const atLeast = {} as Record<Nd43Level, Share>;
  let cumulative = 0;
  for (const level of [...LEVELS].reverse()) {
    const count = counts.levels[level] as number;
    cumulative += count;
    byLevel[level] = share(count, counts.total, rounding);
    atLeast[level] = share(cumulative, counts.total, rounding);
  }
  const byCategory = {} as Record<Nd42Category, Share>;
  for (const category of CATEGORIES) {
    byCategory[category] = share(counts.categories[CATEGORY_INDEX[category]] as number, counts.total, rounding);
  }
  return { total: counts.total, nd43: { byLevel, atLeast }, nd42: { byCategory } };
}

const PAYMENT_BITS: Readonly<Record<Payment, number>> = { 'no-fee': 0, online: 1, 'offline-only': 2 };
const CHANNEL_BITS: Readonly<Record<ResultChannel, number>> = { online: 1, 'public-post': 2, 'in-person': 4 };

/**
 * A small number that identifies what a service can do, for classifying each distinct combination once.
 * `undefined` for values outside the model, which go to the classifiers as they are (and are refused there).
 */
function capabilitiesKey(capabilities: ServiceCapabilities): number | undefined {
  const payment = PAYMENT_BITS[capabilities.payment];
  if (payment === undefined || !Array.isArray(capabilities.resultChannels)) return undefined;
  let channels = 0;
  for (const channel of capabilities.resultChannels) {
    const bit = CHANNEL_BITS[channel];
    if (bit === undefined) return undefined;
    channels |= bit;
  }
  return (
    (capabilities.informationPublished === true ? 1 : 0) |
    (capabilities.formsDownloadable === true ? 2 : 0) |
    (capabilities.onlineSubmission === true ? 4 : 0) |
    (capabilities.onlineProcessing === true ? 8 : 0) |
    (capabilities.physicalPresenceRequired === true ? 16 : 0) |
    (payment << 5) |
    (channels << 7)
  );
}

function isBooleanFlags(capabilities: ServiceCapabilities): boolean {
  return (
    typeof capabilities.informationPublished === 'boolean' &&
    typeof capabilities.formsDownloadable === 'boolean' &&
    typeof capabilities.onlineSubmission === 'boolean' &&
    typeof capabilities.onlineProcessing === 'boolean' &&
    typeof capabilities.physicalPresenceRequired === 'boolean'
  );
}

/** Classifies capabilities, once per distinct combination. */
function createClassifier(): (capabilities: ServiceCapabilities) => { level: Nd43Level; category: number } {
  const known = new Map<number, { level: Nd43Level; category: number }>();
  return (capabilities) => {
    const key = isBooleanFlags(capabilities) ? capabilitiesKey(capabilities) : undefined;
    const cached = key === undefined ? undefined : known.get(key);
    if (cached) return cached;
    const result = {
      level: classifyNd43(capabilities).level,
      category: CATEGORY_INDEX[classifyNd42(capabilities).category],
    };
    if (key !== undefined) known.set(key, result);
    return result;
  };
}

function resolveBasis(options: AggregateCatalogueOptions): { basis: AggregationBasis; schemes: readonly Scheme[] } {
  if (options.period !== undefined) {
    const result = schemesForPeriod(options.period);
    if (!result.valid) {
      throw new ServiceLevelError(
        'INVALID_ARGUMENT',
        `aggregateCatalogue: invalid period: ${result.issues.map((issue) => issue.message.en).join('; ')}`,
      );
    }
    return { basis: { kind: 'period', from: result.from, to: result.to }, schemes: result.schemes };
  }
  if (options.date !== undefined) {
    const result = schemeOn(options.date);
    if (!result.valid) {
      throw new ServiceLevelError(
        'INVALID_ARGUMENT',
        `aggregateCatalogue: invalid date: ${result.issues.map((issue) => issue.message.en).join('; ')}`,
      );
    }
    return { basis: { kind: 'date', date: result.date }, schemes: [result.scheme] };
  }
  throw new ServiceLevelError('INVALID_ARGUMENT', 'aggregateCatalogue: give a date or a period');
}

function describeBasis(basis: AggregationBasis): LocalizedText {
  return basis.kind === 'date'
    ? { vi: `vào ngày ${basis.date}`, en: `on ${basis.date}` }
    : { vi: `trong kỳ ${basis.from} – ${basis.to}`, en: `during ${basis.from} – ${basis.to}` };
}

interface AgencyCounts {
  readonly agency: Service['agency'];
  readonly tiers: Set<Tier>;
  readonly counts: Counts;
}

/**
 * Aggregates a catalogue on a date or over a period. Throws `ServiceLevelError` (`INVALID_ARGUMENT`) only for
 * a missing or invalid date or period, or `decimals` outside 0–6; what the data cannot support is reported in
 * `findings`.
 */
export function aggregateCatalogue(catalogue: Catalogue, options: AggregateCatalogueOptions): CatalogueAggregation {
  const rounding = percentRounding(options.decimals);
  const { basis, schemes } = resolveBasis(options);
  const start = basis.kind === 'date' ? basis.date : basis.from;
  const tiers = tiersInForce(start);
  const districtsAbolished = !tiers.includes('huyen');
  const isInForce =
    basis.kind === 'date'
      ? (service: Service) => inForceOn(service, basis.date)
      : (service: Service) => inForceDuring(service, basis.from, basis.to);

  const findings: Issue[] = [];
  const districtExcluded: Service[] = [];
  // Procedures with more than one entry in force at the same time, and one such entry each.
  const overlapping = new Map<string, Service>();
  // The entry counted for each procedure: the latest version in force.
  const counted = new Map<string, Service>();
  for (const service of catalogue.services) {
    if (!isInForce(service)) continue;
    if (districtsAbolished && service.tier === 'huyen') {
      districtExcluded.push(service);
      continue;
    }
    const key = procedureKey(service);
    const previous = counted.get(key);
    if (previous === undefined) {
      counted.set(key, service);
      continue;
    }
    if (effectivePeriodsOverlap(previous, service) && !overlapping.has(key)) overlapping.set(key, service);
    if ((service.effectiveFrom ?? '') > (previous.effectiveFrom ?? '')) counted.set(key, service);
  }
  if (districtExcluded.length > 0) {
    const example = districtExcluded[0] as Service;
    findings.push(
      districtServicesNotCounted.issue({ count: districtExcluded.length, example: example.procedureCode, start }),
    );
  }
  if (overlapping.size > 0) {
    const example = overlapping.values().next().value as Service;
    findings.push(
      entriesCountedOnce.issue({
        count: overlapping.size,
        example: example.procedureCode,
        agency: example.agency.code ?? example.agency.name,
      }),
    );
  }
  if (counted.size === 0) {
    findings.push(nothingInForce.issue({ services: catalogue.services.length, basis: describeBasis(basis) }));
  }

  const classify = createClassifier();
  const overall = emptyCounts();
  const perTier = ALL_TIERS.map(emptyCounts);
  const perAgency = options.byAgency ? new Map<string, AgencyCounts>() : undefined;
  for (const service of counted.values()) {
    const { level, category } = classify(service.capabilities);
    addTo(overall, level, category);
    addTo(perTier[TIER_INDEX[service.tier]] as Counts, level, category);
    if (perAgency) {
      const agencyKey = service.agency.code ?? `name:${service.agency.name}`;
      let entry = perAgency.get(agencyKey);
      if (!entry) {
        entry = { agency: service.agency, tiers: new Set(), counts: emptyCounts() };
        perAgency.set(agencyKey, entry);
      }
      entry.tiers.add(service.tier);
      addTo(entry.counts, level, category);
    }
  }

  const overallIndicators = indicatorFigures(overall, rounding);
  const tierIndicators = tiers.map(
    (tier) => [tier, indicatorFigures(perTier[TIER_INDEX[tier]] as Counts, rounding)] as const,
  );
  const indicators = {} as Record<ServiceLevelIndicatorName, IndicatorValue>;
  for (const definition of SERVICE_LEVEL_INDICATORS) {
    const byTier: Partial<Record<Tier, IndicatorFigure>> = {};
    for (const [tier, figures] of tierIndicators) byTier[tier] = figures[definition.name];
    indicators[definition.name] = {
      name: definition.name,
      label: definition.label,
      unit: definition.unit,
      scheme: definition.scheme,
      derived: true,
      derivation: definition.formula,
      ...overallIndicators[definition.name],
      byTier,
    };
  }

  const targets = SERVICE_LEVEL_TARGETS.map((target) => {
    const indicator = target.indicator === undefined ? undefined : indicators[target.indicator];
    const figure: TargetFigure | undefined =
      indicator === undefined
        ? undefined
        : {
            label: indicator.label,
            count: indicator.numerator ?? 0,
            total: indicator.denominator ?? 0,
            percent: indicator.value,
          };
    return checkTarget(target, figure);
  });
  for (const check of targets) findings.push(check.issue);

  const byTier: Partial<Record<Tier, LevelFigures>> = {};
  for (const tier of tiers) byTier[tier] = levelFigures(perTier[TIER_INDEX[tier]] as Counts, rounding);

  const aggregation: CatalogueAggregation = {
    basis,
    schemes,
    tiers,
    rounding,
    ...(catalogue.publisher === undefined ? {} : { publisher: catalogue.publisher }),
    ...(catalogue.asOf === undefined ? {} : { asOf: catalogue.asOf }),
    overall: levelFigures(overall, rounding),
    byTier,
    indicators,
    ...(perAgency === undefined
      ? {}
      : {
          byAgency: [...perAgency.values()].map((entry) => ({
            agency: entry.agency,
            tiers: ALL_TIERS.filter((tier) => entry.tiers.has(tier)),
            figures: levelFigures(entry.counts, rounding),
            indicators: indicatorFigures(entry.counts, rounding),
          })),
        }),
    targets,
    findings,
  };
  return aggregation;
}
