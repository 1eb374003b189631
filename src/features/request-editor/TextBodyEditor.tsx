/** JSON / text / XML body in the code editor; JSON gets lossless Beautify and Minify and a syntax check. */
import { useMemo } from 'react';
import { formatJson, minifyJson, validateJson } from '../../core/json/lossless.ts';
import { CodeEditor } from '../../components/code-editor/CodeEditor.tsx';
import { Button } from '../../components/ui.tsx';
import { bodyTextEdited } from '../../stores/request-store.ts';

export function TextBodyEditor({ mode, text }: { mode: 'json' | 'text' | 'xml'; text: string }) {
  const syntaxError = useMemo(() => (mode === 'json' && text.trim() !== '' ? validateJson(text) : null), [mode, text]);
  const reformat = (how: typeof formatJson) => {
    try {
      bodyTextEdited(how(text));
    } catch {
      // Invalid JSON: the syntax error is already shown; the text is left as typed.
    }
  };
  return (
    <div className="flex h-full min-h-0 flex-col border-t border-slate-200">
      <div className="flex min-h-[2rem] items-center gap-2 border-b border-slate-100 px-3 py-1">
        {mode === 'json' && (
          <>
            <Button variant="ghost" onClick={() => reformat(formatJson)} disabled={syntaxError !== null}>
              Beautify
            </Button>
            <Button variant="ghost" onClick={() => reformat(minifyJson)} disabled={syntaxError !== null}>
              Minify
            </Button>
            <span className="ml-auto text-[11px]" role="status" aria-label="JSON check">
              {syntaxError ? (
                <span className="text-red-700">Invalid JSON: {syntaxError.message}. It is still sent as typed.</span>
              ) : text.trim() === '' ? (
                <span className="text-slate-400">Empty</span>
              ) : (
                <span className="text-emerald-700">Valid JSON</span>
              )}
            </span>
          </>
        )}
        <TabFocusHint className={mode === 'json' ? 'ml-3' : 'ml-auto'} />
      </div>
      <div className="min-h-[12rem] flex-1">
        <CodeEditor
          value={text}
          onChange={bodyTextEdited}
          language={mode === 'text' ? 'plaintext' : mode}
          ariaLabel="Request body"
        />
      </div>
    </div>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * In the editor Tab indents, so keyboard users need the way out in sight: Monaco's
 * "Toggle Tab Key Moves Focus" (Ctrl+M; Ctrl+Shift+M on macOS) makes Tab leave the editor.
 */
function TabFocusHint({ className }: { className: string }) {
  const keys = isMac ? 'Ctrl+Shift+M' : 'Ctrl+M';
  return (
    <span
      className={`${className} shrink-0 text-[11px] text-slate-400`}
      title={`Press ${keys} in the editor to switch Tab between indenting and moving focus`}
    >
      <kbd className="rounded border border-slate-200 bg-slate-50 px-1 font-sans text-slate-500">{keys}</kbd>: Tab moves
      focus
    </span>
  );
}
