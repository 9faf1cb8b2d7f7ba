/*
 * From the command line to the library's VerifyOptions: trust anchors, extra certificates, revocation data and
 * policy. Every file named here must be readable; a bad one stops the run with one line (exit 2), because a
 * verification under a policy other than the one asked for would be meaningless.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTrustStore, SignatureError, type TrustStore, type VerifyOptions } from '@lienthong/signature';
import { CliError, type CliIO } from '../../framework/command';
import { ioError, readInputFile } from '../../framework/files';
import { parseValidationTime } from './validation-time';

export const REVOCATION_POLICIES = ['require', 'if-available', 'skip'] as const;
export type RevocationPolicyOption = (typeof REVOCATION_POLICIES)[number];

export interface VerifyCommandValues {
  readonly trust: readonly string[];
  readonly trustVnRoots: boolean;
  readonly certs: readonly string[];
  readonly crl: readonly string[];
  readonly ocsp: readonly string[];
  readonly at: string | undefined;
  readonly allowSha1: boolean;
  readonly revocation: string | undefined;
}

/** The validation time of `--at`, or a usage error. */
export function validationTimeOption(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = parseValidationTime(text);
  if (at === undefined)
    throw new CliError('INVALID_OPTION_VALUE', {
      vi: `--at «${text}» không phải thời điểm ISO 8601 hợp lệ (ví dụ 2026-06-01, 2026-06-01T10:00:00 theo giờ Việt Nam, hoặc 2026-06-01T03:00:00Z).`,
      en: `--at "${text}" is not a valid ISO 8601 time (e.g. 2026-06-01, 2026-06-01T10:00:00 in Vietnam time, or 2026-06-01T03:00:00Z).`,
    });
  return at;
}

function revocationPolicyOption(text: string | undefined): RevocationPolicyOption {
  if (text === undefined) return 'require';
  if ((REVOCATION_POLICIES as readonly string[]).includes(text)) return text as RevocationPolicyOption;
  throw new CliError('INVALID_OPTION_VALUE', {
    vi: `--revocation «${text}» không hợp lệ: dùng require, if-available hoặc skip.`,
    en: `--revocation "${text}" is not valid: use require, if-available or skip.`,
  });
}

/** The trust store of `--trust` files or folders and `--trust-vn-roots`. */
function trustStoreOption(io: CliIO, files: readonly string[], vietnameseRoots: boolean): TrustStore {
  for (const file of files) {
    if (file === '')
      throw new CliError('INVALID_OPTION_VALUE', {
        vi: '--trust cần đường dẫn tới tệp PEM/DER hoặc thư mục chứng thư gốc.',
        en: '--trust needs the path of a PEM/DER file or of a folder of root certificates.',
      });
    try {
      statSync(resolve(io.cwd, file));
    } catch (error) {
      throw ioError(error, file);
    }
  }
  try {
    return createTrustStore({
      files: files.map((file) => resolve(io.cwd, file)),
      ...(vietnameseRoots ? { vietnameseRoots: ['vgca-root-g2', 'vn-national-root'] as const } : {}),
    });
  } catch (error) {
    if (error instanceof SignatureError)
      throw new CliError(
        'FILE_UNREADABLE',
        {
          vi: `Không dùng được chứng thư gốc của --trust (${files.join(', ')}): ${error.message}`,
          en: `Cannot use the --trust root certificates (${files.join(', ')}): ${error.message}`,
        },
        { cause: error },
      );
    throw error;
  }
}

async function readAll(io: CliIO, paths: readonly string[]): Promise<Uint8Array[]> {
  const files: Uint8Array[] = [];
  for (const path of paths) files.push(await readInputFile(io, path));
  return files;
}

/** The library's options for this run; one validation time for every input. */
export async function buildVerifyOptions(io: CliIO, values: VerifyCommandValues): Promise<VerifyOptions> {
  const at = validationTimeOption(values.at) ?? new Date();
  const revocationPolicy = revocationPolicyOption(values.revocation);
  const trust = trustStoreOption(io, values.trust, values.trustVnRoots);
  const intermediates = await readAll(io, values.certs);
  const crls = await readAll(io, values.crl);
  const ocspResponses = await readAll(io, values.ocsp);
  return {
    trust,
    at,
    revocationPolicy,
    allowSha1: values.allowSha1,
    ...(intermediates.length > 0 ? { intermediates } : {}),
    revocation: { crls, ocspResponses },
  };
}
