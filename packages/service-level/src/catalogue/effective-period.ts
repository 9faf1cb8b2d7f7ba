/*
 * When a service is in force. Dates are ISO calendar days (`YYYY-MM-DD`, Vietnam local dates), which compare
 * correctly as strings; an absent `effectiveFrom` means "since before the catalogue", an absent `effectiveTo`
 * "still in force".
 */
import type { Service } from '../model/service';

/** True when the service is in force on `day`. */
export function inForceOn(service: Service, day: string): boolean {
  return (service.effectiveFrom ?? '') <= day && day <= (service.effectiveTo ?? '\uffff');
}

/** True when the service is in force on at least one day of the period (both ends inclusive). */
export function inForceDuring(service: Service, from: string, to: string): boolean {
  return (service.effectiveFrom ?? '') <= to && from <= (service.effectiveTo ?? '\uffff');
}

/** The last day a service is known to be in force: its end date, else the catalogue's date. */
export function lastDayOf(service: Service, asOf: string | undefined): string | undefined {
  return service.effectiveTo ?? asOf;
}

/** True when two services' effective periods share at least one day. */
export function effectivePeriodsOverlap(a: Service, b: Service): boolean {
  return (
    (a.effectiveFrom ?? '') <= (b.effectiveTo ?? '\uffff') && (b.effectiveFrom ?? '') <= (a.effectiveTo ?? '\uffff')
  );
}

/**
 * The key a procedure is unique by within a catalogue at one time: its agency (the organisation code, else the
 * name) and its procedure code.
 */
export function procedureKey(service: Service): string {
  return `${service.agency.code ?? `name:${service.agency.name}`}\u0000${service.procedureCode}`;
}
