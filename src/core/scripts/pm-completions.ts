/**
 * Autocompletion of the script API (docs/scripts.md) for the Scripts editors: what may follow
 * `pm.`, `pm.environment.` and the like. Pure data and one lookup; the editor registers it.
 */

/** A completion: the member name, whether it is called, and a one-line description. */
export interface PmCompletion {
  label: string;
  kind: 'method' | 'property';
  detail: string;
}

const scope = (name: string): PmCompletion[] => [
  { label: 'get', kind: 'method', detail: `get(name): the ${name} value, or undefined` },
  { label: 'set', kind: 'method', detail: `set(name, value): stores text (objects as JSON)` },
  { label: 'unset', kind: 'method', detail: 'unset(name)' },
  { label: 'has', kind: 'method', detail: 'has(name): boolean' },
  { label: 'clear', kind: 'method', detail: 'clear(): removes every variable of this scope' },
  { label: 'toObject', kind: 'method', detail: 'toObject(): { name: value }' },
  { label: 'replaceIn', kind: 'method', detail: 'replaceIn(text): {{name}} replaced' },
];
const list: PmCompletion[] = [
  { label: 'get', kind: 'method', detail: 'get(key): value of the first enabled entry (any case)' },
  { label: 'add', kind: 'method', detail: 'add({ key, value })' },
  { label: 'upsert', kind: 'method', detail: 'upsert({ key, value }): replaces or adds' },
  { label: 'remove', kind: 'method', detail: 'remove(key)' },
  { label: 'has', kind: 'method', detail: 'has(key, value?)' },
  { label: 'toObject', kind: 'method', detail: 'toObject(): { key: value }' },
  { label: 'each', kind: 'method', detail: 'each(fn)' },
];

const MEMBERS: Record<string, PmCompletion[]> = {
  pm: [
    { label: 'environment', kind: 'property', detail: 'the active environment' },
    { label: 'collectionVariables', kind: 'property', detail: 'the collection’s variables' },
    { label: 'globals', kind: 'property', detail: 'global variables' },
    { label: 'variables', kind: 'property', detail: 'every scope, narrowest first; set = local' },
    { label: 'iterationData', kind: 'property', detail: 'the data file row (read-only)' },
    { label: 'request', kind: 'property', detail: 'the request (pre-request: changes are sent)' },
    { label: 'response', kind: 'property', detail: 'the response (post-response scripts)' },
    { label: 'test', kind: 'method', detail: 'test(name, fn): a named test' },
    { label: 'expect', kind: 'method', detail: 'expect(value): chai BDD assertion' },
    { label: 'sendRequest', kind: 'method', detail: 'sendRequest(urlOrRequest, (err, res) => …) or await' },
    { label: 'info', kind: 'property', detail: '{ eventName, iteration, iterationCount, requestName, requestId }' },
  ],
  'pm.environment': scope('environment'),
  'pm.collectionVariables': scope('collection'),
  'pm.globals': scope('global'),
  'pm.variables': scope('variable'),
  'pm.iterationData': scope('data row').filter((c) => ['get', 'has', 'toObject', 'replaceIn'].includes(c.label)),
  'pm.request': [
    { label: 'url', kind: 'property', detail: 'Url: toString(), query, getHost(), getPath(); assign a string' },
    { label: 'method', kind: 'property', detail: 'method token, e.g. "POST"' },
    { label: 'headers', kind: 'property', detail: 'header fields: add, upsert, remove, get' },
    { label: 'body', kind: 'property', detail: '{ mode, raw, urlencoded }' },
  ],
  'pm.request.headers': list,
  'pm.request.url.query': list,
  'pm.response': [
    { label: 'code', kind: 'property', detail: 'status code, e.g. 200' },
    { label: 'status', kind: 'property', detail: 'reason phrase, e.g. "OK"' },
    { label: 'headers', kind: 'property', detail: 'header fields: get(name), has(name)' },
    { label: 'responseTime', kind: 'property', detail: 'milliseconds' },
    { label: 'responseSize', kind: 'property', detail: 'octets of content' },
    { label: 'json', kind: 'method', detail: 'json(): the content parsed as JSON' },
    { label: 'text', kind: 'method', detail: 'text(): the content as text' },
    { label: 'to', kind: 'property', detail: 'to.have.status(200), to.have.header(name), to.be.ok …' },
  ],
  'pm.response.headers': list.filter((c) => ['get', 'has', 'toObject', 'each'].includes(c.label)),
  'pm.test': [{ label: 'skip', kind: 'method', detail: 'skip(name): a skipped test' }],
  console: ['log', 'info', 'warn', 'error', 'debug'].map((l) => ({
    label: l,
    kind: 'method' as const,
    detail: `${l}(…): to the console panel`,
  })),
};

/**
 * The completions after the text before the cursor, when it ends with a known object and a dot
 * (`… pm.environment.` or `pm.environment.se`): `{ members, typed }` where `typed` is the part of
 * the member already typed. `null` when nothing applies. Example: `pmCompletions('x = pm.res')`
 * → the members of `pm` and `typed: 'res'`.
 */
export function pmCompletions(textBeforeCursor: string): { members: PmCompletion[]; typed: string } | null {
  const m = /((?:pm|console)(?:\.[A-Za-z]+)*)\.([A-Za-z]*)$/.exec(textBeforeCursor);
  if (!m) return null;
  const members = MEMBERS[m[1] as string];
  return members ? { members, typed: m[2] as string } : null;
}
