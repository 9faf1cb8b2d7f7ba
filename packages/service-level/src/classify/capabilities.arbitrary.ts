import fc from 'fast-check';
import {
  type Nd42Category,
  PaymentSchema,
  type ResultChannel,
  ResultChannelSchema,
  type ServiceCapabilities,
} from '../model/service';

/*
 * Test-only fast-check arbitraries for capabilities, and the order "has at least the capabilities of": a flag
 * the service offers (information, forms, online submission, online processing) may only be added, a
 * physical-presence requirement may only be dropped, fees payable only in person may become payable online
 * or turn out to be no fee, and result channels may only be added.
 */

export const resultChannelsArbitrary = (options: { minLength: number } = { minLength: 1 }) =>
  fc.subarray<ResultChannel>([...ResultChannelSchema.options], options);

export const capabilitiesArbitrary: fc.Arbitrary<ServiceCapabilities> = fc.record({
  informationPublished: fc.boolean(),
  formsDownloadable: fc.boolean(),
  onlineSubmission: fc.boolean(),
  onlineProcessing: fc.boolean(),
  payment: fc.constantFrom(...PaymentSchema.options),
  resultChannels: resultChannelsArbitrary(),
  physicalPresenceRequired: fc.boolean(),
});

/** A pair `[less, more]` where `more` has every capability of `less`, and possibly more. */
export const improvedCapabilitiesArbitrary: fc.Arbitrary<readonly [ServiceCapabilities, ServiceCapabilities]> = fc
  .tuple(
    capabilitiesArbitrary,
    fc.record({
      informationPublished: fc.boolean(),
      formsDownloadable: fc.boolean(),
      onlineSubmission: fc.boolean(),
      onlineProcessing: fc.boolean(),
      dropPresence: fc.boolean(),
      payment: fc.constantFrom(...PaymentSchema.options),
      extraChannels: resultChannelsArbitrary({ minLength: 0 }),
    }),
  )
  .map(([less, gains]) => {
    const more: ServiceCapabilities = {
      informationPublished: less.informationPublished || gains.informationPublished,
      formsDownloadable: less.formsDownloadable || gains.formsDownloadable,
      onlineSubmission: less.onlineSubmission || gains.onlineSubmission,
      onlineProcessing: less.onlineProcessing || gains.onlineProcessing,
      payment: less.payment === 'offline-only' ? gains.payment : less.payment,
      resultChannels: [...new Set([...less.resultChannels, ...gains.extraChannels])],
      physicalPresenceRequired: less.physicalPresenceRequired && !gains.dropPresence,
    };
    return [less, more] as const;
  });

/** Every capabilities value one step above `capabilities` in the order above. */
export function singleStepImprovements(capabilities: ServiceCapabilities): ServiceCapabilities[] {
  const steps: ServiceCapabilities[] = [];
  for (const flag of ['informationPublished', 'formsDownloadable', 'onlineSubmission', 'onlineProcessing'] as const) {
    if (!capabilities[flag]) steps.push({ ...capabilities, [flag]: true });
  }
  if (capabilities.physicalPresenceRequired) steps.push({ ...capabilities, physicalPresenceRequired: false });
  if (capabilities.payment === 'offline-only') {
    steps.push({ ...capabilities, payment: 'online' }, { ...capabilities, payment: 'no-fee' });
  }
  for (const channel of ResultChannelSchema.options) {
    if (!capabilities.resultChannels.includes(channel)) {
      steps.push({ ...capabilities, resultChannels: [...capabilities.resultChannels, channel] });
    }
  }
  return steps;
}

/** none < một phần < toàn trình. */
export const CATEGORY_RANK: Readonly<Record<Nd42Category, number>> = { none: 0, mot_phan: 1, toan_trinh: 2 };
