/**
 * Auth schemes as small descriptors (Yaak style): each says what fields the form shows
 * and, purely, which header fields or query pairs it adds. `resolveRequest` applies them
 * after variables are substituted, and owns the rules for conflicts with header rows.
 */
import type { Auth, AuthType } from '../model/draft.ts';
import { JWT_ALGORITHMS, jsonObjectOf, tokenMatches } from './jwt.ts';

/** One input of an auth scheme's form. `key` is the property of the `Auth` object it edits. */
export interface AuthField {
  key: string;
  /** Accessible name of the control (DESIGN §5): `Token`, `Username`, `Password`, `Key`, `Value`, `Add to`. */
  label: string;
  /** `multiline`: a text area (JSON, PEM); `readonly`: shown, made by Parley (a signed token). */
  kind: 'text' | 'password' | 'select' | 'multiline' | 'readonly';
  options?: { value: string; label: string }[];
  placeholder?: string;
  /** Shown only when this holds for the auth's fields (OAuth 2.0: the fields of the chosen grant). Absent = always. */
  when?: (auth: Record<string, string>) => boolean;
}

/** What a scheme adds to the request. Names and values are sent as given (values already substituted). */
export interface AuthApplied {
  headers?: [string, string][];
  /** Query pairs as they stand in the URL (encoded with `encodeQueryComponent` when sent). */
  query?: [string, string][];
  /** Why nothing was added, when the fields are not filled in (shown as a warning). */
  skipped?: string;
  /** Something was added but looks unintended (an API key with an empty value); shown as a warning. */
  warning?: string;
  /** Credentials the proxy answers a challenge with (Digest: computed from the server's 401, RFC 7616). */
  challenge?: { scheme: 'digest'; username: string; password: string };
}

/**
 * A scheme descriptor: picker label, form fields, and a pure `apply`. `apply` only says
 * what the scheme adds, or why it adds nothing (`skipped`: empty credentials) or why what it
 * adds looks unintended (`warning`); resolveRequest turns those into warnings and owns
 * validation and conflicts with header rows.
 */
export interface AuthScheme<T extends AuthType = AuthType> {
  id: T;
  /** Option text of the `Auth type` picker. */
  label: string;
  fields: AuthField[];
  /** A fresh `Auth` of this type with empty fields. */
  empty(): Extract<Auth, { type: T }>;
  apply(auth: Extract<Auth, { type: T }>): AuthApplied;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4) of `bytes`. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * The Basic credentials field value: `Basic ` + base64(UTF-8(user ":" password)), the
 * UTF-8 charset of RFC 7617 §2.1 (what curl and browsers send for non-ASCII).
 * Example: `basicCredentials('user', 'päss')` → `'Basic dXNlcjpww6Rzcw=='`. Never throws.
 */
export function basicCredentials(username: string, password: string): string {
  return 'Basic ' + base64(new TextEncoder().encode(`${username}:${password}`));
}

const none: AuthScheme<'none'> = {
  id: 'none',
  label: 'No auth',
  fields: [],
  empty: () => ({ type: 'none' }),
  apply: () => ({}),
};

/**
 * "Inherit from parent": adds nothing by itself. `resolveRequest` replaces it with the auth of
 * the innermost scope (folder, then collection) that sets one before applying; with no scope
 * (an unsaved request) it is the same as No auth (docs/workspace-model.md).
 */
const inherit: AuthScheme<'inherit'> = {
  id: 'inherit',
  label: 'Inherit from parent',
  fields: [],
  empty: () => ({ type: 'inherit' }),
  apply: () => ({}),
};

/**
 * RFC 6750 §2.1: `Authorization: Bearer <token>` (token trimmed). An empty or blank token
 * adds nothing and is `skipped` ("The Bearer token is empty, …"): `Bearer ` with no token
 * is not a valid credentials field (RFC 6750 §2.1 requires 1*b64token), and a shared link
 * with its token stripped must not send one.
 */
const bearer: AuthScheme<'bearer'> = {
  id: 'bearer',
  label: 'Bearer token',
  fields: [{ key: 'token', label: 'Token', kind: 'password' }],
  empty: () => ({ type: 'bearer', token: '' }),
  apply: (a) =>
    a.token.trim() === ''
      ? { skipped: 'The Bearer token is empty, so no Authorization header is sent.' }
      : { headers: [['Authorization', `Bearer ${a.token.trim()}`]] },
};

/**
 * RFC 7617: `Authorization: Basic base64(user:password)`, UTF-8. Username AND password
 * empty → nothing added, `skipped` (`Basic Og==` would be junk); one of them empty is
 * sent (an empty password is legitimate, RFC 7617 §2).
 */
const basic: AuthScheme<'basic'> = {
  id: 'basic',
  label: 'Basic auth',
  fields: [
    { key: 'username', label: 'Username', kind: 'text' },
    { key: 'password', label: 'Password', kind: 'password' },
  ],
  empty: () => ({ type: 'basic', username: '', password: '' }),
  apply: (a) =>
    a.username === '' && a.password === ''
      ? { skipped: 'Username and password are empty, so no Authorization header is sent.' }
      : { headers: [['Authorization', basicCredentials(a.username, a.password)]] },
};

/**
 * An API key sent as a named header field or as a query parameter. An empty key name
 * (Key) → nothing added, `skipped`. A name with an empty value is sent (`X-API-Key:` with
 * an empty value is a valid field, RFC 9110 §5.5) with a `warning`, since it is most
 * likely a value not filled in (or stripped from a shared link).
 */
const apikey: AuthScheme<'apikey'> = {
  id: 'apikey',
  label: 'API key',
  fields: [
    { key: 'key', label: 'Key', kind: 'text', placeholder: 'X-API-Key' },
    { key: 'value', label: 'Value', kind: 'password' },
    {
      key: 'in',
      label: 'Add to',
      kind: 'select',
      options: [
        { value: 'header', label: 'Header' },
        { value: 'query', label: 'Query parameters' },
      ],
    },
  ],
  empty: () => ({ type: 'apikey', key: '', value: '', in: 'header' }),
  apply: (a) => {
    if (a.key.trim() === '') return { skipped: 'The API key name (Key) is empty, so the key is not sent.' };
    const name = a.key.trim();
    const applied: AuthApplied = a.in === 'query' ? { query: [[name, a.value]] } : { headers: [[name, a.value]] };
    if (a.value.trim() === '') {
      applied.warning = `The API key value is empty: ${name} is sent ${a.in === 'query' ? 'in the query' : 'as a header'} with an empty value.`;
    }
    return applied;
  },
};

/**
 * JWT bearer: `Authorization: Bearer <token>` with the token the Auth tab signed from the
 * algorithm, key, header and payload (RFC 7519; signing is async WebCrypto, see core/auth/jwt.ts).
 * No token yet → `skipped`; header or payload not a JSON object → `skipped` with the reason;
 * a token that no longer matches the header and payload → sent, with a `warning`.
 */
const jwt: AuthScheme<'jwt'> = {
  id: 'jwt',
  label: 'JWT bearer',
  fields: [
    {
      key: 'algorithm',
      label: 'Algorithm',
      kind: 'select',
      options: JWT_ALGORITHMS.map((a) => ({ value: a, label: a })),
    },
    {
      key: 'key',
      label: 'Signing key',
      kind: 'multiline',
      placeholder: 'HS*: the secret; RS256/ES256: a PKCS#8 PEM private key',
    },
    { key: 'header', label: 'JWT header', kind: 'multiline', placeholder: '{ "kid": "key-1" }' },
    { key: 'payload', label: 'JWT payload', kind: 'multiline', placeholder: '{ "sub": "1234", "iat": 1516239022 }' },
    { key: 'token', label: 'Signed token', kind: 'readonly' },
  ],
  empty: () => ({ type: 'jwt', algorithm: 'HS256', key: '', header: '', payload: '', token: '' }),
  apply: (a) => {
    const header = jsonObjectOf(a.header, 'header');
    const payload = jsonObjectOf(a.payload, 'payload');
    if ('error' in header) return { skipped: `${header.error} No Authorization header is sent.` };
    if ('error' in payload) return { skipped: `${payload.error} No Authorization header is sent.` };
    if (a.token.trim() === '')
      return { skipped: 'The JWT is not signed yet (fill in the signing key), so no Authorization header is sent.' };
    const applied: AuthApplied = { headers: [['Authorization', `Bearer ${a.token.trim()}`]] };
    if (!tokenMatches(a.token.trim(), a.algorithm, header.value, payload.value))
      applied.warning =
        'The signed token does not match the JWT header and payload (signing is still running or failed); the last token is sent.';
    return applied;
  },
};

/**
 * HTTP Digest (RFC 7616). Nothing is added to the first request: the proxy answers the
 * server's 401 challenge (MD5, SHA-256, SHA-512-256, `-sess`, qop auth/auth-int) with a
 * second request carrying `Authorization: Digest …`. Username and password empty → `skipped`.
 */
const digest: AuthScheme<'digest'> = {
  id: 'digest',
  label: 'Digest auth',
  fields: [
    { key: 'username', label: 'Username', kind: 'text' },
    { key: 'password', label: 'Password', kind: 'password' },
  ],
  empty: () => ({ type: 'digest', username: '', password: '' }),
  apply: (a) =>
    a.username === '' && a.password === ''
      ? { skipped: 'Username and password are empty, so the Digest challenge is not answered.' }
      : { challenge: { scheme: 'digest', username: a.username, password: a.password } },
};

/**
 * AWS Signature Version 4. `apply` only checks the fields: the signature covers the whole
 * request as sent, so resolveRequest adds it last (`awsSignatureHeaders`), after the
 * content and every other header field are known. Missing key id, secret, region or
 * service → nothing added, `skipped`.
 */
const awsv4: AuthScheme<'awsv4'> = {
  id: 'awsv4',
  label: 'AWS Signature',
  fields: [
    { key: 'accessKeyId', label: 'Access key ID', kind: 'text', placeholder: 'AKIAIOSFODNN7EXAMPLE' },
    { key: 'secretAccessKey', label: 'Secret access key', kind: 'password' },
    { key: 'sessionToken', label: 'Session token', kind: 'password', placeholder: 'optional (temporary credentials)' },
    { key: 'region', label: 'Region', kind: 'text', placeholder: 'us-east-1' },
    { key: 'service', label: 'Service', kind: 'text', placeholder: 's3, execute-api, …' },
  ],
  empty: () => ({ type: 'awsv4', accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '', service: '' }),
  apply: (a) => {
    const missing = (
      [
        ['Access key ID', a.accessKeyId],
        ['Secret access key', a.secretAccessKey],
        ['Region', a.region],
        ['Service', a.service],
      ] as const
    )
      .filter(([, v]) => v.trim() === '')
      .map(([label]) => label);
    return missing.length > 0
      ? { skipped: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty, so the request is not signed.` }
      : {};
  },
};

const grantIs =
  (...grants: string[]) =>
  (a: Record<string, string>): boolean =>
    grants.includes(a.grantType ?? '');

/**
 * OAuth 2.0 (RFC 6749). `apply` only checks the fields: the token comes from the browser's token
 * cache (`ResolveContext.oauthTokenFor`, see core/auth/oauth2.ts and docs/auth.md), so
 * resolveRequest adds `Authorization: <token_type> <access token>` itself.
 */
const oauth2: AuthScheme<'oauth2'> = {
  id: 'oauth2',
  label: 'OAuth 2.0',
  fields: [
    {
      key: 'grantType',
      label: 'Grant type',
      kind: 'select',
      options: [
        { value: 'authorization_code', label: 'Authorization code' },
        { value: 'client_credentials', label: 'Client credentials' },
        { value: 'password', label: 'Password' },
        { value: 'implicit', label: 'Implicit (legacy)' },
      ],
    },
    {
      key: 'authUrl',
      label: 'Authorization URL',
      kind: 'text',
      placeholder: 'https://auth.example.com/authorize',
      when: grantIs('authorization_code', 'implicit'),
    },
    {
      key: 'tokenUrl',
      label: 'Token URL',
      kind: 'text',
      placeholder: 'https://auth.example.com/token',
      when: grantIs('authorization_code', 'client_credentials', 'password'),
    },
    { key: 'clientId', label: 'Client ID', kind: 'text' },
    {
      key: 'clientSecret',
      label: 'Client secret',
      kind: 'password',
      placeholder: 'empty for a public client (PKCE)',
      when: grantIs('authorization_code', 'client_credentials', 'password'),
    },
    {
      key: 'clientAuth',
      label: 'Client authentication',
      kind: 'select',
      options: [
        { value: 'basic', label: 'Basic auth header' },
        { value: 'body', label: 'In the request body' },
      ],
      when: grantIs('authorization_code', 'client_credentials', 'password'),
    },
    { key: 'username', label: 'Username', kind: 'text', when: grantIs('password') },
    { key: 'password', label: 'Password', kind: 'password', when: grantIs('password') },
    { key: 'scope', label: 'Scope', kind: 'text', placeholder: 'read write' },
    { key: 'audience', label: 'Audience', kind: 'text', placeholder: 'optional' },
    {
      key: 'redirectUri',
      label: 'Redirect URI',
      kind: 'text',
      placeholder: 'empty: Parley’s /oauth/callback',
      when: grantIs('authorization_code', 'implicit'),
    },
    {
      key: 'pkce',
      label: 'PKCE',
      kind: 'select',
      options: [
        { value: 'S256', label: 'S256 (recommended)' },
        { value: 'plain', label: 'plain' },
        { value: 'off', label: 'Off' },
      ],
      when: grantIs('authorization_code'),
    },
    {
      key: 'extraParams',
      label: 'Extra parameters',
      kind: 'text',
      placeholder: 'resource=https%3A%2F%2Fapi&prompt=consent',
    },
    { key: 'headerPrefix', label: 'Header prefix', kind: 'text', placeholder: 'the token type (Bearer)' },
  ],
  empty: () => ({
    type: 'oauth2',
    grantType: 'authorization_code',
    authUrl: '',
    tokenUrl: '',
    clientId: '',
    clientSecret: '',
    clientAuth: 'basic',
    scope: '',
    audience: '',
    redirectUri: '',
    pkce: 'S256',
    username: '',
    password: '',
    extraParams: '',
    headerPrefix: '',
  }),
  apply: () => ({}),
};

/** Every scheme, in the order of the `Auth type` picker. */
export const AUTH_SCHEMES: readonly AuthScheme[] = [
  none,
  bearer,
  basic,
  apikey,
  jwt,
  digest,
  awsv4,
  oauth2,
  inherit,
] as unknown as readonly AuthScheme[];

/** The descriptor for `type` (falls back to `No auth` for an unknown type). */
export function authScheme<T extends AuthType>(type: T): AuthScheme<T> {
  return (AUTH_SCHEMES.find((s) => s.id === type) ?? none) as unknown as AuthScheme<T>;
}

/**
 * Applies `auth` with its scheme's descriptor: `{ headers?, query?, skipped?, warning? }`
 * (see each scheme for when it skips or warns). Pure; never throws.
 * Example: `applyAuth({ type: 'bearer', token: '' })` →
 * `{ skipped: 'The Bearer token is empty, so no Authorization header is sent.' }`.
 */
export function applyAuth(auth: Auth): AuthApplied {
  return authScheme<AuthType>(auth.type).apply(auth);
}
