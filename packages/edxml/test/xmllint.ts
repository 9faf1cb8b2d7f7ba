import { spawnSync } from 'node:child_process';

/** Whether xmllint (Debian package libxml2-utils), our independent XML oracle, is installed. */
export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** In CI a missing oracle is a failure, not a skip (`.ci/run` installs it). */
export const requireXmllint = Boolean(process.env.CI) && !['0', 'false'].includes(String(process.env.CI));

/** Runs `xmllint --noout` (well-formedness and namespaces) on a document; returns its complaints. */
export function xmllintErrors(xml: string | Uint8Array): string {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml });
  return `${result.stderr.toString()}${result.status === 0 ? '' : `\nexit ${result.status}`}`.trim();
}
