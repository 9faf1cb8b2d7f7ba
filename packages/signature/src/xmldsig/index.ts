export { type SignEdxmlOptions, signEdxml } from './sign';
export type { CoveragePolicy } from './structure';
export {
  type RevocationPolicy,
  type VerifyXmlSignatureOptions,
  verifyXmlSignature,
  type XmlSignatureVerification,
} from './verify';
