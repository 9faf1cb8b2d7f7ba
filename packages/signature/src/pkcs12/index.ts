export type { PemCredential, Pkcs12Credential, SigningCredential } from './credential';
export {
  DEFAULT_MAX_PKCS12_BYTES,
  DEFAULT_MAX_PKCS12_ITERATIONS,
  type Pkcs12Contents,
  type Pkcs12Protection,
  type ReadPkcs12Options,
  readPkcs12,
} from './read';
