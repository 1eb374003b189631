/**
 * Monaco, from the locally bundled `monaco-editor` package (never a CDN). Only the
 * editor core, the contributions a body editor needs, the JSON and XML languages, and the
 * basic (tokenizer-only) languages of the code snippets are imported, to keep the lazy
 * chunk small; each basic language's tokenizer is its own chunk, loaded on first use. Import this module only with `import()`:
 * the form must be usable before Monaco arrives.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
// The JSON language's worker manager (loaded lazily, on the first JSON model) imports this module,
// which registers *every* editor contribution — code lens, drop-into-editor, … — together with the
// services they depend on (ICodeLensCache, ITreeViewsDnDService). Services are read once, when the
// first editor is created; contributions registered after that made the next editor throw
// "depends on UNKNOWN service". Importing it here registers all of them before any editor exists.
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/xml/register';
// GraphQL's tokenizer only (its own small chunk); completion and validation come with the GraphQL editor's chunk (services/monaco-graphql.ts).
import 'monaco-editor/languages/definitions/graphql/register';
// Snippet languages (see SNIPPET_LANGUAGES in features/codegen/target-options.ts).
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/powershell/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/php/register';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/csharp/register';
import 'monaco-editor/languages/definitions/go/register';
import 'monaco-editor/languages/definitions/ruby/register';
import 'monaco-editor/languages/definitions/rust/register';
import 'monaco-editor/languages/definitions/swift/register';
import 'monaco-editor/languages/definitions/kotlin/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import { pmCompletions } from '../core/scripts/pm-completions.ts';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// @monaco-editor/react would otherwise inject a <script> from jsDelivr.
loader.config({ monaco });

// The dark editor on the app's dark surface (src/app/dark-palette.css: white → slate-900), not vs-dark's grey.
monaco.editor.defineTheme('parley-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0f172b', 'editorGutter.background': '#0f172b' },
});

export { monaco };

// Autocompletion of the script API (pm.*, console.*) in the Scripts editors (issue 15).
monaco.languages.registerCompletionItemProvider('javascript', {
  triggerCharacters: ['.'],
  provideCompletionItems(model, position) {
    const before = model.getValueInRange({
      startLineNumber: position.lineNumber,
      startColumn: 1,
      endLineNumber: position.lineNumber,
      endColumn: position.column,
    });
    const found = pmCompletions(before);
    if (!found) return { suggestions: [] };
    const range = {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: position.column - found.typed.length,
      endColumn: position.column,
    };
    return {
      suggestions: found.members.map((c) => ({
        label: c.label,
        kind:
          c.kind === 'method'
            ? monaco.languages.CompletionItemKind.Method
            : monaco.languages.CompletionItemKind.Property,
        detail: c.detail,
        insertText: c.label,
        range,
      })),
    };
  },
});
