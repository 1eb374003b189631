/**
 * `/echo/digest/:algorithm/:user/:password?qop=auth`: a Digest-protected echo (RFC 7616),
 * checked here with node:crypto — independently of the client code in src/core/auth/digest.ts.
 * Without valid credentials: 401 with `WWW-Authenticate: Digest realm="parley-echo", qop=…,
 * algorithm=…, nonce=…, opaque=…`; with them: the echo of the request (200).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseChallenges } from '../../src/core/auth/digest.ts';
import { buildEchoReply, MAX_ECHO_BODY_BYTES, readBody, sendEchoReply, sendEchoText } from './echo.ts';

const REALM = 'parley-echo';
const OPAQUE = 'cGFybGV5LWVjaG8tb3BhcXVl';
/** How long a nonce is accepted, in ms; an older one gets `stale=true`. */
const NONCE_LIFETIME_MS = 5 * 60_000;
const NODE_HASH: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };
/** Signs nonces so that any this process made is accepted without storing them. */
const secret = randomBytes(32);

function nonceAt(ms: number): string {
  return `${ms.toString(36)}.${createHmac('sha256', secret).update(String(ms)).digest('base64url').slice(0, 22)}`;
}

/** `'ok'` for a nonce this process made less than NONCE_LIFETIME_MS ago, `'stale'` for an older one. */
function nonceState(nonce: string): 'ok' | 'stale' | 'bad' {
  const ms = parseInt(nonce.split('.')[0] ?? '', 36);
  if (!Number.isFinite(ms) || nonceAt(ms) !== nonce) return 'bad';
  return Date.now() - ms > NONCE_LIFETIME_MS ? 'stale' : 'ok';
}

/** Handles the route; `params` are the algorithm, user name and password from the path (percent-decoded). */
export function digestRoute(req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams): void {
  const [algorithmText = '', user = '', password = ''] = params.map((p) => decodeURIComponent(p));
  const algorithm = algorithmText.toUpperCase();
  const nodeHash = NODE_HASH[algorithm.replace(/-SESS$/, '')];
  const qop = query.get('qop') ?? 'auth';
  if (!nodeHash) return sendEchoText(res, 400, 'algorithm must be MD5, SHA-256 or SHA-512-256, optionally with -sess.');
  if (!['auth', 'auth-int', 'none'].includes(qop)) return sendEchoText(res, 400, 'qop must be auth, auth-int or none.');
  readBody(req, MAX_ECHO_BODY_BYTES).then(
    (body) => {
      const H = (s: string | Buffer) => createHash(nodeHash).update(s).digest('hex');
      const verdict = check(req, {
        algorithm,
        qop,
        user,
        password,
        H,
        body: body.prefix,
        complete: body.size === body.prefix.length,
      });
      if (verdict === 'ok') return sendEchoReply(res, 200, undefined, buildEchoReply(req, body));
      const challenge = [
        `Digest realm="${REALM}"`,
        ...(qop === 'none' ? [] : [`qop="${qop}"`]),
        `algorithm=${algorithmText}`,
        `nonce="${nonceAt(Date.now())}"`,
        `opaque="${OPAQUE}"`,
        ...(verdict === 'stale' ? ['stale=true'] : []),
      ].join(', ');
      sendEchoReply(res, 401, undefined, { error: verdict }, [['WWW-Authenticate', challenge]]);
    },
    (err: Error) => sendEchoText(res, 413, err.message),
  );
}

/** Why the Authorization does not open the route, or `ok`. */
function check(
  req: IncomingMessage,
  c: {
    algorithm: string;
    qop: string;
    user: string;
    password: string;
    H: (s: string | Buffer) => string;
    body: Buffer;
    complete: boolean;
  },
): 'ok' | 'stale' | 'missing credentials' | 'wrong credentials' {
  const header = req.headers.authorization;
  const parsed = header ? parseChallenges([header])[0] : undefined;
  if (!parsed || parsed.scheme.toLowerCase() !== 'digest') return 'missing credentials';
  const p = parsed.params;
  const nonce = p['nonce'] ?? '';
  const state = nonceState(nonce);
  if (state !== 'ok') return state === 'stale' ? 'stale' : 'wrong credentials';
  const { H } = c;
  let ha1 = H(`${c.user}:${REALM}:${c.password}`);
  if (c.algorithm.endsWith('-SESS')) ha1 = H(`${ha1}:${nonce}:${p['cnonce'] ?? ''}`);
  const ha2 =
    c.qop === 'auth-int'
      ? H(`${req.method}:${req.url}:${H(c.complete ? c.body : Buffer.alloc(0))}`)
      : H(`${req.method}:${req.url}`);
  const expected =
    c.qop === 'none'
      ? H(`${ha1}:${nonce}:${ha2}`)
      : H(`${ha1}:${nonce}:${p['nc'] ?? ''}:${p['cnonce'] ?? ''}:${c.qop}:${ha2}`);
  const fieldsOk =
    p['username'] === c.user &&
    p['realm'] === REALM &&
    p['uri'] === req.url &&
    p['opaque'] === OPAQUE &&
    (p['algorithm'] ?? 'MD5').toUpperCase() === c.algorithm &&
    (c.qop === 'none' ? p['qop'] === undefined : p['qop'] === c.qop && /^[0-9a-f]{8}$/.test(p['nc'] ?? ''));
  const given = Buffer.from(p['response'] ?? '');
  const ok = fieldsOk && given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  return ok ? 'ok' : 'wrong credentials';
}
