/**
 * Calls Parley's load-test API (src/core/load/wire.ts) with the page's token. Errors are thrown
 * as `Error` with the server's sentence (its `ProxyErrorBody` message) or a network sentence.
 */
import type { EffectiveRequest } from '../core/resolve/types.ts';
import type { LoadTestConfig } from '../core/load/config.ts';
import { LOAD_PATH, type LoadSnapshot, type LoadStartBody } from '../core/load/wire.ts';
import { PROXY_TOKEN_HEADER, type ProxyErrorBody } from '../core/wire/proxy.ts';
import { readProxyToken } from './proxy-token.ts';

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = readProxyToken();
  if (token === null)
    throw new Error("Load tests run on Parley's server, and this page was not served by it (no token).");
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      cache: 'no-store',
      headers: { [PROXY_TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
    });
  } catch {
    throw new Error("Parley's server could not be reached; is it still running?");
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `The server answered ${res.status}.`;
    try {
      message = (JSON.parse(text) as ProxyErrorBody).error.message;
    } catch {
      // not our JSON: keep the status sentence
    }
    throw new Error(message);
  }
  return JSON.parse(text) as T;
}

/** Starts a load test of `request` (the resolved request, as Send would send it); resolves to its id. */
export async function startLoadTest(request: EffectiveRequest, config: LoadTestConfig): Promise<string> {
  const body: LoadStartBody = {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers.map((h) => [h.name, h.value]),
      bodyBase64: request.body === null ? null : base64(request.body),
    },
    config,
  };
  const { id } = await call<{ id: string }>(LOAD_PATH, { method: 'POST', body: JSON.stringify(body) });
  return id;
}

/** The run's figures now. */
export function readLoadTest(id: string): Promise<LoadSnapshot> {
  return call<LoadSnapshot>(`${LOAD_PATH}/${id}`);
}

/** Asks the server to start no more requests; resolves to the figures at that moment. */
export function stopLoadTest(id: string): Promise<LoadSnapshot> {
  return call<LoadSnapshot>(`${LOAD_PATH}/${id}/stop`, { method: 'POST', body: '{}' });
}
