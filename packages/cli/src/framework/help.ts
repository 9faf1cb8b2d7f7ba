/*
 * --help text, generated from the command definitions so that it never drifts from what the parser accepts.
 */
import type { LocalizedText } from '@lienthong/report';
import type { CommandDefinition, Language, OptionsConfig } from './command';
import { GLOBAL_OPTION_HELP, GLOBAL_OPTION_VALUES, GLOBAL_OPTIONS } from './global-options';

const HEADINGS = {
  usage: { vi: 'Cách dùng', en: 'Usage' },
  options: { vi: 'Tùy chọn', en: 'Options' },
  globalOptions: { vi: 'Tùy chọn chung', en: 'Global options' },
  examples: { vi: 'Ví dụ', en: 'Examples' },
  exitCodes: { vi: 'Mã thoát', en: 'Exit codes' },
  commands: { vi: 'Các lệnh', en: 'Commands' },
  repeatable: { vi: 'lặp lại được', en: 'repeatable' },
  defaultValue: { vi: 'mặc định', en: 'default' },
  more: {
    vi: 'Xem hướng dẫn của từng lệnh: lienthong <lệnh> --help',
    en: 'Help on one command: lienthong <command> --help',
  },
  tagline: {
    vi: 'lienthong — kiểm tra, xem, tạo, ký và xác minh văn bản điện tử liên thông (edXML, QCVN 102:2016)',
    en: 'lienthong — validate, inspect, build, sign and verify interconnection documents (edXML, QCVN 102:2016)',
  },
} satisfies Record<string, LocalizedText>;

function optionLines(
  options: OptionsConfig,
  help: Readonly<Record<string, LocalizedText>>,
  values: Readonly<Record<string, string>>,
  lang: Language,
): string[] {
  const rows = Object.entries(options).map(([name, config]) => {
    const short = config.short ? `-${config.short}, ` : '    ';
    const value = config.type === 'string' ? ` <${values[name] ?? (lang === 'vi' ? 'giá trị' : 'value')}>` : '';
    const notes: string[] = [];
    if (config.multiple) notes.push(HEADINGS.repeatable[lang]);
    if (config.default !== undefined && typeof config.default !== 'boolean')
      notes.push(`${HEADINGS.defaultValue[lang]}: ${String(config.default)}`);
    const description = help[name]?.[lang] ?? '';
    return {
      left: `${short}--${name}${value}`,
      right: notes.length ? `${description} (${notes.join('; ')})` : description,
    };
  });
  const width = Math.max(0, ...rows.map((row) => row.left.length)) + 2;
  return rows.map((row) => `  ${row.left.padEnd(width)}${row.right}`.trimEnd());
}

function globalOptionLines(lang: Language): string[] {
  return optionLines(GLOBAL_OPTIONS, GLOBAL_OPTION_HELP, GLOBAL_OPTION_VALUES, lang);
}

/** `lienthong <path> --help`. */
export function commandHelp(command: CommandDefinition, lang: Language): string {
  const lines = [`lienthong ${command.path.join(' ')} — ${command.summary[lang]}`, ''];
  lines.push(`${HEADINGS.usage[lang]}:`, `  lienthong ${command.usage}`, '');
  if (Object.keys(command.options).length > 0) {
    lines.push(`${HEADINGS.options[lang]}:`);
    lines.push(...optionLines(command.options, command.optionHelp, command.optionValues ?? {}, lang), '');
  }
  lines.push(`${HEADINGS.globalOptions[lang]}:`, ...globalOptionLines(lang), '');
  if (command.examples.length > 0) {
    lines.push(`${HEADINGS.examples[lang]}:`);
    for (const example of command.examples) lines.push(`  ${example.command}`, `      ${example.description[lang]}`);
    lines.push('');
  }
  const exitCodes = Object.entries(command.exitCodes ?? {});
  if (exitCodes.length > 0) {
    lines.push(`${HEADINGS.exitCodes[lang]}:`);
    for (const [code, text] of exitCodes) lines.push(`  ${code}  ${text?.[lang] ?? ''}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function commandList(commands: readonly CommandDefinition[], lang: Language): string[] {
  const width = Math.max(0, ...commands.map((command) => command.path.join(' ').length)) + 2;
  return commands.map((command) => `  ${command.path.join(' ').padEnd(width)}${command.summary[lang]}`);
}

/** `lienthong --help`, or the help of a group such as `lienthong edxml` (only its commands). */
export function overviewHelp(commands: readonly CommandDefinition[], lang: Language, group?: string): string {
  const listed = group === undefined ? commands : commands.filter((command) => command.path[0] === group);
  const lines = [HEADINGS.tagline[lang], ''];
  lines.push(
    `${HEADINGS.usage[lang]}:`,
    `  lienthong ${group ?? (lang === 'vi' ? '<lệnh>' : '<command>')} … ${lang === 'vi' ? '[tùy chọn]' : '[options]'}`,
    '',
  );
  lines.push(`${HEADINGS.commands[lang]}:`, ...commandList(listed, lang), '');
  lines.push(`${HEADINGS.globalOptions[lang]}:`, ...globalOptionLines(lang), '');
  lines.push(HEADINGS.more[lang]);
  return `${lines.join('\n')}\n`;
}
