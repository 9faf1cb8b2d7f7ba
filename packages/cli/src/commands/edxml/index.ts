import type { CommandDefinition } from '../../framework/command';
import { extractCommand } from './extract';
import { inspectCommand } from './inspect';
import { newCommand } from './new';
import { statusCommand } from './status';
import { validateCommand } from './validate';

/** The `lienthong edxml …` commands. */
export const commands: readonly CommandDefinition[] = [
  validateCommand,
  inspectCommand,
  extractCommand,
  newCommand,
  statusCommand,
];
