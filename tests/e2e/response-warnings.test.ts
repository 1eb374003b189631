/** Issue 9 point 8: when the proxy's head cap cuts header fields, the response area says so. */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useHarness } from './harness.ts';
import { send, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('proxy warnings in the response area', () => {
  it('shows how many header fields were relayed when the cap cut some', async () => {
    const upstream = createServer((_req, res) => {
      // Node adds Date, Connection, Keep-Alive and Content-Length: 6 fields in all.
      res.writeHead(200, ['X-Before', '1', 'X-Big', 'a'.repeat(200 * 1024)]);
      res.end('content');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    try {
      const { page } = await h.openApp();
      await waitForForm(page);
      await setMethod(page, 'GET');
      await setBodyType(page, 'None');
      await setUrl(page, `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/many-headers`);
      expect(await send(page)).toBe('200 OK');
      const note = page.getByRole('region', { name: 'Response' }).getByRole('note');
      expect(await note.textContent()).toBe(
        'Parley relayed 1 of 6 response header fields: the rest did not fit in its limit of 245760 characters for the relayed head (about 180 KiB of header fields). The content is complete.',
      );
      await page.context().close();
    } finally {
      upstream.closeAllConnections();
      await new Promise((r) => upstream.close(r));
    }
  });
});
