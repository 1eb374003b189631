import { describe, expect, it } from 'vitest';
import { scopedValues, variableScopes } from '../../../src/core/variables/scopes.ts';
import { emptyScopeDefaults } from '../../../src/core/library/records.ts';
import type { ScopeLayer } from '../../../src/core/library/scope.ts';

const row = (name: string, value: string, enabled = true) => ({ id: name, name, value, enabled });
const scope = (kind: ScopeLayer['kind'], name: string, vars: ReturnType<typeof row>[]): ScopeLayer => ({
  kind,
  id: name,
  name,
  defaults: { ...emptyScopeDefaults(), variables: vars },
});

describe('variableScopes', () => {
  it('globals < collection < folders (outer → inner) < environment < request', () => {
    const vars = variableScopes({
      globals: [row('a', 'g'), row('b', 'g'), row('c', 'g'), row('d', 'g'), row('e', 'g'), row('f', 'g')],
      scopes: [
        scope('collection', 'Team', [row('b', 'c'), row('c', 'c'), row('d', 'c'), row('e', 'c')]),
        scope('folder', 'Users', [row('c', 'f1'), row('d', 'f1'), row('e', 'f1')]),
        scope('folder', 'Admin', [row('d', 'f2'), row('e', 'f2', false)]),
      ],
      environment: { name: 'Staging', values: { e: 'env', f: 'env' } },
      request: { f: 'req' },
    });
    expect(vars).toEqual([
      { name: 'a', value: 'g', scope: 'globals', secret: false, overrides: [] },
      { name: 'b', value: 'c', scope: 'collection Team', secret: false, overrides: ['globals'] },
      { name: 'c', value: 'f1', scope: 'folder Users', secret: false, overrides: ['collection Team', 'globals'] },
      {
        name: 'd',
        value: 'f2',
        scope: 'folder Admin',
        secret: false,
        overrides: ['folder Users', 'collection Team', 'globals'],
      },
      {
        name: 'e',
        value: 'env',
        scope: 'environment Staging',
        secret: false,
        overrides: ['folder Users', 'collection Team', 'globals'],
      },
      { name: 'f', value: 'req', scope: 'request', secret: false, overrides: ['environment Staging', 'globals'] },
    ]);
    expect(scopedValues(vars)).toEqual({ a: 'g', b: 'c', c: 'f1', d: 'f2', e: 'env', f: 'req' });
  });

  it('marks secret-looking names; the later row of one table wins; blank names are ignored', () => {
    expect(variableScopes({ globals: [row('apiKey', 'k1'), row('apiKey', 'k2'), row(' ', 'x')] })).toEqual([
      { name: 'apiKey', value: 'k2', scope: 'globals', secret: true, overrides: [] },
    ]);
    expect(variableScopes({})).toEqual([]);
  });
});
