import { isAbsolute, relative, resolve } from 'node:path';
import {
  formatVerificationText,
  toVerificationReportJson,
  type VerificationResult,
  verifyFile,
} from '@lienthong/signature';
import { paint } from '../../framework/color';
import { CliError, type CommandContext, type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { expandInputs, readInputFile } from '../../framework/files';
import { chooseFormat } from '../../framework/format-option';
import { outputOf } from '../../framework/output';
import { CLI_NAME, CLI_VERSION } from '../../version';
import { formatVerificationJUnit } from './junit';
import { buildVerifyOptions } from './verify-options';

/**
 * The exit code of a run: 2 when an input could not be read (the run is incomplete; its report says why), else the
 * worst indication — 1 for TOTAL-FAILED, 3 for INDETERMINATE, 0 when every input is TOTAL-PASSED.
 */
export function verifyExitCode(results: readonly VerificationResult[]): ExitCode {
  if (results.some((result) => result.error !== null)) return EXIT.usage;
  if (results.some((result) => result.indication === 'TOTAL-FAILED')) return EXIT.failed;
  if (results.some((result) => result.indication === 'INDETERMINATE')) return EXIT.indeterminate;
  return EXIT.ok;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const INDICATION_STYLE = { 'TOTAL-PASSED': 'green', 'TOTAL-FAILED': 'red', INDETERMINATE: 'yellow' } as const;

/** Colours each verdict line ("KẾT QUẢ: …", "Chữ ký …: …") after its indication. */
function colourVerdicts(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      const indication = /\((TOTAL-PASSED|TOTAL-FAILED|INDETERMINATE)\b/.exec(line)?.[1] as
        | keyof typeof INDICATION_STYLE
        | undefined;
      return indication === undefined ? line : paint(line, INDICATION_STYLE[indication], true);
    })
    .join('\n');
}

function renderText(results: readonly VerificationResult[], context: CommandContext): string {
  const output = context.quiet
    ? results.map((result) => `${formatVerificationText(result, { lang: context.lang }).split('\n')[0]}\n`).join('')
    : formatVerificationText(results, { lang: context.lang });
  return context.color ? colourVerdicts(output) : output;
}

async function run(args: Parameters<CommandDefinition['run']>[0], context: CommandContext): Promise<ExitCode> {
  const { values, positionals } = args;
  const { io, lang } = context;
  const format = chooseFormat(values.format, ['text', 'json', 'junit']);
  const detached = text(values.detached);
  if (detached !== undefined && positionals.length !== 1)
    throw new CliError('USAGE', {
      vi: '--detached chỉ dùng với đúng một tệp chữ ký (CMS tách rời, .p7s).',
      en: '--detached takes exactly one signature file (a detached CMS, .p7s).',
    });
  const options = await buildVerifyOptions(io, {
    trust: strings(values.trust),
    trustVnRoots: values['trust-vn-roots'] === true,
    certs: strings(values.certs),
    crl: strings(values.crl),
    ocsp: strings(values.ocsp),
    at: text(values.at),
    allowSha1: values['allow-sha1'] === true,
    revocation: text(values.revocation),
  });
  const detachedContent = detached === undefined ? undefined : await readInputFile(io, detached);

  const stdout = outputOf(io.stdout);
  const stderr = outputOf(io.stderr);
  // A glob that matches nothing is verified as the literal path: its report says the file was not found.
  const inputs = (await expandInputs(positionals, io.cwd)).map((input) =>
    input.kind === 'file' ? input : { path: resolve(io.cwd, input.pattern), display: input.pattern },
  );
  const results: VerificationResult[] = [];
  for (const input of inputs) {
    // The library names the file in its messages as it was given: give it as the user wrote it.
    const path = isAbsolute(input.display) ? input.display : relative(process.cwd(), input.path) || input.path;
    const result = await verifyFile(path, {
      ...options,
      subject: input.display,
      ...(detachedContent === undefined ? {} : { detachedContent }),
    });
    // One line per input that could not be read; its report (with the error) is still written below.
    if (result.error !== null) {
      const code = result.error.code === 'not-found' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
      await stderr.write(`lienthong: ${result.error.message[lang].replace(/\.$/, '')} (${code})\n`);
    }
    results.push(result);
  }

  if (format === 'json')
    await stdout.write(
      toVerificationReportJson(results, { pretty: true, generator: { name: CLI_NAME, version: CLI_VERSION } }),
    );
  else if (format === 'junit') await stdout.write(formatVerificationJUnit(results, lang));
  else await stdout.write(renderText(results, context));
  return verifyExitCode(results);
}

const t = (vi: string, en: string) => ({ vi, en });

const verify: CommandDefinition = {
  path: ['verify'],
  summary: t(
    'Kiểm tra chữ ký số của tệp edXML/XML, PDF và CMS (.p7s, .p7m), kể cả tệp đính kèm của phong bì edXML',
    'Verify the digital signatures of edXML/XML, PDF and CMS (.p7s, .p7m) files, edXML attachments included',
  ),
  usage:
    'verify <tệp…> [--detached <tệp-nội-dung>] [--trust <pem|thư-mục>]… [--trust-vn-roots] [--certs <pem>]… [--crl <tệp>]… [--ocsp <tệp>]… [--at <thời-điểm>] [--revocation require|if-available|skip] [--allow-sha1] [--format text|json|junit]',
  options: {
    detached: { type: 'string' },
    trust: { type: 'string', multiple: true },
    'trust-vn-roots': { type: 'boolean' },
    certs: { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
    ocsp: { type: 'string', multiple: true },
    at: { type: 'string' },
    revocation: { type: 'string' },
    'allow-sha1': { type: 'boolean' },
    format: { type: 'string' },
  },
  optionHelp: {
    detached: t(
      'Tệp nội dung của chữ ký CMS tách rời (chỉ khi kiểm tra một tệp .p7s)',
      'The signed content of a detached CMS signature (only with a single .p7s)',
    ),
    trust: t(
      'Chứng thư gốc được tin cậy: tệp PEM/DER hoặc thư mục (.pem, .crt, .cer, .der); lặp lại được',
      'A trusted root certificate: a PEM/DER file or a folder (.pem, .crt, .cer, .der); repeatable',
    ),
    'trust-vn-roots': t(
      'Tin cậy hai chứng thư gốc Việt Nam kèm theo: RootCA chuyên dùng Chính phủ G2 (VGCA) và Vietnam National Root CA (NEAC)',
      'Trust the two bundled Vietnamese roots: VGCA "RootCA chuyên dùng Chính phủ G2" and NEAC "Vietnam National Root CA"',
    ),
    certs: t(
      'Chứng thư CA trung gian để dựng chuỗi (không được tin cậy tự thân); lặp lại được',
      'Intermediate CA certificates to build paths with (never trusted by themselves); repeatable',
    ),
    crl: t(
      'Danh sách thu hồi (CRL, DER hoặc PEM); lặp lại được',
      'A certificate revocation list (CRL, DER or PEM); repeatable',
    ),
    ocsp: t('Phản hồi OCSP (DER); lặp lại được', 'An OCSP response (DER); repeatable'),
    at: t(
      'Thời điểm kiểm tra, ISO 8601 (không ghi múi giờ = giờ Việt Nam); mặc định: bây giờ',
      'Validation time, ISO 8601 (without a zone: Vietnam time); default: now',
    ),
    revocation: t(
      'Kiểm tra thu hồi: require (mặc định; thiếu dữ liệu → không xác định được), if-available, skip',
      'Revocation checking: require (default; missing data → indeterminate), if-available, skip',
    ),
    'allow-sha1': t(
      'Chấp nhận SHA-1 (chữ ký cũ; được đánh dấu trong kết quả)',
      'Accept SHA-1 (legacy; marked in the result)',
    ),
    format: t(
      'Định dạng kết quả: text (mặc định), json (báo cáo có phiên bản), junit',
      'Output format: text (default), json (versioned report), junit',
    ),
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: '<tệp…>' },
  examples: [
    {
      command: 'lienthong verify cong-van.edxml --trust-vn-roots --crl cpcag2.crl',
      description: t(
        'Kiểm tra phong bì edXML và các tệp PDF/CMS đính kèm với hai chứng thư gốc Việt Nam',
        'Verify an edXML envelope and its PDF/CMS attachments against the two Vietnamese roots',
      ),
    },
    {
      command: 'lienthong verify bao-cao.pdf.p7s --detached bao-cao.pdf --trust goc.pem --revocation skip',
      description: t(
        'Kiểm tra chữ ký CMS tách rời, không kiểm tra thu hồi',
        'Verify a detached CMS signature without revocation checking',
      ),
    },
    {
      command: 'lienthong verify *.pdf --trust roots/ --at 2026-06-01T10:00:00 --format json > ket-qua.json',
      description: t(
        'Báo cáo JSON cho nhiều tệp PDF, kiểm tra tại một thời điểm (giờ Việt Nam)',
        'A JSON report for several PDFs, validated at a given time (Vietnam time)',
      ),
    },
    {
      command: 'lienthong verify hop-dong.pdf --trust goc.pem --format junit --lang en',
      description: t('Kết quả JUnit cho hệ thống CI, bằng tiếng Anh', 'JUnit output for CI, in English'),
    },
  ],
  run,
};

/** The `lienthong verify …` commands. */
export const commands: readonly CommandDefinition[] = [verify];
