/**
 * Issue 9, points 1 and 2 in Chromium: no response byte runs with Parley's origin, the app runs
 * under its strict CSP without a single violation, and no other origin can frame it.
 *
 * A second loopback server (another port, so another origin) plays the hostile site: it serves
 * an SVG with script, an HTML page that tries to load a sub-resource, and a page framing Parley.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { send, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** Records what ran: the script writes its origin and whether it could reach storage. */
const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="red"/>' +
  '<script>document.documentElement.setAttribute("data-ran", String(self.origin));' +
  'try { localStorage.setItem("svg-pwned", "1"); document.documentElement.setAttribute("data-storage", "yes"); }' +
  ' catch (e) { document.documentElement.setAttribute("data-storage", "no"); }</script></svg>';

/** A one-page PDF (PDF 1.4, §7.5): enough for Chromium's viewer to open it. */
const TINY_PDF = [
  '%PDF-1.4',
  '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
  '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj',
  'trailer<</Root 1 0 R>>',
  '%%EOF',
].join('\n');

let hostile: Server;
let hostileUrl = '';
const hostileRequests: string[] = [];

beforeAll(async () => {
  hostile = createServer((req, res) => {
    hostileRequests.push(req.url ?? '');
    if (req.url === '/evil.svg') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      return res.end(EVIL_SVG);
    }
    if (req.url === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(
        `<!doctype html><html><head><link rel="stylesheet" href="${hostileUrl}/style.css"></head>` +
          `<body><h1>Remote page</h1><img alt="tracker" src="${hostileUrl}/pixel.png">` +
          `<img alt="inline" src="data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA="></body></html>`,
      );
    }
    if (req.url === '/doc.pdf') {
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      return res.end(TINY_PDF);
    }
    if (req.url === '/frame.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><h1>Win a prize</h1><iframe id="victim" src="${h.server.url}/"></iframe>`);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not here');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
});

/** Collects CSP violations (DOM event and console) from every document of the context. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__cspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => Promise<void> }).__cspViolation;
      void report(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

async function get(page: Page, url: string): Promise<string> {
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, url);
  return send(page);
}

const bodyRegion = (page: Page) => page.getByRole('region', { name: 'Response body' });

describe('the app runs under a strict CSP', () => {
  it('loads, edits in Monaco, sends, formats in the worker, shows snippets and imports cURL with zero violations', async () => {
    const { context, blocked } = await h.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    const response = await page.goto(h.server.url + '/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await waitForForm(page);
    // Monaco (its styles, font and workers) for a JSON body.
    await setMethod(page, 'POST');
    await setBodyType(page, 'JSON');
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type(' ');
    // Monaco's JSON worker validates the body: a marker appears for invalid JSON.
    await page.keyboard.type('{,');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    // A JSON response formatted in the body worker.
    await setUrl(page, `${h.server.url}/echo/csp-check`);
    expect(await send(page)).toBe('200 OK');
    await bodyRegion(page).filter({ hasText: '"method"' }).waitFor();
    // Snippets.
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Code' }).click();
    const code = page.getByRole('dialog', { name: 'Code snippet' });
    await code.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'cURL (bash)' });
    await code.locator('.view-lines').filter({ hasText: /curl/ }).first().waitFor();
    await page.keyboard.press('Escape');
    // cURL import (tree-sitter WebAssembly).
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cURL command' });
    await dialog.getByRole('textbox', { name: 'Command to import' }).fill(`curl -X PUT '${h.server.url}/echo/x'`);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('combobox', { name: 'Method' }).and(page.locator('[value="PUT"]')).waitFor();
    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

describe('no response byte runs with Parley’s origin', () => {
  it('an SVG with script: the preview is a data: image, and opened in a tab its script gets no Parley origin', async () => {
    const { page, context } = await h.openApp();
    expect(await get(page, `${hostileUrl}/evil.svg`)).toBe('200 OK');
    const img = bodyRegion(page).getByRole('img', { name: 'Response image preview' });
    await img.waitFor();
    const src = (await img.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(src.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8')).toBe(EVIL_SVG);
    // Inside <img> the script never runs.
    expect(await page.evaluate(() => localStorage.getItem('svg-pwned'))).toBeNull();

    // "Open image in new tab": the same URL as a top-level document.
    const tab = await context.newPage();
    await tab.goto(src);
    const ran = await tab.evaluate(() => ({
      origin: self.origin,
      ran: document.documentElement.getAttribute('data-ran'),
      storage: document.documentElement.getAttribute('data-storage'),
    }));
    // It may run, but only in an opaque origin: no storage, nothing of Parley's.
    expect(ran).toEqual({ origin: 'null', ran: 'null', storage: 'no' });
    expect(await page.evaluate(() => localStorage.getItem('svg-pwned'))).toBeNull();
    await context.close();
  });

  it('HTML previews are sandboxed with their own CSP: no script, no remote sub-resource', async () => {
    const { context } = await h.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.goto(h.server.url + '/');
    hostileRequests.length = 0;
    expect(await get(page, `${hostileUrl}/page.html`)).toBe('200 OK');
    const frame = bodyRegion(page).locator('iframe[title="HTML preview"]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const inside = page.frameLocator('iframe[title="HTML preview"]');
    expect(await inside.getByRole('heading', { level: 1 }).textContent()).toBe('Remote page');
    const inline = inside.getByRole('img', { name: 'inline' });
    await expect.poll(() => inline.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
    expect(await inside.getByRole('img', { name: 'tracker' }).evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(
      0,
    );
    // Only the proxy's fetch of the page itself reached the hostile server: no CSS, no tracker pixel.
    expect(hostileRequests).toEqual(['/page.html']);
    // The blocked loads are the preview's own policy at work, reported from inside the preview.
    expect(violations.filter((v) => !v.includes(hostileUrl))).toEqual([]);
    await context.close();
  });

  it('a PDF previews from an object URL typed application/pdf, under the app CSP without violations', async () => {
    const { context } = await h.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.goto(h.server.url + '/');
    expect(await get(page, `${hostileUrl}/doc.pdf`)).toBe('200 OK');
    const frame = bodyRegion(page).locator('iframe[title="Response PDF preview"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}$/);
    // The viewer got the document (its frame navigated to the object URL), and nothing was refused.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('clickjacking', () => {
  it('a page on another origin that frames Parley gets a blocked frame', async () => {
    const { context } = await h.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes("frame-ancestors 'none'")) refused.push(m.text());
    });
    await page.goto(`${hostileUrl}/frame.html`);
    const frameEl = await page.waitForSelector('#victim');
    await expect.poll(() => refused.length).toBe(1);
    const frame = await frameEl.contentFrame();
    // Chromium replaces a refused frame with its error page: no Parley document, no Send button.
    expect(frame?.url()).toBe('chrome-error://chromewebdata/');
    expect(await frame?.locator('button', { hasText: 'Send' }).count()).toBe(0);
    expect(refused[0]).toContain(h.server.url);
    await context.close();
  });
});
