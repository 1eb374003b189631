/**
 * A code editor that is usable at once: a plain <textarea> with the same value and
 * accessible name until Monaco (a large, lazily loaded chunk) arrives, then Monaco.
 */
import { Component, Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { PlainCodeEditor, type CodeEditorProps } from './PlainCodeEditor.tsx';

export type { CodeEditorProps } from './PlainCodeEditor.tsx';

const MonacoCodeEditor = lazy(() => import('./MonacoCodeEditor.tsx'));

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
