import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import { effectiveAuth, inheritedHeaderRows } from '../../../src/core/resolve/resolve-scopes.ts';
import type { ScopeLayer } from '../../../src/core/library/scope.ts';
import { emptyScopeDefaults, type ScopeDefaults } from '../../../src/core/library/records.ts';
import { draftFromUrl, headerRows } from './fixtures.ts';

const layer = (kind: ScopeLayer['kind'], name: string, d: Partial<ScopeDefaults>): ScopeLayer => ({
  kind,
  id: name.toLowerCase(),
  name,
  defaults: { ...emptyScopeDefaults(), ...d },
});
const team = layer('collection', 'Team', {
  headers: headerRows(['X-Team', 'core'], ['Accept', 'text/plain'], ['X-Off', 'no', false]),
  auth: { type: 'bearer', token: '{{token}}' },
  variables: [
    { id: 'v1', name: 'host', value: '127.0.0.1:8080', enabled: true },
    { id: 'v2', name: 'token', value: 'team-token', enabled: true },
  ],
});
const users = layer('folder', 'Users', {
  headers: headerRows(['Accept', 'application/json'], ['X-Folder', '{{token}}']),
  variables: [{ id: 'v3', name: 'token', value: 'users-token', enabled: true }],
});

describe('resolveRequest with a scope chain', () => {
  it('sends inherited header fields and inherited auth; the raw view shows them', () => {
    const draft = draftFromUrl('http://{{host}}/echo', {
      headers: headerRows(['X-Own', '1']),
      auth: { type: 'inherit' },
    });
    const r = resolveRequest(draft, { scopes: [team, users] });
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://127.0.0.1:8080/echo');
    expect(r.request?.headers).toEqual([
      { name: 'X-Own', value: '1', source: 'user', rowId: 'h0' },
      { name: 'X-Team', value: 'core', source: 'scope', from: 'collection Team' },
      { name: 'Accept', value: 'application/json', source: 'scope', from: 'folder Users' },
      { name: 'X-Folder', value: 'users-token', source: 'scope', from: 'folder Users' },
      { name: 'Authorization', value: 'Bearer users-token', source: 'auth', from: 'collection Team' },
    ]);
    expect(renderHttpMessage(r.request!).text).toBe(
      'GET /echo HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Own: 1\r\nX-Team: core\r\nAccept: application/json\r\n' +
        'X-Folder: users-token\r\nAuthorization: Bearer users-token\r\n\r\n',
    );
  });

  it('the environment wins over folder variables; a request row wins over an inherited one', () => {
    const draft = draftFromUrl('http://{{host}}/echo', { headers: headerRows(['accept', '*/*']) });
    const r = resolveRequest(draft, { scopes: [team, users], variables: { token: 'env-token' }, globals: [] });
    expect(r.request?.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([
      'accept: */*',
      'X-Team: core',
      'X-Folder: env-token',
    ]);
  });

  it('globals are the lowest scope', () => {
    const draft = draftFromUrl('http://{{host}}/{{path}}');
    const globals = [
      { id: 'g1', name: 'host', value: 'example.test', enabled: true },
      { id: 'g2', name: 'path', value: 'g', enabled: true },
    ];
    expect(resolveRequest(draft, { globals }).request?.url).toBe('http://example.test/g');
    expect(resolveRequest(draft, { globals, scopes: [team] }).request?.url).toBe('http://127.0.0.1:8080/g');
  });

  it('an invalid inherited header is an error naming its scope', () => {
    const bad = layer('folder', 'Bad', { headers: headerRows(['X Bad', 'v']) });
    const r = resolveRequest(draftFromUrl('http://127.0.0.1:8080/echo'), { scopes: [bad] });
    expect(r.request).toBe(null);
    expect(r.problems.map((p) => [p.field, p.rowId, p.message.startsWith('From folder Bad: ')])).toEqual([
      ['header', undefined, true],
    ]);
  });
});

describe('inheritance rules', () => {
  it('inner scopes win per header name, case-insensitively; disabled rows take no part', () => {
    expect(inheritedHeaderRows([team, users], []).map((h) => [h.row.name, h.row.value, h.from])).toEqual([
      ['X-Team', 'core', 'collection Team'],
      ['Accept', 'application/json', 'folder Users'],
      ['X-Folder', '{{token}}', 'folder Users'],
    ]);
    const own = headerRows(['x-team', 'mine'], ['X-Folder', 'off', false]);
    expect(inheritedHeaderRows([team, users], own).map((h) => h.row.name)).toEqual(['Accept', 'X-Folder']);
  });

  it('auth: own scheme kept; inherit takes the innermost set auth; none stops; nothing → no auth', () => {
    const basic = { type: 'basic' as const, username: 'u', password: 'p' };
    expect(effectiveAuth(basic, [team])).toEqual({ auth: basic, from: null });
    expect(effectiveAuth({ type: 'inherit' }, [team, users])).toEqual({
      auth: { type: 'bearer', token: '{{token}}' },
      from: 'collection Team',
    });
    const off = layer('folder', 'Public', { auth: { type: 'none' } });
    expect(effectiveAuth({ type: 'inherit' }, [team, off])).toEqual({ auth: { type: 'none' }, from: 'folder Public' });
    const inheriting = layer('folder', 'Inner', { auth: { type: 'inherit' } });
    const junk = layer('folder', 'Junk', { auth: { type: 'magic' } });
    expect(effectiveAuth({ type: 'inherit' }, [team, junk, inheriting]).from).toBe('collection Team');
    expect(effectiveAuth({ type: 'inherit' }, [])).toEqual({ auth: { type: 'none' }, from: null });
  });
});
