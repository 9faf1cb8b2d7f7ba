import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { edxmlRules } from './index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every rule with its severity', () => {
    for (const rule of edxmlRules.rules) {
      expect(readme, rule.id).toMatch(new RegExp(`\\| \`${rule.id}\` \\| ${rule.severity}`));
    }
  });

  it('states the number of rules', () => {
    expect(readme).toContain(`${edxmlRules.rules.length} rules`);
  });
});
