/**
 * Run reports (issue 15 §4–5), pure: JSON (the summary as is), JUnit XML (one `<testsuite>`
 * per request run, one `<testcase>` per test; script and transport errors as `<error>`, the
 * shape CI servers read: Jenkins, GitLab, GitHub annotations), and the CLI's text table.
 */
import type { RequestRunResult, RunSummary } from './types.ts';

/** The summary as pretty JSON (2 spaces); timings in ms. */
export function jsonReport(summary: RunSummary): string {
  return JSON.stringify(summary, null, 2);
}

/** XML 1.0 text escaping for content and attribute values; drops characters XML 1.0 forbids. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(3);
const suiteName = (r: RequestRunResult) => [...r.path, r.name].join(' / ');

/**
 * JUnit XML. `time` attributes are seconds with 3 decimals (a request's time on its suite;
 * test cases carry 0.000: scripts are not timed separately).
 * Example suite: `<testsuite name="Login" id="0.1" tests="2" failures="1" errors="0" time="0.012">`.
 */
export function junitReport(summary: RunSummary): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const t = summary.totals;
  const total = summary.results.reduce((n, r) => n + (r.timeMs ?? 0), 0);
  lines.push(
    `<testsuites name="${xml(summary.collection)}" tests="${t.tests + t.errors}" failures="${t.failed}" errors="${t.errors}" time="${seconds(total)}">`,
  );
  summary.results.forEach((r, i) => {
    const failures = r.tests.filter((x) => x.status === 'failed').length;
    const skipped = r.tests.filter((x) => x.status === 'skipped').length;
    lines.push(
      `  <testsuite name="${xml(suiteName(r))}" id="${r.iteration}.${i}" tests="${r.tests.length + r.errors.length}" failures="${failures}" errors="${r.errors.length}" skipped="${skipped}" time="${seconds(r.timeMs)}">`,
    );
    const classname = xml(`${summary.collection}.${suiteName(r)}`);
    for (const test of r.tests) {
      const open = `    <testcase name="${xml(test.name)}" classname="${classname}" time="0.000"`;
      if (test.status === 'passed') lines.push(`${open}/>`);
      else if (test.status === 'skipped') lines.push(`${open}><skipped/></testcase>`);
      else {
        const message = xml(test.error ?? 'failed');
        lines.push(`${open}><failure type="AssertionFailure" message="${message}">${message}</failure></testcase>`);
      }
    }
    for (const error of r.errors) {
      const message = xml(error);
      lines.push(
        `    <testcase name="${xml(`${r.method} ${r.url}`)}" classname="${classname}" time="${seconds(r.timeMs)}"><error type="Error" message="${message}">${message}</error></testcase>`,
      );
    }
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/**
 * The CLI's report: one block per request (`→ name`, `METHOD url [status reason, N ms]`,
 * `✓`/`✗`/`-` per test, errors, console lines), then totals. Plain text, no colours.
 */
export function cliReport(summary: RunSummary): string {
  const out: string[] = [summary.collection, ''];
  let iteration = -1;
  for (const r of summary.results) {
    if (summary.iterations > 1 && r.iteration !== iteration) {
      iteration = r.iteration;
      out.push(`Iteration ${iteration + 1}/${summary.iterations}`);
    }
    out.push(`→ ${suiteName(r)}`);
    const got =
      r.status === null ? '[no response]' : `[${r.status} ${r.reasonPhrase}, ${r.timeMs ?? 0} ms]`.replace(' ,', ',');
    out.push(`  ${r.method} ${r.url} ${got}`);
    for (const c of r.console) out.push(`  ┆ ${c.level === 'log' ? '' : c.level + ': '}${c.text}`);
    for (const t of r.tests) {
      const mark = t.status === 'passed' ? '✓' : t.status === 'failed' ? '✗' : '-';
      out.push(`  ${mark} ${t.name}${t.error ? ` — ${t.error}` : ''}`);
    }
    for (const e of r.errors) out.push(`  ! ${e}`);
    out.push('');
  }
  const t = summary.totals;
  out.push(
    `${t.requests} requests, ${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped; ${t.errors} errors${summary.stoppedEarly ? ' (stopped early)' : ''}`,
  );
  return out.join('\n') + '\n';
}

/** The exit code a CI job reads: 1 when any test failed or any error occurred, else 0. */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.totals.failed > 0 || summary.totals.errors > 0 ? 1 : 0;
}
