/*
 * The verifications src/browser.test.ts runs twice — in Node (node:crypto) and in Chromium (the browser bundle,
 * WebCrypto) — written once: the inputs are plain JSON (base64 bytes, PEM text, ISO times) so they cross into the
 * page, and each result is reduced to what must agree (indication, sub-indication, signer, chain, revocation
 * evidence). Only portable JavaScript here: this file is bundled into the page.
 */
import type * as BrowserApi from '../src/browser';

export interface VerificationCase {
  readonly name: string;
  readonly kind: 'cms' | 'pdf';
  /** The CMS or PDF, base64. */
  readonly input: string;
  /** Detached CMS content, base64. */
  readonly content?: string;
  /** Trust anchors, PEM. */
  readonly anchors: readonly string[];
  /** Further certificates, PEM. */
  readonly intermediates?: readonly string[];
  /** DER CRLs and OCSP responses, base64. */
  readonly crls?: readonly string[];
  readonly ocspResponses?: readonly string[];
  /** Validation time, ISO 8601. */
  readonly at: string;
  readonly revocationPolicy?: 'require' | 'if-available' | 'skip';
}

export interface SignatureSummary {
  readonly indication: string;
  readonly subIndication: string | null;
  readonly signer: string | null;
  readonly signerFingerprint: string | null;
  readonly chain: readonly string[];
  readonly revocation: readonly string[];
  readonly checks: readonly string[];
}

export interface VerificationSummary {
  readonly name: string;
  readonly indication: string;
  readonly subIndication: string | null;
  readonly signatures: readonly SignatureSummary[];
}

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

export async function runCases(
  api: typeof BrowserApi,
  cases: readonly VerificationCase[],
): Promise<VerificationSummary[]> {
  const out: VerificationSummary[] = [];
  for (const item of cases) {
    const trust = api.createTrustStore({ anchors: [...item.anchors] });
    const options = {
      trust,
      at: new Date(item.at),
      ...(item.intermediates ? { intermediates: [...item.intermediates] } : {}),
      revocation: {
        crls: (item.crls ?? []).map(bytes),
        ocspResponses: (item.ocspResponses ?? []).map(bytes),
      },
      ...(item.revocationPolicy ? { revocationPolicy: item.revocationPolicy } : {}),
    };
    const result =
      item.kind === 'cms'
        ? await api.verifyCms(bytes(item.input), {
            ...options,
            ...(item.content !== undefined ? { content: bytes(item.content) } : {}),
          })
        : await api.verifyPdf(bytes(item.input), options);
    out.push({
      name: item.name,
      indication: result.indication,
      subIndication: result.subIndication,
      signatures: result.signatures.map((signature) => ({
        indication: signature.indication,
        subIndication: signature.subIndication,
        signer: signature.signer?.subject.text ?? null,
        signerFingerprint: signature.signer?.fingerprintSha256 ?? null,
        chain: signature.chain.map((entry) => `${entry.source} ${entry.fingerprintSha256}`),
        revocation: signature.revocation.map((evidence) => `${evidence.source} ${evidence.status}`),
        checks: signature.checks.map((check) => `${check.passed ? 'pass' : 'fail'} ${check.id}`),
      })),
    });
  }
  return out;
}
