/**
 * @lienthong/cli — the `lienthong` command, also callable from code: `await runCli(['edxml', 'validate', 'a.edxml'])`.
 */

export {
  INSPECT_FORMAT_VERSION,
  INSPECT_SCHEMA_ID,
  type InspectAttachment,
  type InspectResult,
  InspectResultSchema,
  inspectJsonSchema,
} from './commands/edxml/inspect-model';
export {
  INDICATORS_COMPARE_SCHEMA_ID,
  IndicatorsCompareOutputSchema,
  indicatorsCompareJsonSchema,
} from './commands/indicators/compare-model';
export {
  LevelClassifyOutputSchema,
  LevelStatsOutputSchema,
  levelClassifyJsonSchema,
  levelStatsJsonSchema,
} from './commands/level/schema';
export type {
  CliErrorCode,
  CliIO,
  CommandContext,
  CommandDefinition,
  CommandExample,
  ExitCode,
  Language,
} from './framework/command';
export { CliError, EXIT } from './framework/command';
export { processIO, runCli } from './main';
export { CLI_VERSION } from './version';
