/**
 * The plain <textarea> editor that CodeEditor shows until Monaco arrives (and keeps if Monaco
 * fails to load), and the props both editors take. Its own file so that CodeEditor.tsx and the
 * lazily loaded MonacoCodeEditor.tsx both import it without importing each other.
 */
import type { EditorLanguage } from './languages.ts';

export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  language: EditorLanguage;
  /** Accessible name of the editing surface (e.g. `Request body`). */
  ariaLabel: string;
  readOnly?: boolean;
  /** CSS height of the editing area. */
  height?: string;
}

/** Whether the plain editor has focus, so Monaco can take the focus over when it replaces it. */
export const plainEditorFocus = { focused: false };

export function PlainCodeEditor({ value, onChange, ariaLabel, readOnly, height = '100%' }: CodeEditorProps) {
  return (
    <textarea
      onFocus={() => (plainEditorFocus.focused = true)}
      onBlur={() => (plainEditorFocus.focused = false)}
      aria-label={ariaLabel}
      className="block w-full resize-none border-0 bg-white p-3 font-mono text-[13px] leading-5 text-slate-800 outline-none"
      style={{ height }}
      spellCheck={false}
      readOnly={readOnly}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}
