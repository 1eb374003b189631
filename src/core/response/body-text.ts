/**
 * Turning a textual response body into what the viewer shows: decoded text (WHATWG Encoding, via
 * chooseDecoder), a lossless pretty form for JSON/XML, and the root of the JSON outline.
 * Used in the body worker for large bodies and inline for small ones, so both show the same.
 */
import { chooseDecoder, describeDecoder } from './charset.ts';
import { formatJson, JsonSyntaxError } from '../json/lossless.ts';
import { formatJsonBytes, JsonBytesInvalid } from '../json/stream-format.ts';
import { formatXml } from './xml-format.ts';
import { jsonOutlineRoot, type JsonOutlineNode } from './json-outline.ts';

export type TextBodyKind = 'json' | 'xml' | 'html' | 'text';

export interface PreparedBodyText {
  /** e.g. `charset: iso-8859-1 (decoded as windows-1252)`. */
  charset: string;
  /** Why the declared charset was not used, or `null`. */
  charsetNote: string | null;
  /** The content decoded as received (a BOM removed). */
  raw: string;
  /** Formatted JSON/XML; `null` for HTML/text or invalid JSON. */
  pretty: string | null;
  /** Why there is no pretty form, e.g. `Not valid JSON: … at line 3, column 7. Showing the content as received.` */
  prettyError: string | null;
  /** Root of the lazy JSON outline; `null` unless valid JSON. */
  treeRoot: JsonOutlineNode | null;
}

/**
 * Decodes and formats a body.
 * @param bytes the content bytes; @param contentType Content-Type or `null`; @param kind from classifyBody.
 * @param onPhase called before the formatting step (for a progress line).
 * @returns the prepared text; invalid JSON is reported in `prettyError`, never thrown.
 * @throws only on resource exhaustion (e.g. a string longer than the engine allows).
 */
export function prepareBodyText(
  bytes: Uint8Array,
  contentType: string | null,
  kind: TextBodyKind,
  onPhase?: (phase: 'formatting') => void,
): PreparedBodyText {
  const choice = chooseDecoder(contentType, bytes.subarray(0, 4));
  // TextDecoder removes a BOM matching its encoding, as WHATWG "decode" does.
  const raw = new TextDecoder(choice.encoding).decode(bytes);
  let pretty: string | null = null;
  let prettyError: string | null = null;
  let treeRoot: JsonOutlineNode | null = null;
  if (kind === 'xml') {
    onPhase?.('formatting');
    pretty = formatXml(raw);
  } else if (kind === 'json') {
    onPhase?.('formatting');
    try {
      // The byte formatter is the fast path; its output equals formatJson's (tested).
      pretty = choice.encoding === 'UTF-8' ? new TextDecoder().decode(formatJsonBytes(bytes)) : formatJson(raw);
    } catch (error) {
      if (!(error instanceof JsonBytesInvalid) && !(error instanceof JsonSyntaxError)) throw error;
      try {
        pretty = formatJson(raw); // the reference formatter gives the exact message, line and column
      } catch (reference) {
        if (!(reference instanceof JsonSyntaxError)) throw reference;
        prettyError = `Not valid JSON: ${reference.message}. Showing the content as received.`;
      }
    }
    if (pretty !== null) treeRoot = jsonOutlineRoot(raw);
  }
  return { charset: describeDecoder(choice), charsetNote: choice.note, raw, pretty, prettyError, treeRoot };
}
