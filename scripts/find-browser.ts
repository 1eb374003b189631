/**
 * Finds the Chrome/Chromium that the e2e tests and the bench drive (playwright-core does not
 * download one here). Used by `npm test` (scripts/test.ts) to say, before anything runs, what is
 * missing, and by tests/e2e/chromium.ts to launch the same binary.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian's `apt-get install chromium` puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Names looked up on PATH, in order. */
export const BROWSER_NAMES = ['chromium', 'google-chrome'] as const;

/** What the search may look at: the environment and the file system (injected in tests). */
export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  /** True when `path` is a regular file this process may execute. */
  isExecutable: (path: string) => boolean;
}

export type BrowserFound =
  /** `path` is the executable; `from` says which place gave it (`CHROME_PATH`, `/usr/bin/chromium`, `PATH`). */
  | { path: string; from: string }
  /** Nothing usable: `message` is one line saying what is missing and how to get it. */
  | { path: null; message: string };

/**
 * Looks, in order, in `CHROME_PATH` (and `CHROMIUM_PATH`, its older name), at
 * `/usr/bin/chromium`, then for `chromium` and `google-chrome` in each PATH directory (the
 * shell's lookup order, POSIX XCU §2.9.1.1). A variable that is set must name an executable
 * file: a wrong setting is reported, not skipped, so it never silently runs another browser.
 * Never throws.
 *
 * Example: `findBrowser({ env: {}, isExecutable: () => false })` →
 * `{ path: null, message: 'No browser for the e2e tests: CHROME_PATH is unset, … ' }`.
 */
export function findBrowser(search: BrowserSearch = systemSearch()): BrowserFound {
  const { env, isExecutable } = search;
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (isExecutable(value)) return { path: value, from: name };
    return {
      path: null,
      message:
        `No browser for the e2e tests: ${name}=${value} is not an executable file; ` +
        `point ${name} at Chrome or Chromium (e.g. ${DEBIAN_CHROMIUM}), or unset it.`,
    };
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: DEBIAN_CHROMIUM };
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, from: 'PATH' };
    }
  }
  return {
    path: null,
    message:
      `No browser for the e2e tests: CHROME_PATH is unset, ${DEBIAN_CHROMIUM} does not exist, ` +
      `and neither ${BROWSER_NAMES.join(' nor ')} is on PATH; install one (Debian: apt-get install -y chromium) ` +
      `or set CHROME_PATH=/path/to/chrome.`,
  };
}

/** The real environment and file system. */
export function systemSearch(): BrowserSearch {
  return {
    env: process.env,
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
