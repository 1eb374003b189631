import type { Plugin } from 'vite';

/** Mounts Parley's server routes (/api/*, /echo/*) into the Vite dev server. Placeholder until the server lands. */
export function parleyDevServer(): Plugin {
  return { name: 'parley-dev-server' };
}
