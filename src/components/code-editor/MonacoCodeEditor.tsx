/** Monaco from the local bundle (see services/monaco-setup.ts). Loaded only through CodeEditor's lazy import. */
import Editor from '@monaco-editor/react';
import '../../services/monaco-setup.ts';
import { PlainCodeEditor, plainEditorFocus, type CodeEditorProps } from './PlainCodeEditor.tsx';
import { useEffectiveTheme } from '../use-theme.ts';

export default function MonacoCodeEditor(props: CodeEditorProps) {
  const { value, onChange, language, ariaLabel, readOnly, height = '100%' } = props;
  const theme = useEffectiveTheme();
  return (
    <Editor
      height={height}
      value={value}
      language={language}
      loading={<PlainCodeEditor {...props} />}
      onChange={(v) => onChange?.(v ?? '')}
      onMount={(editor) => {
        // The user was typing in the plain editor when Monaco arrived: keep typing here, at the end.
        if (!plainEditorFocus.focused) return;
        plainEditorFocus.focused = false;
        const model = editor.getModel();
        if (model) editor.setPosition(model.getFullModelRange().getEndPosition());
        editor.focus();
      }}
      theme={theme === 'dark' ? 'parley-dark' : 'vs'}
      options={{
        ariaLabel,
        readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        lineHeight: 20,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        wordWrap: 'on',
        renderLineHighlight: 'line',
        padding: { top: 8, bottom: 8 },
        fixedOverflowWidgets: true,
        overviewRulerLanes: 0,
        overviewRulerBorder: false,
        hideCursorInOverviewRuler: true,
        renderLineHighlightOnlyWhenFocus: true,
        scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      }}
    />
  );
}
