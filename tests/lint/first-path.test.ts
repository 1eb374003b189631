/**
 * The first-load path (docs/performance.md): every module `src/app/main.tsx` imports statically,
 * directly or not, ends up in the first chunk, which must stay small (issue 12: ≤ 100 KB gzip of
 * JS+CSS before the URL field is usable). zod (≈ 90 KB raw) and the library stores load after the
 * first render; a value import of a zod schema anywhere on the path pulls them all back in.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/**
 * Specifiers of the static imports and re-exports of `source` that survive compilation: not
 * `import type`, not `export type`, not an import whose every binding is `type X`, and not
 * dynamic `import()`.
 */
export function staticImports(source: string): string[] {
  const out: string[] = [];
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statement =
    /^\s*(import|export)\s+(?!type\b)([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of withoutComments.matchAll(statement)) {
    if (m[4] !== undefined) {
      out.push(m[4]);
      continue;
    }
    const clause = m[2] ?? '';
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (named) {
      const bindings = named[1]!
        .split(',')
        .map((b) => b.trim())
        .filter((b) => b !== '');
      if (bindings.length > 0 && bindings.every((b) => b.startsWith('type '))) continue;
    }
    out.push(m[3]!);
  }
  return out;
}

function firstPath(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    if (!/\.(tsx?|jsx?)$/.test(file)) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = join(dirname(file), spec.replace(/\?.*$/, ''));
        if (existsSync(target)) queue.push(target);
        else throw new Error(`${relative(ROOT, file)} imports ${spec}, which does not exist`);
      } else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { modules, packages };
}

describe('first-load path', () => {
  const { modules, packages } = firstPath(join(ROOT, 'src/app/main.tsx'));
  const names = [...modules].map((m) => relative(ROOT, m));

  it('reads the import graph (sanity: the form and resolveRequest are on it)', () => {
    expect(names).toContain('src/features/request-editor/RequestLine.tsx');
    expect(names).toContain('src/core/resolve/resolve-request.ts');
    expect(packages).toContain('react');
  });

  it('holds no zod and no library store (they load after the first render)', () => {
    expect([...packages].filter((p) => p === 'zod')).toEqual([]);
    expect(names.filter((n) => /zod-setup|model\/draft\.ts|library-store|library-session/.test(n))).toEqual([]);
  });

  it('staticImports skips type-only and dynamic imports', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import { type B, type C } from './b.ts';",
      "import { type D, e } from './d.ts';",
      "export type { F } from './f.ts';",
      "export { g } from './g.ts';",
      "import './side.css';",
      "const lazy = () => import('./lazy.ts');",
      '// import x from "./commented.ts";',
    ].join('\n');
    expect(staticImports(source)).toEqual(['./d.ts', './g.ts', './side.css']);
  });
});
