import { FiscalCallError, messageOf } from '../api/unwrap';

export function Loading(props: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {props.what}…
    </p>
  );
}

export function ErrorPanel(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = messageOf(props.error);
  const retryable = !(props.error instanceof FiscalCallError) || props.error.retryable;
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{props.title ?? 'This could not be loaded'}</h2>
      <p>{message}</p>
      {props.onRetry === undefined ? null : (
        <button type="button" className="button" onClick={props.onRetry}>
          {retryable ? 'Try again' : 'Check again'}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { title: string; children?: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      <h2 className="notice__title">{props.title}</h2>
      {props.children}
    </div>
  );
}
