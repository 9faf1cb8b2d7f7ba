import type { CommandDefinition } from '../../framework/command';
import { compareCommand } from './compare';
import { renderCommand } from './render';
import { schemaCommand } from './schema';
import { validateCommand } from './validate';

/** The `lienthong indicators …` commands. */
export const commands: readonly CommandDefinition[] = [validateCommand, renderCommand, compareCommand, schemaCommand];
