/**
 * Keeps one part of the page from blanking the whole app when it fails to render.
 * The user's request lives in the stores, so nothing typed is lost; "Try again" re-renders.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What this part is, for the message: e.g. `The response view`. */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(`${this.props.what} failed to render`, error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800">
        <p className="font-semibold">{this.props.what} could not be displayed.</p>
        <p className="mt-0.5">{this.state.error.message} — your request is kept.</p>
        <button type="button" className="mt-1.5 font-medium underline" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
