import { ServiceLevelError } from '../errors';
import { PaymentSchema, ResultChannelSchema, type ServiceCapabilities } from '../model/service';

const BOOLEAN_CAPABILITIES = [
  'informationPublished',
  'formsDownloadable',
  'onlineSubmission',
  'onlineProcessing',
  'physicalPresenceRequired',
] as const satisfies readonly (keyof ServiceCapabilities)[];

const PAYMENTS: readonly string[] = PaymentSchema.options;
const CHANNELS: readonly string[] = ResultChannelSchema.options;

/**
 * Guards the classifiers against a JavaScript caller passing something their types forbid (a missing flag,
 * `payment: 'Online'`): classifying it would silently give a wrong level. Catalogue data is checked with
 * `ServiceCapabilitiesSchema` (and reported as issues) before it gets here, so a failure is a programmer error.
 * An empty `resultChannels` is let through: the types allow it, and the level-4 criterion reports it.
 */
export function assertCapabilities(capabilities: ServiceCapabilities, caller: string): void {
  if (typeof capabilities !== 'object' || capabilities === null) {
    throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: capabilities must be an object`);
  }
  for (const key of BOOLEAN_CAPABILITIES) {
    if (typeof capabilities[key] !== 'boolean') {
      throw new ServiceLevelError('INVALID_ARGUMENT', `${caller}: capabilities.${key} must be a boolean`);
    }
  }
  if (!PAYMENTS.includes(capabilities.payment)) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${caller}: capabilities.payment must be one of ${PAYMENTS.join(', ')}, got ${String(capabilities.payment)}`,
    );
  }
  if (!Array.isArray(capabilities.resultChannels) || !capabilities.resultChannels.every((c) => CHANNELS.includes(c))) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      `${caller}: capabilities.resultChannels must be an array of ${CHANNELS.join(', ')}`,
    );
  }
}
