import { describe, expect, it } from 'vitest';
import {
  htmlPreviewDocument,
  imageDataUrlType,
  inertObjectUrlType,
  PREVIEW_DOCUMENT_CSP,
} from '../../src/features/response-body/preview-sources.ts';

const META = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_DOCUMENT_CSP}">`;

describe('object URLs only for types that render inertly at top level', () => {
  it('gives audio, video and PDF their essence', () => {
    expect(inertObjectUrlType('audio', 'audio/ogg')).toBe('audio/ogg');
    expect(inertObjectUrlType('video', 'video/mp4; codecs="avc1.42E01E"')).toBe('video/mp4');
    expect(inertObjectUrlType('pdf', 'application/pdf')).toBe('application/pdf');
    expect(inertObjectUrlType('video', 'VIDEO/WEBM')).toBe('video/webm');
  });
  it('refuses every type that could become a page, and images (they use data: URLs)', () => {
    expect(inertObjectUrlType('image', 'image/svg+xml')).toBeNull();
    expect(inertObjectUrlType('image', 'image/png')).toBeNull();
    expect(inertObjectUrlType('video', 'text/html')).toBeNull();
    expect(inertObjectUrlType('audio', 'image/svg+xml')).toBeNull();
    expect(inertObjectUrlType('pdf', 'application/xhtml+xml')).toBeNull();
    expect(inertObjectUrlType('pdf', 'text/xml')).toBeNull();
    expect(inertObjectUrlType('html', 'text/html')).toBeNull();
    expect(inertObjectUrlType('video', '')).toBeNull();
    expect(inertObjectUrlType('video', 'video')).toBeNull();
  });
  it('types image data: URLs only as images', () => {
    expect(imageDataUrlType('image/svg+xml; charset=utf-8')).toBe('image/svg+xml');
    expect(imageDataUrlType('image/png')).toBe('image/png');
    expect(imageDataUrlType('text/html')).toBeNull();
    expect(imageDataUrlType('application/xml')).toBeNull();
    expect(imageDataUrlType('')).toBeNull();
  });
});

describe('HTML previews carry their own CSP first', () => {
  it('the policy loads nothing from any server', () => {
    expect(PREVIEW_DOCUMENT_CSP).toBe(
      "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; form-action 'none'",
    );
  });
  it('goes after a doctype (kept first, so the page stays in standards mode)', () => {
    expect(htmlPreviewDocument('<!DOCTYPE html><html><head><title>t</title></head><body>x</body></html>')).toBe(
      `<!DOCTYPE html>${META}<html><head><title>t</title></head><body>x</body></html>`,
    );
    expect(htmlPreviewDocument('\uFEFF\n  <!doctype html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><p>x')).toBe(
      `\uFEFF\n  <!doctype html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">${META}<p>x`,
    );
  });
  it('goes first when there is no doctype, before any element that could load', () => {
    expect(htmlPreviewDocument('<img src="https://tracker.test/p.gif">')).toBe(
      `${META}<img src="https://tracker.test/p.gif">`,
    );
    expect(htmlPreviewDocument('')).toBe(META);
    // A doctype that is not at the start does not move the policy after it.
    expect(htmlPreviewDocument('<link rel=stylesheet href=//x.test/a.css><!doctype html>')).toBe(
      `${META}<link rel=stylesheet href=//x.test/a.css><!doctype html>`,
    );
  });
});
