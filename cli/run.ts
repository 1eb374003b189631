/**
 * `parley run <collection> [options]`: the collection runner in Node, for CI (issue 15 §5).
 * The same engine (`src/core/runner`), resolveRequest, QuickJS sandbox and assertion code as
 * the app; only the transport differs (node:http(s), `node-transport.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { makeDynamicValues } from '../src/core/variables/dynamic.ts';
import { readRunnerSource } from '../src/core/runner/sources.ts';
import { runCookieJar } from '../src/core/runner/run-jar.ts';
import { parseDataFile } from '../src/core/runner/data-file.ts';
import { parseEnvironmentFile } from '../src/core/runner/environment-file.ts';
import { runCollection } from '../src/core/runner/run-collection.ts';
import { cliReport, exitCodeOf, jsonReport, junitReport } from '../src/core/runner/reporters.ts';
import { nodeSandbox } from '../src/services/scripts/node-sandbox.ts';
import { createNodeTransport } from './node-transport.ts';

export const USAGE = `Usage: parley run <library file or Postman collection> [options]

Options:
  --env FILE             environment (Postman environment, Parley environment, or {"name": "value"})
  --globals FILE         globals, same formats as --env
  --data FILE            CSV or JSON data file: one iteration per row, columns as variables
  --iterations N         number of iterations (default: rows of --data, or 1)
  --collection NAME      which collection of a library file (default: the first with requests)
  --delay MS             milliseconds between requests (default 0)
  --bail                 stop after the first request with a failed test or an error
  --reporter LIST        comma-separated: cli, junit, json (default cli)
  --junit-out FILE       where the junit reporter writes (default parley-junit.xml)
  --json-out FILE        where the json reporter writes (default parley-report.json)
  --timeout MS           per-request timeout (default 30000)
  --script-timeout MS    time limit of each script (default 5000)
  --insecure             do not check TLS certificates

Exit code: 0 when every test passed and no error occurred, 1 otherwise, 2 for bad usage.
`;

/** Where the CLI writes; injected so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const fail = (io: CliIo, message: string): 2 => {
  io.stderr(`parley: ${message}\n`);
  return 2;
};

async function readText(path: string, what: string): Promise<string | Error> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    return new Error(`cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Runs the CLI with `argv` (without `node` and the script). Resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        env: { type: 'string' },
        globals: { type: 'string' },
        data: { type: 'string' },
        iterations: { type: 'string' },
        collection: { type: 'string' },
        delay: { type: 'string' },
        bail: { type: 'boolean' },
        reporter: { type: 'string' },
        'junit-out': { type: 'string' },
        'json-out': { type: 'string' },
        timeout: { type: 'string' },
        'script-timeout': { type: 'string' },
        insecure: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(io, `${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals[0] !== 'run' || positionals.length !== 2) return fail(io, `expected "run <file>".\n\n${USAGE}`);
  const number = (v: string | undefined, name: string): number | undefined | Error => {
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 ? n : new Error(`--${name} must be a whole number, got "${v}"`);
  };
  const iterations = number(o.iterations, 'iterations');
  const delay = number(o.delay, 'delay');
  const timeout = number(o.timeout, 'timeout');
  const scriptTimeout = number(o['script-timeout'], 'script-timeout');
  for (const n of [iterations, delay, timeout, scriptTimeout]) if (n instanceof Error) return fail(io, n.message);
  const reporters = (o.reporter ?? 'cli').split(',').map((r) => r.trim());
  const unknown = reporters.filter((r) => !['cli', 'junit', 'json'].includes(r));
  if (unknown.length > 0) return fail(io, `unknown reporter ${unknown.join(', ')} (use cli, junit, json)`);

  const source = await readText(positionals[1] as string, 'collection file');
  if (source instanceof Error) return fail(io, source.message);
  const read = readRunnerSource(source, Date.now(), randomUUID, o.collection);
  if (!read.ok) return fail(io, read.message);
  for (const w of read.warnings) io.stderr(`warning: ${w}\n`);

  const vars = async (path: string | undefined, what: string): Promise<Record<string, string> | Error> => {
    if (path === undefined) return {};
    const t = await readText(path, what);
    if (t instanceof Error) return t;
    const r = parseEnvironmentFile(t);
    return r.ok ? r.variables : new Error(`${path}: ${r.message}`);
  };
  const environment = await vars(o.env, 'environment file');
  if (environment instanceof Error) return fail(io, environment.message);
  const globals = await vars(o.globals, 'globals file');
  if (globals instanceof Error) return fail(io, globals.message);
  let data: Record<string, string>[] | undefined;
  if (o.data !== undefined) {
    const t = await readText(o.data, 'data file');
    if (t instanceof Error) return fail(io, t.message);
    const r = parseDataFile(t);
    if (!r.ok) return fail(io, `${o.data}: ${r.message}`);
    data = r.rows;
  }

  const transport = createNodeTransport({ timeoutMs: timeout as number | undefined, verifyTls: o.insecure !== true });
  const summary = await runCollection(
    read.collection,
    {
      send: transport.send,
      sandbox: await nodeSandbox(),
      dynamic: () => makeDynamicValues(Date.now(), randomBytes(18)),
      newId: randomUUID,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      cookies: runCookieJar(),
    },
    {
      iterations: iterations as number | undefined,
      data,
      delayMs: delay as number | undefined,
      bail: o.bail === true,
      environment,
      globals,
      scriptTimeLimitMs: scriptTimeout as number | undefined,
    },
  );
  transport.close();
  if (reporters.includes('cli')) io.stdout(cliReport(summary));
  if (reporters.includes('junit')) {
    const path = o['junit-out'] ?? 'parley-junit.xml';
    await writeFile(path, junitReport(summary));
    io.stderr(`JUnit report written to ${path}\n`);
  }
  if (reporters.includes('json')) {
    const path = o['json-out'] ?? 'parley-report.json';
    await writeFile(path, jsonReport(summary));
    io.stderr(`JSON report written to ${path}\n`);
  }
  return exitCodeOf(summary);
}
