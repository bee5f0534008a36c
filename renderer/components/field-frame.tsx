import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A form control's label, hint and error, wired so that assistive technology announces them with
 * the control. `children` renders the control itself with the props it is given.
 */
export function FieldFrame(props: { label: string; hint?: string | undefined; error?: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint === undefined ? null : hintId, props.error === undefined ? null : errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint === undefined ? null : (
        <span id={hintId} className="field__hint">
          {props.hint}
        </span>
      )}
      {props.children({ id, 'aria-invalid': props.error === undefined ? undefined : true, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {props.error === undefined ? null : (
        <span id={errorId} className="field__error" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}
