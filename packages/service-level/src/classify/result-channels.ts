import type { LocalizedText } from '@lienthong/report';
import type { ResultChannel } from '../model/service';

/** How each result channel is named in a reason. */
export const RESULT_CHANNEL_LABELS: Readonly<Record<ResultChannel, LocalizedText>> = {
  online: { vi: 'trực tuyến', en: 'online' },
  'public-post': { vi: 'qua dịch vụ bưu chính công ích', en: 'by the public postal service' },
  'in-person': { vi: 'trực tiếp tại Bộ phận Một cửa', en: 'in person at the one-stop desk' },
};

/** Channels in a fixed order, so that reasons read the same whatever order a catalogue lists them in. */
const CHANNEL_ORDER: readonly ResultChannel[] = ['online', 'public-post', 'in-person'];

/** "trực tuyến, qua dịch vụ bưu chính công ích" / "online, by the public postal service". */
export function describeResultChannels(channels: readonly ResultChannel[]): LocalizedText {
  const present = CHANNEL_ORDER.filter((channel) => channels.includes(channel));
  return {
    vi: present.map((channel) => RESULT_CHANNEL_LABELS[channel].vi).join(', '),
    en: present.map((channel) => RESULT_CHANNEL_LABELS[channel].en).join(', '),
  };
}
