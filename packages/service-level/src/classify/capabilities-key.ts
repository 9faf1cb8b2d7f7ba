import type { ResultChannel, ServiceCapabilities } from '../model/service';
import { assertCapabilities } from './capabilities-argument';

const CHANNEL_BITS: Readonly<Record<ResultChannel, number>> = { online: 1, 'public-post': 2, 'in-person': 4 };

/**
 * A key naming a capabilities value up to what classification reads: the order of the result channels and
 * repeated channels make no difference. There are at most 2⁵ × 3 × 8 = 768 keys, so the classifiers keep
 * one (frozen) result per key instead of rebuilding the same reasons for every service of a large catalogue.
 */
export function capabilitiesKey(capabilities: ServiceCapabilities): string {
  let channels = 0;
  for (const channel of capabilities.resultChannels) channels |= CHANNEL_BITS[channel];
  return (
    `${+capabilities.informationPublished}${+capabilities.formsDownloadable}${+capabilities.onlineSubmission}` +
    `${+capabilities.onlineProcessing}${+capabilities.physicalPresenceRequired}${capabilities.payment}${channels}`
  );
}

/** Freezes a result and everything in it, so that a result shared between calls cannot be changed by one caller. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

/**
 * A classification computed once per capabilities key and frozen: `classifyNd43` and `classifyNd42` are both
 * built this way. The returned function checks its argument first (`assertCapabilities`, naming `caller`).
 */
export function classifiedOncePerKey<Result>(
  caller: string,
  compute: (capabilities: ServiceCapabilities) => Result,
): (capabilities: ServiceCapabilities) => Result {
  const results = new Map<string, Result>();
  return (capabilities) => {
    assertCapabilities(capabilities, caller);
    const key = capabilitiesKey(capabilities);
    let result = results.get(key);
    if (result === undefined) {
      result = deepFreeze(compute(capabilities));
      results.set(key, result);
    }
    return result;
  };
}
