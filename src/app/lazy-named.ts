/**
 * `React.lazy` for a named export, that renders synchronously once its module has loaded. Loading
 * starts once the form's first render is on screen (`formRenderedSignal`); until then the
 * boundary shows its fallback.
 */
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';
import { formRenderedSignal } from './startup.ts';

export function lazyNamed<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): { Component: FunctionComponent<P> } {
  let loaded: ComponentType<P> | null = null;
  const promise = formRenderedSignal.then(load).then((m) => {
    loaded = pick(m);
    return { default: loaded };
  });
  const Lazy = lazy(() => promise);
  const Component: FunctionComponent<P> = (props) => createElement(loaded ?? Lazy, props);
  return { Component };
}
