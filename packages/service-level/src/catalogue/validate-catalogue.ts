/*
 * Checks that span services, or compare what a source declares with what its capabilities give: duplicates,
 * reversed effective periods, the district tier after its abolition, declared levels that the recorded
 * capabilities do not support. The importers run these after reading; `validateCatalogue` runs them on a
 * catalogue built in code, after checking it against the model.
 */
import { createReportBuilder, type Issue, type Location, type ParamValue, type Report } from '@lienthong/report';
import { compareDeclaredValues, ND42_FIRST_DAY } from '../classify';
import { type CodeParseResult, parseAgencyCode, parseFieldCode, parseProcedureCode } from '../codes';
import { DISTRICT_TIER_ABOLISHED_ON } from '../enums';
import type { Catalogue, Service } from '../model/service';
import { readCatalogueShape, servicePath } from './catalogue-shape';
import { effectivePeriodsOverlap, lastDayOf, procedureKey } from './effective-period';
import {
  CATALOGUE_RULESET,
  catalogueReportRules,
  districtTierAbolished,
  duplicateProcedure,
  effectivePeriodReversed,
  emptyCatalogue,
  nd43LevelAfterReplacement,
} from './rules';

/** Where the services of a catalogue came from, so that findings point into the source. */
export interface ServiceLocator {
  /** The location of the service at `index` of `catalogue.services`. */
  location(index: number): Location;
  /** How a message names that place ("row 5", "$.services[3]"). */
  label(index: number): ParamValue;
}

/**
 * The first day on or after 2025-07-01 on which a district-tier service is in force, if any. A service without
 * an end date is taken to run to the catalogue's date (`asOf`); without either, only its start can tell.
 */
function districtDayAfterAbolition(service: Service, asOf: string | undefined): string | undefined {
  const from = service.effectiveFrom;
  if (from !== undefined && from >= DISTRICT_TIER_ABOLISHED_ON) return from;
  const to = lastDayOf(service, asOf);
  if (to !== undefined && to >= DISTRICT_TIER_ABOLISHED_ON) return DISTRICT_TIER_ABOLISHED_ON;
  return undefined;
}

/**
 * The service's codes read with the parsers of src/codes: their findings, re-located to the code's place in
 * the source (`$.services[3].procedureCode`, `rows[5].agency.code`), as warnings — a catalogue row with a
 * malformed code is kept, and its other checks still run. An `info` stays an `info`.
 */
function checkCodeFormats(service: Service, location: Location, add: (issue: Issue) => void): void {
  const codes: [field: string, result: CodeParseResult<unknown>][] = [
    ['procedureCode', parseProcedureCode(service.procedureCode)],
  ];
  if (service.agency.code !== undefined) codes.push(['agency.code', parseAgencyCode(service.agency.code)]);
  if (service.fieldCode !== undefined) codes.push(['fieldCode', parseFieldCode(service.fieldCode)]);
  for (const [field, result] of codes) {
    for (const issue of result.issues) {
      add({
        ...issue,
        severity: issue.severity === 'error' ? 'warning' : issue.severity,
        location: {
          path: location.path === undefined ? field : `${location.path}.${field}`,
          ...(location.line !== undefined && { line: location.line }),
        },
      });
    }
  }
}

/** Runs the catalogue-wide checks and adds their findings. */
export function checkCatalogue(catalogue: Catalogue, locator: ServiceLocator, add: (issue: Issue) => void): void {
  const { services, asOf } = catalogue;
  if (services.length === 0) {
    add(emptyCatalogue.issue({}));
    return;
  }
  const firstByKey = new Map<string, number | number[]>();
  let declaredNd43Count = 0;
  services.forEach((service, index) => {
    const { procedureCode, effectiveFrom, effectiveTo, declared } = service;
    checkCodeFormats(service, locator.location(index), add);
    const reversed = effectiveFrom !== undefined && effectiveTo !== undefined && effectiveTo < effectiveFrom;
    if (reversed) {
      add(effectivePeriodReversed.issue({ procedureCode, effectiveFrom, effectiveTo }, locator.location(index)));
    }

    // Most procedures appear once: keep a bare index, and a list only for keys seen again.
    const key = procedureKey(service);
    const earlier = firstByKey.get(key);
    if (earlier === undefined) {
      firstByKey.set(key, index);
    } else {
      const others = typeof earlier === 'number' ? [earlier] : earlier;
      const overlapping = others.find((other) => effectivePeriodsOverlap(services[other] as Service, service));
      if (overlapping !== undefined) {
        add(
          duplicateProcedure.issue(
            { procedureCode, agency: service.agency.name, first: locator.label(overlapping) },
            locator.location(index),
          ),
        );
      }
      others.push(index);
      if (typeof earlier === 'number') firstByKey.set(key, others);
    }

    if (service.tier === 'huyen' && !reversed) {
      const date = districtDayAfterAbolition(service, asOf);
      if (date !== undefined) add(districtTierAbolished.issue({ procedureCode, date }, locator.location(index)));
    }

    if (declared !== undefined) {
      if (declared.nd43Level !== undefined) declaredNd43Count++;
      // The classification's rule set (SL-CLS-010/011/012), re-located to where the service is in the source.
      const findings = compareDeclaredValues(service)?.findings ?? [];
      for (const finding of findings) add({ ...finding, location: locator.location(index) });
    }
  });
  if (asOf !== undefined && asOf >= ND42_FIRST_DAY && declaredNd43Count > 0) {
    add(nd43LevelAfterReplacement.issue({ count: declaredNd43Count, asOf }));
  }
}

export interface ValidateCatalogueOptions {
  /** What the report is about (a file name); default `catalogue`. */
  readonly subject?: string;
  /** Clock for the report's start time, for reproducible reports. */
  readonly now?: () => Date;
}

/**
 * Validates a catalogue built in code: each service against the model (an invalid one is reported at its JSON
 * path, e.g. `$.services[3].tier`, and left out of the later checks), then the catalogue-wide checks
 * (SL-CAT-VAL-*). Never throws for bad data.
 */
export function validateCatalogue(catalogue: Catalogue, options: ValidateCatalogueOptions = {}): Report {
  const builder = createReportBuilder({
    subject: options.subject ?? 'catalogue',
    kind: 'service-catalogue',
    ruleset: CATALOGUE_RULESET,
    rules: catalogueReportRules,
    requiredSteps: ['schema', 'validate'],
    ...(options.now ? { now: options.now } : {}),
  });
  const shape = builder.step('schema', () => {
    const result = readCatalogueShape(catalogue);
    for (const issue of result.issues) builder.add(issue);
    return result;
  });
  if (shape) {
    builder.step('validate', () => checkCatalogue(shape.catalogue, jsonLocator(shape.sourceIndexes), builder.add));
  }
  return builder.finish();
}

/** Locates services by their index in the input's `services` array. */
export function jsonLocator(sourceIndexes: readonly number[]): ServiceLocator {
  return {
    location: (index) => ({ path: servicePath(sourceIndexes[index] ?? index) }),
    label: (index) => servicePath(sourceIndexes[index] ?? index),
  };
}
