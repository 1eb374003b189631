/**
 * The request draft: what the user edits, what is saved and what is shared.
 *
 * Versioned from day one (`v: 1`). `parseDraft()` never throws: every field has a
 * `.catch(default)` so a partly corrupt record still loads (Hoppscotch data-package style).
 * The query lives in ONE place: `query` rows. The URL field shows `url` + the enabled
 * rows, and typing in the URL field re-splits into rows (see `core/url`).
 */
import '../zod-setup.ts';
import { z } from 'zod';
import { AssertionSchema, RequestScriptsSchema } from '../assertions/schema.ts';

/** A name/value row of a table (query parameters, headers, form fields). */
export const KeyValueRowSchema = z.object({
  id: z.string().catch(''),
  name: z.string().catch(''),
  value: z.string().catch(''),
  enabled: z.boolean().catch(true),
});
export type KeyValueRow = z.infer<typeof KeyValueRowSchema>;

/**
 * A query parameter row. `name` and `value` hold the text as it stands in the URL
 * (between the delimiters), not decoded. `noEquals` keeps `?flag` (no `=`) distinct
 * from `?flag=`.
 */
export const QueryRowSchema = KeyValueRowSchema.extend({
  noEquals: z.boolean().optional().catch(undefined),
});
export type QueryRow = z.infer<typeof QueryRowSchema>;

export const AuthSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    /** "Inherit from parent": the auth of the nearest folder or collection that sets one (docs/workspace-model.md). */
    z.object({ type: z.literal('inherit') }),
    z.object({ type: z.literal('bearer'), token: z.string().catch('') }),
    z.object({
      type: z.literal('basic'),
      username: z.string().catch(''),
      password: z.string().catch(''),
    }),
    z.object({
      type: z.literal('apikey'),
      key: z.string().catch(''),
      value: z.string().catch(''),
      in: z.enum(['header', 'query']).catch('header'),
    }),
    z.object({
      type: z.literal('jwt'),
      algorithm: z.enum(['HS256', 'HS384', 'HS512', 'RS256', 'ES256']).catch('HS256'),
      /** HS*: the shared secret (UTF-8); RS256/ES256: the private key as PKCS#8 PEM. */
      key: z.string().catch(''),
      header: z.string().catch(''),
      payload: z.string().catch(''),
      /** The token as signed from the fields above (made by the Auth tab); what is sent. */
      token: z.string().catch(''),
    }),
    z.object({ type: z.literal('digest'), username: z.string().catch(''), password: z.string().catch('') }),
    z.object({
      type: z.literal('awsv4'),
      accessKeyId: z.string().catch(''),
      secretAccessKey: z.string().catch(''),
      sessionToken: z.string().catch(''),
      region: z.string().catch(''),
      service: z.string().catch(''),
    }),
    /**
     * OAuth 2.0 (RFC 6749). The configuration only: tokens live in this browser's token cache
     * (per configuration and environment, docs/auth.md), never in the draft, a link or an export.
     */
    z.object({
      type: z.literal('oauth2'),
      grantType: z
        .enum(['authorization_code', 'client_credentials', 'password', 'implicit'])
        .catch('authorization_code'),
      authUrl: z.string().catch(''),
      tokenUrl: z.string().catch(''),
      clientId: z.string().catch(''),
      clientSecret: z.string().catch(''),
      /** `basic`: Authorization: Basic (RFC 6749 §2.3.1, the recommended way); `body`: client_id/client_secret in the form. */
      clientAuth: z.enum(['basic', 'body']).catch('basic'),
      scope: z.string().catch(''),
      audience: z.string().catch(''),
      /** Empty = Parley's own `/oauth/callback` on its origin. */
      redirectUri: z.string().catch(''),
      pkce: z.enum(['S256', 'plain', 'off']).catch('S256'),
      username: z.string().catch(''),
      password: z.string().catch(''),
      /** More parameters for the authorization and token requests, form-encoded: `a=1&b=2`. */
      extraParams: z.string().catch(''),
      /** Prefix of the Authorization field value; empty = the token's `token_type` (normally `Bearer`). */
      headerPrefix: z.string().catch(''),
    }),
  ])
  .catch({ type: 'none' });
export type Auth = z.infer<typeof AuthSchema>;
export type AuthType = Auth['type'];

/** A reference to a file chosen from disk; bytes live outside the draft (see `FileStore`). */
export const FileRefSchema = z.object({
  fileId: z.string(),
  fileName: z.string().catch(''),
  contentType: z.string().catch('application/octet-stream'),
  size: z.number().catch(0),
  /** The type the browser guessed from the file name (File.type) when it was chosen, if any; only for warnings. */
  detectedType: z.string().optional().catch(undefined),
});
export type FileRef = z.infer<typeof FileRefSchema>;

export const MultipartPartSchema = z.object({
  id: z.string().catch(''),
  name: z.string().catch(''),
  enabled: z.boolean().catch(true),
  kind: z.enum(['text', 'file']).catch('text'),
  value: z.string().catch(''),
  /**
   * Content type of a text part; empty = none sent. For a file part the type sent is
   * `file.contentType`; this field then holds the type the user or an import GAVE (empty =
   * none given), which a newly chosen file keeps (see `fileRefForPart`).
   */
  contentType: z.string().catch(''),
  file: FileRefSchema.nullable().catch(null),
});
export type MultipartPart = z.infer<typeof MultipartPartSchema>;

export const BodySchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('json'), text: z.string().catch('') }),
    z.object({ mode: z.literal('text'), text: z.string().catch('') }),
    z.object({ mode: z.literal('xml'), text: z.string().catch('') }),
    z.object({ mode: z.literal('form-urlencoded'), fields: z.array(KeyValueRowSchema).catch([]) }),
    z.object({ mode: z.literal('multipart'), parts: z.array(MultipartPartSchema).catch([]) }),
    z.object({ mode: z.literal('binary'), file: FileRefSchema.nullable().catch(null) }),
    /** GraphQL (issue 17, docs/graphql.md): the document, variables as JSON text, the chosen operation. */
    z.object({
      mode: z.literal('graphql'),
      query: z.string().catch(''),
      variables: z.string().catch(''),
      operationName: z.string().nullable().catch(null),
    }),
  ])
  .catch({ mode: 'none' });
export type Body = z.infer<typeof BodySchema>;
export type BodyMode = Body['mode'];

/** A saved message draft of a WebSocket request: text, JSON (sent as text) or binary typed as hex. */
export const WsMessageDraftSchema = z.object({
  id: z.string().catch(''),
  name: z.string().catch(''),
  kind: z.enum(['text', 'json', 'binary']).catch('text'),
  /** The message as typed: text/JSON as is, binary as hex digits (`de ad be ef`). */
  text: z.string().catch(''),
});
export type WsMessageDraft = z.infer<typeof WsMessageDraftSchema>;

export const WebSocketSettingsSchema = z.object({
  /** Offered subprotocols, comma-separated as typed (Sec-WebSocket-Protocol, RFC 6455 §11.3.4). */
  subprotocols: z.string().catch(''),
  messages: z.array(WsMessageDraftSchema).catch([]),
});
export type WebSocketSettings = z.infer<typeof WebSocketSettingsSchema>;

export const RequestDraftSchema = z.object({
  v: z.literal(1).catch(1),
  method: z.string().catch('GET'),
  /** Target URI without query and fragment, as typed: `https://api.example.test/users/:id`. */
  url: z.string().catch(''),
  query: z.array(QueryRowSchema).catch([]),
  /** Fragment typed after `#` (without the `#`); never sent (RFC 3986 §3.5). `null` = none typed. */
  fragment: z.string().nullable().catch(null),
  /** Values of `:name` path variables, by name. */
  pathVariables: z.record(z.string(), z.string()).catch({}),
  headers: z.array(KeyValueRowSchema).catch([]),
  auth: AuthSchema,
  body: BodySchema,
  /**
   * Check the server's TLS certificate (curl's default; `curl -k` turns it off). Sent to the
   * proxy; a browser (Direct) always checks. Drafts stored before the field existed load
   * with `true`, so no version bump is needed.
   */
  verifyTls: z.boolean().catch(true),
  /** Pre-request / post-response scripts (issue 15, docs/scripts.md); absent = none. No version bump. */
  scripts: RequestScriptsSchema.optional().catch(undefined),
  /** Assertions table (issue 15); absent = none. */
  assertions: z.array(AssertionSchema).optional().catch(undefined),
  /** `false`: do not send the cookie jar's cookies with this request (proxy mode). Absent = send them. */
  sendCookies: z.boolean().optional().catch(undefined),
  /**
   * WebSocket settings (docs/websocket-sse.md); used when the URL is `ws://` / `wss://` (the URL
   * alone says the request is a WebSocket one). Absent = none. No version bump.
   */
  websocket: WebSocketSettingsSchema.optional().catch(undefined),
});
export type RequestDraft = z.infer<typeof RequestDraftSchema>;

/** Loads any value as a draft of the current version; never throws (defaults fill gaps). */
export function parseDraft(input: unknown): RequestDraft {
  return RequestDraftSchema.parse(typeof input === 'object' && input !== null ? input : {});
}
