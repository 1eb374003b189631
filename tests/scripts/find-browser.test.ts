import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser, systemSearch } from '../../scripts/find-browser.ts';

/** A search over a fake file system holding exactly `executables`. */
const search = (env: Record<string, string>, executables: string[]) => ({
  env,
  isExecutable: (path: string) => executables.includes(path),
});

const NOTHING =
  'No browser for the e2e tests: CHROME_PATH is unset, /usr/bin/chromium does not exist, and neither ' +
  'chromium nor google-chrome is on PATH; install one (Debian: apt-get install -y chromium) or set ' +
  'CHROME_PATH=/path/to/chrome.';

describe('findBrowser', () => {
  it('takes CHROME_PATH first, even when /usr/bin/chromium exists', () => {
    expect(
      findBrowser(search({ CHROME_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome', '/usr/bin/chromium'])),
    ).toEqual({ path: '/opt/chrome/chrome', from: 'CHROME_PATH' });
  });

  it('reports a CHROME_PATH that is not executable instead of falling back to another browser', () => {
    expect(findBrowser(search({ CHROME_PATH: '/nonexistent', PATH: '/usr/bin' }, ['/usr/bin/chromium']))).toEqual({
      path: null,
      message:
        'No browser for the e2e tests: CHROME_PATH=/nonexistent is not an executable file; point CHROME_PATH at ' +
        'Chrome or Chromium (e.g. /usr/bin/chromium), or unset it.',
    });
  });

  it('still honours CHROMIUM_PATH (the older name), and CHROME_PATH wins over it', () => {
    expect(findBrowser(search({ CHROMIUM_PATH: '/b/chromium' }, ['/b/chromium', '/usr/bin/chromium']))).toEqual({
      path: '/b/chromium',
      from: 'CHROMIUM_PATH',
    });
    expect(
      findBrowser(search({ CHROME_PATH: '/a/chrome', CHROMIUM_PATH: '/b/chromium' }, ['/a/chrome', '/b/chromium'])),
    ).toEqual({ path: '/a/chrome', from: 'CHROME_PATH' });
    expect(findBrowser(search({ CHROMIUM_PATH: '/gone' }, ['/usr/bin/chromium']))).toEqual({
      path: null,
      message:
        'No browser for the e2e tests: CHROMIUM_PATH=/gone is not an executable file; point CHROMIUM_PATH at ' +
        'Chrome or Chromium (e.g. /usr/bin/chromium), or unset it.',
    });
  });

  it('treats an empty CHROME_PATH as unset', () => {
    expect(findBrowser(search({ CHROME_PATH: '' }, ['/usr/bin/chromium']))).toEqual({
      path: '/usr/bin/chromium',
      from: '/usr/bin/chromium',
    });
  });

  it('then looks for chromium, then google-chrome, in PATH order', () => {
    const env = { PATH: '/nope:/snap/bin:/opt/bin' };
    expect(findBrowser(search(env, ['/opt/bin/chromium', '/snap/bin/chromium']))).toEqual({
      path: '/snap/bin/chromium',
      from: 'PATH',
    });
    expect(findBrowser(search(env, ['/snap/bin/google-chrome', '/opt/bin/chromium']))).toEqual({
      path: '/opt/bin/chromium',
      from: 'PATH',
    });
    expect(findBrowser(search(env, ['/opt/bin/google-chrome']))).toEqual({
      path: '/opt/bin/google-chrome',
      from: 'PATH',
    });
  });

  it('says in one line what is missing and how to get it when there is no browser at all', () => {
    for (const env of [{}, { PATH: '' }, { PATH: '/usr/local/bin:/bin' }] as Record<string, string>[]) {
      const found = findBrowser(search(env, ['/usr/local/bin/node']));
      expect(found).toEqual({ path: null, message: NOTHING });
      if (found.path === null) expect(found.message).not.toMatch(/[\r\n]/);
    }
  });
});

describe('systemSearch().isExecutable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-find-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is true for an executable file only: not a plain file, a folder or a missing path', () => {
    const exe = join(dir, 'chromium');
    const plain = join(dir, 'google-chrome');
    const folder = join(dir, 'folder');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    writeFileSync(plain, 'not a program\n');
    chmodSync(plain, 0o644);
    mkdirSync(folder);
    const { isExecutable } = systemSearch();
    expect([exe, plain, folder, join(dir, 'missing')].map(isExecutable)).toEqual([
      true,
      // root may execute any file with an x bit only; 0644 has none, so this holds for root too.
      false,
      false,
      false,
    ]);
    expect(
      findBrowser({
        env: { CHROME_PATH: '', PATH: dir },
        isExecutable: (p) => p !== '/usr/bin/chromium' && isExecutable(p),
      }),
    ).toEqual({
      path: exe,
      from: 'PATH',
    });
  });
});
