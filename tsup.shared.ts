import type { Options } from 'tsup';

/**
 * The one tsup configuration every published @lienthong package builds with:
 * ESM + CJS + .d.ts/.d.cts, Node 20 target, no bundled dependencies.
 */
export function libraryConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    target: 'node20',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    outDir: 'dist',
    ...overrides,
  };
}
