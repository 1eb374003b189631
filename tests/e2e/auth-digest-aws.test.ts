/**
 * Issue 16 points 2 and 3 in the browser, through the proxy: Digest (401 challenge, then the
 * second request, both shown) and AWS Signature V4 (the raw view shows the signed request
 * exactly as the echo received it).
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import {
  echoHeader,
  openRequestTab,
  openResponseTab,
  readEcho,
  send,
  setBodyType,
  setMethod,
  setUrl,
  waitForForm,
} from './request-helpers.ts';

const h = useHarness();

describe('auth schemes that need more than a header', () => {
  it('Digest: the proxy answers the challenge; the status bar, timing and raw view show both requests', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/digest/SHA-256/alice/s3cret?qop=auth`);
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Digest auth' });
    await page.getByLabel('Username', { exact: true }).fill('alice');
    await page.getByLabel('Password', { exact: true }).fill('s3cret');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    const [authorization = ''] = echoHeader(echo, 'Authorization');
    expect(authorization).toMatch(
      /^Digest username="alice", realm="parley-echo", uri="\/echo\/digest\/SHA-256\/alice\/s3cret\?qop=auth", algorithm=SHA-256, nonce="[^"]+", nc=00000001, cnonce="[0-9a-f]{32}", qop=auth, response="[0-9a-f]{64}", opaque="cGFybGV5LWVjaG8tb3BhcXVl"$/,
    );

    await page.getByRole('button', { name: 'after a Digest challenge' }).click();
    const exchange = page.getByRole('list', { name: 'Auth exchange' });
    await exchange.waitFor();
    const text = (await exchange.textContent()) ?? '';
    expect(text).toContain('401 Unauthorized');
    expect(text).toContain('WWW-Authenticate: Digest realm="parley-echo", qop="auth", algorithm=SHA-256');
    expect(text).toContain(`Authorization: ${authorization}`);

    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw).toContain('GET /echo/digest/SHA-256/alice/s3cret?qop=auth HTTP/1.1');
    const about = (await page.getByLabel('About this message').textContent()) ?? '';
    expect(about).toContain(`sending this request again with one more field — Authorization: ${authorization}`);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('AWS Signature: X-Amz-Date, X-Amz-Content-Sha256 and Authorization on the wire are those of the raw view', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/aws/items?b=2&a=1`);
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'AWS Signature' });
    await page.getByLabel('Access key ID', { exact: true }).fill('AKIDEXAMPLE');
    await page.getByLabel('Secret access key', { exact: true }).fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    const [amzDate = ''] = echoHeader(echo, 'X-Amz-Date');
    expect(amzDate).toMatch(/^\d{8}T\d{6}Z$/);
    expect(echoHeader(echo, 'X-Amz-Content-Sha256')).toEqual([
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
    const [authorization = ''] = echoHeader(echo, 'Authorization');
    expect(authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${amzDate.slice(0, 8)}/us-east-1/execute-api/aws4_request, SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$`,
      ),
    );
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw).toContain(`X-Amz-Date: ${amzDate}`);
    expect(raw).toContain(`Authorization: ${authorization}`);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});

describe('JWT bearer', () => {
  it('signs as the fields change and sends the token shown (the jwt.io HS256 example)', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/jwt`);
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'JWT bearer' });
    await page.getByLabel('Signing key', { exact: true }).fill('your-256-bit-secret');
    await page.getByLabel('JWT header', { exact: true }).fill('{"typ":"JWT"}');
    await page
      .getByLabel('JWT payload', { exact: true })
      .fill('{"sub":"1234567890","name":"John Doe","iat":1516239022}');
    const token =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    await page.waitForFunction(
      (t) => document.querySelector<HTMLTextAreaElement>('textarea[readonly]')?.value === t,
      token,
    );
    expect(await send(page)).toBe('200 OK');
    expect(echoHeader(await readEcho(page), 'Authorization')).toEqual([`Bearer ${token}`]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
