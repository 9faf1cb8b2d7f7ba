/*
 * Signature timestamps and what they change in a signature's result (CMS/PAdES signatureTimeStampToken, XAdES
 * SignatureTimeStamp). The semantics, after ETSI EN 319 102-1:
 *
 * - A valid timestamp is proof of existence (POE) of the signature value at its genTime: `signingTime.timestamp`
 *   is set to the earliest valid genTime. The claimed signing time stays what it is, a claim; a claim later than
 *   the POE (beyond the token's accuracy) is inconsistent and fails the signature's checks.
 * - A timestamp that is present but fails (an imprint over other data, a bad TSA signature, an untrusted or
 *   revoked TSA, a TSA certificate without a critical id-kp-timeStamping EKU, …) is never ignored: it is reported
 *   as a failed check, the signing time stays a claim, and the signature cannot be TOTAL-PASSED — it is
 *   INDETERMINATE / SIG_CONSTRAINTS_FAILURE, unless the signature already failed for a graver reason. Not
 *   TOTAL-FAILED even for a wrong imprint: the unsigned attribute is not protected by the signature, so a foreign
 *   token proves nothing against the signature itself, only that the evidence offered is inconsistent.
 * - When the signer's path fails at the validation time only because a certificate is outside its validity
 *   (EXPIRED / OUT_OF_BOUNDS_NO_POE), a valid timestamp lets the path be validated again at the POE: if it
 *   passes there (certificates valid, and not revoked at that time according to the revocation data, exactly as
 *   validatePath decides), the signature passes, with `signingTime.validatedAt` = the POE. Revoked signers are
 *   not rescued: revocation is judged by validatePath at the validation time, as without a timestamp.
 */
import type { LocalizedText } from '@lienthong/report';
import type { Check, SubIndication } from '../model/result';
import type { PathValidationResult } from '../pkix';
import { MSG } from './messages';
import { checkToken, type TimestampVerification, type TokenContext, type VerifyTimestampOptions } from './token';

export interface SignatureTimestamps {
  readonly verifications: readonly TimestampVerification[];
  readonly checks: readonly Check[];
  /** Set when a present timestamp failed: the signature cannot pass. */
  readonly failure: { readonly subIndication: SubIndication; readonly message: LocalizedText } | undefined;
  /** The earliest genTime among the timestamps that passed, with that token's accuracy. */
  readonly proofOfExistence: { readonly time: Date; readonly accuracyMs: number } | undefined;
}

export const NO_TIMESTAMPS: SignatureTimestamps = {
  verifications: [],
  checks: [],
  failure: undefined,
  proofOfExistence: undefined,
};

/** Most timestamps evaluated for one signature; more make the signature's evidence unusable (a cost cap). */
export const MAX_SIGNATURE_TIMESTAMPS = 8;

/** Verifies every timestamp token of one signature, each over `data` (what its imprint must cover). */
export async function evaluateSignatureTimestamps(
  items: readonly { readonly token: Uint8Array; readonly data: Uint8Array }[],
  options: Omit<VerifyTimestampOptions, 'data'> & { readonly at: Date },
  context: TokenContext,
): Promise<SignatureTimestamps> {
  if (items.length === 0) return NO_TIMESTAMPS;
  const verifications: TimestampVerification[] = [];
  const checks: Check[] = [];
  let failure: SignatureTimestamps['failure'];
  let proofOfExistence: SignatureTimestamps['proofOfExistence'];
  if (items.length > MAX_SIGNATURE_TIMESTAMPS) {
    const message = MSG.timestampFailed(0, 1, MSG.tooManyTimestamps(items.length, MAX_SIGNATURE_TIMESTAMPS));
    return {
      verifications,
      checks: [{ id: 'timestamp', passed: false, message }],
      failure: { subIndication: 'SIG_CONSTRAINTS_FAILURE', message },
      proofOfExistence,
    };
  }
  for (const [index, { token, data }] of items.entries()) {
    const verification = await checkToken(token, { ...options, data }, context);
    verifications.push(verification);
    checks.push(...verification.checks);
    if (verification.indication === 'TOTAL-PASSED' && verification.info) {
      const time = new Date(verification.info.genTime);
      checks.push({ id: 'timestamp', passed: true, message: verification.message });
      if (!proofOfExistence || time < proofOfExistence.time)
        proofOfExistence = { time, accuracyMs: verification.info.accuracyMs ?? 0 };
    } else {
      const message = MSG.timestampFailed(index, items.length, verification.message);
      checks.push({ id: 'timestamp', passed: false, message });
      failure ??= { subIndication: 'SIG_CONSTRAINTS_FAILURE', message };
    }
  }
  return { verifications, checks, failure, proofOfExistence };
}

/** Sub-indications that mean "a certificate is outside its validity at T": a POE before T can cure them. */
const CURABLE_BY_POE: ReadonlySet<SubIndication | null> = new Set(['EXPIRED', 'OUT_OF_BOUNDS_NO_POE']);

export interface SettledSigningTime<P extends PathValidationResult> {
  /** The path to report: validated at the validation time, or at the POE when that cured an expiry. */
  readonly path: P | undefined;
  readonly checks: Check[];
  readonly failure: { readonly subIndication: SubIndication; readonly message: LocalizedText } | undefined;
  readonly signingTime: { readonly timestamp?: string; readonly validatedAt: string };
}

/**
 * Combines the signer's path (validated at `at`) with the signature's timestamps: sets the POE, checks the claimed
 * time against it, and revalidates the path at the POE when an expiry is all that failed.
 */
export async function settleSigningTime<P extends PathValidationResult>(input: {
  readonly timestamps: SignatureTimestamps;
  /** The signer's path validated at `at`; undefined when it was not validated (then nothing is revalidated). */
  readonly path: P | undefined;
  readonly at: Date;
  readonly claimed?: Date | undefined;
  /** Validates the signer's path at the POE, with timeProof `timestamp`. */
  readonly revalidate: (time: Date) => Promise<P>;
}): Promise<SettledSigningTime<P>> {
  const { timestamps, at } = input;
  const checks: Check[] = [...timestamps.checks];
  let failure = timestamps.failure;
  const poe = timestamps.proofOfExistence;
  if (!poe) return { path: input.path, checks, failure, signingTime: { validatedAt: at.toISOString() } };

  checks.push({ id: 'timestamp.poe', passed: true, message: MSG.timestampProves(poe.time) });
  if (input.claimed && input.claimed.getTime() > poe.time.getTime() + poe.accuracyMs) {
    const message = MSG.claimedAfterTimestamp(input.claimed, poe.time);
    checks.push({ id: 'timestamp.claimed-time', passed: false, message });
    failure ??= { subIndication: 'SIG_CONSTRAINTS_FAILURE', message };
  }

  let path = input.path;
  let validatedAt = at;
  if (
    path &&
    !path.ok &&
    path.indication === 'INDETERMINATE' &&
    CURABLE_BY_POE.has(path.subIndication) &&
    poe.time < at
  ) {
    const again = await input.revalidate(poe.time);
    checks.push({
      id: 'timestamp.revalidated',
      passed: again.ok,
      message: MSG.validatedAtProof(at, poe.time, path.message),
    });
    path = again;
    validatedAt = poe.time;
  }
  return {
    path,
    checks,
    failure,
    signingTime: { timestamp: poe.time.toISOString(), validatedAt: validatedAt.toISOString() },
  };
}
