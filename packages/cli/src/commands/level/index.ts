import type { Issue } from '@lienthong/report';
import { paint } from '../../framework/color';
import {
  type CliError,
  type CommandContext,
  type CommandDefinition,
  EXIT,
  type ExitCode,
} from '../../framework/command';
import { chooseFormat } from '../../framework/format-option';
import { outputOf } from '../../framework/output';
import { CLI_NAME, CLI_VERSION } from '../../version';
import { dayOption, readCatalogueInput } from './catalogue-input';
import { classifyCatalogue, formatClassifyText } from './classify';
import { catalogueStatistics, formatStatsText } from './stats';

type Args = Parameters<CommandDefinition['run']>[0];
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'dim' } as const;
const STATUS_STYLE = { met: 'green', 'not-met': 'red', undetermined: 'yellow', 'not-computable': 'dim' } as const;

/**
 * Exit 2 when the file could not be read (after the JSON document, with the one-line error on stderr); else 1 when
 * the catalogue has errors (rows left out, invalid values), 0 otherwise.
 */
async function exitFor(valid: boolean, failure: CliError | undefined, context: CommandContext): Promise<ExitCode> {
  if (failure !== undefined) {
    await outputOf(context.io.stderr).write(`lienthong: ${failure.text[context.lang]} (${failure.code})\n`);
    return EXIT.usage;
  }
  return valid ? EXIT.ok : EXIT.failed;
}

const GENERATOR = { name: CLI_NAME, version: CLI_VERSION };

function prepare(args: Args) {
  const format = chooseFormat(args.values.format, ['text', 'json']);
  const day = dayOption(typeof args.values.date === 'string' ? args.values.date : undefined);
  const path = args.positionals[0] as string;
  return { format, day, path };
}

async function runClassify(args: Args, context: CommandContext): Promise<ExitCode> {
  const { format, day, path } = prepare(args);
  const input = await readCatalogueInput(context.io, path, day.date);
  // Text has nothing to show for an unreadable file: one line and exit 2. JSON still writes its document.
  if (input.failure !== undefined && format !== 'json') throw input.failure;
  const output = classifyCatalogue(input, day, GENERATOR);
  const color = context.color && format === 'text';
  await outputOf(context.io.stdout).write(
    format === 'json'
      ? `${JSON.stringify(output, null, 2)}\n`
      : formatClassifyText(output, {
          lang: context.lang,
          quiet: context.quiet,
          paintSeverity: (issue: Issue, text: string) => paint(text, SEVERITY_STYLE[issue.severity], color),
        }),
  );
  return exitFor(output.catalogue.valid, input.failure, context);
}

async function runStats(args: Args, context: CommandContext): Promise<ExitCode> {
  const { format, day, path } = prepare(args);
  const input = await readCatalogueInput(context.io, path, day.date);
  if (input.failure !== undefined && format !== 'json') throw input.failure;
  const output = catalogueStatistics(input, day, GENERATOR);
  const color = context.color && format === 'text';
  await outputOf(context.io.stdout).write(
    format === 'json'
      ? `${JSON.stringify(output, null, 2)}\n`
      : formatStatsText(output, {
          lang: context.lang,
          quiet: context.quiet,
          paintSeverity: (issue, text) => paint(text, SEVERITY_STYLE[issue.severity], color),
          paintStatus: (status, text) => paint(text, STATUS_STYLE[status], color),
        }),
  );
  return exitFor(output.catalogue.valid, input.failure, context);
}

const t = (vi: string, en: string) => ({ vi, en });

const sharedOptions = {
  date: { type: 'string' },
  format: { type: 'string' },
} as const;

const sharedHelp = {
  date: t(
    'Ngày tính (YYYY-MM-DD, giờ Việt Nam): quyết định chế độ phân loại (NĐ 43/2011 đến 14/08/2022, NĐ 42/2022 từ 15/08/2022); mặc định: hôm nay',
    'The day (YYYY-MM-DD, Vietnam time): it decides the scheme (Decree 43/2011 up to 2022-08-14, Decree 42/2022 from 2022-08-15); default: today',
  ),
  format: t('Định dạng kết quả: text (mặc định) hoặc json', 'Output format: text (default) or json'),
};

const classify: CommandDefinition = {
  path: ['level', 'classify'],
  summary: t(
    'Phân loại mức độ (NĐ 43/2011) và loại dịch vụ công trực tuyến (NĐ 42/2022) của từng thủ tục trong danh mục, kèm lý do',
    'Classify each service of a catalogue by level (Decree 43/2011) and online category (Decree 42/2022), with the reasons',
  ),
  usage: 'level classify <danh-muc.csv|danh-muc.json> [--date <YYYY-MM-DD>] [--format text|json]',
  options: sharedOptions,
  optionHelp: sharedHelp,
  positionals: { min: 1, max: 1, names: '<danh-muc.csv|danh-muc.json>' },
  examples: [
    {
      command: 'lienthong level classify danh-muc.csv --date 2024-12-31',
      description: t(
        'Mức độ, loại dịch vụ và mã mức độ của từng thủ tục, cùng các lỗi của danh mục',
        "Each procedure's level, category and vendor code, and the catalogue's errors",
      ),
    },
    {
      command: 'lienthong level classify danh-muc.json --format json > phan-loai.json',
      description: t(
        'Kết quả JSON (schema/level-classify.schema.json)',
        'JSON output (schema/level-classify.schema.json)',
      ),
    },
  ],
  run: runClassify,
};

const stats: CommandDefinition = {
  path: ['level', 'stats'],
  summary: t(
    'Thống kê danh mục theo mức độ × cấp và loại dịch vụ × cấp, các chỉ số và chỉ tiêu Nghị quyết 17/NQ-CP',
    'Catalogue statistics by level × tier and category × tier, the indicators and the Resolution 17/NQ-CP targets',
  ),
  usage: 'level stats <danh-muc.csv|danh-muc.json> [--date <YYYY-MM-DD>] [--format text|json]',
  options: sharedOptions,
  optionHelp: sharedHelp,
  positionals: { min: 1, max: 1, names: '<danh-muc.csv|danh-muc.json>' },
  examples: [
    {
      command: 'lienthong level stats danh-muc.csv --date 2024-12-31',
      description: t(
        'Bảng số lượng và tỷ lệ theo cấp, chỉ số và việc đạt chỉ tiêu',
        'Tables of counts and percentages per tier, the indicators and the targets met',
      ),
    },
    {
      command: 'lienthong level stats danh-muc.csv --format json --lang en',
      description: t(
        'Kết quả JSON, các chỉ số theo tên máy (schema/level-stats.schema.json)',
        'JSON output, indicators under their machine names (schema/level-stats.schema.json)',
      ),
    },
  ],
  run: runStats,
};

/** The `lienthong level …` commands. */
export const commands: readonly CommandDefinition[] = [classify, stats];
