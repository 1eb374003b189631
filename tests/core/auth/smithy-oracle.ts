/**
 * An independent SigV4 verifier for tests: `@smithy/signature-v4` (the AWS SDK's signer,
 * async) re-signs a request as received and gives the Authorization value AWS would expect.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (d: SourceData): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class NodeSha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.h.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset(): void {}
}

export interface Received {
  method: string;
  /** Origin-form target as received: path and query, raw. */
  target: string;
  host: string;
  headers: [string, string][];
  body: Uint8Array;
}

/**
 * The Authorization value @smithy/signature-v4 computes for `req` (signing only the header
 * fields named in `signedHeaders`, at the X-Amz-Date received), for `service` in `region`.
 */
export async function smithyAuthorization(
  req: Received,
  creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region: string,
  service: string,
  signedHeaders: string[],
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const [n, v] of req.headers) {
    const name = n.toLowerCase();
    if (!signedHeaders.includes(name) || name === 'x-amz-security-token') continue;
    headers[name] = headers[name] === undefined ? v : `${headers[name]},${v}`;
  }
  const q = req.target.indexOf('?');
  const path = q === -1 ? req.target : req.target.slice(0, q);
  const query: Record<string, string | string[]> = {};
  if (q !== -1) {
    for (const p of req.target.slice(q + 1).split('&')) {
      if (p === '') continue;
      const eq = p.indexOf('=');
      const name = decodeURIComponent(eq === -1 ? p : p.slice(0, eq));
      const value = decodeURIComponent(eq === -1 ? '' : p.slice(eq + 1));
      const prev = query[name];
      query[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
    }
  }
  const amzDate = headers['x-amz-date']!;
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signer = new SignatureV4({
    credentials: creds,
    region,
    service,
    sha256: NodeSha256,
    uriEscapePath: service !== 's3',
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: req.host,
      path,
      query,
      headers,
      body: req.body.length === 0 ? undefined : req.body,
    },
    { signingDate },
  );
  return signed.headers['authorization'] as string;
}
