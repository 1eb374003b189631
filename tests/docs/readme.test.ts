import { existsSync, readFileSync } from 'node:fs';
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
  it('links the architecture doc in the repository, not a file outside it', () => {
    expect(readme).toContain('[docs/ARCHITECTURE.md](docs/ARCHITECTURE.md)');
    expect(readme).not.toContain('shared/DESIGN.md');
  });
  it('says how to run one test file, the dev server, the bench and the lint', () => {
    const contributing = readme.slice(readme.indexOf('## Contributing'));
    expect(contributing).toContain('npx vitest run --project unit tests/server/proxy.test.ts');
    for (const command of ['npm run dev', 'npm run bench', 'npm run lint']) expect(contributing).toContain(command);
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
  it('names only files and folders that exist', () => {
    const paths = [...doc.matchAll(/`((?:src|server|tests|bench|scripts)\/[\w./-]*)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(30);
    const root = new URL('../../', import.meta.url);
    expect(paths.filter((p) => !p.includes('<') && !existsSync(new URL(p, root)))).toEqual([]);
  });
});
