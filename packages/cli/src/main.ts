/*
 * The command line: finds the command named by the first words, parses its options (node:util parseArgs,
 * strict), prints help, runs it, and turns every failure into one line on stderr and an exit code.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { useColor } from './framework/color';
import {
  CliError,
  type CliErrorCode,
  type CliIO,
  type CommandContext,
  type CommandDefinition,
  EXIT,
  type ExitCode,
  type Language,
} from './framework/command';
import { GLOBAL_OPTIONS } from './framework/global-options';
import { commandHelp, overviewHelp } from './framework/help';
import { outputOf } from './framework/output';
import { CLI_VERSION } from './version';

/** The process's own streams, directory and environment. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

interface GlobalFlags {
  readonly lang: Language;
  readonly help: boolean;
  readonly version: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly noColor: boolean;
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** A lenient first pass: the global flags and the words, before the command (and its options) is known. */
function prescan(argv: readonly string[], env: CliIO['env']): { flags: GlobalFlags; words: Token[] } {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: GLOBAL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const requested = typeof values.lang === 'string' ? values.lang : (env.LIENTHONG_LANG ?? 'vi');
  const lang: Language = requested === 'en' ? 'en' : 'vi';
  const flags: GlobalFlags = {
    lang,
    help: values.help === true,
    version: values.version === true,
    quiet: values.quiet === true,
    debug: values.debug === true,
    noColor: values['no-color'] === true,
  };
  if (requested !== 'vi' && requested !== 'en') {
    throw new CliError('INVALID_OPTION_VALUE', {
      vi: `--lang phải là vi hoặc en, không phải "${requested}"`,
      en: `--lang must be vi or en, not "${requested}"`,
    });
  }
  return { flags, words: tokens.filter((token) => token.kind === 'positional') };
}

function startsWithPath(words: readonly string[], path: readonly string[]): boolean {
  return path.every((word, index) => words[index] === word);
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function unknownCommand(words: readonly string[], commands: readonly CommandDefinition[]): CliError {
  const typed = words.slice(0, 2).join(' ');
  const paths = commands.map((command) => command.path.join(' '));
  const closest = paths
    .map((path) => ({ path, cost: distance(typed, path) }))
    .sort((a, b) => a.cost - b.cost)
    .find((candidate) => candidate.cost <= Math.max(2, Math.floor(typed.length / 3)));
  const hint = closest
    ? { vi: `; có phải ý bạn là "lienthong ${closest.path}"?`, en: `; did you mean "lienthong ${closest.path}"?` }
    : { vi: '; xem danh sách lệnh: lienthong --help', en: '; see the commands: lienthong --help' };
  return new CliError('UNKNOWN_COMMAND', {
    vi: `lệnh không tồn tại: "${typed}"${hint.vi}`,
    en: `unknown command: "${typed}"${hint.en}`,
  });
}

const PARSE_ERROR_CODES: Readonly<Record<string, CliErrorCode>> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'INVALID_OPTION_VALUE',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'USAGE',
};

/** node:util's parse errors are English prose; say the same in both languages, naming the option. */
function parseError(error: unknown, command: CommandDefinition): CliError | undefined {
  const code = (error as { code?: string }).code;
  const cliCode = code === undefined ? undefined : PARSE_ERROR_CODES[code];
  if (cliCode === undefined) return undefined;
  const message = error instanceof Error ? error.message : '';
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const help = `lienthong ${command.path.join(' ')} --help`;
  if (cliCode === 'UNKNOWN_OPTION')
    return new CliError(cliCode, {
      vi: `tùy chọn không tồn tại: ${option}; xem ${help}`,
      en: `unknown option: ${option}; see ${help}`,
    });
  if (cliCode === 'INVALID_OPTION_VALUE') {
    const missing = /argument missing/.test(message);
    return new CliError(cliCode, {
      vi: missing ? `tùy chọn ${option} cần một giá trị` : `tùy chọn ${option} không nhận giá trị`,
      en: missing ? `option ${option} needs a value` : `option ${option} takes no value`,
    });
  }
  return new CliError(cliCode, { vi: `đối số thừa; xem ${help}`, en: `unexpected argument; see ${help}` });
}

function checkPositionals(command: CommandDefinition, positionals: readonly string[]): void {
  const { min, max, names } = command.positionals;
  const help = `lienthong ${command.path.join(' ')} --help`;
  if (positionals.length < min)
    throw new CliError('MISSING_ARGUMENT', { vi: `thiếu ${names}; xem ${help}`, en: `missing ${names}; see ${help}` });
  if (positionals.length > max)
    throw new CliError('USAGE', {
      vi: `thừa đối số "${positionals[max]}"; xem ${help}`,
      en: `unexpected argument "${positionals[max]}"; see ${help}`,
    });
}

async function dispatch(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CommandDefinition[],
  flags: GlobalFlags,
  words: readonly Token[],
): Promise<ExitCode> {
  const stdout = outputOf(io.stdout);
  const stderr = outputOf(io.stderr);
  const wordValues = words.map((token) => (token.kind === 'positional' ? token.value : ''));
  if (flags.version) {
    await stdout.write(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands
    .filter((candidate) => startsWithPath(wordValues, candidate.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (command === undefined) {
    const group = wordValues[0];
    const isGroup = group !== undefined && commands.some((candidate) => candidate.path[0] === group);
    if (wordValues.length === 0 || (isGroup && wordValues.length === 1)) {
      // `lienthong` or `lienthong edxml`: the list of commands; asked for (exit 0) or a usage error (exit 2).
      const help = overviewHelp(commands, flags.lang, isGroup ? group : undefined);
      if (flags.help) {
        await stdout.write(help);
        return EXIT.ok;
      }
      await stderr.write(help);
      return EXIT.usage;
    }
    throw unknownCommand(wordValues, commands);
  }
  if (flags.help) {
    await stdout.write(commandHelp(command, flags.lang));
    return EXIT.ok;
  }
  // The command's own words are not its positionals.
  const pathIndexes = new Set(words.slice(0, command.path.length).map((token) => token.index));
  const args = argv.filter((_, index) => !pathIndexes.has(index));
  let parsed: ReturnType<typeof parseArgs<ParseArgsConfig>>;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, ...GLOBAL_OPTIONS },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw parseError(error, command) ?? error;
  }
  checkPositionals(command, parsed.positionals);
  const format = typeof parsed.values.format === 'string' ? parsed.values.format : undefined;
  const context: CommandContext = {
    io,
    lang: flags.lang,
    quiet: flags.quiet,
    debug: flags.debug,
    color: useColor(io, { noColor: flags.noColor, ...(format === undefined ? {} : { format }) }),
  };
  // parseArgs types arrays loosely as (string | boolean)[]; each option's array holds one type.
  const values = parsed.values as Parameters<CommandDefinition['run']>[0]['values'];
  return command.run({ values, positionals: parsed.positionals }, context);
}

/**
 * Runs `lienthong` with the arguments after the program name; resolves to the exit code. Never rejects:
 * failures are printed on `io.stderr` as one line (`lienthong: <message> (<CODE>)`), with the stack under
 * `--debug`.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIO = processIO(),
  commands: readonly CommandDefinition[] = COMMANDS,
): Promise<ExitCode> {
  let flags: GlobalFlags = { lang: 'vi', help: false, version: false, quiet: false, debug: false, noColor: false };
  const stderr = outputOf(io.stderr);
  try {
    const scanned = prescan(argv, io.env);
    flags = scanned.flags;
    return await dispatch(argv, io, commands, flags, scanned.words);
  } catch (error) {
    const debug = flags.debug || argv.includes('--debug');
    if (error instanceof CliError) {
      await stderr.write(`lienthong: ${error.text[flags.lang]} (${error.code})\n`);
      if (debug && error.stack) await stderr.write(`${error.stack}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    const hint = flags.lang === 'vi' ? 'lỗi nội bộ' : 'internal error';
    const rerun = debug
      ? ''
      : flags.lang === 'vi'
        ? '; chạy lại với --debug để xem chi tiết'
        : '; run again with --debug for details';
    await stderr.write(`lienthong: ${hint}: ${message.split('\n')[0]}${rerun} (INTERNAL)\n`);
    if (debug && error instanceof Error && error.stack) await stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}
