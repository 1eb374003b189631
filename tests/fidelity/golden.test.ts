/**
 * Golden files: the snippet text of every target for every tricky request, so a change in
 * a generator (or an upgrade of @scalar/snippetz) shows up as a diff. For targets that
 * cannot run here (PowerShell, Swift, Kotlin, C#; Rust and Guzzle are only parsed, see
 * docs/snippets.md) this is the check; review the diff by eye for quoting of ' $ ` \ and non-ASCII.
 *
 * Update after an intended change: `UPDATE_GOLDEN=1 npx vitest run --project unit tests/fidelity/golden.test.ts`
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { CODE_TARGETS, generateSnippet } from '../../src/core/codegen/targets.ts';
import { fidelityCases } from './cases.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const cases = fidelityCases('http://127.0.0.1:8080');

describe.each(CODE_TARGETS.map((t) => t.id))('golden %s', (target) => {
  test.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const resolved = resolveRequest(c.draft, { files: (id) => c.files[id]?.bytes });
    expect(resolved.problems).toEqual([]);
    const snippet = await generateSnippet(target, resolved.request!);
    const text = snippet.notes.length
      ? `${snippet.notes.map((n) => `NOTE: ${n}`).join('\n')}\n---\n${snippet.text}`
      : snippet.text;
    const file = join(GOLDEN, target, `${c.id}.txt`);
    if (update || !existsSync(file)) {
      if (!update) throw new Error(`Missing golden file ${file}; run with UPDATE_GOLDEN=1 to write it.`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
