/**
 * `npm test`: lint, unit tests, then the browser tests. It first looks for a browser and, when
 * there is none, says so in one line before anything runs; lint and unit tests still run, the
 * browser tests are not started, and the run exits 1 (the suite is incomplete) repeating that line.
 * Each step is an npm script (`npm run lint`, `test:unit`, `test:e2e`); the first that fails stops
 * the run with its exit code.
 */
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.ts';

const browser = findBrowser();
if (browser.path === null) console.error(browser.message);

// npm sets npm_execpath when it runs this script; use the same npm even if PATH lacks it.
const npmCli = process.env.npm_execpath;
const npm = (script: string): number => {
  const env = browser.path === null ? process.env : { ...process.env, CHROME_PATH: browser.path };
  const run =
    npmCli !== undefined && npmCli.endsWith('.js')
      ? spawnSync(process.execPath, [npmCli, 'run', script], { stdio: 'inherit', env })
      : spawnSync('npm', ['run', script], { stdio: 'inherit', env });
  if (run.error) console.error(`npm run ${script}: ${run.error.message}`);
  return run.status ?? 1;
};

for (const script of ['lint', 'test:unit', ...(browser.path === null ? [] : ['test:e2e'])]) {
  const status = npm(script);
  if (status !== 0) process.exit(status);
}
if (browser.path === null) {
  console.error(`Browser tests not run. ${browser.message}`);
  process.exit(1);
}
