import { fromBase64, latin1, toBase64 } from '../bytes';
import type { LocalizedText } from './messages';

/*
 * PEM armour (RFC 7468): finds `-----BEGIN <label>-----` blocks and decodes their strict base64 body. Input size
 * is capped by the callers before this runs.
 */

const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]{1,40})-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/**
 * Every PEM block in `text`, in order; fails after `maxBlocks`. One regex pass finds the BEGIN/END markers and
 * a BEGIN pairs with the END that follows it, so the cost stays linear even for hostile text.
 */
export function readPemBlocks(
  text: string,
  maxBlocks = 1000,
): { ok: true; blocks: PemBlock[] } | { ok: false; reason: LocalizedText } {
  const blocks: PemBlock[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  for (const marker of text.matchAll(MARKER)) {
    const kind = marker[1] as string;
    const label = marker[2] as string;
    if (kind === 'BEGIN') {
      open = { label, bodyStart: marker.index + marker[0].length };
      continue;
    }
    if (open === undefined || open.label !== label) {
      open = undefined;
      continue;
    }
    if (blocks.length >= maxBlocks)
      return {
        ok: false,
        reason: { vi: `Quá nhiều khối PEM (tối đa ${maxBlocks}).`, en: `Too many PEM blocks (at most ${maxBlocks}).` },
      };
    const body = text
      .slice(open.bodyStart, marker.index)
      .replace(/^[A-Za-z-]+:.*$/gm, '') // RFC 1421 headers, if any
      .replace(/\s+/g, '');
    open = undefined;
    if (!BASE64_BODY.test(body))
      return {
        ok: false,
        reason: {
          vi: `Khối PEM “${label}” chứa ký tự không phải base64.`,
          en: `PEM block “${label}” contains characters that are not base64.`,
        },
      };
    blocks.push({ label, der: fromBase64(body) });
  }
  return { ok: true, blocks };
}

/** Whether bytes look like PEM text rather than DER (DER starts with a SEQUENCE tag, 0x30). */
export function looksLikePem(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 0, Math.min(bytes.length, 4096));
  return head.includes('-----BEGIN ');
}

export function encodePem(label: string, der: Uint8Array): string {
  const base64 = toBase64(der);
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
