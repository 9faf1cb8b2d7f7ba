/*
 * The cryptographic step, done by xml-crypto on a signature our policy already accepted: the key is the
 * one we chose (a KeyObject; `getCertFromKeyInfo` returns nothing, so KeyInfo can never supply one), the
 * algorithm tables hold only what the policy allowed, and what comes back is `getSignedReferences()` —
 * the canonical bytes that were actually digested and signed. Every exception is caught and classified;
 * none becomes "valid" or "unsigned".
 */
import type { KeyObject } from 'node:crypto';
import { type HashAlgorithm, SignedXml } from 'xml-crypto';
import { allowedCanonicalizations, ENVELOPED_SIGNATURE, xmlCryptoTables } from './algorithms';
import type { ParsedXml } from './document';
import type { SignatureModel } from './structure';

export type CryptoOutcome =
  | { readonly kind: 'passed'; readonly signedReferences: readonly string[] }
  /** A reference digest did not match (the signed data changed). */
  | { readonly kind: 'digest-mismatch'; readonly reference: string; readonly detail: string }
  /** A reference target could not be found by xml-crypto. */
  | { readonly kind: 'reference-not-found'; readonly reference: string; readonly detail: string }
  /** The SignatureValue does not verify with the key over the canonical SignedInfo. */
  | { readonly kind: 'bad-signature'; readonly detail: string }
  /** xml-crypto refused or failed for another reason. */
  | { readonly kind: 'error'; readonly detail: string };

export interface CryptoOptions {
  readonly allowSha1: boolean;
  readonly allowWithComments: boolean;
  readonly minRsaBits: number;
  /**
   * Digest classes to use instead of the policy's own, keyed by the same allowed URIs: for a document read with
   * its long text runs elided (elided-text.ts), they splice the runs back into the digest.
   */
  readonly hashes?: Record<string, new () => HashAlgorithm>;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** Verifies the references and the SignatureValue of an examined signature with `key`. Never throws. */
export function runXmlCrypto(
  parsed: ParsedXml,
  model: SignatureModel,
  key: KeyObject,
  options: CryptoOptions,
): CryptoOutcome {
  let signed: SignedXml;
  try {
    signed = new SignedXml({ publicCert: key, getCertFromKeyInfo: () => null });
    const tables = xmlCryptoTables({ allowSha1: options.allowSha1, minRsaBits: options.minRsaBits });
    signed.HashAlgorithms = options.hashes ?? tables.hashes;
    signed.SignatureAlgorithms = tables.signatures;
    const canonicalizations: typeof signed.CanonicalizationAlgorithms = {};
    const allowed = allowedCanonicalizations(options.allowWithComments);
    for (const [uri, implementation] of Object.entries(signed.CanonicalizationAlgorithms))
      if (allowed.has(uri) || uri === ENVELOPED_SIGNATURE) canonicalizations[uri] = implementation;
    signed.CanonicalizationAlgorithms = canonicalizations;
    // The examined element itself: xml-crypto reads SignedInfo from it, and finds the same signature in its
    // own parse of the same text by its SignatureValue for the enveloped-signature transform.
    signed.loadSignature(model.element as unknown as Parameters<SignedXml['loadSignature']>[0]);
  } catch (error) {
    return { kind: 'error', detail: message(error) };
  }

  let valid: boolean;
  try {
    valid = signed.checkSignature(parsed.text);
  } catch (error) {
    const detail = message(error);
    if (detail.startsWith('invalid signature: the signature value')) return { kind: 'bad-signature', detail };
    return { kind: 'error', detail };
  }
  if (!valid) {
    // A reference failed; say which, from xml-crypto's own record.
    for (const reference of signed.getReferences()) {
      const error = reference.validationError;
      if (!error) continue;
      const detail = message(error);
      if (detail.includes('calculated digest'))
        return { kind: 'digest-mismatch', reference: reference.uri ?? '', detail };
      return { kind: 'reference-not-found', reference: reference.uri ?? '', detail };
    }
    return { kind: 'error', detail: 'xml-crypto reported the signature invalid without a reason' };
  }
  const signedReferences = signed.getSignedReferences();
  if (signedReferences.length !== model.references.length)
    return {
      kind: 'error',
      detail: `xml-crypto returned ${signedReferences.length} signed references for ${model.references.length} references`,
    };
  return { kind: 'passed', signedReferences };
}
