import { describe, expect, it } from 'vitest';
import { displayHeaderValue } from '../../src/features/response-viewer/header-text.ts';

describe('displayHeaderValue', () => {
  it('decodes a byte string that is valid UTF-8', () => {
    // "Zürich" as UTF-8 octets, one character per octet: Z C3 BC r i c h
    expect(displayHeaderValue('Z\u00c3\u00bcrich')).toBe('Zürich');
  });
  it('keeps Latin-1 octets that are not valid UTF-8 as received', () => {
    expect(displayHeaderValue('Z\u00fcrich')).toBe('Z\u00fcrich');
  });
  it('leaves ASCII and already-decoded text alone', () => {
    expect(displayHeaderValue('a=1; Path=/')).toBe('a=1; Path=/');
    expect(displayHeaderValue('Zoë 😀')).toBe('Zoë 😀');
  });
});
