/** The request store's events, checked through the draft and the core views derived from it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDraft, blankDraft, SAMPLE_TOKEN } from '../../src/core/model/defaults.ts';
import { urlFieldText } from '../../src/core/url/query.ts';
import {
  authFieldEdited,
  authTypeChanged,
  bodyModeChanged,
  bodyTextEdited,
  draftReplaced,
  formFieldEdited,
  getDraft,
  headerAdded,
  headerEdited,
  headerMoved,
  headerRemoved,
  headerToggled,
  methodChanged,
  multipartFileChosen,
  multipartPartAdded,
  multipartPartEdited,
  queryRowAdded,
  queryRowEdited,
  queryRowMoved,
  queryRowToggled,
  urlEdited,
} from '../../src/stores/request-store.ts';
import { resolveCurrent } from '../../src/stores/request-derived.ts';

// Captured at import, before any test event: the draft the app opens with.
const initial = getDraft();

beforeEach(() => {
  draftReplaced(blankDraft());
});

describe('initial draft', () => {
  it('is the issue 2 example at the page origin (Node has no location: 127.0.0.1:8080)', () => {
    const withoutIds = (d: typeof initial) => ({ ...d, headers: d.headers.map(({ id: _id, ...rest }) => rest) });
    expect(withoutIds(initial)).toEqual(withoutIds(exampleDraft('http://127.0.0.1:8080')));
    expect(initial.auth).toEqual({ type: 'bearer', token: SAMPLE_TOKEN });
    expect(initial.headers.map((h) => [h.name, h.value])).toEqual([
      ['Accept', 'application/json'],
      ['Content-Type', 'application/json'],
    ]);
  });
});

describe('URL and query rows', () => {
  it('splits typed text into target URI, rows and fragment, and shows it back unchanged', () => {
    urlEdited('http://h.test/s?ver=1.2.3&sig=abc==#top');
    const d = getDraft();
    expect(d.url).toBe('http://h.test/s');
    expect(d.query.map((r) => [r.name, r.value])).toEqual([
      ['ver', '1.2.3'],
      ['sig', 'abc=='],
    ]);
    expect(d.fragment).toBe('top');
    expect(urlFieldText(d)).toBe('http://h.test/s?ver=1.2.3&sig=abc==#top');
  });

  it('keeps a disabled row (same id, same place) when the URL is edited', () => {
    urlEdited('http://h.test/?a=1&b=2&c=3');
    const b = getDraft().query[1]!;
    queryRowToggled(b.id, false);
    expect(urlFieldText(getDraft())).toBe('http://h.test/?a=1&c=3');
    urlEdited('http://h.test/?a=1&c=4');
    const rows = getDraft().query;
    expect(rows.map((r) => [r.name, r.value, r.enabled])).toEqual([
      ['a', '1', true],
      ['b', '2', false],
      ['c', '4', true],
    ]);
    expect(rows[1]!.id).toBe(b.id);
  });

  it('adds, edits and reorders rows; the URL field follows', () => {
    urlEdited('http://h.test/p');
    queryRowAdded();
    const id = getDraft().query[0]!.id;
    queryRowEdited(id, { name: 'q' });
    queryRowEdited(id, { value: 'a b' });
    urlEdited(`${urlFieldText(getDraft())}&z=9`);
    queryRowMoved(getDraft().query[1]!.id, -1);
    expect(urlFieldText(getDraft())).toBe('http://h.test/p?z=9&q=a b');
    expect(resolveCurrent().request?.url).toBe('http://h.test/p?z=9&q=a%20b');
  });
});

describe('headers', () => {
  it('keeps order and duplicates; toggling and removing act on one row', () => {
    urlEdited('http://h.test/');
    headerAdded('X-A', '1');
    headerAdded('X-A', '2');
    headerAdded('X-B', '3');
    const [first, second, third] = getDraft().headers;
    headerToggled(second!.id, false);
    headerMoved(third!.id, -2);
    headerEdited(first!.id, { value: '1b' });
    expect(resolveCurrent().request?.headers.map((h) => [h.name, h.value])).toEqual([
      ['X-B', '3'],
      ['X-A', '1b'],
    ]);
    headerRemoved(third!.id);
    expect(getDraft().headers.map((h) => h.value)).toEqual(['1b', '2']);
  });
});

describe('auth', () => {
  it('switches scheme to its empty fields and edits one field', () => {
    urlEdited('http://h.test/');
    authTypeChanged('basic');
    expect(getDraft().auth).toEqual({ type: 'basic', username: '', password: '' });
    authFieldEdited('username', 'user');
    authFieldEdited('password', 'päss');
    expect(resolveCurrent().request?.headers).toEqual([
      { name: 'Authorization', value: 'Basic dXNlcjpww6Rzcw==', source: 'auth' },
    ]);
    authTypeChanged('apikey');
    authFieldEdited('in', 'query');
    expect(getDraft().auth).toEqual({ type: 'apikey', key: '', value: '', in: 'query' });
  });
});

describe('body modes', () => {
  it('carries text between JSON/Text/XML and restores a form after switching away and back', () => {
    urlEdited('http://h.test/');
    methodChanged('POST');
    bodyModeChanged('json');
    bodyTextEdited('{"a":1}');
    bodyModeChanged('text');
    expect(getDraft().body).toEqual({ mode: 'text', text: '{"a":1}' });
    bodyModeChanged('form-urlencoded');
    const body = getDraft().body;
    if (body.mode !== 'form-urlencoded') throw new Error('expected form mode');
    formFieldEdited(body.fields[0]!.id, { name: 'q', value: '테스트' });
    bodyModeChanged('json');
    bodyModeChanged('form-urlencoded');
    expect(new TextDecoder().decode(resolveCurrent().request!.body!)).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8');
    bodyModeChanged('text');
    expect(getDraft().body).toEqual({ mode: 'text', text: '{"a":1}' });
  });

  it('sends a chosen file’s bytes exactly in a multipart part', async () => {
    urlEdited('http://h.test/');
    methodChanged('POST');
    bodyModeChanged('multipart');
    const body = getDraft().body;
    if (body.mode !== 'multipart') throw new Error('expected multipart');
    multipartPartEdited(body.parts[0]!.id, { kind: 'file', name: 'f' });
    multipartPartAdded('text');
    const added = getDraft().body;
    if (added.mode !== 'multipart') throw new Error('expected multipart');
    multipartPartEdited(added.parts[1]!.id, { name: 'note', value: 'Zoë', contentType: 'text/plain; charset=utf-8' });
    await multipartFileChosen(
      body.parts[0]!.id,
      new File([new Uint8Array([0, 255, 13, 10])], 'a.bin', { type: 'application/x-a' }),
    );
    const resolved = resolveCurrent();
    const bytes = resolved.request!.body!;
    const boundary = /boundary=(.+)$/.exec(
      resolved.request!.headers.find((h) => h.name === 'Content-Type')!.value,
    )![1]!;
    const enc = new TextEncoder();
    const expected = new Uint8Array([
      ...enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/x-a\r\n\r\n`,
      ),
      0,
      255,
      13,
      10,
      ...enc.encode(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZoë\r\n--${boundary}--\r\n`,
      ),
    ]);
    const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
    expect(latin1(bytes)).toBe(latin1(expected));
  });
});
