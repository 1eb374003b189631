import { describe, expect, it } from 'vitest';
import { prepareBodyText } from '../../../src/core/response/body-text.ts';
import { TextStore } from '../../../src/workers/text-store.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('prepareBodyText', () => {
  it('formats JSON losslessly and gives the outline root', () => {
    const p = prepareBodyText(enc('{"id":1000000000000003023,"n":[1.0]}'), 'application/json', 'json');
    expect(p).toEqual({
      charset: 'charset: UTF-8 (default)',
      charsetNote: null,
      raw: '{"id":1000000000000003023,"n":[1.0]}',
      pretty: '{\n  "id": 1000000000000003023,\n  "n": [\n    1.0\n  ]\n}',
      prettyError: null,
      treeRoot: { key: null, index: 0, kind: 'object', offset: 0, preview: '{…}', empty: false },
    });
  });
  it('reports invalid JSON with line and column, keeping the raw text', () => {
    const p = prepareBodyText(enc('{\n  "a": 1,\n}'), 'application/json', 'json');
    expect(p.pretty).toBeNull();
    expect(p.treeRoot).toBeNull();
    expect(p.raw).toBe('{\n  "a": 1,\n}');
    expect(p.prettyError).toMatch(/^Not valid JSON: .* at line 3, column 1\. Showing the content as received\.$/);
  });
  it('decodes with the declared charset (Latin-1 bytes) and formats non-UTF-8 JSON too', () => {
    const latin1 = new Uint8Array([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]);
    const p = prepareBodyText(latin1, 'text/plain; charset=iso-8859-1', 'text');
    expect([p.raw, p.charset, p.pretty]).toEqual(['Zürich', 'charset: iso-8859-1 (decoded as windows-1252)', null]);
    const json = new Uint8Array([0x5b, 0x22, 0xe9, 0x22, 0x5d]); // ["é"] in Latin-1
    expect(prepareBodyText(json, 'application/json; charset=latin1', 'json').pretty).toBe('[\n  "é"\n]');
  });
  it('removes a UTF-8 BOM and pretty-prints XML', () => {
    const p = prepareBodyText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<a><b>1</b></a>')]), 'application/xml', 'xml');
    expect([p.raw, p.pretty, p.charset]).toEqual([
      '<a><b>1</b></a>',
      '<a>\n  <b>1</b>\n</a>',
      'charset: UTF-8 (byte order mark)',
    ]);
  });
});

describe('TextStore', () => {
  const store = new TextStore(enc('{"name":"Emma","tags":["a","b"]}'), 'application/json', 'json');
  it('indexes both documents', () => {
    expect(store.info.raw).toEqual({ rows: 1, lines: 1, chars: 32 });
    expect(store.info.pretty).toEqual({ rows: 7, lines: 7, chars: 54 });
  });
  it('serves rows, searches, lists children and returns text', () => {
    expect(store.rows('pretty', 1, 3)).toEqual([
      { line: 1, cont: false, text: '  "name": "Emma",' },
      { line: 2, cont: false, text: '  "tags": [' },
    ]);
    const found = store.search('pretty', 'EMMA', false);
    expect([Array.from(found.rows), found.total, found.capped]).toEqual([[1], 1, false]);
    expect(store.search('pretty', 'EMMA', true).total).toBe(0);
    expect(store.children(0, 0, 10).page?.nodes.map((n) => n.key)).toEqual(['name', 'tags']);
    expect(store.children(5, 0, 10)).toEqual({ page: null, error: 'Not an object or array' });
    expect(store.text('raw')).toBe('{"name":"Emma","tags":["a","b"]}');
  });
});
