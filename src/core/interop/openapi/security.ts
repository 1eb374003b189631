/**
 * OpenAPI security requirements → auth. Credentials are variables (`{{bearerToken}}`,
 * `{{apiKey}}`, `{{username}}`/`{{password}}`) so no secret is invented; the collection gets
 * them as empty variables to fill in. Follows OpenAPI 3.1 §4.8.27 (Security Scheme Object)
 * and Swagger 2.0 `securityDefinitions`; only the first requirement of a list is used.
 */
import { asArray, asObject, asText } from '../rows.ts';
import type { TreeAuth } from '../tree.ts';

export interface SecurityResult {
  auth: TreeAuth;
  /** Variables the auth refers to. */
  variables: string[];
  /** A sentence when the scheme cannot be carried (oauth2, openIdConnect, cookie API key, mutualTLS). */
  problem: string | null;
}

/**
 * The auth of a security requirement list (`security: [{ name: [scopes] }]`); `[]` = none.
 * `schemes` is `components.securitySchemes` (3.x) or `securityDefinitions` (2.0), derefed.
 */
export function securityAuth(
  requirements: unknown,
  schemes: Record<string, unknown>,
  deref: (v: unknown) => unknown,
): SecurityResult {
  const list = asArray(requirements);
  if (list.length === 0) return { auth: { type: 'none' }, variables: [], problem: null };
  const first = asObject(list[0]);
  const name = first ? Object.keys(first)[0] : undefined;
  if (name === undefined) return { auth: { type: 'none' }, variables: [], problem: null };
  const s = asObject(deref(schemes[name]));
  if (!s) return { auth: null, variables: [], problem: `The security scheme “${name}” is not defined.` };
  const type = asText(s.type);
  const scheme = asText(s.scheme).toLowerCase();
  if (type === 'http' && scheme === 'bearer')
    return { auth: { type: 'bearer', token: '{{bearerToken}}' }, variables: ['bearerToken'], problem: null };
  if ((type === 'http' && scheme === 'basic') || type === 'basic')
    return {
      auth: { type: 'basic', username: '{{username}}', password: '{{password}}' },
      variables: ['username', 'password'],
      problem: null,
    };
  if (type === 'apiKey') {
    const where = asText(s.in);
    if (where === 'header' || where === 'query')
      return {
        auth: { type: 'apikey', key: asText(s.name), value: '{{apiKey}}', in: where },
        variables: ['apiKey'],
        problem: null,
      };
    return {
      auth: null,
      variables: [],
      problem: `The API key “${name}” goes in a cookie, which Parley's API key auth cannot set; add a Cookie header.`,
    };
  }
  const params: [string, string][] = Object.entries(s).flatMap(([k, v]) =>
    typeof v === 'string' ? [[k, v] as [string, string]] : [],
  );
  const flows = asObject(s.flows);
  if (flows) params.push(['flows', Object.keys(flows).join(', ')]);
  const label = type === 'http' ? `http ${scheme}` : type;
  return {
    auth: { type: 'foreign', scheme: type === 'http' ? scheme : type, params },
    variables: [],
    problem: `Parley has no ${label} auth yet: requests that use “${name}” are sent without auth.`,
  };
}
