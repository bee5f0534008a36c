import { forwardRef, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string | undefined; error?: string | undefined; children: ReactNode };

/** A labelled select whose hint and error are announced with it. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, hint, error, children, ...select }, ref) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <select ref={ref} {...control} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
});
