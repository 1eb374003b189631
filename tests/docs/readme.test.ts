import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ECHO_ROUTES } from '../../server/echo/routes.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every echo route the server has', () => {
    for (const route of ECHO_ROUTES) expect(readme).toContain(`| \`${route.pattern}\` |`);
  });
  it('gives the two first-screen commands, and the test command is the one CI runs', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm test');
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
  });
});
