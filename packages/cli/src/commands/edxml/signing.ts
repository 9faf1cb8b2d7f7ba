/*
 * `--key/--cert` or `--p12` on `edxml new` and `edxml status`: reading the credential files and signing the
 * serialized envelope with @lienthong/signature. The .p12 password comes from --password or, better (it does
 * not end up in the shell history), from LIENTHONG_P12_PASSWORD.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LocalizedText } from '@lienthong/report';
import { SignatureError, type SigningCredential, signEdxml } from '@lienthong/signature';
import { CliError, type CliIO, type OptionsConfig } from '../../framework/command';
import { ioError } from '../../framework/files';

export const SIGNING_OPTIONS = {
  key: { type: 'string' },
  cert: { type: 'string' },
  p12: { type: 'string' },
  password: { type: 'string' },
} as const satisfies OptionsConfig;

export const SIGNING_OPTION_HELP: Readonly<Record<keyof typeof SIGNING_OPTIONS, LocalizedText>> = {
  key: { vi: 'Khóa bí mật PEM để ký (đi cùng --cert)', en: 'PEM private key to sign with (with --cert)' },
  cert: {
    vi: 'Chứng thư số PEM của người ký; các chứng thư sau trong tệp là chuỗi chứng thực',
    en: 'PEM certificate of the signer; further certificates in the file are its chain',
  },
  p12: { vi: 'Tệp PKCS#12 (.p12/.pfx) để ký', en: 'PKCS#12 file (.p12/.pfx) to sign with' },
  password: {
    vi: 'Mật khẩu tệp .p12 (nên dùng biến LIENTHONG_P12_PASSWORD)',
    en: 'Password of the .p12 file (prefer the LIENTHONG_P12_PASSWORD variable)',
  },
};

const SIGNING_FAILURES: Partial<Record<SignatureError['code'], LocalizedText>> = {
  KEY_UNUSABLE: { vi: 'khóa hoặc chứng thư không dùng được để ký', en: 'the key or certificate cannot sign' },
  PKCS12_BAD_PASSWORD: { vi: 'sai mật khẩu tệp .p12', en: 'wrong password for the .p12 file' },
  PKCS12_MALFORMED: { vi: 'tệp .p12 hỏng hoặc không phải PKCS#12', en: 'the .p12 file is damaged or not PKCS#12' },
};

async function readText(io: CliIO, path: string): Promise<Buffer> {
  try {
    return await readFile(resolve(io.cwd, path));
  } catch (error) {
    throw ioError(error, path);
  }
}

/** The credential the options name, or undefined when the envelope is not to be signed. */
export async function signingCredential(
  values: Readonly<Record<string, unknown>>,
  io: CliIO,
): Promise<SigningCredential | undefined> {
  const { key, cert, p12 } = values;
  if (typeof p12 === 'string') {
    if (key !== undefined || cert !== undefined)
      throw new CliError('USAGE', {
        vi: 'dùng --p12 hoặc --key/--cert, không dùng cả hai',
        en: 'give either --p12 or --key/--cert, not both',
      });
    const password = typeof values.password === 'string' ? values.password : io.env.LIENTHONG_P12_PASSWORD;
    if (password === undefined)
      throw new CliError('MISSING_ARGUMENT', {
        vi: 'thiếu mật khẩu tệp .p12: --password hoặc biến LIENTHONG_P12_PASSWORD',
        en: 'missing the .p12 password: --password or the LIENTHONG_P12_PASSWORD variable',
      });
    return { pkcs12: new Uint8Array(await readText(io, p12)), password };
  }
  if (key === undefined && cert === undefined) {
    if (values.password !== undefined)
      throw new CliError('USAGE', { vi: '--password chỉ dùng với --p12', en: '--password goes with --p12' });
    return undefined;
  }
  if (typeof key !== 'string' || typeof cert !== 'string')
    throw new CliError('MISSING_ARGUMENT', {
      vi: '--key và --cert phải đi cùng nhau',
      en: '--key and --cert go together',
    });
  const certificates =
    (await readText(io, cert))
      .toString('utf8')
      .match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const [certificate, ...chain] = certificates;
  if (certificate === undefined)
    throw new CliError('INVALID_OPTION_VALUE', {
      vi: `${cert} không chứa chứng thư PEM nào`,
      en: `${cert} holds no PEM certificate`,
    });
  return { key: (await readText(io, key)).toString('utf8'), certificate, chain };
}

/** Signs the serialized envelope; a credential that cannot sign is the user's to fix (exit 2, one line). */
export function signEnvelope(xml: string, credential: SigningCredential): string {
  try {
    return signEdxml(xml, credential);
  } catch (error) {
    if (!(error instanceof SignatureError)) throw error;
    const text = error.text ?? SIGNING_FAILURES[error.code];
    throw new CliError(
      'SIGNING_FAILED',
      text
        ? { vi: `không ký được: ${text.vi}`, en: `cannot sign: ${text.en}` }
        : {
            vi: `không ký được (${error.code}): ${error.message}`,
            en: `cannot sign (${error.code}): ${error.message}`,
          },
      { cause: error },
    );
  }
}
