/**
 * OpenAPI 3.0 / 3.1 and Swagger 2.0 (parsed JSON or YAML) → the interop tree: one request per
 * operation, in folders by its first tag (in the order of the document's `tags`, then of first
 * use; untagged operations at the top level), `servers[0]` (its variables at their defaults)
 * or Swagger's `schemes://host basePath` as the `baseUrl` variable, the document's security as
 * the collection's auth and an operation's own `security` as the request's. Local `$ref`s are
 * followed (see `RefResolver`); other files' are reported. Never throws.
 */
import { asArray, asObject, asText, kvRow } from '../rows.ts';
import { emptyDefaults, joinPath, Report, type ImportResult, type TreeFolder, type TreeItem } from '../tree.ts';
import { RefResolver } from './refs.ts';
import { operationRequest } from './operation.ts';
import { securityAuth } from './security.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `openapi: 3.x` or `swagger: "2.0"` at the top. */
export function isOpenApi(data: unknown): boolean {
  const o = asObject(data);
  return !!o && (/^3\./.test(asText(o.openapi)) || asText(o.swagger) === '2.0');
}

function baseUrlOf(o: Record<string, unknown>, swagger2: boolean): string {
  if (swagger2) {
    const host = asText(o.host);
    const scheme =
      asArray(o.schemes)
        .map(asText)
        .find((s) => s === 'https') ??
      asText(asArray(o.schemes)[0]) ??
      '';
    const base = asText(o.basePath).replace(/\/$/, '');
    return host ? `${scheme || 'https'}://${host}${base}` : base;
  }
  const server = asObject(asArray(o.servers)[0]);
  if (!server) return '';
  const vars = asObject(server.variables) ?? {};
  return asText(server.url)
    .replace(/\{([^}]+)\}/g, (m, name: string) => asText(asObject(vars[name])?.default) || m)
    .replace(/\/$/, '');
}

/**
 * Reads a parsed OpenAPI/Swagger document.
 * @param documents other files by the name `$ref`s use (`common.yaml`), already parsed; optional
 */
export function importOpenApi(data: unknown, documents: Readonly<Record<string, unknown>> = {}): ImportResult {
  if (!isOpenApi(data)) return { ok: false, message: 'This is not an OpenAPI 3.x or Swagger 2.0 document.' };
  const o = asObject(data)!;
  const swagger2 = asText(o.swagger) === '2.0';
  const refs = new RefResolver(o, documents);
  const report = new Report();
  const info = asObject(o.info) ?? {};
  const title = asText(info.title) || 'Imported API';
  const defaults = emptyDefaults();
  const baseUrl = baseUrlOf(o, swagger2);
  defaults.variables.push(kvRow('baseUrl', baseUrl));
  if (!/^https?:\/\//.test(baseUrl))
    report.changed(
      joinPath([title], 'baseUrl'),
      `The server URL “${baseUrl}” is not absolute: set the baseUrl variable before sending.`,
    );
  const schemes = asObject(swagger2 ? o.securityDefinitions : asObject(o.components)?.securitySchemes) ?? {};
  const credentialVars = new Set<string>();
  const rootSec = securityAuth(o.security ?? [], schemes, (v) => refs.deref(v));
  defaults.auth = rootSec.auth;
  rootSec.variables.forEach((v) => credentialVars.add(v));
  if (rootSec.problem) report.notCarried(joinPath([title], 'security'), rootSec.problem);

  const folders = new Map<string, TreeFolder>();
  for (const t of asArray(o.tags)) {
    const tag = asObject(t);
    const name = asText(tag?.name);
    if (name && !folders.has(name))
      folders.set(name, {
        kind: 'folder',
        name,
        description: asText(tag?.description),
        defaults: emptyDefaults(),
        items: [],
      });
  }
  const top: TreeItem[] = [];
  const consumes = asArray(o.consumes).map(asText);
  for (const [path, rawItem] of Object.entries(asObject(o.paths) ?? {})) {
    const item = asObject(refs.deref(rawItem));
    if (!item) continue;
    for (const method of METHODS) {
      const op = asObject(item[method]);
      if (!op) continue;
      const tag = asText(asArray(op.tags)[0]);
      let folder: TreeFolder | null = null;
      if (tag) {
        folder = folders.get(tag) ?? {
          kind: 'folder',
          name: tag,
          description: '',
          defaults: emptyDefaults(),
          items: [],
        };
        folders.set(tag, folder);
      }
      const request = operationRequest({
        method,
        path,
        op,
        pathParams: asArray(item.parameters),
        swagger2,
        consumes: op.consumes ? asArray(op.consumes).map(asText) : consumes,
        refs,
        report,
        parents: folder ? [folder.name] : [],
      });
      if (op.security !== undefined) {
        const sec = securityAuth(op.security, schemes, (v) => refs.deref(v));
        request.auth = sec.auth ?? { type: 'none' };
        if (sec.auth && sec.auth.type !== 'foreign') request.draft.auth = sec.auth;
        sec.variables.forEach((v) => credentialVars.add(v));
        if (sec.problem)
          report.notCarried(joinPath(folder ? [folder.name] : [], request.name, 'security'), sec.problem);
      }
      if (op.deprecated === true)
        report.changed(joinPath(folder ? [folder.name] : [], request.name), 'The operation is deprecated.');
      if (folder) {
        folder.items.push(request);
      } else {
        top.push(request);
      }
    }
  }
  for (const v of credentialVars) defaults.variables.push(kvRow(v, ''));
  for (const ref of refs.missing)
    report.notCarried(
      ref,
      `The reference ${ref} points into another file, which was not given; what it describes is left empty.`,
    );
  const tagged = [...folders.values()].filter((f) => f.items.length > 0);
  return {
    ok: true,
    format: 'openapi',
    collection: {
      name: title,
      description: asText(info.description),
      defaults,
      items: [...tagged, ...top],
      environments: [],
    },
    report: report.items,
  };
}
