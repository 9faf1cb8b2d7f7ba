/*
 * The RFC 3161 protocol messages a signer exchanges with a TSA (HTTP POST, application/timestamp-query →
 * application/timestamp-reply): building a TimeStampReq for some data, and reading the TimeStampResp to get
 * the token (then `addSignatureTimestamp`). Transport is the caller's: this package makes no network calls.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LocalizedText } from '@lienthong/report';
import { digestAlgorithmDer, digestByName } from '../cms/algorithms';
import {
  bytesEqual,
  children,
  DerError,
  encode,
  octetString,
  oid,
  raw,
  readTlv,
  sequence,
  smallInteger,
  type Tlv,
  value,
} from '../cms/der';
import { parseSignedData } from '../cms/parse';
import { SignatureError } from '../errors';
import { MAX_TIMESTAMP_TOKEN_BYTES } from './token';
import { parseTstInfo, TST_INFO_OID } from './tstinfo';

export interface TimestampRequestOptions {
  /** Imprint digest; default sha256. */
  readonly digest?: 'sha256' | 'sha384' | 'sha512';
  /** Ask the TSA to include its certificate in the token (certReq). Default true. */
  readonly certificateRequested?: boolean;
  /** A TSA policy OID to ask for. */
  readonly policy?: string;
  /** Include a random 64-bit nonce (returned, to match the response). Default true. */
  readonly nonce?: boolean;
}

export interface TimestampRequest {
  /** DER TimeStampReq, the body of the POST. */
  readonly request: Uint8Array;
  /** Upper-case hex of the nonce sent, if any. */
  readonly nonce?: string;
  /** The digest of the data, as put in the messageImprint. */
  readonly imprint: Uint8Array;
}

/** Builds a TimeStampReq over `data` (for a CMS signature, `cmsSignatureValue(cms)`). */
export function createTimestampRequest(data: Uint8Array, options: TimestampRequestOptions = {}): TimestampRequest {
  if (!(data instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'createTimestampRequest: data must be a Uint8Array');
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', 'createTimestampRequest: options must be an object');
  const name = options.digest ?? 'sha256';
  if (name !== 'sha256' && name !== 'sha384' && name !== 'sha512')
    throw new SignatureError('INVALID_ARGUMENT', `createTimestampRequest: digest must be sha256, sha384 or sha512`);
  if (
    options.policy !== undefined &&
    (typeof options.policy !== 'string' || !/^[0-2](\.(0|[1-9][0-9]{0,9})){1,30}$/.test(options.policy))
  )
    throw new SignatureError('INVALID_ARGUMENT', 'createTimestampRequest: policy must be a dotted OID');
  const digest = digestByName(name);
  const imprint = new Uint8Array(createHash(name).update(data).digest());
  const parts: Uint8Array[] = [
    encode(0x02, Uint8Array.of(1)),
    sequence(digestAlgorithmDer(digest), octetString(imprint)),
  ];
  if (options.policy) parts.push(oid(options.policy));
  let nonce: string | undefined;
  if (options.nonce !== false) {
    const bytes = new Uint8Array(randomBytes(8));
    bytes[0] = ((bytes[0] as number) & 0x7f) | 0x40; // positive, and minimal (first octet neither 0x00 nor ≥ 0x80)
    nonce = Buffer.from(bytes).toString('hex').toUpperCase();
    parts.push(encode(0x02, bytes));
  }
  if (options.certificateRequested !== false) parts.push(Uint8Array.of(0x01, 0x01, 0xff));
  return { request: sequence(...parts), imprint, ...(nonce ? { nonce } : {}) };
}

export type TimestampResponse =
  | { readonly ok: true; readonly token: Uint8Array; readonly status: number }
  | { readonly ok: false; readonly status: number | undefined; readonly message: LocalizedText };

const STATUS: Record<number, LocalizedText> = {
  2: { vi: 'TSA từ chối yêu cầu (rejection)', en: 'the TSA rejected the request (rejection)' },
  3: { vi: 'yêu cầu đang chờ (waiting)', en: 'the request is waiting (waiting)' },
  4: { vi: 'sắp thu hồi (revocationWarning)', en: 'revocation is imminent (revocationWarning)' },
  5: { vi: 'đã thu hồi (revocationNotification)', en: 'revocation has occurred (revocationNotification)' },
};

/**
 * Reads a TimeStampResp: the token when the status is granted (0) or grantedWithMods (1). With `expected`, the
 * token must answer that request (same imprint, same nonce). Never throws for bad input; throws SignatureError
 * (INVALID_ARGUMENT) when `expected` is not a TimestampRequest.
 */
export function readTimestampResponse(response: Uint8Array, expected?: TimestampRequest): TimestampResponse {
  if (
    expected !== undefined &&
    (typeof expected !== 'object' || expected === null || !(expected.imprint instanceof Uint8Array))
  )
    throw new SignatureError(
      'INVALID_ARGUMENT',
      'readTimestampResponse: expected must come from createTimestampRequest',
    );
  const failure = (status: number | undefined, vi: string, en: string): TimestampResponse => ({
    ok: false,
    status,
    message: { vi, en },
  });
  if (!(response instanceof Uint8Array) || response.length > MAX_TIMESTAMP_TOKEN_BYTES + 4096)
    return failure(
      undefined,
      'Phản hồi của TSA không hợp lệ hoặc quá lớn.',
      'The TSA response is invalid or too large.',
    );
  let status: number;
  let texts: string[] = [];
  let tokenTlv: Tlv | undefined;
  try {
    const root = readTlv(response, 0, response.length);
    if (root.id !== 0x30 || root.end !== response.length) throw new DerError('not a TimeStampResp');
    const [statusInfo, token, extra] = children(response, root, 3);
    if (statusInfo?.id !== 0x30 || extra) throw new DerError('not a TimeStampResp');
    const [statusTlv, ...rest] = children(response, statusInfo, 3);
    if (!statusTlv) throw new DerError('no status');
    status = smallInteger(response, statusTlv);
    const free = rest.find((tlv) => tlv.id === 0x30);
    if (free)
      texts = children(response, free, 16)
        .filter((tlv) => tlv.id === 0x0c)
        .map((tlv) => Buffer.from(value(response, tlv)).toString('utf8').slice(0, 300));
    tokenTlv = token;
  } catch {
    return failure(
      undefined,
      'Phản hồi của TSA không phải TimeStampResp (RFC 3161).',
      'The TSA response is not an RFC 3161 TimeStampResp.',
    );
  }
  if (status !== 0 && status !== 1) {
    const reason = STATUS[status] ?? { vi: `trạng thái ${status}`, en: `status ${status}` };
    const detail = texts.length > 0 ? `: ${texts.join('; ')}` : '';
    return failure(
      status,
      `TSA không cấp dấu thời gian — ${reason.vi}${detail}.`,
      `The TSA granted no timestamp — ${reason.en}${detail}.`,
    );
  }
  if (!tokenTlv)
    return failure(
      status,
      'Phản hồi của TSA báo thành công nhưng không có dấu thời gian.',
      'The TSA response reports success but holds no token.',
    );
  const token = new Uint8Array(raw(response, tokenTlv));
  if (expected) {
    try {
      const structure = parseSignedData(token);
      if (structure.eContentType !== TST_INFO_OID || !structure.eContent) throw new DerError('not a TimeStampToken');
      const tst = parseTstInfo(structure.eContent);
      if (!bytesEqual(tst.messageImprint.hashedMessage, expected.imprint))
        return failure(
          status,
          'Dấu thời gian trả về không dành cho dữ liệu đã gửi (messageImprint khác).',
          'The returned token is not for the data sent (different messageImprint).',
        );
      if (expected.nonce !== undefined && tst.nonce !== expected.nonce)
        return failure(
          status,
          'Nonce trong dấu thời gian không khớp yêu cầu.',
          'The token nonce does not match the request.',
        );
    } catch {
      return failure(status, 'Dấu thời gian trả về không đọc được.', 'The returned token cannot be read.');
    }
  }
  return { ok: true, token, status };
}
