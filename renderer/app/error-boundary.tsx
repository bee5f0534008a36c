import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches a crash in a screen and offers a way out instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Nothing you saved is lost. Reloading the window usually fixes this.</p>
        <details>
          <summary>What happened</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try this screen again
          </button>
        </div>
      </div>
    );
  }
}
