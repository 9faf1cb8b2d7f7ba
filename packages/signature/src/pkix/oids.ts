/** Object identifiers used by the certificate layer, with their display names. */

/** Distinguished-name attribute types, with the short names used in RFC 4514 text and in reports. */
export const NAME_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

export const OID = {
  // Name attributes
  commonName: '2.5.4.3',
  userId: '0.9.2342.19200300.100.1.1',
  organizationIdentifier: '2.5.4.97',

  // Certificate extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extendedKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  subjectDirectoryAttributes: '2.5.29.9',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  subjectInfoAccess: '1.3.6.1.5.5.7.1.11',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  signedCertificateTimestamps: '1.3.6.1.4.1.11129.2.4.2',

  // CRL and CRL-entry extensions
  crlNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  holdInstructionCode: '2.5.29.23',
  invalidityDate: '2.5.29.24',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  certificateIssuer: '2.5.29.29',
  expiredCertsOnCrl: '2.5.29.60',

  // Access methods
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',

  // Extended key usages
  ekuServerAuth: '1.3.6.1.5.5.7.3.1',
  ekuClientAuth: '1.3.6.1.5.5.7.3.2',
  ekuCodeSigning: '1.3.6.1.5.5.7.3.3',
  ekuEmailProtection: '1.3.6.1.5.5.7.3.4',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  anyExtendedKeyUsage: '2.5.29.37.0',

  // OCSP
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',

  // Public keys
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  mgf1: '1.2.840.113549.1.1.8',

  // Digests
  md5: '1.2.840.113549.2.5',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha3_256: '2.16.840.1.101.3.4.2.8',
  sha3_384: '2.16.840.1.101.3.4.2.9',
  sha3_512: '2.16.840.1.101.3.4.2.10',
} as const;

/** Certificate extensions this layer understands well enough to accept when marked critical. */
export const PROCESSED_CRITICAL_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extendedKeyUsage,
  OID.subjectAltName,
  OID.issuerAltName,
  // No explicit policy is required by this verifier, so RFC 5280 policy processing cannot fail on its own;
  // a critical certificatePolicies extension is therefore acceptable. policyConstraints, policyMappings,
  // inhibitAnyPolicy and nameConstraints are NOT processed: when critical they cause rejection.
  OID.certificatePolicies,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.crlDistributionPoints,
  OID.freshestCrl,
  OID.authorityInfoAccess,
  OID.subjectInfoAccess,
  OID.subjectDirectoryAttributes,
  OID.qcStatements,
  OID.ocspNoCheck,
]);

export const EXTENSION_NAMES: Readonly<Record<string, string>> = {
  [OID.subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [OID.keyUsage]: 'keyUsage',
  [OID.subjectAltName]: 'subjectAltName',
  [OID.issuerAltName]: 'issuerAltName',
  [OID.basicConstraints]: 'basicConstraints',
  [OID.nameConstraints]: 'nameConstraints',
  [OID.crlDistributionPoints]: 'cRLDistributionPoints',
  [OID.certificatePolicies]: 'certificatePolicies',
  [OID.policyMappings]: 'policyMappings',
  [OID.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [OID.policyConstraints]: 'policyConstraints',
  [OID.extendedKeyUsage]: 'extKeyUsage',
  [OID.freshestCrl]: 'freshestCRL',
  [OID.inhibitAnyPolicy]: 'inhibitAnyPolicy',
  [OID.subjectDirectoryAttributes]: 'subjectDirectoryAttributes',
  [OID.authorityInfoAccess]: 'authorityInfoAccess',
  [OID.subjectInfoAccess]: 'subjectInfoAccess',
  [OID.qcStatements]: 'qcStatements',
  [OID.ocspNoCheck]: 'ocspNoCheck',
  [OID.signedCertificateTimestamps]: 'signedCertificateTimestampList',
  [OID.crlNumber]: 'cRLNumber',
  [OID.reasonCode]: 'reasonCode',
  [OID.holdInstructionCode]: 'holdInstructionCode',
  [OID.invalidityDate]: 'invalidityDate',
  [OID.deltaCrlIndicator]: 'deltaCRLIndicator',
  [OID.issuingDistributionPoint]: 'issuingDistributionPoint',
  [OID.certificateIssuer]: 'certificateIssuer',
  [OID.expiredCertsOnCrl]: 'expiredCertsOnCRL',
  [OID.ocspNonce]: 'ocspNonce',
};

/** RFC 5280 CRLReason values. */
export const CRL_REASONS: readonly (string | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined, // 7 is not used
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];
