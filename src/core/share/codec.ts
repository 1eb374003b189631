/**
 * Share links: a request draft carried in the URL fragment (never sent to a server,
 * RFC 3986 §3.5), in the style of Excalidraw's versioned `#json=` links.
 *
 * Format, version 1: `r=1.<base64url(deflateRaw(UTF-8 JSON of the payload))>`
 * (RFC 4648 §5 base64url without padding, RFC 1951 raw DEFLATE via fflate). The payload is
 * `{ draft, omitted, variables? }`: the draft without row ids (the receiver gets fresh ones),
 * the list of fields left out so the receiver can fill them in, and optionally variables.
 * A future format gets a new prefix (`r=2.`); decoders for older versions stay.
 */
import '../zod-setup.ts';
import { deflateSync, Inflate } from 'fflate';
import { z } from 'zod';
import { concatBytes } from '../body/multipart.ts';
import { parseDraft, type RequestDraft } from '../model/draft.ts';
import { VariableSchema, type Variable } from '../model/variables.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { disableOmittedRows, stripFiles, stripSecrets, type OmittedField, type SecretFinding } from './secrets.ts';
import { isShareFragment, SHARE_KEY, SHARE_VERSION } from './fragment.ts';

export type { OmittedField, SecretFinding } from './secrets.ts';

export { isShareFragment, SHARE_KEY, SHARE_VERSION } from './fragment.ts';
/** Decoding stops beyond this many bytes of JSON (a "zip bomb" link cannot exhaust memory). */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;
/** Links longer than this many characters are cut by some chat tools and servers. */
export const LONG_LINK_CHARS = 8000;

export interface EncodeOptions {
  /** Keep tokens, passwords, secret headers/query values and secret variables. Default false. */
  includeSecrets?: boolean;
  /** Variables to carry along (secret ones emptied unless `includeSecrets`); omit to carry none. */
  variables?: Variable[];
  /** Keys of secret findings ({@link SecretFinding.key}) to keep in the link, one by one. */
  keep?: ReadonlySet<string>;
}

export interface EncodeResult {
  /** The fragment without `#`: `r=1.<base64url>`. Its length is in characters (all ASCII). */
  fragment: string;
  /** Fields emptied or dropped, in order: auth, URL, query, headers, body, body files, variables. */
  omitted: OmittedField[];
  /** Every secret found (kept or not), with the key that keeps it; files are not secrets, see `omitted`. */
  findings: SecretFinding[];
}

export type ShareErrorCode = 'not-a-share-link' | 'unknown-version' | 'truncated' | 'garbled' | 'too-large' | 'invalid';

export type DecodeResult =
  | { ok: true; draft: RequestDraft; omitted: OmittedField[]; variables: Variable[] | null }
  | { ok: false; code: ShareErrorCode; message: string };

const OmittedSchema = z.object({
  where: z.enum(['auth', 'header', 'query', 'url', 'variable', 'body']),
  name: z.string(),
});
const PayloadSchema = z.object({
  draft: z.looseObject({ method: z.string(), url: z.string() }),
  omitted: z.array(OmittedSchema).catch([]),
  variables: z
    .array(VariableSchema.omit({ id: true }).extend({ id: z.string().optional() }))
    .nullable()
    .catch(null),
});

function withoutRowIds(draft: RequestDraft): unknown {
  const drop = <T extends { id: string }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);
  const body = draft.body;
  const sharedBody =
    body.mode === 'form-urlencoded'
      ? { ...body, fields: drop(body.fields) }
      : body.mode === 'multipart'
        ? { ...body, parts: drop(body.parts) }
        : body;
  return { ...draft, query: drop(draft.query), headers: drop(draft.headers), body: sharedBody };
}

function withRowIds(draft: RequestDraft, makeId: () => string): RequestDraft {
  const give = <T extends { id: string }>(rows: T[]) => rows.map((r) => ({ ...r, id: makeId() }));
  const body = draft.body;
  return {
    ...draft,
    query: give(draft.query),
    headers: give(draft.headers),
    body:
      body.mode === 'form-urlencoded'
        ? { ...body, fields: give(body.fields) }
        : body.mode === 'multipart'
          ? { ...body, parts: give(body.parts) }
          : body,
  };
}

/**
 * Encodes a draft as a share-link fragment, secrets removed unless asked for.
 * @param draft the request as edited
 * @param options see {@link EncodeOptions}
 * @returns `{ fragment: 'r=1.…', omitted, findings }`; never throws
 * @example encodeShare(draft).fragment // 'r=1.q1YqU7IyNDLTUcpLzE0FMjM…'
 */
export function encodeShare(draft: RequestDraft, options: EncodeOptions = {}): EncodeResult {
  const files = stripFiles(draft);
  const variables = options.variables ?? null;
  const found = stripSecrets(files.draft, variables, options.keep);
  const secrets = options.includeSecrets ? { draft: files.draft, variables, omitted: [] } : found;
  const omitted = [
    ...secrets.omitted.filter((o) => o.where !== 'variable'),
    ...files.omitted,
    ...secrets.omitted.filter((o) => o.where === 'variable'),
  ];
  const payload: Record<string, unknown> = { draft: withoutRowIds(secrets.draft), omitted };
  if (secrets.variables) payload.variables = secrets.variables.map(({ id: _id, ...rest }) => rest);
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = encodeBase64Url(deflateSync(json, { level: 9, mem: 8 }));
  return { fragment: `${SHARE_KEY}=${SHARE_VERSION}.${packed}`, omitted, findings: found.findings };
}

const fail = (code: ShareErrorCode, message: string): DecodeResult => ({ ok: false, code, message });

/** Inflates raw DEFLATE in small steps so the output bound is enforced before it is allocated. */
function boundedInflate(input: Uint8Array, maxBytes: number): Uint8Array | 'too-large' | 'truncated' | 'garbled' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) over = true;
    else chunks.push(chunk);
  });
  // 256 input bytes inflate to at most ~265 KB (DEFLATE's ratio is bounded by ~1032:1).
  const STEP = 256;
  try {
    for (let i = 0; i < input.length && !over; i += STEP) {
      inflater.push(input.subarray(i, i + STEP), i + STEP >= input.length);
    }
    if (input.length === 0) inflater.push(input, true);
  } catch (e) {
    if (over) return 'too-large';
    return (e as { code?: number }).code === 0 ? 'truncated' : 'garbled';
  }
  if (over) return 'too-large';
  return concatBytes(chunks);
}

/**
 * Decodes a share-link fragment back to a draft. Never throws: every failure is a result
 * with a code and a sentence a person understands.
 * @param hash `location.hash`, with or without the leading `#`
 * @param makeId gives fresh ids to the rows (query, headers, form fields, parts)
 * @returns the draft (a new, unsaved request; header and query rows left out arrive
 *   disabled with an empty value), the fields the sender left out, and the
 *   variables if any were shared; or `{ ok: false, code, message }` for a link that is not a
 *   share link, of an unknown version, truncated, garbled, or inflating beyond
 *   {@link MAX_DECODED_BYTES} bytes
 */
export function decodeShare(hash: string, makeId: () => string): DecodeResult {
  const text = hash.replace(/^#/, '');
  if (!isShareFragment(text)) return fail('not-a-share-link', 'This link does not contain a shared request.');
  const body = text.slice(SHARE_KEY.length + 1);
  const dot = body.indexOf('.');
  const version = dot < 0 ? body : body.slice(0, dot);
  if (!/^\d+$/.test(version)) {
    return fail('garbled', 'This share link is damaged: its version mark is missing. Ask for the link again.');
  }
  if (Number(version) !== SHARE_VERSION) {
    return fail(
      'unknown-version',
      `This share link uses format version ${version}, which this version of Parley cannot read (it reads version ${SHARE_VERSION}).`,
    );
  }
  const packed = body.slice(dot + 1);
  if (packed === '')
    return fail('truncated', 'This share link is cut off: it holds no request. Copy the whole link again.');
  // base64url is 4/3 of the compressed size; compressed data this large cannot be a sane request.
  if (packed.length > MAX_DECODED_BYTES) return fail('too-large', 'This share link is too large to open.');
  let compressed: Uint8Array;
  try {
    compressed = decodeBase64Url(packed);
  } catch (e) {
    const cut = packed.replace(/=+$/, '').length % 4 === 1 && /^[A-Za-z0-9_=-]*$/.test(packed);
    return cut
      ? fail('truncated', 'This share link is cut off. Copy the whole link again (some apps shorten long links).')
      : fail('garbled', `This share link is damaged (${(e as Error).message}). Ask for the link again.`);
  }
  const inflated = boundedInflate(compressed, MAX_DECODED_BYTES);
  if (inflated === 'too-large') {
    return fail(
      'too-large',
      `This share link expands to more than ${MAX_DECODED_BYTES / 1024 / 1024} MB; Parley does not open it.`,
    );
  }
  if (inflated === 'truncated') {
    return fail('truncated', 'This share link is cut off. Copy the whole link again (some apps shorten long links).');
  }
  if (inflated === 'garbled')
    return fail('garbled', 'This share link is damaged and cannot be read. Ask for the link again.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('garbled', 'This share link is damaged: its content is not a request. Ask for the link again.');
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return fail('invalid', 'This share link does not hold a request Parley understands.');
  const draft = disableOmittedRows(withRowIds(parseDraft(parsed.data.draft), makeId), parsed.data.omitted);
  const variables = parsed.data.variables?.map((v) => ({ ...v, id: makeId() })) ?? null;
  return { ok: true, draft, omitted: parsed.data.omitted, variables };
}
