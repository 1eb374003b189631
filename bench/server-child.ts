/**
 * Starts Parley's server (`server/main.ts`) in a child process on a free loopback port, so a
 * benchmark measures it apart from the process that drives the load, and reads the proxy token
 * from its index.html the way any client can.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerChild {
  /** `http://127.0.0.1:<port>` as the server printed it. */
  base: string;
  port: number;
  /** `host:port` of `base`. */
  host: string;
  /** The per-process proxy token from index.html (`''` when the page has none). */
  token: string;
  child: ChildProcess;
}

/**
 * @param distDir the folder served as the app (`PARLEY_DIST`)
 * @throws Error when the server exits before printing its URL
 */
export async function startServerChild(distDir: string): Promise<ServerChild> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PARLEY_DIST: distDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Parley is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const url = new URL(base);
  // The token reaches a client the same way it reaches the app: inside index.html.
  const html = await fetch(`${base}/`).then((r) => r.text());
  const token = /content="([^"]+)"/.exec(html)?.[1] ?? '';
  return { base, port: Number(url.port), host: url.host, token, child };
}
