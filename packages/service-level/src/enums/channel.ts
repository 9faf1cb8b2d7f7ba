import type { LocalizedText } from '@lienthong/report';
import { z } from 'zod';
import type { CodeParseOptions, CodeParseResult } from '../codes/parse-result';
import { lookupExact, parseExact } from './enum-value';
import { channelUnknown } from './rules';

/**
 * How a dossier was submitted (kênh thực hiện, hình thức tiếp nhận) as one-stop-shop systems report it to
 * the National Public Service Portal: `"1"` in person, `"2"` online, `"3"` through the public postal
 * service (bưu chính công ích). Vendor code, not a published specification (domain notes §2.5, §6).
 */
export const ChannelCodeSchema = z.enum(['1', '2', '3']);
export type ChannelCode = z.infer<typeof ChannelCodeSchema>;

export type ChannelMachineName = 'truc_tiep' | 'truc_tuyen' | 'buu_chinh_cong_ich';

export interface Channel {
  readonly code: ChannelCode;
  readonly machineName: ChannelMachineName;
  readonly label: LocalizedText;
}

const channel = (code: ChannelCode, machineName: ChannelMachineName, vi: string, en: string): Channel =>
  Object.freeze({ code, machineName, label: Object.freeze({ vi, en }) });

/** Every channel, by code. */
export const CHANNELS: Readonly<Record<ChannelCode, Channel>> = Object.freeze({
  '1': channel('1', 'truc_tiep', 'Trực tiếp', 'In person'),
  '2': channel('2', 'truc_tuyen', 'Trực tuyến', 'Online'),
  '3': channel('3', 'buu_chinh_cong_ich', 'Qua bưu chính công ích', 'Through the public postal service'),
});

const byCode: ReadonlyMap<string, Channel> = new Map(Object.values(CHANNELS).map((c) => [c.code, c]));

/** The channel with this code, or `undefined`. Never throws. */
export function lookupChannel(code: string): Channel | undefined {
  return lookupExact(byCode, code);
}

/** The channel with this code, or an `SL-ENUM-002` issue. The code must be exactly `"1"`, `"2"` or `"3"`. */
export function parseChannel(code: string, options?: CodeParseOptions): CodeParseResult<Channel> {
  return parseExact(byCode, code, channelUnknown, options);
}
