/**
 * What a preview of response bytes may be made of, so that no byte from a response is ever
 * rendered with Parley's origin (issue 9 point 1; docs/security.md):
 *
 * - images: a `data:` URL inside `<img>`. An image element never runs script (HTML §4.8.4.1,
 *   SVG as an image is in "secure animated mode"), and a `data:` URL opened in a tab gets an
 *   opaque origin (HTML §7.1.1 "about:blank and data: URLs"), unlike a `blob:` URL, which
 *   carries the origin of the page that made it, so an SVG opened from a blob URL ran as Parley;
 * - audio, video, PDF: an object URL, but only typed as audio, video or `application/pdf`,
 *   which the browser renders as a media or PDF document (no script of the response) even at
 *   top level; any other type gets no object URL;
 * - HTML (and anything else shown as a page): `srcdoc` of an iframe with `sandbox=""` (no
 *   scripts, opaque origin), and a Content-Security-Policy `<meta>` first in the document so it
 *   loads nothing from the network ({@link PREVIEW_DOCUMENT_CSP}).
 */
import { parseMediaType } from '../../core/response/media-type.ts';

/**
 * The policy inside HTML previews: nothing from any server (no remote images, fonts, styles,
 * frames, beacons); inline style and `data:` images still show. Scripts are off by the sandbox
 * already; `script-src 'none'` says it twice.
 */
export const PREVIEW_DOCUMENT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; form-action 'none'";

/**
 * The type to give an object URL (`blob:`) for a preview, or `null` when the body must not get
 * one. Only types a browser renders without running the response's script when the URL is
 * opened in a tab: `audio/*` for `audio`, `video/*` for `video`, `application/pdf` for `pdf`.
 * Parameters are dropped (`video/mp4; codecs=…` → `video/mp4`).
 * @param kind the body kind chosen by `classifyBody`
 * @param mimeType the classified MIME type, e.g. `audio/ogg`
 * @example inertObjectUrlType('video', 'video/webm') // 'video/webm'
 * @example inertObjectUrlType('image', 'image/svg+xml') // null (images use data: URLs)
 */
export function inertObjectUrlType(kind: string, mimeType: string): string | null {
  const mt = parseMediaType(mimeType);
  if (!mt) return null;
  if (kind === 'audio' && mt.type === 'audio') return mt.essence;
  if (kind === 'video' && mt.type === 'video') return mt.essence;
  if (kind === 'pdf' && mt.essence === 'application/pdf') return mt.essence;
  return null;
}

/**
 * The MIME type to put in an image preview's `data:` URL: the essence of `mimeType` when it is an
 * `image/*` type, else `null` (no image preview).
 * @example imageDataUrlType('image/svg+xml; charset=utf-8') // 'image/svg+xml'
 */
export function imageDataUrlType(mimeType: string): string | null {
  const mt = parseMediaType(mimeType);
  return mt && mt.type === 'image' ? mt.essence : null;
}

/**
 * The `srcdoc` of an HTML preview: the response's HTML with a CSP `<meta>` (HTML §4.2.5.3) as the
 * first element, so the policy applies before any element that could load something. It goes
 * after a leading BOM, whitespace and `<!doctype …>` when present (a doctype after an element
 * would be ignored and throw the page into quirks mode). A policy the page declares itself
 * can only narrow this one (CSP3 §8.1: every policy must allow a load).
 * @param html the decoded response text
 * @returns the text to put in `srcdoc`; characters are kept otherwise
 */
export function htmlPreviewDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_DOCUMENT_CSP}">`;
  const doctype = /^\uFEFF?\s*<!doctype\b[^>]*>/i.exec(html);
  if (!doctype) return meta + html;
  return html.slice(0, doctype[0].length) + meta + html.slice(doctype[0].length);
}
