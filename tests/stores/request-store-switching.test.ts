/** QA defects 1–3 through the request store's events: switching body mode / auth type, editing the URL. */
import { beforeEach, describe, expect, it } from 'vitest';
import { blankDraft, exampleDraft, SAMPLE_JSON_BODY, SAMPLE_TOKEN } from '../../src/core/model/defaults.ts';
import { urlFieldText } from '../../src/core/url/query.ts';
import {
  authFieldEdited,
  authTypeChanged,
  bodyModeChanged,
  bodyTextEdited,
  draftReplaced,
  formFieldEdited,
  getDraft,
  headerEdited,
  multipartPartEdited,
  queryRowAdded,
  queryRowEdited,
  urlEdited,
} from '../../src/stores/request-store.ts';
import { resolveCurrent } from '../../src/stores/request-derived.ts';

const ORIGIN = 'http://127.0.0.1:8080';
const headerPairs = () => getDraft().headers.map((h) => [h.name, h.value]);
const sentHeaders = () => resolveCurrent().request?.headers.map((h) => [h.name, h.value, h.source]);

beforeEach(() => {
  draftReplaced(exampleDraft(ORIGIN));
});

describe('body mode change: the default Content-Type row follows (defect 1)', () => {
  it('example request → Multipart sends multipart/form-data with the boundary, not application/json', () => {
    bodyModeChanged('multipart');
    expect(headerPairs()).toEqual([
      ['Accept', 'application/json'],
      ['Content-Type', 'multipart/form-data'],
    ]);
    const body = getDraft().body;
    if (body.mode !== 'multipart') throw new Error('expected multipart');
    multipartPartEdited(body.parts[0]!.id, { name: 'a', value: '1' });
    const r = resolveCurrent();
    const sentType = r.request!.headers.find((h) => h.name === 'Content-Type')!.value;
    expect(sentType).toMatch(/^multipart\/form-data; boundary=[^;\s]+$/);
    const b = sentType.slice('multipart/form-data; boundary='.length);
    expect(r.request!.headers.map((h) => [h.name, h.value, h.source])).toEqual([
      ['Accept', 'application/json', 'user'],
      ['Content-Type', `multipart/form-data; boundary=${b}`, 'user'],
      ['Authorization', `Bearer ${SAMPLE_TOKEN}`, 'auth'],
    ]);
    expect(new TextDecoder().decode(r.request!.body!)).toBe(
      `--${b}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${b}--\r\n`,
    );
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: getDraft().headers[1]!.id,
        message: 'The boundary of the multipart body is added to your Content-Type row.',
      },
    ]);
  });

  it('example request → Form URL-encoded sends application/x-www-form-urlencoded', () => {
    bodyModeChanged('form-urlencoded');
    const body = getDraft().body;
    if (body.mode !== 'form-urlencoded') throw new Error('expected form');
    formFieldEdited(body.fields[0]!.id, { name: 'q', value: '테스트' });
    expect(sentHeaders()).toEqual([
      ['Accept', 'application/json', 'user'],
      ['Content-Type', 'application/x-www-form-urlencoded', 'user'],
      ['Authorization', `Bearer ${SAMPLE_TOKEN}`, 'auth'],
    ]);
    expect(new TextDecoder().decode(resolveCurrent().request!.body!)).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8');
  });

  it('JSON → None → Multipart: the row (left alone with no body) still follows', () => {
    bodyModeChanged('none');
    expect(headerPairs()[1]).toEqual(['Content-Type', 'application/json']);
    expect(resolveCurrent().problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: getDraft().headers[1]!.id,
        message: 'Content-Type is not sent: this request has no body.',
      },
    ]);
    bodyModeChanged('multipart');
    expect(headerPairs()[1]).toEqual(['Content-Type', 'multipart/form-data']);
    bodyModeChanged('json');
    expect(headerPairs()[1]).toEqual(['Content-Type', 'application/json']);
  });

  it('a customised row is kept, and resolve warns that it contradicts the multipart body', () => {
    headerEdited(getDraft().headers[1]!.id, { value: 'application/merge-patch+json' });
    bodyModeChanged('multipart');
    expect(headerPairs()[1]).toEqual(['Content-Type', 'application/merge-patch+json']);
    const body = getDraft().body;
    if (body.mode !== 'multipart') throw new Error('expected multipart');
    multipartPartEdited(body.parts[0]!.id, { name: 'a', value: '1' });
    expect(resolveCurrent().problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: getDraft().headers[1]!.id,
        message:
          'Your Content-Type row says application/merge-patch+json but the body is multipart/form-data; the server will likely fail to parse it. Remove the row or set it to multipart/form-data.',
      },
    ]);
  });
});

describe('auth type change keeps each scheme’s fields for the session (defect 2)', () => {
  it('Bearer mF_9… → No auth → Bearer gives the token back; Basic username likewise', () => {
    authTypeChanged('none');
    authTypeChanged('bearer');
    expect(getDraft().auth).toEqual({ type: 'bearer', token: SAMPLE_TOKEN });
    authTypeChanged('basic');
    authFieldEdited('username', 'user');
    authTypeChanged('apikey');
    authTypeChanged('none');
    authTypeChanged('basic');
    expect(getDraft().auth).toEqual({ type: 'basic', username: 'user', password: '' });
    expect(sentHeaders()?.at(-1)).toEqual(['Authorization', 'Basic dXNlcjo=', 'auth']);
  });

  it('opening another request forgets the fields (a token never leaks into another request)', () => {
    authTypeChanged('none');
    draftReplaced(blankDraft());
    authTypeChanged('bearer');
    expect(getDraft().auth).toEqual({ type: 'bearer', token: '' });
  });
});

describe('body mode change keeps the text and fields (defect 2)', () => {
  it('JSON → None → Text keeps the JSON text', () => {
    bodyModeChanged('none');
    bodyModeChanged('text');
    expect(getDraft().body).toEqual({ mode: 'text', text: SAMPLE_JSON_BODY });
  });

  it('Text edited, → Form → Binary → JSON gets the edited text; the form comes back', () => {
    bodyModeChanged('text');
    bodyTextEdited('hello');
    bodyModeChanged('form-urlencoded');
    const form = getDraft().body;
    if (form.mode !== 'form-urlencoded') throw new Error('expected form');
    formFieldEdited(form.fields[0]!.id, { name: 'k', value: 'v' });
    bodyModeChanged('binary');
    bodyModeChanged('json');
    expect(getDraft().body).toEqual({ mode: 'json', text: 'hello' });
    bodyModeChanged('none');
    bodyModeChanged('form-urlencoded');
    expect(getDraft().body).toEqual({
      mode: 'form-urlencoded',
      fields: [{ id: form.fields[0]!.id, name: 'k', value: 'v', enabled: true }],
    });
  });
});

describe('query rows stay as typed after an unrelated URL edit (defect 3)', () => {
  it('tag=test#abc, q=a&b, n=m=v survive typing &z=1 at the end of the URL', () => {
    draftReplaced(blankDraft());
    urlEdited('http://h.test/p');
    for (const [name, value] of [
      ['tag', 'test#abc'],
      ['q', 'a&b'],
      ['n=m', 'v'],
    ] as const) {
      queryRowAdded();
      const id = getDraft().query.at(-1)!.id;
      queryRowEdited(id, { name });
      queryRowEdited(id, { value });
    }
    expect(urlFieldText(getDraft())).toBe('http://h.test/p?tag=test%23abc&q=a%26b&n%3Dm=v');
    urlEdited(`${urlFieldText(getDraft())}&z=1`);
    expect(getDraft().query.map((r) => [r.name, r.value])).toEqual([
      ['tag', 'test#abc'],
      ['q', 'a&b'],
      ['n=m', 'v'],
      ['z', '1'],
    ]);
    expect(resolveCurrent().request?.url).toBe('http://h.test/p?tag=test%23abc&q=a%26b&n%3Dm=v&z=1');
  });
});
