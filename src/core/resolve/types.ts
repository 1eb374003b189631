import type { MultipartFileSpan } from '../body/multipart.ts';

/** Output of `resolveRequest()`: the one description of the request from which every view derives. */
import type { DynamicValues } from '../variables/dynamic.ts';
import type { Auth, KeyValueRow } from '../model/draft.ts';
import type { ScopeLayer } from '../library/scope.ts';
import type { OAuth2Token } from '../auth/oauth2.ts';

/**
 * Where a header field came from. `user` = a header row; `auth` = the auth scheme; `body` = the
 * body mode (Content-Type); `scope` = a header row of the request's collection or a folder;
 * `cookie` = the cookie jar.
 */
export type HeaderSource = 'user' | 'auth' | 'body' | 'scope' | 'cookie';

export interface EffectiveHeader {
  name: string;
  value: string;
  source: HeaderSource;
  /** Id of the header row it came from, when `source` is `user`. */
  rowId?: string;
  /** The scope it was inherited from (`folder Users`, `collection Team`): `scope` fields and inherited auth. */
  from?: string;
}

/**
 * The request exactly as it goes on the wire (before transport-added fields such as
 * `Host`, `Content-Length`, which `renderHttpMessage()` shows explicitly).
 */
export interface EffectiveRequest {
  /** Method token, case kept (RFC 9110 §9.1). */
  method: string;
  /** Absolute target URI, query percent-encoded as it will be sent, no fragment. */
  url: string;
  /** Header fields in order, duplicates kept. */
  headers: EffectiveHeader[];
  /** Content bytes, or `null` when no body is sent. */
  body: Uint8Array | null;
  /**
   * Sentences on what the transport sends differently from what was typed (direct mode:
   * `'` in the query goes as `%27`); absent when there is nothing to say. The raw view shows them.
   */
  notes?: string[];
  /**
   * Multipart content only: each file part's content in `body` (octet `start`, `length`) and
   * the file's name as chosen, which the part header shows escaped (`"` → `%22`); snippets
   * read the file by this name. Absent for other content.
   */
  files?: MultipartFileSpan[];
  /**
   * Digest credentials for the proxy (RFC 7616): it sends this request, and when the server
   * answers 401 with a Digest challenge, sends it again with the Authorization it computes.
   * Never shown as a header field of this request: the first request carries none.
   */
  digest?: { username: string; password: string };
}

/** A problem found while resolving. `error` blocks sending; `warning` is shown. */
export interface ResolveProblem {
  severity: 'error' | 'warning';
  /** Which part of the form it is about. */
  field: 'method' | 'url' | 'query' | 'header' | 'auth' | 'body' | 'variable';
  /** Row id when it is about one table row. */
  rowId?: string;
  /** A sentence a person understands. */
  message: string;
}

export interface ResolveResult {
  /** `null` when there is at least one error. */
  request: EffectiveRequest | null;
  problems: ResolveProblem[];
  /** Names of `{{variables}}` used but not defined (also reported as errors). */
  unresolvedVariables: string[];
  /** Present (`true`) when a dynamic variable (`{{$guid}}` …) may be used, directly or in a variable's value. */
  dynamicUsed?: true;
  /**
   * When the effective auth (own or inherited) is OAuth 2.0: its configuration with variables
   * substituted, the token cache key (`tokenKey`), and the scope it came from (`null` = the
   * request's own). What "Get new token" and the refresh before a Send use.
   */
  oauth2?: { auth: Extract<Auth, { type: 'oauth2' }>; key: string; from: string | null };
}

/** How the request travels: through Parley's proxy (any header, any method) or the browser's own `fetch`. */
export type Transport = 'proxy' | 'direct';

/** Inputs of `resolveRequest()` besides the draft. Every field is optional. */
export interface ResolveContext {
  /** The active environment's variables (`activeVariables()`), by name. Default `{}`. They win over `globals` and `scopes`. */
  variables?: Record<string, string>;
  /** Global variables (lowest precedence). Default none. */
  globals?: readonly KeyValueRow[];
  /**
   * The request's scope chain, collection first then folders outer → inner (`scopeChain()`):
   * their variables, header rows and auth (for `inherit`) apply (docs/workspace-model.md). Default none.
   */
  scopes?: readonly ScopeLayer[];
  /** Bytes of a chosen file by `FileRef.fileId`; `undefined` when not available. Default: none available. */
  files?: (fileId: string) => Uint8Array | undefined;
  /** Default `proxy`. In `direct` mode, headers and methods a browser refuses are reported and left out. */
  transport?: Transport;
  /**
   * Values of `{{$guid}}`, `{{$timestamp}}`, `{{$isoTimestamp}}`, `{{$randomInt}}` for this
   * send (`makeDynamicValues`). Made once per send by the caller so every view agrees.
   * Default: none (a dynamic variable is then reported as not defined).
   */
  dynamic?: DynamicValues;
  /** Multipart boundary to use instead of the deterministic one (tests, reproducing a capture). */
  boundary?: string;
  /**
   * The cookie jar's `Cookie` field value for a target URI (`name=value; …`, `` for none), as
   * `cookieHeaderFor` in core/cookies/jar.ts gives it. Proxy mode only (a browser sends its own).
   */
  cookieFor?: (url: string) => string;
  /**
   * The cached OAuth 2.0 token for a configuration (`tokenKey` of core/auth/oauth2.ts), or
   * `undefined` when none has been obtained (in this environment). Default: none.
   */
  oauthTokenFor?: (key: string) => OAuth2Token | undefined;
  /** The time (ms since the epoch) to judge token expiry by; absent = expiry is not judged. */
  now?: number;
}
