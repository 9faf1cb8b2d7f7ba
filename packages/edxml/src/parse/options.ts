import type { Severity } from '@lienthong/report';
import { TOLERATED_QUIRK_RULE_IDS } from '../rules/catalog';
import type { MessageCheckOptions } from '../validate/validate-message';

/** Size and shape limits, checked before the expensive work (XML scanning, base64 decoding). */
export interface EdxmlLimits {
  /** Largest envelope read in memory, in bytes (UTF-16 units for a string). Default 128 MiB; stream larger ones. */
  readonly maxBytes: number;
  /** Deepest element nesting. edXML needs 9 levels; default 32. */
  readonly maxDepth: number;
  /** Most attachments in one envelope. Default 500. */
  readonly maxAttachments: number;
  /** Largest decoded attachment, in bytes. Default 100 MiB. */
  readonly maxAttachmentBytes: number;
}

export const DEFAULT_LIMITS: Readonly<EdxmlLimits> = Object.freeze({
  maxBytes: 128 * 1024 * 1024,
  maxDepth: 32,
  maxAttachments: 500,
  maxAttachmentBytes: 100 * 1024 * 1024,
});

export type ReadMode = 'tolerant' | 'strict';

export interface ParseOptions {
  /**
   * `tolerant` (default) reads what real traffic contains and reports its quirks as warnings;
   * `strict` makes them errors and refuses XML that is not namespace-well-formed.
   */
  readonly mode?: ReadMode;
  /** Label of the input in the report (a file name). Default `edxml`. */
  readonly subject?: string;
  readonly limits?: Partial<EdxmlLimits>;
  /** Clock for the report's timing, for reproducible output. */
  readonly now?: () => Date;
}

export interface ValidateOptions extends ParseOptions, MessageCheckOptions {}

export function resolveLimits(limits: Partial<EdxmlLimits> | undefined): EdxmlLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Strict mode turns every tolerated quirk into an error. */
export function severityOverridesFor(mode: ReadMode): Record<string, Severity> {
  return mode === 'strict' ? Object.fromEntries(TOLERATED_QUIRK_RULE_IDS.map((id) => [id, 'error' as const])) : {};
}
