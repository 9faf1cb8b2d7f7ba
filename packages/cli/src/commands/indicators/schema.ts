/*
 * `lienthong indicators schema`: the JSON Schema of an indicator report, exactly the file @lienthong/indicators
 * ships (`@lienthong/indicators/schema.json`), for editors and foreign validators. Generated as the package's
 * writer script writes that file (so the output is byte-equal to it, tested), with no file to locate at run time.
 */
import { indicatorReportJsonSchema } from '@lienthong/indicators';
import { type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { outputOf } from '../../framework/output';

export const schemaCommand: CommandDefinition = {
  path: ['indicators', 'schema'],
  summary: {
    vi: 'In lược đồ JSON (JSON Schema) của báo cáo chỉ số',
    en: 'Print the JSON Schema of an indicator report',
  },
  usage: 'indicators schema',
  options: {},
  optionHelp: {},
  positionals: { min: 0, max: 0, names: '' },
  examples: [
    {
      command: 'lienthong indicators schema > indicator-report.schema.json',
      description: {
        vi: 'Lưu lược đồ để trình soạn thảo gợi ý và kiểm tra khi viết báo cáo',
        en: 'Save the schema so that an editor completes and checks reports as they are written',
      },
    },
  ],
  exitCodes: {
    0: { vi: 'đã in lược đồ', en: 'the schema was printed' },
    2: { vi: 'sai cách dùng', en: 'usage error' },
  },
  async run(_args, context): Promise<ExitCode> {
    await outputOf(context.io.stdout).write(`${JSON.stringify(indicatorReportJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};
