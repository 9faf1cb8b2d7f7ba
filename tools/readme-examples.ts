/**
 * Test support for package READMEs whose examples run as tests: each `ts` block before `<!-- sample: name -->` is
 * taken from the README, its `@lienthong/<package>` import checked against the package's entry and replaced by the
 * real exports, its types stripped, and run; what it prints is compared exactly with the `text` block after the
 * marker. Generated sections (between `<!-- generated: name -->` and `<!-- end generated: name -->`) are compared
 * with content rebuilt from the package's data. With `update`, samples and sections are rewritten instead
 * (`finish()` writes the README back).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { expect } from 'vitest';

export interface ReadmeChecker {
  /** The README text (with any updates applied so far). */
  readonly text: () => string;
  expectSample(name: string, lines: readonly string[]): void;
  expectGenerated(name: string, content: string): void;
  /** Runs the example before `<!-- sample: name -->` and returns the lines it printed. */
  runExample(name: string): string[];
  /** Writes the README back in update mode. */
  finish(): void;
}

const SAMPLE_BLOCK = /(```text\n)([\s\S]*?)(```)/;

export function createReadmeChecker(options: {
  readonly readme: URL;
  /** The package name the examples import from, e.g. `@lienthong/indicators`. */
  readonly packageName: string;
  readonly entry: Readonly<Record<string, unknown>>;
  readonly update: boolean;
}): ReadmeChecker {
  let readme = readFileSync(options.readme, 'utf8');
  const importPattern = new RegExp(
    `^import \\{([^}]*)\\} from '${options.packageName.replace(/[/\\-]/g, '\\$&')}';\\n`,
    'gm',
  );
  return {
    text: () => readme,
    expectSample(name, lines) {
      const marker = `<!-- sample: ${name} -->\n`;
      const at = readme.indexOf(marker);
      expect(at, `README has ${marker.trim()}`).toBeGreaterThanOrEqual(0);
      const start = at + marker.length;
      const block = SAMPLE_BLOCK.exec(readme.slice(start));
      expect(block?.index, `a text block follows ${marker.trim()}`).toBe(0);
      if (!block) return;
      const actual = `${lines.join('\n')}\n`;
      if (options.update) {
        readme = `${readme.slice(0, start)}${block[1]}${actual}${block[3]}${readme.slice(start + block[0].length)}`;
        return;
      }
      expect(block[2]).toBe(actual);
    },
    expectGenerated(name, content) {
      const open = `<!-- generated: ${name} -->\n`;
      const close = `<!-- end generated: ${name} -->`;
      const start = readme.indexOf(open);
      const end = readme.indexOf(close);
      expect(start, `README has ${open.trim()}`).toBeGreaterThanOrEqual(0);
      expect(end, `README has ${close}`).toBeGreaterThan(start);
      const from = start + open.length;
      if (options.update) {
        readme = `${readme.slice(0, from)}${content}${readme.slice(end)}`;
        return;
      }
      expect(readme.slice(from, end)).toBe(content);
    },
    runExample(name) {
      const at = readme.indexOf(`<!-- sample: ${name} -->`);
      expect(at, `README has <!-- sample: ${name} -->`).toBeGreaterThanOrEqual(0);
      const before = readme.slice(0, at);
      const open = before.lastIndexOf('```ts\n');
      const close = before.indexOf('```\n', open + 6);
      expect(before.slice(close + 4).trim(), `the sample ${name} follows its code block`).toBe('');
      let code = before.slice(open + 6, close);
      const imports = [...code.matchAll(importPattern)];
      expect(imports.length, `the example ${name} imports from ${options.packageName}`).toBeGreaterThan(0);
      for (const match of imports) {
        const names = (match[1] ?? '')
          .split(',')
          .map((part) => part.trim().replace(/^type\s+/, ''))
          .filter((part) => part !== '');
        expect(names.filter((imported) => !(imported in options.entry))).toEqual([]);
        code = code.replace(match[0], '');
      }
      const javascript = ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const lines: string[] = [];
      const console = { log: (...values: unknown[]) => lines.push(values.map(String).join(' ')) };
      const names = Object.keys(options.entry);
      new Function('console', ...names, javascript)(console, ...names.map((exported) => options.entry[exported]));
      return lines;
    },
    finish() {
      if (options.update) writeFileSync(options.readme, readme);
    },
  };
}
