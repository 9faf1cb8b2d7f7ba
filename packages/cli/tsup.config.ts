import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

export default defineConfig([
  // The programmatic entry: runCli(argv, io?), ESM + CJS + types.
  libraryConfig({ clean: false }),
  // The `lienthong` binary: one ESM file with a shebang (tsup makes a file with a shebang executable).
  libraryConfig({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
