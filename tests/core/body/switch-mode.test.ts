import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Body, BodyMode, KeyValueRow } from '../../../src/core/model/draft.ts';
import {
  contentTypeRowsForMode,
  emptyBodyStash,
  switchBodyMode,
  type BodyStash,
} from '../../../src/core/body/switch-mode.ts';

const row = (id: string, name: string, value: string, enabled = true): KeyValueRow => ({ id, name, value, enabled });
const ct = (value: string, enabled = true) => [
  row('a', 'Accept', 'application/json'),
  row('ct', 'Content-Type', value, enabled),
];
const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('contentTypeRowsForMode', () => {
  it('a default row follows the mode: JSON → multipart, form, text, XML', () => {
    expect(contentTypeRowsForMode(ct('application/json'), 'json', 'multipart')).toEqual(ct('multipart/form-data'));
    expect(contentTypeRowsForMode(ct('application/json'), 'json', 'form-urlencoded')).toEqual(
      ct('application/x-www-form-urlencoded'),
    );
    expect(contentTypeRowsForMode(ct('application/json'), 'json', 'text')).toEqual(ct('text/plain; charset=utf-8'));
    expect(contentTypeRowsForMode(ct('application/json'), 'json', 'xml')).toEqual(ct('application/xml'));
    expect(contentTypeRowsForMode(ct('multipart/form-data; boundary=x'), 'multipart', 'json')).toEqual(
      ct('application/json'),
    );
    expect(contentTypeRowsForMode(ct('text/plain'), 'text', 'json')).toEqual(ct('application/json'));
  });

  it('matches the media type case-insensitively, with parameters, and the header name in any case', () => {
    const rows = [row('ct', 'content-type', 'Application/JSON; charset=utf-8')];
    expect(contentTypeRowsForMode(rows, 'json', 'multipart')).toEqual([
      row('ct', 'content-type', 'multipart/form-data'),
    ]);
  });

  it('keeps a customised row, a disabled row and every other row (same object when nothing changes)', () => {
    const custom = ct('application/merge-patch+json');
    expect(contentTypeRowsForMode(custom, 'json', 'multipart')).toBe(custom);
    const disabled = ct('application/json', false);
    expect(contentTypeRowsForMode(disabled, 'json', 'multipart')).toBe(disabled);
    const vendor = ct('application/vnd.api+json');
    expect(contentTypeRowsForMode(vendor, 'json', 'form-urlencoded')).toBe(vendor);
  });

  it('None keeps the row; leaving None updates a row holding any mode default (JSON → None → Multipart)', () => {
    const rows = ct('application/json');
    expect(contentTypeRowsForMode(rows, 'json', 'none')).toBe(rows);
    expect(contentTypeRowsForMode(rows, 'none', 'multipart')).toEqual(ct('multipart/form-data'));
    expect(contentTypeRowsForMode(ct('application/xml'), 'none', 'json')).toEqual(ct('application/json'));
    const custom = ct('application/merge-patch+json');
    expect(contentTypeRowsForMode(custom, 'none', 'multipart')).toBe(custom);
  });

  it('binary removes a default row so the file’s own type is sent', () => {
    expect(contentTypeRowsForMode(ct('application/json'), 'json', 'binary')).toEqual([
      row('a', 'Accept', 'application/json'),
    ]);
    const custom = ct('image/png');
    expect(contentTypeRowsForMode(custom, 'json', 'binary')).toBe(custom);
  });

  it('updates every enabled default row, leaves other headers in place', () => {
    const rows = [
      row('1', 'Content-Type', 'application/json'),
      row('2', 'X', 'application/json'),
      row('3', 'CONTENT-TYPE', 'application/json'),
    ];
    expect(contentTypeRowsForMode(rows, 'json', 'form-urlencoded')).toEqual([
      row('1', 'Content-Type', 'application/x-www-form-urlencoded'),
      row('2', 'X', 'application/json'),
      row('3', 'CONTENT-TYPE', 'application/x-www-form-urlencoded'),
    ]);
  });
});

describe('switchBodyMode', () => {
  const go = (path: BodyMode[], start: Body, stash: BodyStash = emptyBodyStash()) => {
    const newId = ids();
    let s = { body: start, stash };
    for (const m of path) s = switchBodyMode(s.body, s.stash, m, newId);
    return s;
  };

  it('JSON → None → Text carries the text', () => {
    expect(go(['none', 'text'], { mode: 'json', text: '{"a":1}' }).body).toEqual({ mode: 'text', text: '{"a":1}' });
  });

  it('JSON → Multipart → Binary → XML carries the text; the multipart part comes back', () => {
    const s = go(['multipart', 'binary', 'xml'], { mode: 'json', text: '<a/>' });
    expect(s.body).toEqual({ mode: 'xml', text: '<a/>' });
    expect(switchBodyMode(s.body, s.stash, 'multipart', ids()).body).toEqual({
      mode: 'multipart',
      parts: [{ id: 'id1', name: '', enabled: true, kind: 'text', value: '', contentType: '', file: null }],
    });
  });

  it('the last text wins: Text edited after JSON is what JSON gets back', () => {
    let s = go(['text'], { mode: 'json', text: 'one' });
    s = { ...s, body: { mode: 'text', text: 'two' } };
    expect(go(['none', 'json'], s.body, s.stash).body).toEqual({ mode: 'json', text: 'two' });
  });

  it('form fields survive switching away and back through any mode', () => {
    const form: Body = { mode: 'form-urlencoded', fields: [row('f', 'q', '테스트')] };
    expect(go(['none', 'json', 'multipart', 'form-urlencoded'], form).body).toBe(form);
  });

  it('a fresh form has one empty row; a fresh text mode with no text yet is empty', () => {
    expect(go(['form-urlencoded'], { mode: 'none' }).body).toEqual({
      mode: 'form-urlencoded',
      fields: [row('id1', '', '')],
    });
    expect(go(['json'], { mode: 'none' }).body).toEqual({ mode: 'json', text: '' });
  });

  it('property: any path of switches brings back the last text and the last form, multipart and binary bodies', () => {
    const modes = fc.constantFrom<BodyMode>('none', 'json', 'text', 'xml', 'form-urlencoded', 'multipart', 'binary');
    const form: Body = { mode: 'form-urlencoded', fields: [row('f', 'k', 'v')] };
    const multipart: Body = {
      mode: 'multipart',
      parts: [{ id: 'p', name: 'n', enabled: true, kind: 'text', value: 'x', contentType: '', file: null }],
    };
    const binary: Body = {
      mode: 'binary',
      file: { fileId: 'b', fileName: 'a.bin', contentType: 'image/png', size: 3 },
    };
    fc.assert(
      fc.property(fc.array(modes, { maxLength: 15 }), (path) => {
        const start = go(['form-urlencoded'], form, { bodies: { multipart, binary }, text: 'T' });
        const end = go(path, start.body, start.stash);
        const back = (m: BodyMode) => switchBodyMode(end.body, end.stash, m, ids()).body;
        expect(back('json')).toEqual({ mode: 'json', text: 'T' });
        expect(back('text')).toEqual({ mode: 'text', text: 'T' });
        expect(back('xml')).toEqual({ mode: 'xml', text: 'T' });
        expect(back('form-urlencoded')).toBe(form);
        expect(back('multipart')).toBe(multipart);
        expect(back('binary')).toBe(binary);
      }),
    );
  });
});
