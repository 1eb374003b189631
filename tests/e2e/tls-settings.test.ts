/** Issue 16 point 6 in the browser: a host's custom CA set in the TLS settings dialog; the Timing tab shows the session. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openRequestTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();
const dir = new URL('../server/fixtures/tls/', import.meta.url);
const pem = (name: string) => readFileSync(new URL(name, dir), 'utf8');
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer({ key: pem('server-key.pem'), cert: pem('server.pem') }, (_req, res) =>
    res.end('hello over TLS'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('TLS settings', () => {
  it('an unknown CA fails; trusting it for the host makes the request pass, and the chain shows', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `https://127.0.0.1:${port}/`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByText(/The TLS handshake with 127\.0\.0\.1:\d+ failed/)
      .first()
      .waitFor();

    await openRequestTab(page, 'Settings');
    await page.getByRole('button', { name: 'TLS settings' }).click();
    const dialog = page.getByRole('dialog', { name: `TLS settings for 127.0.0.1:${port}` });
    await dialog.getByLabel('Custom CA (PEM)').fill(pem('ca.pem'));
    await dialog.getByRole('button', { name: 'Save TLS settings' }).click();
    await page.getByRole('button', { name: 'TLS settings (set)' }).waitFor();

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('status', { name: 'Response status' }).filter({ hasText: '200 OK' }).waitFor();
    await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Timing' }).click();
    const session = page.getByRole('region', { name: 'TLS session' });
    await session.waitFor();
    const text = (await session.textContent()) ?? '';
    expect(text).toContain('TLSv1.3');
    expect(text).toContain('certificate verified');
    expect(text).toContain('0. CN=localhost — issued by CN=Parley Test CA');
    expect(text).toContain('1. CN=Parley Test CA — issued by CN=Parley Test CA');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
