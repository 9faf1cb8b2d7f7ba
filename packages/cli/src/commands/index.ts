import type { CommandDefinition } from '../framework/command';
import { commands as edxml } from './edxml';
import { commands as indicators } from './indicators';
import { commands as level } from './level';
import { commands as verify } from './verify';

/** Every command, in the order `lienthong --help` lists them. */
export const COMMANDS: readonly CommandDefinition[] = [...edxml, ...verify, ...level, ...indicators];
