import type { Issue, LocalizedText } from '@lienthong/report';
import type { Nd42Category, Nd43Level, Scheme, Service, ServiceCapabilities, VendorCode } from '../model/service';
import { categoryOfVendorCode, classifyNd42, ND42_CATEGORY_LABELS, type Nd42Classification } from './nd42-category';
import { classifyNd43, type Nd43Classification, type Nd43Criterion } from './nd43-level';
import { declaredCategoryDiffers, declaredLevelDiffers, declaredVendorCodeDiffers } from './rules';
import { type DayInput, schemeOn } from './scheme';

export interface ClassifyServiceOptions {
  /**
   * The day to classify for (a Vietnam calendar day `YYYY-MM-DD`, or an instant read at UTC+7): it decides
   * `scheme` and `applicable`. Default: today in Vietnam, from `now`.
   */
  readonly date?: DayInput;
  /** The clock used when `date` is not given. Default: the system clock. */
  readonly now?: () => Date;
  /** Prefix of the location path of findings, e.g. `services[12]` inside a catalogue. */
  readonly path?: string;
}

/** What the scheme in force says of the service. */
export type ApplicableClassification =
  | { readonly scheme: 'nd43-2011'; readonly level: Nd43Level }
  | { readonly scheme: 'nd42-2022'; readonly category: Nd42Category; readonly vendorCode: VendorCode };

export interface DeclaredValueComparison<T> {
  readonly declared: T;
  readonly computed: T;
  readonly matches: boolean;
}

/** A service's declared level, category and vendor code against the computed ones. */
export interface DeclaredComparison {
  readonly nd43Level?: DeclaredValueComparison<Nd43Level>;
  readonly nd42Category?: DeclaredValueComparison<Nd42Category>;
  readonly vendorCode?: DeclaredValueComparison<VendorCode>;
  /** True when every declared value equals the computed one. */
  readonly matches: boolean;
  /** A warning (SL-CLS-010/011/012) for each declared value that differs. */
  readonly findings: readonly Issue[];
}

export interface ServiceClassification {
  readonly nd43: Nd43Classification;
  readonly nd42: Nd42Classification;
  readonly vendorCode: VendorCode;
  /** The Vietnam calendar day classified for; absent when `date` was invalid. */
  readonly date?: string;
  /** The scheme in force on `date`; absent when `date` was invalid. */
  readonly scheme?: Scheme;
  /** The level or category under `scheme`; absent when `date` was invalid. */
  readonly applicable?: ApplicableClassification;
  /** Present when the input is a service with `declared` values. */
  readonly comparison?: DeclaredComparison;
  /** An invalid `date` (SL-CLS-001), then the comparison's findings. */
  readonly issues: readonly Issue[];
}

function isService(input: Service | ServiceCapabilities): input is Service {
  return typeof input === 'object' && input !== null && 'capabilities' in input;
}

function locate(prefix: string | undefined, field: string): { path: string } {
  return { path: prefix ? `${prefix}/declared/${field}` : `declared/${field}` };
}

function joinMessages(criteria: readonly Nd43Criterion[]): LocalizedText {
  return {
    vi: criteria.map((criterion) => criterion.message.vi).join(' '),
    en: criteria.map((criterion) => criterion.message.en).join(' '),
  };
}

/**
 * Why the computed level differs from the declared one: the unmet criteria between them when the declared
 * level is higher, the met criteria above the declared level when it is lower.
 */
function levelDifferenceReason(nd43: Nd43Classification, declared: Nd43Level): LocalizedText {
  const computed = nd43.level;
  const between = nd43.criteria.filter((criterion) =>
    declared > computed
      ? criterion.level > computed && criterion.level <= declared && !criterion.met
      : criterion.level > declared && criterion.level <= computed,
  );
  return joinMessages(between);
}

/** One declared value against the computed one; `differs` builds the finding when they differ. */
function compareValue<T>(
  declared: T | undefined,
  computed: T,
  differs: (declared: T) => Issue,
  findings: Issue[],
): DeclaredValueComparison<T> | undefined {
  if (declared === undefined) return undefined;
  const matches = declared === computed;
  if (!matches) findings.push(differs(declared));
  return { declared, computed, matches };
}

function compareDeclared(
  service: Service,
  nd43: Nd43Classification,
  nd42: Nd42Classification,
  path: string | undefined,
): DeclaredComparison | undefined {
  const declared = service.declared;
  if (declared === undefined) return undefined;
  const findings: Issue[] = [];
  const procedureCode = service.procedureCode;
  const categoryReason = nd42.reasons[0] ?? ND42_CATEGORY_LABELS[nd42.category];

  const nd43Level = compareValue(
    declared.nd43Level,
    nd43.level,
    (level) =>
      declaredLevelDiffers.issue(
        { procedureCode, declared: level, computed: nd43.level, reason: levelDifferenceReason(nd43, level) },
        locate(path, 'nd43Level'),
      ),
    findings,
  );
  const nd42Category = compareValue(
    declared.nd42Category,
    nd42.category,
    (category) =>
      declaredCategoryDiffers.issue(
        {
          procedureCode,
          declared: ND42_CATEGORY_LABELS[category],
          computed: ND42_CATEGORY_LABELS[nd42.category],
          reason: categoryReason,
        },
        locate(path, 'nd42Category'),
      ),
    findings,
  );
  const vendorCode = compareValue(
    declared.vendorCode,
    nd42.vendorCode,
    (code) =>
      declaredVendorCodeDiffers.issue(
        {
          procedureCode,
          declared: code,
          declaredLabel: ND42_CATEGORY_LABELS[categoryOfVendorCode(code)],
          computed: nd42.vendorCode,
          computedLabel: ND42_CATEGORY_LABELS[nd42.category],
          reason: categoryReason,
        },
        locate(path, 'vendorCode'),
      ),
    findings,
  );

  return {
    ...(nd43Level && { nd43Level }),
    ...(nd42Category && { nd42Category }),
    ...(vendorCode && { vendorCode }),
    matches: findings.length === 0,
    findings,
  };
}

/**
 * Compares a service's `declared` level, category and vendor code with the ones its capabilities give; the
 * findings (SL-CLS-010/011/012) are located at `declared/<field>` under `path`. `undefined` when nothing is
 * declared. `classifyService` and `validateCatalogue` both use it: the package has one declared-vs-computed rule set.
 */
export function compareDeclaredValues(service: Service, path?: string): DeclaredComparison | undefined {
  if (service.declared === undefined) return undefined;
  return compareDeclared(service, classifyNd43(service.capabilities), classifyNd42(service.capabilities), path);
}

/**
 * Classifies a service (or bare capabilities) under both schemes, says which scheme is in force on the day
 * and what it makes of the service, and compares the computed results with the service's `declared` ones.
 * An invalid `date` is reported as an issue (SL-CLS-001); the classifications are still computed.
 */
export function classifyService(
  input: Service | ServiceCapabilities,
  options: ClassifyServiceOptions = {},
): ServiceClassification {
  const capabilities = isService(input) ? input.capabilities : input;
  const nd43 = classifyNd43(capabilities);
  const nd42 = classifyNd42(capabilities);
  const comparison = isService(input) ? compareDeclared(input, nd43, nd42, options.path) : undefined;
  const onDay = schemeOn(options.date ?? (options.now ?? (() => new Date()))());
  const issues = comparison ? [...onDay.issues, ...comparison.findings] : [...onDay.issues];
  // Built field by field: object spread here costs more than the (cached) classifications themselves.
  const result: Mutable<ServiceClassification> = { nd43, nd42, vendorCode: nd42.vendorCode, issues };
  if (comparison) result.comparison = comparison;
  if (onDay.valid) {
    result.date = onDay.date;
    result.scheme = onDay.scheme;
    result.applicable =
      onDay.scheme === 'nd43-2011'
        ? { scheme: 'nd43-2011', level: nd43.level }
        : { scheme: 'nd42-2022', category: nd42.category, vendorCode: nd42.vendorCode };
  }
  return result;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
