export { addSignatureTimestamp, cmsSignatureValue } from './cms';
export {
  createTimestampRequest,
  readTimestampResponse,
  type TimestampRequest,
  type TimestampRequestOptions,
  type TimestampResponse,
} from './request';
export {
  MAX_TIMESTAMP_TOKEN_BYTES,
  type TimestampInfo,
  type TimestampVerification,
  type VerifyTimestampOptions,
  verifyTimestampToken,
} from './token';
