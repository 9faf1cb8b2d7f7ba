/*
 * What `edxml new` and `edxml status` share: reading `ID=Name` organisations from options, and writing the built
 * envelope — checked, serialized, optionally signed — to --out or stdout.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type EdxmlMessage, type Organization, serializeEdxml, validateMessage } from '@lienthong/edxml';
import { formatText } from '@lienthong/report';
import { CliError, type CommandContext, EXIT, type ExitCode } from '../../framework/command';
import { writeError } from '../../framework/files';
import { outputOf } from '../../framework/output';
import { signEnvelope, signingCredential } from './signing';

/** `000.00.00.H41=UBND tỉnh Nghệ An` or `000.00.00.H41`: an organisation id with an optional name. */
export function parseOrganization(value: string, option: string): Organization {
  const separator = value.indexOf('=');
  const organId = (separator < 0 ? value : value.slice(0, separator)).trim();
  const organName = separator < 0 ? undefined : value.slice(separator + 1).trim();
  if (organId === '')
    throw new CliError('INVALID_OPTION_VALUE', {
      vi: `${option} cần mã định danh đơn vị, dạng MÃ hoặc MÃ=Tên (ví dụ 000.00.00.H41=UBND tỉnh Nghệ An)`,
      en: `${option} needs an organisation id, as ID or ID=Name (e.g. 000.00.00.H41=UBND tỉnh Nghệ An)`,
    });
  return organName ? { organId, organName } : { organId };
}

export function requireString(value: unknown, option: string, command: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new CliError('MISSING_ARGUMENT', {
    vi: `thiếu ${option}; xem lienthong ${command} --help`,
    en: `missing ${option}; see lienthong ${command} --help`,
  });
}

/**
 * Checks the built message with every rule (an envelope with an error is not written: the report goes to
 * stderr, exit 1), serializes it, signs it when a credential is given, and writes it.
 */
export async function writeEnvelope(
  message: EdxmlMessage,
  values: Readonly<Record<string, unknown>>,
  context: CommandContext,
): Promise<ExitCode> {
  const credential = await signingCredential(values, context.io);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const report = validateMessage(message, { subject: out ?? '-' });
  if (!report.valid) {
    await outputOf(context.io.stderr).write(formatText([report], { lang: context.lang, color: false }));
    return EXIT.failed;
  }
  const unsigned = serializeEdxml(message);
  const xml = credential === undefined ? unsigned : signEnvelope(unsigned, credential);
  if (out === undefined || out === '-') {
    await outputOf(context.io.stdout).write(xml);
    return EXIT.ok;
  }
  try {
    await writeFile(resolve(context.io.cwd, out), xml);
  } catch (error) {
    throw writeError(error, out);
  }
  if (!context.quiet) {
    const signed = credential === undefined ? '' : context.lang === 'vi' ? ', đã ký số' : ', signed';
    await outputOf(context.io.stdout).write(
      context.lang === 'vi' ? `Đã ghi ${out}${signed}\n` : `Wrote ${out}${signed}\n`,
    );
  }
  return EXIT.ok;
}
