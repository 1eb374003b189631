/**
 * Issue 16 point 3: an AWS Signature V4 request sent through the proxy to the local echo
 * server carries exactly the fields the raw view shows, and the AWS SDK's own signer
 * (`@smithy/signature-v4`), re-signing what the echo RECEIVED, computes the same
 * Authorization: the signature covers the bytes on the wire.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, viaProxy } from './helpers.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../src/core/resolve/http-message.ts';
import { makeDynamicValues } from '../../src/core/variables/dynamic.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import type { RequestDraft } from '../../src/core/model/draft.ts';
import { draftFromUrl, headerRows } from '../core/resolve/fixtures.ts';
import { smithyAuthorization } from '../core/auth/smithy-oracle.ts';

const live = useTestServer();
/** 2026-12-03T10:15:30.250Z */
const dynamic = makeDynamicValues(Date.UTC(2026, 11, 3, 10, 15, 30, 250), new Uint8Array(18));
const creds = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtEXAMPLE',
};

async function sendSigned(draft: RequestDraft) {
  const r = resolveRequest(draft, { transport: 'proxy', dynamic });
  expect(r.problems).toEqual([]);
  const req = r.request!;
  const [head = ''] = renderHttpMessage(req, { transport: 'proxy' }).text.split('\r\n\r\n');
  const result = await viaProxy(
    live.server,
    { method: req.method, url: req.url, headers: req.headers.map((h) => [h.name, h.value]), followRedirects: false },
    req.body,
  );
  const echo = JSON.parse(result.body.toString('utf8')) as EchoReply;
  return { req, head, echo };
}

describe('AWS Signature V4 through the proxy', () => {
  it('POST with JSON, a query needing encoding and a session token (execute-api)', async () => {
    const draft = draftFromUrl(`${live.server.url}/echo/aws/items?b=2&a=x y&a=%C3%A9&flag`, {
      method: 'POST',
      headers: headerRows(['X-Trace', '  a   b  ']),
      body: { mode: 'json', text: '{"name":"Zoë ✓"}' },
      auth: { type: 'awsv4', ...creds, region: 'eu-west-1', service: 'execute-api' },
    });
    const { req, head, echo } = await sendSigned(draft);
    const auto = req.headers
      .filter((h) => h.source === 'auth')
      .map((h) => [h.name, h.name === 'Authorization' ? h.value.slice(0, 60) : h.value]);
    expect(auto).toEqual([
      ['X-Amz-Date', '20261203T101530Z'],
      ['X-Amz-Security-Token', creds.sessionToken],
      ['X-Amz-Content-Sha256', echo.body.sha256],
      ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-west-1/e'],
    ]);
    // The raw view is the wire: request line and every field, in order.
    expect(head.split('\r\n')).toEqual([
      `${echo.method} ${echo.target} HTTP/1.1`,
      ...echo.headers.map(([n, v]) => `${n}: ${v}`),
    ]);
    const authorization = echo.headers.find(([n]) => n === 'Authorization')![1];
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261203\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-trace, Signature=[0-9a-f]{64}$/,
    );
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    const expected = await smithyAuthorization(
      {
        method: echo.method,
        target: echo.target,
        host: live.host,
        headers: echo.headers,
        body: Buffer.from(echo.body.base64, 'base64'),
      },
      creds,
      'eu-west-1',
      'execute-api',
      signed,
    );
    expect(authorization).toBe(expected);
  });

  it('S3 PUT of bytes, path with a space and a tilde, no session token', async () => {
    const draft = draftFromUrl(`${live.server.url}/echo/bucket/my%20file~1.txt`, {
      method: 'PUT',
      body: { mode: 'text', text: 'hello\n' },
      auth: { type: 'awsv4', ...creds, sessionToken: '', region: 'us-east-1', service: 's3' },
    });
    const { req, echo } = await sendSigned(draft);
    expect(req.headers.map((h) => [h.name, h.source])).toEqual([
      ['Content-Type', 'body'],
      ['X-Amz-Date', 'auth'],
      ['X-Amz-Content-Sha256', 'auth'],
      ['Authorization', 'auth'],
    ]);
    expect(echo.headers.find(([n]) => n === 'X-Amz-Content-Sha256')![1]).toBe(
      '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03',
    );
    const authorization = echo.headers.find(([n]) => n === 'Authorization')![1];
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    expect(signed).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(authorization).toBe(
      await smithyAuthorization(
        {
          method: echo.method,
          target: echo.target,
          host: live.host,
          headers: echo.headers,
          body: Buffer.from(echo.body.base64, 'base64'),
        },
        { ...creds, sessionToken: undefined },
        'us-east-1',
        's3',
        signed,
      ),
    );
  });
});
