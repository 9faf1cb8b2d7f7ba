import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real edXML files of test/fixtures/corpus (provenance in its SOURCES.md). */
export const CORPUS_DIR = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));

export const corpusFiles: readonly string[] = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.edxml') || name.endsWith('.xml'))
  .sort();

export function readCorpus(name: string): Buffer {
  return readFileSync(`${CORPUS_DIR}${name}`);
}
