/**
 * @lienthong/signature — verification and signing of XMLDSig, PDF and CMS signatures for the Vietnamese PKIs.
 * Work in progress: the result model, certificates, trust, chains and revocation come first, then CMS,
 * XMLDSig and PDF.
 */

export { SignatureError, type SignatureErrorCode } from './errors';
export * from './model/result';
