import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from 'react';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string | undefined; error?: string | undefined; children: ReactNode };

/** A labelled select whose hint and error are announced with it (TextField's sibling). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, hint, error, children, ...select }, ref) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      <select id={id} ref={ref} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy === '' ? undefined : describedBy} {...select}>
        {children}
      </select>
      {error === undefined ? null : (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
});
