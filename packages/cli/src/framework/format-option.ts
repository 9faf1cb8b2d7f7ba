import { CliError } from './command';

/** Checks a `--format` value against the formats a command writes; the first one is the default. */
export function chooseFormat<const Format extends string>(
  value: unknown,
  formats: readonly [Format, ...Format[]],
): Format {
  if (value === undefined) return formats[0];
  if (typeof value === 'string' && (formats as readonly string[]).includes(value)) return value as Format;
  throw new CliError('INVALID_OPTION_VALUE', {
    vi: `--format phải là một trong ${formats.join(', ')}, không phải "${String(value)}"`,
    en: `--format must be one of ${formats.join(', ')}, not "${String(value)}"`,
  });
}
