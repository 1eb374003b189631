/**
 * Snippet targets that cannot run against the echo server here are at least parsed or
 * compiled by their own toolchain when it is installed (issue 10 point 9). What cannot be
 * checked at all is listed with the reason and printed, never silently passed.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { generateSnippet, type CodeTargetId } from '../../src/core/codegen/targets.ts';
import { fidelityCases } from './cases.ts';

interface Check {
  target: CodeTargetId;
  file: string;
  command: (file: string) => [string, string[]];
  /** Why it cannot be checked here, or `null`. */
  missing: string | null;
}

const has = (cmd: string, probe = ['--version']) =>
  spawnSync(cmd, probe, { stdio: 'ignore', timeout: 20_000 }).status === 0;

const CHECKS: Check[] = [
  {
    // rustc cannot compile it: reqwest and tokio come from crates.io, which is not reachable here.
    target: 'rust-reqwest',
    file: 'main.rs',
    command: (f) => ['rustfmt', ['--edition', '2021', '--emit', 'stdout', f]],
    missing: has('rustfmt') ? null : 'rustfmt not installed',
  },
  {
    // Guzzle comes from Packagist (not reachable): check the syntax only.
    target: 'php-guzzle',
    file: 'snippet.php',
    command: (f) => ['php', ['-l', f]],
    missing: has('php') ? null : 'php not installed',
  },
  {
    // The browser snippet reads files from an <input type=file>; check that it parses as a module.
    target: 'js-fetch',
    file: 'snippet.mjs',
    command: (f) => [process.execPath, ['--check', f]],
    missing: null,
  },
];

/** Targets with no toolchain available from Debian or npm here. */
const UNCHECKED: Record<string, string> = {
  'kotlin-okhttp':
    "Debian's kotlin 1.3 cannot read OkHttp 4.12's Kotlin 1.9 metadata, and Maven Central is not reachable",
  swift: 'no Swift toolchain in Debian 12 (swiftlang is not packaged for bookworm)',
  'csharp-httpclient':
    'the snippet needs .NET 6+ (top-level statements, SocketsHttpHandler); no dotnet in Debian, no NuGet here',
  powershell: 'no PowerShell in Debian',
};

const tmp = mkdtempSync(join(tmpdir(), 'parley-compile-'));
const cases = fidelityCases('http://127.0.0.1:8080');

afterAll(() => {
  console.log(
    `Snippets not compile-checked here:\n${Object.entries(UNCHECKED)
      .map(([t, why]) => `  ${t}: ${why}`)
      .join('\n')}`,
  );
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(CHECKS)('snippet $target parses/compiles', (check) => {
  test.skipIf(check.missing !== null).each(cases.map((c) => [c.id, c] as const))(
    `%s${check.missing ? ` (skipped: ${check.missing})` : ''}`,
    async (id, c) => {
      const resolved = resolveRequest(c.draft, { files: (f) => c.files[f]?.bytes });
      const snippet = await generateSnippet(check.target, resolved.request!);
      const dir = join(tmp, `${check.target}-${id}`);
      spawnSync('mkdir', ['-p', dir]);
      writeFileSync(join(dir, check.file), snippet.text);
      const [cmd, args] = check.command(check.file);
      const run = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, `${run.stderr}\n--- snippet ---\n${snippet.text}`).toBe(0);
    },
  );
});
