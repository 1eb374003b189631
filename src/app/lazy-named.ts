/**
 * `React.lazy` for a named export, that renders synchronously once its module has loaded. Loading
 * starts when this is called (module scope: in parallel with the first render).
 */
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

export function lazyNamed<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): { Component: FunctionComponent<P> } {
  let loaded: ComponentType<P> | null = null;
  const promise = load().then((m) => {
    loaded = pick(m);
    return { default: loaded };
  });
  const Lazy = lazy(() => promise);
  const Component: FunctionComponent<P> = (props) => createElement(loaded ?? Lazy, props);
  return { Component };
}
