/** Fetch standard §2.9 port blocking. */
import { describe, expect, it } from 'vitest';
import { blockedPort, blockedPortMessage, isBadPort } from '../../../src/core/url/bad-port.ts';

// The table of fetch.spec.whatwg.org/#bad-port, written out again on purpose: the test must not reuse the code's list.
const FETCH_BAD_PORTS = [
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

describe('isBadPort', () => {
  it('is true for exactly the ports of the Fetch table, in 0–65535', () => {
    const bad: number[] = [];
    for (let port = 0; port <= 65535; port++) if (isBadPort(port)) bad.push(port);
    expect(bad).toEqual(FETCH_BAD_PORTS);
  });

  it('neighbours of listed ports and common dev ports are fine', () => {
    for (const port of [0, 2, 8, 24, 80, 443, 1718, 1721, 3000, 5173, 6664, 6670, 6680, 8080, 10079, 10081, 65535]) {
      expect(isBadPort(port)).toBe(false);
    }
  });
});

describe('blockedPort', () => {
  it('gives the explicit bad port of an http or https URL', () => {
    expect(blockedPort('http://127.0.0.1:1/x')).toBe(1);
    expect(blockedPort('https://example.test:6667/')).toBe(6667);
    expect(blockedPort('http://[::1]:25/')).toBe(25);
  });

  it('gives null for allowed ports, default ports, other schemes and unparsable text', () => {
    expect(blockedPort('http://127.0.0.1:8080/x')).toBeNull();
    expect(blockedPort('http://127.0.0.1/x')).toBeNull();
    expect(blockedPort('http://127.0.0.1:80/x')).toBeNull();
    expect(blockedPort('https://127.0.0.1:443/')).toBeNull();
    expect(blockedPort('ws://127.0.0.1:1/')).toBeNull();
    expect(blockedPort('not a url')).toBeNull();
  });

  it('the message names the port and the way out', () => {
    expect(blockedPortMessage(1)).toBe(
      "Browsers refuse to connect to port 1 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.",
    );
  });
});
