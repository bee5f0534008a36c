import { messageOf } from '../../api/unwrap';
import { fieldsOf } from './section-notice';

/**
 * Puts a refusal where it belongs: on the fields the service named, or, when it named none, as
 * one message under the form.
 */
export function showRefusal<Field extends string>(
  error: unknown,
  formFields: readonly Field[],
  setFieldError: (field: Field, error: { message: string }) => void,
  setFailure: (message: string) => void,
): void {
  const fields = Object.entries(fieldsOf(error) ?? {}).filter((entry): entry is [Field, string] => formFields.includes(entry[0] as Field));
  for (const [field, message] of fields) setFieldError(field, { message });
  if (fields.length === 0) setFailure(messageOf(error));
}

/** The end of a mapping form: what went wrong, if anything, then Save and Cancel. */
export function MappingFormFooter(props: { failure: string | null; adding: boolean; pending: boolean; onCancel: () => void }) {
  return (
    <>
      {props.failure === null ? null : (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">
            <strong>{props.adding ? 'The mapping was not added' : 'Your change was not saved and has been undone'}</strong>
          </p>
          <p>{props.failure}</p>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={props.pending} aria-busy={props.pending}>
          {props.pending ? 'Saving…' : props.adding ? 'Add mapping' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
