/*
 * The contract between the CLI framework (argument parsing, help, output, exit codes) and the commands.
 * Each command folder (commands/<name>/index.ts) exports `commands: readonly CommandDefinition[]`.
 */
import type { ParseArgsConfig } from 'node:util';
import type { LocalizedText } from '@lienthong/report';

export type Language = 'vi' | 'en';

/** Exit codes, the same for every command. */
export const EXIT = {
  /** Everything checked is valid / TOTAL-PASSED. */
  ok: 0,
  /** Something checked is invalid / TOTAL-FAILED. */
  failed: 1,
  /** Usage error (unknown option, missing argument) or an I/O error that prevents the command from running. */
  usage: 2,
  /** `verify` only: the signature could be neither confirmed nor refuted (INDETERMINATE). */
  indeterminate: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command reads and writes; tests pass their own streams. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CommandContext {
  readonly io: CliIO;
  /** `--lang`; Vietnamese by default. */
  readonly lang: Language;
  /** `--quiet`: print only what the format requires (no summaries, no progress). */
  readonly quiet: boolean;
  /** `--debug`: stack traces on errors. */
  readonly debug: boolean;
  /** True when stdout is a TTY, NO_COLOR is unset and `--no-color` was not given. Commands must also switch
   * colour off for `--format json|junit|sarif`. */
  readonly color: boolean;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandExample {
  readonly command: string;
  readonly description: LocalizedText;
}

export interface CommandDefinition {
  /** The words after `lienthong`, e.g. `['edxml', 'validate']`. */
  readonly path: readonly string[];
  readonly summary: LocalizedText;
  /** The synopsis after `lienthong`, e.g. `edxml validate <files or globs…> [options]`. */
  readonly usage: string;
  /** The command's own options (node:util parseArgs), each with a description for --help. */
  readonly options: OptionsConfig;
  readonly optionHelp: Readonly<Record<string, LocalizedText>>;
  /** Positional arguments: the minimum and maximum count (maximum `Infinity` for lists). */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  readonly examples: readonly CommandExample[];
  /** Optional: the value placeholder shown in --help for string options, e.g. `{ format: 'text|json' }`. */
  readonly optionValues?: Readonly<Record<string, string>>;
  /** Optional: what each exit code means for this command, listed in --help. */
  readonly exitCodes?: Readonly<Partial<Record<ExitCode, LocalizedText>>>;
  run(
    args: {
      readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
      readonly positionals: readonly string[];
    },
    context: CommandContext,
  ): Promise<ExitCode>;
}

/**
 * A failure the user can fix (bad option value, missing file, unreadable input): printed as one line with the
 * `code`, without a stack trace unless `--debug`; exit 2.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly text: LocalizedText;

  constructor(code: CliErrorCode, text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.code = code;
    this.text = text;
  }
}

export type CliErrorCode =
  | 'USAGE'
  | 'UNKNOWN_COMMAND'
  | 'UNKNOWN_OPTION'
  | 'INVALID_OPTION_VALUE'
  | 'MISSING_ARGUMENT'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_WRITE_FAILED'
  | 'NO_FILES_MATCHED'
  | 'FILE_EXISTS'
  | 'SIGNING_FAILED';
