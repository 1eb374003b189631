/**
 * Evaluates the assertions table against a response (issue 15 §2–3). Pure: the same rows and
 * response give the same results in the app, the runner and the CLI.
 */
import { Validator } from '@cfworker/json-schema';
import type { ScriptResponse, TestResult } from '../scripts/types.ts';
import type { Assertion } from './schema.ts';
import { queryJsonPath } from './json-path.ts';

/** One row's outcome: a TestResult (so runner and reporters treat it like `pm.test`) plus the actual value. */
export interface AssertionResult extends TestResult {
  assertionId: string;
  /** What was found, as text (JSON for structured values); absent when nothing was found. */
  actual?: string;
}

export interface AssertionOutcome {
  results: AssertionResult[];
  /** Variables set by `setVariable` rows, by name (values as text; strings unquoted, other JSON as JSON text). */
  variables: Record<string, string>;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/** The test name a row shows, e.g. `status equals 200`, `$.token exists`, `set token from $.access_token`. */
export function assertionName(a: Assertion): string {
  switch (a.kind) {
    case 'status':
      return `status equals ${a.expected}`;
    case 'responseTime':
      return `response time below ${a.expected} ms`;
    case 'jsonSchema':
      return 'body matches JSON Schema';
    case 'setVariable':
      return `set ${a.expected} from ${a.target}`;
    case 'header':
    case 'jsonpath':
      return `${a.kind === 'header' ? `header ${a.target}` : a.target} ${a.op}${a.op === 'exists' ? '' : ` ${a.expected}`}`;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as never)[k], (b as never)[k]))
  );
}

/** `expected` as JSON when it parses (so `42`, `true`, `{"a":1}` compare as values), else as text. */
function equalsExpected(actual: unknown, expected: string): boolean {
  try {
    if (deepEqual(actual, JSON.parse(expected))) return true;
  } catch {
    // not JSON: compare as text below
  }
  return asText(actual) === expected;
}

function regex(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern);
  } catch (e) {
    return `Invalid regular expression ${pattern}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Evaluates the ENABLED rows in order. A failing row has `status: 'failed'`, `error` saying
 * what was expected and `actual` the value found. Content is parsed as JSON only when a row
 * needs it; content that is not JSON fails those rows with the parse error. Never throws.
 */
export function evaluateAssertions(rows: readonly Assertion[], response: ScriptResponse): AssertionOutcome {
  const results: AssertionResult[] = [];
  const variables: Record<string, string> = {};
  let parsed: { ok: true; value: unknown } | { ok: false; message: string } | null = null;
  const json = () => {
    if (parsed === null) {
      try {
        parsed = { ok: true, value: JSON.parse(response.body) as unknown };
      } catch (e) {
        parsed = { ok: false, message: `The content is not JSON: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    return parsed;
  };
  for (const a of rows) {
    if (!a.enabled) continue;
    const name = assertionName(a);
    const pass = (actual?: string): AssertionResult =>
      actual === undefined
        ? { assertionId: a.id, name, status: 'passed' }
        : { assertionId: a.id, name, status: 'passed', actual };
    const fail = (error: string, actual?: string): AssertionResult =>
      actual === undefined
        ? { assertionId: a.id, name, status: 'failed', error }
        : { assertionId: a.id, name, status: 'failed', error, actual };
    results.push(evaluateOne(a, response, json, variables, pass, fail));
  }
  return { results, variables };
}

function evaluateOne(
  a: Assertion,
  response: ScriptResponse,
  json: () => { ok: true; value: unknown } | { ok: false; message: string },
  variables: Record<string, string>,
  pass: (actual?: string) => AssertionResult,
  fail: (error: string, actual?: string) => AssertionResult,
): AssertionResult {
  switch (a.kind) {
    case 'status': {
      const actual = String(response.code);
      return actual === a.expected.trim()
        ? pass(actual)
        : fail(`expected status ${a.expected.trim()}, got ${actual}`, actual);
    }
    case 'responseTime': {
      const limit = Number(a.expected);
      if (!Number.isFinite(limit)) return fail(`"${a.expected}" is not a number of milliseconds`);
      const actual = `${response.responseTime}`;
      return response.responseTime < limit
        ? pass(actual)
        : fail(`expected below ${limit} ms, took ${actual} ms`, actual);
    }
    case 'header': {
      const key = a.target.trim().toLowerCase();
      const values = response.headers.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
      if (values.length === 0) return fail(`no header field ${a.target.trim()}`);
      const actual = values.join(', ');
      return compare(a, actual, actual, pass, fail);
    }
    case 'jsonpath':
    case 'setVariable': {
      const doc = json();
      if (!doc.ok) return fail(doc.message);
      const q = queryJsonPath(doc.value, a.target);
      if (!q.ok) return fail(q.message);
      if (q.values.length === 0) return fail(`${a.target} matched nothing`);
      const value = q.values[0];
      if (a.kind === 'setVariable') {
        const variable = a.expected.trim();
        if (variable === '') return fail('no variable name given');
        variables[variable] = asText(value);
        return pass(asText(value));
      }
      return compare(a, value, asText(value), pass, fail);
    }
    case 'jsonSchema': {
      const doc = json();
      if (!doc.ok) return fail(doc.message);
      let schema: unknown;
      try {
        schema = JSON.parse(a.expected);
      } catch (e) {
        return fail(`The schema is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (typeof schema !== 'object' && typeof schema !== 'boolean') return fail('The schema must be a JSON object');
      const r = new Validator(schema as object, '2020-12', false).validate(doc.value);
      if (r.valid) return pass();
      const leaf = r.errors[r.errors.length - 1];
      return fail(leaf ? `${leaf.instanceLocation}: ${leaf.error}` : 'does not match the schema');
    }
  }
}

function compare(
  a: Assertion,
  value: unknown,
  actual: string,
  pass: (actual?: string) => AssertionResult,
  fail: (error: string, actual?: string) => AssertionResult,
): AssertionResult {
  switch (a.op) {
    case 'exists':
      return pass(actual);
    case 'equals':
      return equalsExpected(value, a.expected) ? pass(actual) : fail(`expected ${a.expected}, got ${actual}`, actual);
    case 'contains':
      return actual.includes(a.expected)
        ? pass(actual)
        : fail(`expected to contain ${a.expected}, got ${actual}`, actual);
    case 'matches': {
      const re = regex(a.expected);
      if (typeof re === 'string') return fail(re);
      return re.test(actual) ? pass(actual) : fail(`expected to match /${a.expected}/, got ${actual}`, actual);
    }
    case 'below': {
      const n = Number(actual);
      const limit = Number(a.expected);
      return Number.isFinite(n) && n < limit
        ? pass(actual)
        : fail(`expected below ${a.expected}, got ${actual}`, actual);
    }
  }
}
