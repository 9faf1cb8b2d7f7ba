/*
 * The README's Python example, run as written with Python's `jsonschema` (an independent JSON Schema
 * implementation; Debian's python3-jsonschema in CI): the shipped schema accepts the seed reports and rejects a
 * broken one, as zod does. Skipped when python3 or its jsonschema module is missing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const hasPythonJsonschema =
  spawnSync('python3', ['-c', 'import jsonschema; jsonschema.Draft202012Validator'], { encoding: 'utf8' }).status === 0;

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const SCHEMA = new URL('../schema/indicator-report.schema.json', import.meta.url);
const SEEDS = new URL('fixtures/seeds/', import.meta.url);

/** The ```python block of the README. */
function pythonExample(): string {
  const match = /```python\n([\s\S]*?)```/.exec(README);
  expect(match, 'README has a python example').not.toBeNull();
  return match?.[1] ?? '';
}

describe.skipIf(!hasPythonJsonschema)("the README's Python example (python3 jsonschema)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-python-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(SCHEMA, join(dir, 'schema.json'));
  writeFileSync(join(dir, 'example.py'), pythonExample());
  const run = () => spawnSync('python3', ['example.py'], { cwd: dir, encoding: 'utf8' });

  it.each(['son-la-2018', 'hoa-binh-2019', 'lam-dong-2017'])('accepts the seed report %s', (seed) => {
    copyFileSync(new URL(`${seed}.report.json`, SEEDS), join(dir, 'bao-cao-2024.json'));
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('rejects a report with a misspelt key and a wrong qualifier, as zod does', () => {
    const report = JSON.parse(readFileSync(new URL('son-la-2018.report.json', SEEDS), 'utf8'));
    report.values[0].qualifer = 'exact';
    report.values[1].qualifier = 'roughly';
    writeFileSync(join(dir, 'bao-cao-2024.json'), JSON.stringify(report));
    const result = run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ValidationError');
  });
});
