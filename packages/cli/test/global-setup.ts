// The CLI tests run the built binary (dist/cli.js) as a subprocess. CI builds every package before testing;
// locally, build once here when dist is missing or older than a source file, so `vitest run` alone works.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = join(root, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const packagesDir = join(root, '..');
  const sources = ['cli', 'edxml', 'signature', 'service-level', 'indicators', 'report']
    .map((name) => join(packagesDir, name, 'src'))
    .filter((dir) => existsSync(dir));
  const stale = !existsSync(binary) || sources.some((dir) => newestSource(dir) > statSync(binary).mtimeMs);
  if (stale) {
    execFileSync(
      'npx',
      [
        '--yes',
        'pnpm@10.34.9',
        'exec',
        'turbo',
        'run',
        'build',
        '--filter=@lienthong/cli...',
        '--output-logs=errors-only',
      ],
      {
        cwd: join(root, '..', '..'),
        stdio: 'inherit',
      },
    );
  }
}
