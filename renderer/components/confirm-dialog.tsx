import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal confirmation on the native <dialog>: focus is trapped, Escape cancels, and focus
 * returns to what opened it. The safe choice (Cancel) has the initial focus.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice's label; "Cancel" unless given. */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(event) => {
      event.preventDefault();
      props.onCancel();
    }}>
      <h2 id={titleId}>{props.title}</h2>
      <div className="dialog__body">{props.children}</div>
      <div className="button-row">
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {props.cancelLabel ?? 'Cancel'}
        </button>
        <button type="button" className={props.danger === true ? 'button button--danger' : 'button button--primary'} onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
