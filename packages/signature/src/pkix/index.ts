/**
 * The certificate layer: parsing (DER/PEM, names, Vietnamese identifiers), trust stores, path building and
 * validation with CRL/OCSP revocation, mapped to ETSI EN 319 102-1 indications.
 */

export {
  type AlgorithmIdentifier,
  type AlgorithmVerdict,
  checkPublicKey,
  checkSignatureAlgorithm,
  type DigestName,
  describePublicKey,
  describeSignatureAlgorithm,
  MIN_RSA_BITS,
  type PublicKeyDescription,
  type SignatureAlgorithm,
  verifySignedBytes,
} from './algorithms';
export {
  type AuthorityKeyIdentifier,
  type BasicConstraints,
  type CertificateExtension,
  isParsedCertificate,
  type KeyUsage,
  MAX_CERTIFICATE_BYTES,
  MAX_CERTIFICATES_PER_BUNDLE,
  MAX_PEM_CHARACTERS,
  type ParseCertificateResult,
  type ParsedCertificate,
  parseCertificate,
  parseCertificateDer,
  parseCertificates,
} from './certificate';
export { type CrlEntry, MAX_CRL_BYTES, type ParseCrlResult, type ParsedCrl, parseCrl } from './crl';
export { describeName, displayLabel, identifiersOf, namesMatch, type ParsedName, readName } from './name';
export {
  type BasicOcspResponse,
  buildOcspRequest,
  MAX_OCSP_RESPONSE_BYTES,
  type OcspCertId,
  type OcspResponseStatus,
  type OcspSingleResponse,
  type ParsedOcspResponse,
  type ParseOcspResponseResult,
  parseOcspResponse,
} from './ocsp';
export {
  type CertificateInput,
  type IntermediateCertificate,
  MAX_PATH_CERTIFICATES,
  type PathValidationOptions,
  type PathValidationResult,
  validatePath,
} from './path';
export { encodePem, type PemBlock, readPemBlocks } from './pem';
export { type RevocationInputs, rewriteRevocationUrl } from './revocation';
export {
  createTrustStore,
  loadVietnameseRoot,
  type TrustStore,
  type TrustStoreOptions,
  VIETNAMESE_ROOTS,
  type VietnameseRootName,
} from './trust-store';
