import { forwardRef, type InputHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string | undefined; error?: string | undefined };

/** A labelled input whose hint and error are announced with it. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ label, hint, error, ...input }, ref) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => <input ref={ref} {...control} {...input} />}
    </FieldFrame>
  );
});
