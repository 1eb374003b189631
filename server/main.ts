/**
 * `npm start` / `npm run serve`: starts Parley from environment variables.
 *   HOST (127.0.0.1), PORT (8080), PARLEY_DIST (./dist), PARLEY_ALLOWED_HOSTS (comma list),
 *   PARLEY_ALLOW_PRIVATE_TARGETS (1/true/yes or 0/false/no; default: allowed only on loopback),
 *   PARLEY_AUTH (user:password — HTTP Basic for the app and /api; set it whenever HOST is not loopback).
 */
import { startServer } from './app.ts';
import { isLoopbackHost, parseBasicCredentials, type BasicCredentials } from './security.ts';

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^(1|true|yes|on)$/i.test(value.trim());
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(1);
}

let basicAuth: BasicCredentials | undefined;
try {
  basicAuth = process.env.PARLEY_AUTH ? parseBasicCredentials(process.env.PARLEY_AUTH) : undefined;
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (!basicAuth && !isLoopbackHost(host))
  console.warn(
    `Warning: listening on ${host} without PARLEY_AUTH. Anyone who can reach this address can load the app, read its proxy token from / and use the proxy; set PARLEY_AUTH=user:password.`,
  );

try {
  const server = await startServer({
    basicAuth,
    host,
    port,
    distDir: process.env.PARLEY_DIST || 'dist',
    allowedHosts: (process.env.PARLEY_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    allowPrivateTargets: parseBoolean(process.env.PARLEY_ALLOW_PRIVATE_TARGETS),
  });
  console.log(`Parley is running at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    console.error(
      `Port ${port} on ${host} is already in use — another Parley or program is listening there. Stop it, or start on another port: PORT=8081 npm start`,
    );
  } else if (e.code === 'EACCES') {
    console.error(`Not allowed to listen on ${host}:${port} (ports below 1024 need privileges). Try PORT=8080.`);
  } else if (e.code === 'EADDRNOTAVAIL') {
    console.error(`${host} is not an address of this machine; set HOST to one of its addresses (default 127.0.0.1).`);
  } else {
    console.error(`Parley could not start: ${e.message}`);
  }
  process.exit(1);
}
