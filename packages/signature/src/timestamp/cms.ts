/*
 * CMS/CAdES/PAdES signature timestamps (RFC 3161 Appendix A, ETSI EN 319 122-1 §5.3): the unsigned attribute
 * id-aa-signatureTimeStampToken on a SignerInfo holds tokens whose messageImprint is the hash of that SignerInfo's
 * signature value (the OCTET STRING's contents). Reading them for verification, and adding one to a signature.
 */

import { bytesEqual, children, DerError, encode, oid, raw, readTlv, setOf, type Tlv } from '../cms/der';
import { parseSignedData, type SignedDataStructure, type SignerInfoData } from '../cms/parse';
import { cryptoBackend, type HashName } from '../crypto';
import { SignatureError } from '../errors';
import { MSG } from './messages';
import { evaluateSignatureTimestamps, NO_TIMESTAMPS, type SignatureTimestamps } from './signature';
import type { VerifyTimestampOptions } from './token';
import { parseTstInfo, SIGNATURE_TIMESTAMP_OID, TST_INFO_OID } from './tstinfo';

/** Every signatureTimeStampToken value of a SignerInfo, as encoded. */
export function signatureTimestampTokens(info: SignerInfoData, buf: Uint8Array): Uint8Array[] {
  const tokens: Uint8Array[] = [];
  for (const attribute of info.unsignedAttrs)
    if (attribute.oid === SIGNATURE_TIMESTAMP_OID) for (const tlv of attribute.values) tokens.push(raw(buf, tlv));
  return tokens;
}

/** Evaluates the signature timestamps of one SignerInfo (none: nothing to do, no cost). */
export async function evaluateCmsSignatureTimestamps(
  info: SignerInfoData,
  structure: SignedDataStructure,
  options: Omit<VerifyTimestampOptions, 'data'> & { readonly at: Date },
): Promise<SignatureTimestamps> {
  const tokens = signatureTimestampTokens(info, structure.buf);
  if (tokens.length === 0) return NO_TIMESTAMPS;
  return evaluateSignatureTimestamps(
    tokens.map((token) => ({ token, data: info.signature })),
    options,
    { what: MSG.signatureValue, extraCertificates: structure.certificates },
  );
}

/**
 * The signature value of a CMS signer: what a TSA must timestamp for a signatureTimeStampToken (hash it, or give
 * it to `createTimestampRequest`). Throws `SignatureError` (INVALID_ARGUMENT) when `cms` is not a readable
 * SignedData or has no such signer.
 */
export function cmsSignatureValue(cms: Uint8Array, options: { readonly signerIndex?: number } = {}): Uint8Array {
  const structure = readCms(cms, 'cmsSignatureValue');
  return new Uint8Array(
    signerAt(structure, signerIndexOf(options, 'cmsSignatureValue'), 'cmsSignatureValue').signature,
  );
}

/**
 * Adds an RFC 3161 token to a CMS signature as a signatureTimeStampToken unsigned attribute (CAdES-T / PAdES
 * B-T), keeping every other byte's meaning: the signed attributes and signature are copied as they are, so the
 * signature still verifies. The token must timestamp that signer's signature value (its messageImprint is
 * checked here; the TSA itself is judged by the verifier against its trust anchors). Returns DER.
 * Throws `SignatureError` (INVALID_ARGUMENT) for an unreadable CMS or token, or a token over other data.
 */
export function addSignatureTimestamp(
  cms: Uint8Array,
  token: Uint8Array,
  options: { readonly signerIndex?: number } = {},
): Uint8Array {
  const structure = readCms(cms, 'addSignatureTimestamp');
  const signerIndex = signerIndexOf(options, 'addSignatureTimestamp');
  const signer = signerAt(structure, signerIndex, 'addSignatureTimestamp');
  if (!(token instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'addSignatureTimestamp: token must be a Uint8Array (DER)');
  checkImprint(token, signer.signature);
  return insertSignatureTimestamp(cms, token, signerIndex);
}

/**
 * Writes `token` as a signatureTimeStampToken of signer `signerIndex`, without judging it: the checked way is
 * `addSignatureTimestamp`; tests use this to build signatures carrying wrong tokens.
 */
export function insertSignatureTimestamp(cms: Uint8Array, token: Uint8Array, signerIndex: number): Uint8Array {
  try {
    // ContentInfo { contentType, [0] SignedData { …, signerInfos SET { SignerInfo … } } }, walked again for positions.
    const contentInfo = readTlv(cms, 0, cms.length);
    const [typeTlv, explicit] = children(cms, contentInfo, 3) as [Tlv, Tlv];
    const [signedData] = children(cms, explicit, 2) as [Tlv];
    const parts = children(cms, signedData, 7);
    const signerSet = parts[parts.length - 1] as Tlv;
    const signerTlvs = children(cms, signerSet, 64);
    const target = signerTlvs[signerIndex] as Tlv;
    const fields = children(cms, target, 7);
    const attribute = encode(0x30, oid(SIGNATURE_TIMESTAMP_OID), encode(0x31, token));
    const last = fields[fields.length - 1] as Tlv;
    const existing = last.id === 0xa1 ? children(cms, last, 64).map((tlv) => raw(cms, tlv)) : [];
    const kept = (last.id === 0xa1 ? fields.slice(0, -1) : fields).map((tlv) => raw(cms, tlv));
    // RFC 5652: unsignedAttrs [1] IMPLICIT SET OF Attribute, DER-sorted.
    const signerInfo = encode(0x30, ...kept, setOf([...existing, attribute], 0xa1));
    const signerInfos = signerTlvs.map((tlv, i) => (i === signerIndex ? signerInfo : raw(cms, tlv)));
    const rebuilt = encode(0x30, ...parts.slice(0, -1).map((tlv) => raw(cms, tlv)), encode(0x31, ...signerInfos));
    const result = encode(0x30, raw(cms, typeTlv), encode(0xa0, rebuilt));
    parseSignedData(result); // what we write must read back
    return result;
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    throw new SignatureError('INVALID_ARGUMENT', 'addSignatureTimestamp: the CMS could not be rewritten', {
      cause: error,
    });
  }
}

function readCms(cms: Uint8Array, caller: string): SignedDataStructure {
  if (!(cms instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', `${caller}: cms must be a Uint8Array (DER)`);
  try {
    return parseSignedData(cms);
  } catch (error) {
    throw new SignatureError('INVALID_ARGUMENT', `${caller}: cms is not a readable CMS SignedData`, { cause: error });
  }
}

function signerIndexOf(options: { readonly signerIndex?: number }, caller: string): number {
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', `${caller}: options must be an object`);
  return options.signerIndex ?? 0;
}

function signerAt(structure: SignedDataStructure, index: number, caller: string): SignerInfoData {
  const signer = Number.isInteger(index) ? structure.signerInfos[index] : undefined;
  if (!signer)
    throw new SignatureError(
      'INVALID_ARGUMENT',
      `${caller}: no signer #${index} (the CMS has ${structure.signerInfos.length} signer(s))`,
    );
  return signer;
}

/** The token must be a TimeStampToken whose imprint is the hash of `signature`. */
function checkImprint(token: Uint8Array, signature: Uint8Array): void {
  let hashed: Uint8Array;
  let name: HashName;
  try {
    const structure = parseSignedData(token);
    if (structure.eContentType !== TST_INFO_OID || !structure.eContent) throw new DerError('not a TimeStampToken');
    const tst = parseTstInfo(structure.eContent);
    if (!tst.messageImprint.digest) throw new DerError('unknown imprint digest');
    hashed = tst.messageImprint.hashedMessage;
    name = tst.messageImprint.digest.name;
  } catch (error) {
    throw new SignatureError(
      'INVALID_ARGUMENT',
      'addSignatureTimestamp: token is not a readable RFC 3161 TimeStampToken',
      {
        cause: error,
      },
    );
  }
  if (!bytesEqual(cryptoBackend.digestSync(name, signature), hashed))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      "addSignatureTimestamp: the token's messageImprint is not the hash of this signer's signature value",
    );
}
