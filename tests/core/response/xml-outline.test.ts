import { describe, expect, it } from 'vitest';
import { formatXml } from '../../../src/core/response/xml-format.ts';
import { jsonOutlineChildren, jsonOutlineRoot, JsonOutlineError } from '../../../src/core/response/json-outline.ts';

describe('formatXml', () => {
  it('indents elements and keeps text-only elements on one line', () => {
    expect(formatXml('<?xml version="1.0"?><a x="1>2"><b>Emma</b><c/><d></d><!-- hi --><![CDATA[<x>]]></a>')).toBe(
      [
        '<?xml version="1.0"?>',
        '<a x="1>2">',
        '  <b>Emma</b>',
        '  <c/>',
        '  <d></d>',
        '  <!-- hi -->',
        '  <![CDATA[<x>]]>',
        '</a>',
      ].join('\n'),
    );
  });
  it('drops whitespace-only text, keeps mixed text, survives unbalanced input', () => {
    expect(formatXml('<a>\n  <b> x  y </b>\n  tail\n</a>', 4)).toBe('<a>\n    <b>x  y</b>\n    tail\n</a>');
    expect(formatXml('</x><y>')).toBe('</x>\n<y>');
    expect(formatXml('<!DOCTYPE n [<!ENTITY e "v">]><n/>')).toBe('<!DOCTYPE n [<!ENTITY e "v">]>\n<n/>');
  });
});

describe('json outline', () => {
  const text = ' {"id": 1000000000000003023, "name":"Zo\\"ë", "tags":[true,null,[]], "o":{} }';
  it('describes the root and lists children lazily with exact number text', () => {
    const root = jsonOutlineRoot(text);
    expect(root).toEqual({ key: null, index: 0, kind: 'object', offset: 1, preview: '{…}', empty: false });
    const page = jsonOutlineChildren(text, root.offset, 0, 10);
    expect(page.more).toBe(false);
    expect(page.nodes.map((n) => [n.key, n.kind, n.preview, n.empty])).toEqual([
      ['id', 'number', '1000000000000003023', false],
      ['name', 'string', '"Zo\\"ë"', false],
      ['tags', 'array', '[…]', false],
      ['o', 'object', '{…}', true],
    ]);
    const tags = page.nodes[2]!;
    expect(
      jsonOutlineChildren(text, tags.offset, 0, 10).nodes.map((n) => [n.key, n.index, n.kind, n.preview, n.empty]),
    ).toEqual([
      [null, 0, 'boolean', 'true', false],
      [null, 1, 'null', 'null', false],
      [null, 2, 'array', '[…]', true],
    ]);
  });
  it('pages through children', () => {
    const arr = '[1,2,3,4,5]';
    const p = jsonOutlineChildren(arr, 0, 1, 2);
    expect([p.nodes.map((n) => n.preview), p.more]).toEqual([['2', '3'], true]);
    expect(jsonOutlineChildren(arr, 0, 4, 2).more).toBe(false);
  });
  it('cuts long scalar previews visibly', () => {
    expect(jsonOutlineChildren('["abcdefghij"]', 0, 0, 1, 4).nodes[0]!.preview).toBe('"abc…');
  });
  it('throws JsonOutlineError with an offset on malformed text', () => {
    expect(() => jsonOutlineChildren('[1 2]', 0, 0, 10)).toThrow(JsonOutlineError);
    try {
      jsonOutlineChildren('{"a" 1}', 0, 0, 10);
    } catch (e) {
      expect([(e as JsonOutlineError).message, (e as JsonOutlineError).offset]).toEqual(['Expected ":"', 5]);
    }
    expect(() => jsonOutlineRoot('   ')).toThrow('Unexpected character "end of input"');
  });
});
