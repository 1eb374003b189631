/** Issue 9 point 7: which target addresses count as private, in every spelling. */
import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../server/security.ts';
import { startTestServer, viaProxy } from './helpers.ts';

/** [address, why it is not on the public internet] */
const PRIVATE: [string, string][] = [
  ['0.0.0.0', 'this network'],
  ['0.1.2.3', 'this network'],
  ['10.0.0.1', 'RFC 1918'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.254', 'carrier-grade NAT'],
  ['127.0.0.1', 'loopback'],
  ['169.254.169.254', 'link-local (cloud metadata)'],
  ['172.16.0.1', 'RFC 1918'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.0.2.1', 'documentation TEST-NET-1'],
  ['192.88.99.1', '6to4 relay anycast'],
  ['192.168.0.1', 'RFC 1918'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.51.100.7', 'documentation TEST-NET-2'],
  ['203.0.113.9', 'documentation TEST-NET-3'],
  ['224.0.0.1', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'limited broadcast'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback, uncompressed'],
  ['[::1]', 'loopback, bracketed'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback, dotted'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
  ['0:0:0:0:0:ffff:7f00:0001', 'IPv4-mapped loopback, uncompressed'],
  ['::FFFF:A9FE:A9FE', 'IPv4-mapped metadata, upper case'],
  ['::127.0.0.1', 'IPv4-compatible, dotted'],
  ['::8.8.8.8', 'IPv4-compatible (deprecated), even of a public address'],
  ['::808:808', 'IPv4-compatible, hex'],
  ['::ffff:0:10.0.0.1', 'SIIT (RFC 6145), dotted'],
  ['::ffff:0:a00:1', 'SIIT, hex'],
  ['64:ff9b::7f00:1', 'NAT64 well-known prefix, hex'],
  ['64:ff9b::127.0.0.1', 'NAT64, dotted'],
  ['64:ff9b::8.8.8.8', 'NAT64 of a public address: the translator decides, not us'],
  ['0064:ff9b:0000:0000:0000:0000:0a00:0001', 'NAT64, uncompressed'],
  ['64:ff9b:1::a00:1', 'NAT64 local-use prefix (RFC 8215)'],
  ['2002:7f00:1::', '6to4 of 127.0.0.1'],
  ['2002:808:808::1', '6to4 of a public address'],
  ['2001::1', 'Teredo'],
  ['2001:2::1', 'benchmarking'],
  ['2001:db8::1', 'documentation'],
  ['2001:DB8:0:0:0:0:0:1', 'documentation, upper case'],
  ['3fff::1', 'documentation (RFC 9637)'],
  ['100::1', 'discard-only'],
  ['2001:10::1', 'ORCHID'],
  ['5f00::1', 'segment routing'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local with a zone'],
  ['fec0::1', 'site-local (deprecated)'],
  ['ff02::1', 'multicast'],
  ['not-an-ip', 'not an address: refused rather than guessed'],
  ['', 'empty'],
];

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '172.32.0.1',
  '100.128.0.1',
  '198.20.0.1',
  '2606:4700::1111',
  '2a00:1450:4001:830::200e',
  '[2606:4700:4700::1111]',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
];

describe('private-address policy (issue 9 point 7)', () => {
  it.each(PRIVATE)('%s is private (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(PUBLIC)('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('refuses every spelling of an internal target URI when deployed for others', async () => {
    const deployed = await startTestServer({ allowPrivateTargets: false });
    try {
      const urls = [
        'http://0x7f000001:1/',
        'http://2130706433:1/',
        'http://0177.0.0.1:1/',
        'http://127.1:1/',
        'http://[::ffff:127.0.0.1]:1/',
        'http://[::ffff:7f00:1]:1/',
        'http://[64:ff9b::7f00:1]:1/',
        'http://[64:ff9b:1::a9fe:a9fe]:1/',
        'http://[2002:a9fe:a9fe::]:1/',
        'http://[::127.0.0.1]:1/',
        'http://[::ffff:0:7f00:1]:1/',
        'http://192.0.2.1:1/',
        'http://198.18.0.1:1/',
        'http://[2001:db8::1]:1/',
      ];
      const seen: [string, number, string | undefined][] = [];
      for (const url of urls) {
        const r = await viaProxy(deployed, { method: 'GET', url, headers: [] });
        seen.push([url, r.status, r.error?.code]);
      }
      expect(seen).toEqual(urls.map((url) => [url, 403, 'target-refused-by-policy']));
    } finally {
      await deployed.close();
    }
  });
});
