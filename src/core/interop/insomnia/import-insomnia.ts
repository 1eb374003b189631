/**
 * Insomnia exports → the interop tree (docs/interop.md):
 * - v4 (JSON, `__export_format: 4`): a flat `resources` list linked by `parentId`: `workspace`
 *   (the collection), `request_group` (folders, nested), `request`, `environment` (the base
 *   environment's parent is the workspace, sub-environments' parent is the base one).
 * - v5 (YAML, `type: collection.insomnia.rest/5.0`, Insomnia 10+): `collection` (items with
 *   `children` are folders, the others requests), `environments { data, subEnvironments }`.
 * Order: `metaSortKey` (v4) / `meta.sortKey` (v5) ascending, else file order. The base
 * environment becomes the collection's variables (Insomnia applies it to every request), each
 * sub-environment a Parley environment (private ones' variables marked secret). gRPC and
 * WebSocket requests, cookie jars, API specs, unit tests and mock servers are reported as not
 * carried. Never throws.
 */
import { asArray, asObject, asText, kvRow } from '../rows.ts';
import {
  emptyDefaults,
  joinPath,
  Report,
  type ImportResult,
  type TreeCollection,
  type TreeEnvironment,
  type TreeItem,
} from '../tree.ts';
import { readInsomniaFolderDefaults, readInsomniaRequest, TemplateReader } from './request.ts';
import { flattenEnvironmentData } from './template.ts';

/** True for an Insomnia v4 export or a v5 file (detected before Postman and OpenAPI). */
export function isInsomnia(data: unknown): boolean {
  const o = asObject(data);
  return !!o && (o.__export_format !== undefined || asText(o.type).includes('insomnia.rest/'));
}

function environment(o: Record<string, unknown>, fallback: string): TreeEnvironment {
  const secret = o.isPrivate === true || asObject(o.meta)?.isPrivate === true;
  return {
    name: asText(o.name) || fallback,
    variables: flattenEnvironmentData(o.data).map(([name, value]) => ({ name, value, enabled: true, secret })),
  };
}

const NOT_CARRIED: Record<string, string> = {
  grpc_request: 'gRPC requests are not carried: Parley sends HTTP requests.',
  websocket_request: 'WebSocket requests are not carried by this import.',
  cookie_jar: 'Cookies are not carried: the browser keeps cookies itself.',
  api_spec: 'The API design document is not carried; import the spec file itself as OpenAPI.',
  unit_test_suite: 'Insomnia unit tests are not carried.',
  unit_test: 'Insomnia unit tests are not carried.',
  proto_file: 'Protocol buffer files are not carried.',
  mock_server: 'Mock servers are not carried.',
};

const sortKey = (o: Record<string, unknown>): number => {
  const k = o.metaSortKey ?? asObject(o.meta)?.sortKey;
  return typeof k === 'number' ? k : 0;
};
/** Stable sort by sort key (file order for equal keys). */
const bySortKey = (xs: Record<string, unknown>[]) =>
  xs
    .map((o, i) => ({ o, i }))
    .sort((a, b) => sortKey(a.o) - sortKey(b.o) || a.i - b.i)
    .map(({ o }) => o);

function importV4(o: Record<string, unknown>): ImportResult {
  const report = new Report();
  const t = new TemplateReader(report);
  const resources = asArray(o.resources).flatMap((r) => (asObject(r) ? [asObject(r)!] : []));
  const workspaces = resources.filter((r) => r._type === 'workspace');
  const ids = new Set(resources.map((r) => asText(r._id)));
  const children = new Map<string, Record<string, unknown>[]>();
  for (const r of resources) {
    const parent = asText(r.parentId);
    const key = ids.has(parent) ? parent : '';
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  for (const r of resources) {
    const message = NOT_CARRIED[asText(r._type)];
    if (message) report.notCarried(joinPath([asText(r.name) || asText(r._type)]), message);
  }
  const build = (parentId: string, parents: string[]): TreeItem[] =>
    bySortKey((children.get(parentId) ?? []).filter((r) => r._type === 'request' || r._type === 'request_group')).map(
      (r): TreeItem => {
        if (r._type === 'request') return readInsomniaRequest(r, parents, report, t);
        const name = asText(r.name) || 'Untitled folder';
        const path = [...parents, name];
        return {
          kind: 'folder',
          name,
          description: asText(r.description),
          defaults: readInsomniaFolderDefaults(r, path, report, t),
          items: build(asText(r._id), path),
        };
      },
    );
  const defaults = emptyDefaults();
  const environments: TreeEnvironment[] = [];
  const addEnvironments = (scopeId: string) => {
    for (const base of (children.get(scopeId) ?? []).filter((r) => r._type === 'environment')) {
      defaults.variables.push(...flattenEnvironmentData(base.data).map(([n, v]) => kvRow(n, v)));
      for (const sub of bySortKey((children.get(asText(base._id)) ?? []).filter((r) => r._type === 'environment')))
        environments.push(environment(sub, 'Environment'));
    }
  };
  let items: TreeItem[];
  if (workspaces.length <= 1) {
    const ws = workspaces[0];
    const id = ws ? asText(ws._id) : '';
    items = [...build(id, []), ...(id ? build('', []) : [])];
    if (id) addEnvironments(id);
    addEnvironments('');
  } else {
    report.changed('', `The file holds ${workspaces.length} workspaces: each is imported as a top-level folder.`);
    items = workspaces.map((ws): TreeItem => {
      const name = asText(ws.name) || 'Workspace';
      return {
        kind: 'folder',
        name,
        description: asText(ws.description),
        defaults: emptyDefaults(),
        items: build(asText(ws._id), [name]),
      };
    });
    for (const ws of workspaces) addEnvironments(asText(ws._id));
  }
  const collection: TreeCollection = {
    name: asText(workspaces[0]?.name) || 'Insomnia import',
    description: asText(workspaces[0]?.description),
    defaults,
    items,
    environments,
  };
  return { ok: true, format: 'insomnia', collection, report: report.items };
}

function importV5(o: Record<string, unknown>): ImportResult {
  const report = new Report();
  const t = new TemplateReader(report);
  const kind = asText(o.type);
  if (!/^(collection|spec)\.insomnia\.rest\/5/.test(kind))
    return {
      ok: false,
      message: `This Insomnia file (${kind || 'no type'}) is not a collection; export the collection from Insomnia and import that.`,
    };
  const build = (list: unknown, parents: string[]): TreeItem[] =>
    bySortKey(asArray(list).flatMap((r) => (asObject(r) ? [asObject(r)!] : []))).flatMap((r): TreeItem[] => {
      const meta = asObject(r.meta) ?? {};
      const description = asText(meta.description) || asText(r.description);
      if (Array.isArray(r.children)) {
        const name = asText(r.name) || 'Untitled folder';
        const path = [...parents, name];
        return [
          {
            kind: 'folder',
            name,
            description,
            defaults: readInsomniaFolderDefaults(r, path, report, t),
            items: build(r.children, path),
          },
        ];
      }
      const id = asText(meta.id);
      if (id.startsWith('greq_') || id.startsWith('ws-req_')) {
        report.notCarried(
          joinPath([...parents, asText(r.name)]),
          NOT_CARRIED[id.startsWith('greq_') ? 'grpc_request' : 'websocket_request']!,
        );
        return [];
      }
      return [{ ...readInsomniaRequest(r, parents, report, t), description }];
    });
  const defaults = emptyDefaults();
  const environments: TreeEnvironment[] = [];
  const env = asObject(o.environments);
  if (env) {
    defaults.variables.push(...flattenEnvironmentData(env.data).map(([n, v]) => kvRow(n, v)));
    for (const sub of bySortKey(asArray(env.subEnvironments).flatMap((s) => (asObject(s) ? [asObject(s)!] : []))))
      environments.push(environment(sub, 'Environment'));
  }
  const jar = asObject(o.cookieJar);
  if (jar && asArray(jar.cookies).length)
    report.notCarried(joinPath([asText(jar.name) || 'Cookie jar']), NOT_CARRIED.cookie_jar!);
  if (o.spec !== undefined) report.notCarried('API spec', NOT_CARRIED.api_spec!);
  const meta = asObject(o.meta) ?? {};
  const collection: TreeCollection = {
    name: asText(o.name) || 'Insomnia import',
    description: asText(meta.description),
    defaults,
    items: build(o.collection, []),
    environments,
  };
  return { ok: true, format: 'insomnia', collection, report: report.items };
}

/**
 * Reads a parsed Insomnia v4 export (JSON) or v5 file (YAML).
 * @returns the tree and the report; `{ ok: false }` for other Insomnia files (v3 and older,
 *   v5 environment/mock files) with a message saying what to export instead
 */
export function importInsomnia(data: unknown): ImportResult {
  const o = asObject(data);
  if (!o || !isInsomnia(o)) return { ok: false, message: 'This is not an Insomnia export (v4 JSON or v5 YAML).' };
  if (o.__export_format !== undefined) {
    if (o.__export_format !== 4)
      return {
        ok: false,
        message: `This Insomnia export is format ${asText(o.__export_format)}; Parley reads format 4 (JSON) and 5 (YAML). Export it again from a current Insomnia.`,
      };
    return importV4(o);
  }
  return importV5(o);
}
