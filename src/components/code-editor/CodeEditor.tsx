/**
 * A code editor that is usable at once: a plain <textarea> with the same value and
 * accessible name until Monaco (a large, lazily loaded chunk) arrives, then Monaco.
 */
import { Component, Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
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

const MonacoCodeEditor = lazy(() => import('./MonacoCodeEditor.tsx'));

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

/** If Monaco fails to load (e.g. a chunk blocked), keep the plain editor instead of a blank pane. */
class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Set once the page has been idle: Monaco's big chunk then loads without delaying the first input. */
let idleReached = false;

function useAfterFirstIdle(): boolean {
  const [ready, setReady] = useState(idleReached);
  useEffect(() => {
    if (ready) return;
    const done = () => {
      idleReached = true;
      setReady(true);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 1500 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(done, 200);
    return () => clearTimeout(id);
  }, [ready]);
  return ready;
}

export function CodeEditor(props: CodeEditorProps) {
  const plain = <PlainCodeEditor {...props} />;
  const idle = useAfterFirstIdle();
  if (!idle) return plain;
  return (
    <FallbackOnError fallback={plain}>
      <Suspense fallback={plain}>
        <MonacoCodeEditor {...props} />
      </Suspense>
    </FallbackOnError>
  );
}
