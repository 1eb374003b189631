import { expect, test } from 'vitest';
import { scopedScripts } from '../../../src/core/scripts/scope-scripts.ts';
import type { ScopeLayer } from '../../../src/core/library/scope.ts';

const layer = (kind: ScopeLayer['kind'], name: string, pre: string, post: string): ScopeLayer => ({
  kind,
  id: name,
  name,
  defaults: { headers: [], auth: null, variables: [], scripts: { preRequest: pre, postResponse: post } },
});

test('collection, folders outer → inner, then the request, for both events (Postman order); blank scripts left out', () => {
  const chain = [
    layer('collection', 'Team', 'c-pre', 'c-post'),
    layer('folder', 'Users', '  ', 'f1-post'),
    layer('folder', 'Admin', 'f2-pre', ''),
  ];
  const draft = { scripts: { preRequest: 'r-pre', postResponse: 'r-post' } };
  expect(scopedScripts(chain, draft, 'preRequest')).toEqual([
    { code: 'c-pre', label: 'collection Team' },
    { code: 'f2-pre', label: 'folder Admin' },
    { code: 'r-pre', label: 'request' },
  ]);
  expect(scopedScripts(chain, draft, 'postResponse')).toEqual([
    { code: 'c-post', label: 'collection Team' },
    { code: 'f1-post', label: 'folder Users' },
    { code: 'r-post', label: 'request' },
  ]);
  expect(scopedScripts([], {}, 'preRequest')).toEqual([]);
});
