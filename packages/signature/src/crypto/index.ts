/*
 * The crypto backend of this build: node:crypto in Node, WebCrypto in the browser build (package.json "imports":
 * `#crypto-backend` resolves under the `browser` condition to ./web.ts, otherwise to ./node.ts).
 */
import { cryptoBackend as selected } from '#crypto-backend';
import type { CryptoBackend } from './backend';

/** The backend every verification in this build uses. */
export const cryptoBackend: CryptoBackend = selected;

export type {
  CryptoBackend,
  HashName,
  IncrementalDigest,
  SignatureCheck,
  SignatureVerificationRequest,
  VerifiableScheme,
} from './backend';
export { describePublicKey, type PublicKeyDescription, readPublicKey } from './public-key';
