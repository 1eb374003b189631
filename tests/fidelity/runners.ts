/**
 * How to run each snippet target here: which runtime, which file name, which command.
 * A target whose runtime is missing is skipped with the reason (never installed by tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { CodeTargetId } from '../../src/core/codegen/targets.ts';

export interface Runner {
  target: CodeTargetId;
  /** File the snippet is written to, in a fresh temp directory (the working directory). */
  file: string;
  command: (file: string) => [string, string[]];
  /** Why it cannot run here, or `null` when it can. */
  missing: string | null;
  /** Cases this target cannot run by design (with the reason), e.g. browser-only code. */
  cannotRun?: (caseId: string) => string | null;
  /** A documented change the client library makes to the request target, applied to the expected target. */
  rewritesTarget?: { why: string; apply: (target: string) => string };
}

/** For targets whose snippet carries the content as text (snippetz): a non-UTF-8 body cannot be reproduced; the snippet says so in a note. */
const textOnly = (c: string): string | null =>
  c === 'binary-non-utf8' ? 'the snippet carries the body as UTF-8 text; its note asks for the original bytes' : null;

/** urllib3 2.x `_encode_target`: what it percent-encodes in a target that Parley sends as typed. */
const urllib3Target = (t: string): string =>
  t.replace(/[[\]{}|^`"<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function has(cmd: string, probe: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, probe, { stdio: 'ignore', timeout: 20_000 });
  return r.status === 0;
}

const pythonRequests = (): boolean =>
  spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore', timeout: 20_000 }).status === 0;

/**
 * OkHttp 4.12 and what it needs at run time (okio, the Kotlin standard library), from the
 * local Maven repository when the machine has them (no Maven Central here); `null` otherwise.
 */
function okHttpClassPath(): string | null {
  const m2 = join(process.env.HOME ?? '/root', '.m2/repository');
  const jars = [
    'com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar',
    'com/squareup/okio/okio-jvm/3.6.0/okio-jvm-3.6.0.jar',
    'org/jetbrains/kotlin/kotlin-stdlib/1.9.10/kotlin-stdlib-1.9.10.jar',
  ].map((j) => join(m2, j));
  return jars.every((j) => existsSync(j)) ? jars.join(':') : null;
}

/** One Go build cache for all snippets (HOME is per snippet), so net/http is compiled once, not per case. */
const GOCACHE = join(tmpdir(), 'parley-fidelity-gocache');

/**
 * Compiles the packages Go snippets import into the shared cache, once and before the
 * snippets run concurrently (else each would compile net/http at the same time). No-op without Go.
 */
export function warmGoCache(): Promise<void> {
  return new Promise((done) => {
    const child = spawn('go', ['build', 'net/http', 'mime/multipart', 'io', 'os'], {
      env: { ...process.env, GOCACHE },
      stdio: 'ignore',
      timeout: 300_000,
    });
    child.on('error', () => done());
    child.on('close', () => done());
  });
}

export function runners(): Runner[] {
  const okhttp = okHttpClassPath();
  const bash = has('bash');
  const python = has('python3');
  return [
    {
      target: 'curl',
      file: 'snippet.sh',
      command: (f) => ['bash', [f]],
      missing: bash && has('curl') ? null : 'curl not installed',
    },
    {
      target: 'wget',
      file: 'snippet.sh',
      command: (f) => ['bash', [f]],
      missing: bash && has('wget') ? null : 'wget not installed',
      cannotRun: textOnly,
    },
    {
      target: 'httpie',
      file: 'snippet.sh',
      command: (f) => ['bash', [f]],
      missing: has('http') ? null : 'HTTPie (http) not installed',
      // Measured with HTTPie 3.2: it encodes header values as UTF-8 (é → C3 A9), and cannot be told otherwise.
      cannotRun: (c) => (c === 'header-latin1' ? 'HTTPie sends header values as UTF-8, not Latin-1' : null),
      rewritesTarget: { why: 'HTTPie (requests/urllib3) percent-encodes [ ] in the target', apply: urllib3Target },
    },
    {
      target: 'js-fetch',
      file: 'snippet.mjs',
      command: (f) => [process.execPath, [f]],
      missing: null,
      cannotRun: (c) =>
        // Multipart that FormData rebuilds exactly takes its files from an <input type=file>; the rest is inlined and runs.
        c === 'multipart-with-file' || c === 'multipart-plain-non-ascii'
          ? 'the browser snippet takes files from an <input type=file>'
          : textOnly(c),
    },
    {
      target: 'node-fetch',
      file: 'snippet.mjs',
      command: (f) => [process.execPath, [f]],
      missing: null,
      cannotRun: textOnly,
    },
    {
      target: 'node-axios',
      file: 'snippet.mjs',
      command: (f) => [process.execPath, [f]],
      missing: existsSync(resolve('node_modules/axios')) ? null : 'axios not installed',
      cannotRun: textOnly,
    },
    {
      target: 'python-requests',
      file: 'snippet.py',
      command: (f) => ['python3', [f]],
      missing: python && pythonRequests() ? null : 'python3 with requests not available',
    },
    {
      target: 'python-http-client',
      file: 'snippet.py',
      command: (f) => ['python3', [f]],
      missing: python ? null : 'python3 not installed',
    },
    {
      target: 'java-nethttp',
      file: 'Main.java',
      command: (f) => ['java', [f]],
      missing: has('java', ['-version']) ? null : 'java not installed',
      // Measured: the JDK writes the request head as US-ASCII (`?` for é); the snippet's note says so.
      cannotRun: (c) =>
        c === 'header-latin1' ? 'java.net.http sends header values as US-ASCII ("?" for é)' : textOnly(c),
    },
    {
      target: 'java-okhttp',
      file: 'Main.java',
      command: (f) => ['java', ['-cp', okhttp ?? '', f]],
      missing: !has('java', ['-version'])
        ? 'java not installed'
        : okhttp === null
          ? 'OkHttp 4.12, okio 3.6 and kotlin-stdlib 1.9 are not in ~/.m2 (no Maven Central here)'
          : null,
      cannotRun: (c) =>
        c === 'header-latin1' ? 'OkHttp refuses non-ASCII header values (the snippet says so)' : textOnly(c),
    },
    {
      target: 'php-curl',
      file: 'snippet.php',
      command: (f) => ['php', [f]],
      missing: has('php') ? null : 'php not installed',
      cannotRun: textOnly,
    },
    {
      target: 'go',
      file: 'main.go',
      command: (f) => ['go', ['run', f]],
      missing: has('go', ['version']) ? null : 'go not installed',
      cannotRun: textOnly,
    },
    {
      target: 'ruby',
      file: 'snippet.rb',
      command: (f) => ['ruby', [f]],
      missing: has('ruby') ? null : 'ruby not installed',
      cannotRun: textOnly,
    },
  ];
}

/**
 * Writes `text` and `files` into `dir` (axios resolves from the project's node_modules) and
 * runs it. Asynchronous on purpose: the echo relay lives in this process, so a blocking
 * spawn would deadlock.
 */
export async function runSnippet(
  runner: Runner,
  dir: string,
  text: string,
  files: { fileName: string; bytes: Uint8Array }[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  mkdirSync(dir, { recursive: true });
  if (runner.target === 'node-axios' && !existsSync(join(dir, 'node_modules'))) {
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  }
  writeFileSync(join(dir, runner.file), text);
  for (const f of files) writeFileSync(join(dir, f.fileName), f.bytes);
  const [cmd, args] = runner.command(runner.file);
  return new Promise((done) => {
    const env = { ...process.env, HOME: dir, GOCACHE, GOFLAGS: '-mod=mod' };
    const child = spawn(cmd, args, { cwd: dir, env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
