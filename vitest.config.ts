import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packageDirs = readdirSync(`${root}packages`).filter((dir) => existsSync(`${root}packages/${dir}/package.json`));

// Tests run against the TypeScript sources of sibling packages, so no build is needed first.
const alias = packageDirs.map((dir) => ({
  find: new RegExp(`^@lienthong/${dir}$`),
  replacement: `${root}packages/${dir}/src/index.ts`,
}));

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      ...packageDirs.map((dir) => ({
        extends: true as const,
        test: {
          name: dir,
          root: `${root}packages/${dir}`,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
          // The CLI's tests run its built binary; its setup builds it when stale.
          ...(existsSync(`${root}packages/${dir}/test/global-setup.ts`)
            ? { globalSetup: [`${root}packages/${dir}/test/global-setup.ts`] }
            : {}),
        },
      })),
      {
        extends: true as const,
        test: { name: 'tests', root: `${root}tests`, include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/index.ts'],
      reporter: ['text-summary', 'html', 'json-summary'],
    },
  },
});
