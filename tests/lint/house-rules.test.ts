/**
 * The import rules of eslint.config.js (`houseRules`) catch what they are meant to: each case lints
 * one file placed in the real tree (its text given here, so nothing is written to disk) whose
 * imports resolve to real files. Without type information, so it runs in a few seconds.
 */
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let eslint: ESLint;
/** Resolving imports reads many files: seconds each on a busy 2-core machine, not a 5 s default. */
const SLOW = { timeout: 60_000 };

beforeAll(async () => {
  const { houseRules } = (await import(new URL('../../eslint.config.js', import.meta.url).href)) as {
    houseRules: Linter.Config[];
  };
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser, sourceType: 'module' },
        // The real files carry directives for rules that this reduced config does not load.
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      ...houseRules,
    ],
  });
}, SLOW.timeout);

/** `ruleId: message` for each problem found in `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: root + path });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const zone = (path: string, why: string) =>
  `import-x/no-restricted-paths: Unexpected path "${path}" imported in restricted zone. ${why}`;

describe('src/core is pure', SLOW, () => {
  it('refuses an import from the rest of src/, from server/ and from tests/', async () => {
    expect(await problems('src/core/model/x.ts', "import { urlEdited } from '../../stores/request-store.ts';")).toEqual(
      [zone('../../stores/request-store.ts', 'src/core is pure: it imports nothing from the rest of src/.')],
    );
    expect(await problems('src/core/model/x.ts', "import { startServer } from '../../../server/app.ts';")).toEqual([
      zone('../../../server/app.ts', 'src/ (core included) never imports the server, tests, bench or scripts.'),
    ]);
    expect(await problems('src/core/x.ts', "import { useHarness } from '../../tests/e2e/harness.ts';")).toEqual([
      zone('../../tests/e2e/harness.ts', 'src/ (core included) never imports the server, tests, bench or scripts.'),
    ]);
  });

  it('refuses React, zustand, Node built-ins and DOM or side-effect globals', async () => {
    expect(
      await problems(
        'src/core/x.ts',
        "import { useState } from 'react';\nimport { create } from 'zustand';\nimport { readFileSync } from 'node:fs';\n" +
          "export const f = () => [useState, create, readFileSync, fetch('/'), localStorage.length, document.title];",
      ),
    ).toEqual([
      "no-restricted-imports: 'react' import is restricted from being used by a pattern. src/core is pure: no React or zustand (UI lives in features/, state in stores/).",
      "no-restricted-imports: 'zustand' import is restricted from being used by a pattern. src/core is pure: no React or zustand (UI lives in features/, state in stores/).",
      "no-restricted-imports: 'node:fs' import is restricted from being used by a pattern. src/core runs in the browser too: no Node built-ins.",
      "no-restricted-globals: Unexpected use of 'fetch'. src/core is pure: side effects and the DOM live in src/services.",
      "no-restricted-globals: Unexpected use of 'localStorage'. src/core is pure: side effects and the DOM live in src/services.",
      "no-restricted-globals: Unexpected use of 'document'. src/core is pure: side effects and the DOM live in src/services.",
    ]);
  });

  it('lets core import core', async () => {
    expect(
      await problems('src/core/resolve/x.ts', "import { DEFAULT_CONTENT_TYPES } from '../body/encode-body.ts';"),
    ).toEqual([]);
  });
});

describe('server/ imports only src/core', SLOW, () => {
  it('accepts src/core and itself, refuses the rest of src/ and tests/', async () => {
    expect(
      await problems(
        'server/x.ts',
        "import type { EchoReply } from '../src/core/wire/echo.ts';\nimport { readBody } from './echo/echo.ts';",
      ),
    ).toEqual([]);
    expect(await problems('server/x.ts', "import { sendClicked } from '../src/stores/response-store.ts';")).toEqual([
      zone('../src/stores/response-store.ts', 'server/ imports only src/core (and itself).'),
    ]);
    expect(await problems('server/proxy/x.ts', "import { useHarness } from '../../tests/e2e/harness.ts';")).toEqual([
      zone('../../tests/e2e/harness.ts', 'server/ imports only src/core (and itself).'),
    ]);
  });

  it('keeps the app away from the server', async () => {
    expect(await problems('src/services/x.ts', "import { startServer } from '../../server/app.ts';")).toEqual([
      zone('../../server/app.ts', 'src/ (core included) never imports the server, tests, bench or scripts.'),
    ]);
  });
});

describe("features never import each other's internals", SLOW, () => {
  const why = 'A feature imports another feature only through its *-store.ts events; compose components in src/app.';

  it("refuses another feature's component, static or lazy", async () => {
    expect(
      await problems('src/features/request-editor/x.tsx', "import { SavedList } from '../library/SavedList.tsx';"),
    ).toEqual([zone('../library/SavedList.tsx', why)]);
    expect(
      await problems('src/features/codegen/x.tsx', "export const v = () => import('../share/ShareDialog.tsx');"),
    ).toEqual([zone('../share/ShareDialog.tsx', why)]);
    expect(
      await problems(
        'src/features/response-body/x.tsx',
        "import { ResponseView } from '../response-viewer/ResponseView.tsx';",
      ),
    ).toEqual([zone('../response-viewer/ResponseView.tsx', why)]);
  });

  it("accepts another feature's store events, and the response viewer's own lazily loaded half", async () => {
    expect(
      await problems('src/features/request-editor/x.tsx', "import { curlPasted } from '../import/import-store.ts';"),
    ).toEqual([]);
    expect(
      await problems(
        'src/features/response-viewer/x.tsx',
        "export const b = () => import('../response-body/BodyViewer.tsx');",
      ),
    ).toEqual([]);
  });
});

describe('no import cycles', SLOW, () => {
  it('finds a static cycle and one closed by a lazy import()', async () => {
    // CodeEditor.tsx imports PlainCodeEditor.tsx: PlainCodeEditor importing CodeEditor back closes a cycle.
    expect(
      await problems(
        'src/components/code-editor/PlainCodeEditor.tsx',
        "import { CodeEditor } from './CodeEditor.tsx';",
      ),
    ).toEqual(['import-x/no-cycle: Dependency cycle detected']);
    // CodeEditor.tsx loads MonacoCodeEditor.tsx with import(): the cycle this project used to have.
    expect(
      await problems(
        'src/components/code-editor/MonacoCodeEditor.tsx',
        "import { CodeEditor } from './CodeEditor.tsx';",
      ),
    ).toEqual(['import-x/no-cycle: Dependency cycle detected']);
    // echo.ts importing routes.ts (which imports echo.ts): the other cycle this project used to have.
    expect(await problems('server/echo/echo.ts', "import { matchEchoRoute } from './routes.ts';")).toEqual([
      'import-x/no-cycle: Dependency cycle detected',
    ]);
  });

  it('the real files that once formed cycles pass', async () => {
    const results = await eslint.lintFiles([
      'server/echo/echo.ts',
      'server/echo/routes.ts',
      'server/echo/entry.ts',
      'src/components/code-editor/CodeEditor.tsx',
      'src/components/code-editor/MonacoCodeEditor.tsx',
      'src/components/code-editor/PlainCodeEditor.tsx',
    ]);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
