/**
 * "Export as k6 script": the same request, the same rate model and the same thresholds as a
 * k6 (grafana/k6) script, to run the test locally, in CI or distributed (k6 Cloud, k6-operator).
 *
 * Model → executor (k6 docs, "Scenarios > Executors"):
 *   open, no ramp      → constant-arrival-rate (rate per timeUnit, preAllocatedVUs = maxVUs = connections)
 *   open, ramp-up      → ramping-arrival-rate (startRate 0, a ramp stage, then a steady stage)
 *   closed, duration   → constant-vus, or ramping-vus (startVUs 0) with a ramp-up
 *   closed, count only → shared-iterations (the count shared by the VUs)
 * Thresholds: p95/p99 on `http_req_duration`, the error rate on `http_req_failed` (k6 counts
 * status ≥ 400 and transport errors as failed, as Parley does).
 *
 * Bytes: method, target URI, header values and content are Parley's; k6 (Go net/http) writes
 * header names in canonical case and its own order, adds Host and Content-Length as Parley's
 * proxy does, and `userAgent: ''` stops it adding `User-Agent: k6/…`. Repeated fields are
 * joined with ", " (RFC 9110 §5.3; Cookie with "; ", RFC 6265 §5.4), as a k6 headers object
 * holds one value per name. Content that is not UTF-8 is written as an ArrayBuffer of its octets.
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import type { LoadTestConfig } from './config.ts';
import { describeModel } from './config.ts';
import { intendedStartMs } from './schedule.ts';

export interface K6Script {
  text: string;
  /** What the script cannot reproduce exactly, for the reader. */
  notes: string[];
}

/** A k6 duration string: whole seconds as `10s`, anything else in ms, e.g. `1500ms`. */
export function k6Duration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

/** A JavaScript string literal (JSON's escaping is valid JS since ES2019). */
function literal(text: string): string {
  return JSON.stringify(text);
}

function joinedHeaders(req: EffectiveRequest): [string, string][] {
  const out: [string, string][] = [];
  for (const h of req.headers) {
    const same = out.find(([name]) => name.toLowerCase() === h.name.toLowerCase());
    if (same) same[1] += (h.name.toLowerCase() === 'cookie' ? '; ' : ', ') + h.value;
    else out.push([h.name, h.value]);
  }
  return out;
}

function utf8(body: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
}

function scenario(config: LoadTestConfig, notes: string[]): string[] {
  const ramp = config.rampUpMs;
  if (config.model === 'open') {
    const integerRate = Number.isInteger(config.rate);
    const rate = integerRate ? config.rate : Math.round(config.rate * 1000);
    const timeUnit = integerRate ? '1s' : '1000s';
    let duration = config.durationMs;
    const countEnd = config.totalRequests > 0 ? Math.ceil(intendedStartMs(config.totalRequests, config.rate, ramp)) : 0;
    if (countEnd > 0 && (duration === 0 || countEnd < duration)) {
      duration = countEnd;
      notes.push(
        `k6's arrival-rate executors end by time, not count: ${config.totalRequests} requests at this rate take ${k6Duration(countEnd)}.`,
      );
    }
    const vus = [`preAllocatedVUs: ${config.maxConnections},`, `maxVUs: ${config.maxConnections},`];
    if (ramp <= 0)
      return [
        "executor: 'constant-arrival-rate',",
        `rate: ${rate},`,
        `timeUnit: '${timeUnit}',`,
        `duration: '${k6Duration(duration)}',`,
        ...vus,
      ];
    return [
      "executor: 'ramping-arrival-rate',",
      'startRate: 0,',
      `timeUnit: '${timeUnit}',`,
      ...vus,
      'stages: [',
      `  { target: ${rate}, duration: '${k6Duration(Math.min(ramp, duration))}' },`,
      ...(duration > ramp ? [`  { target: ${rate}, duration: '${k6Duration(duration - ramp)}' },`] : []),
      '],',
    ];
  }
  if (config.durationMs === 0) {
    if (ramp > 0) notes.push('k6 shared-iterations has no ramp-up; all VUs start at once.');
    return ["executor: 'shared-iterations',", `vus: ${config.vus},`, `iterations: ${config.totalRequests},`];
  }
  if (config.totalRequests > 0)
    notes.push(
      `k6's VU executors end by time: the count of ${config.totalRequests} requests is not a limit in this script.`,
    );
  if (ramp <= 0)
    return ["executor: 'constant-vus',", `vus: ${config.vus},`, `duration: '${k6Duration(config.durationMs)}',`];
  return [
    "executor: 'ramping-vus',",
    'startVUs: 0,',
    'stages: [',
    `  { target: ${config.vus}, duration: '${k6Duration(ramp)}' },`,
    ...(config.durationMs > ramp
      ? [`  { target: ${config.vus}, duration: '${k6Duration(config.durationMs - ramp)}' },`]
      : []),
    '],',
  ];
}

function thresholdLines(config: LoadTestConfig): string[] {
  const t = config.thresholds;
  const duration = [
    t.p95Ms !== undefined ? `'p(95)<${t.p95Ms}'` : null,
    t.p99Ms !== undefined ? `'p(99)<${t.p99Ms}'` : null,
  ].filter((x): x is string => x !== null);
  const lines: string[] = [];
  if (duration.length > 0) lines.push(`http_req_duration: [${duration.join(', ')}],`);
  if (t.errorRate !== undefined) lines.push(`http_req_failed: ['rate<${t.errorRate}'],`);
  return lines.length > 0 ? ['thresholds: {', ...lines.map((l) => `  ${l}`), '},'] : [];
}

/**
 * The k6 script for `req` run as `config` describes.
 * @example k6Script({ method: 'GET', url: 'http://127.0.0.1:8080/echo', headers: [], body: null }, cfg).text
 */
export function k6Script(req: EffectiveRequest, config: LoadTestConfig): K6Script {
  const notes: string[] = [
    'Header names go out in canonical case and Go’s order under k6; values and content are the same octets.',
  ];
  const indent = (lines: string[], by: string): string[] => lines.map((l) => by + l);
  const headers = joinedHeaders(req);
  const text = utf8(req.body ?? new Uint8Array());
  const bodyLine =
    req.body === null
      ? 'const body = null;'
      : text !== null
        ? `const body = ${literal(text)};`
        : `const body = new Uint8Array([${[...req.body].join(', ')}]).buffer;`;
  const lines = [
    `// ${describeModel(config)}`,
    '// Generated by Parley. Run: k6 run script.js',
    "import http from 'k6/http';",
    '',
    'export const options = {',
    "  // Parley sends no User-Agent of its own; '' stops k6 adding one.",
    "  userAgent: '',",
    '  scenarios: {',
    '    parley: {',
    ...indent(scenario(config, notes), '      '),
    '    },',
    '  },',
    ...indent(thresholdLines(config), '  '),
    '};',
    '',
    bodyLine,
    '',
    'const params = {',
    '  headers: {',
    ...headers.map(([name, value]) => `    ${literal(name)}: ${literal(value)},`),
    '  },',
    `  timeout: '${k6Duration(config.timeoutMs)}',`,
    '};',
    '',
    'export default function () {',
    `  http.request(${literal(req.method)}, ${literal(req.url)}, body, params);`,
    '}',
    '',
  ];
  if (req.headers.length !== headers.length)
    notes.push('Repeated header fields are joined into one field, as k6 takes one value per name.');
  return { text: lines.join('\n'), notes };
}
