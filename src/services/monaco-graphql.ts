/**
 * GraphQL in Monaco: completion and validation from the schema, on `graphql-language-service`
 * (the language service of GraphiQL and monaco-graphql, run here on the main thread: its work
 * per keystroke is small). Imported only by the GraphQL body editor's lazy chunk; the
 * tokenizer itself is registered in monaco-setup.ts. One schema at a time: the one of the
 * request shown (`setGraphqlSchema`), since one GraphQL query editor is on screen.
 */
import { getAutocompleteSuggestions, getDiagnostics, Position } from 'graphql-language-service';
import type { GraphQLSchema } from 'graphql';
import { monaco } from './monaco-setup.ts';

let schema: GraphQLSchema | null = null;

/** LSP CompletionItemKind numbers (1-based) → Monaco's kinds by the same name. */
const LSP_KINDS = [
  'Text',
  'Method',
  'Function',
  'Constructor',
  'Field',
  'Variable',
  'Class',
  'Interface',
  'Module',
  'Property',
  'Unit',
  'Value',
  'Enum',
  'Keyword',
  'Snippet',
  'Color',
  'File',
  'Reference',
  'Folder',
  'EnumMember',
  'Constant',
  'Struct',
  'Event',
  'Operator',
  'TypeParameter',
] as const;

function monacoKind(kind: number | undefined): monaco.languages.CompletionItemKind {
  const name = kind === undefined ? undefined : LSP_KINDS[kind - 1];
  return name ? monaco.languages.CompletionItemKind[name] : monaco.languages.CompletionItemKind.Text;
}

/** Checks a GraphQL model against the schema (syntax only without one) and sets its markers. */
function validate(model: monaco.editor.ITextModel): void {
  if (model.isDisposed() || model.getLanguageId() !== 'graphql') return;
  const text = model.getValue();
  const markers = (text.trim() === '' ? [] : getDiagnostics(text, schema ?? undefined)).map((d) => ({
    severity: d.severity === 1 ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    startLineNumber: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLineNumber: d.range.end.line + 1,
    endColumn: Math.max(d.range.end.character + 1, d.range.start.character + 2),
  }));
  monaco.editor.setModelMarkers(model, 'graphql', markers);
}

/** The schema completion and validation use from now on (`null`: syntax only); re-checks open GraphQL models. */
export function setGraphqlSchema(next: GraphQLSchema | null): void {
  schema = next;
  for (const model of monaco.editor.getModels()) validate(model);
}

const watched = new WeakSet<monaco.editor.ITextModel>();
function watch(model: monaco.editor.ITextModel): void {
  if (watched.has(model)) return;
  watched.add(model);
  let timer: ReturnType<typeof setTimeout> | undefined;
  model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(() => validate(model), 150);
  });
  model.onDidChangeLanguage(() => validate(model));
  validate(model);
}
for (const model of monaco.editor.getModels()) watch(model);
monaco.editor.onDidCreateModel(watch);

monaco.languages.registerCompletionItemProvider('graphql', {
  triggerCharacters: ['{', '(', ':', '$', '@', ' '],
  provideCompletionItems(model, position) {
    if (!schema) return { suggestions: [] };
    const items = getAutocompleteSuggestions(
      schema,
      model.getValue(),
      new Position(position.lineNumber - 1, position.column - 1),
    );
    const word = model.getWordUntilPosition(position);
    const range = {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: word.startColumn,
      endColumn: word.endColumn,
    };
    return {
      suggestions: items.map((c) => ({
        label: c.label,
        kind: monacoKind(c.kind),
        detail: c.detail ?? undefined,
        documentation: typeof c.documentation === 'string' ? c.documentation : undefined,
        insertText: c.insertText ?? c.label,
        ...(c.insertTextFormat === 2
          ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
          : {}),
        range,
      })),
    };
  },
});
