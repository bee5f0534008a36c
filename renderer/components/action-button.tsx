import { messageOf } from '../api/unwrap';

/** What the button needs of a React Query mutation that takes no input. */
interface Action {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  mutate: () => void;
}

/**
 * A button that runs one action against main right where it is offered, disabled while the call
 * is on its way, and says in place why it failed.
 */
export function ActionButton({ action, label, className = 'button' }: { action: Action; label: string; className?: string }) {
  return (
    <>
      <button type="button" className={className} disabled={action.isPending} onClick={() => action.mutate()}>
        {label}
      </button>
      {action.isError ? (
        <p role="alert" className="field__error">
          {messageOf(action.error)}
        </p>
      ) : null}
    </>
  );
}
