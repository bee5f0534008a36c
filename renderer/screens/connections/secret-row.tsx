import { useEffect, useId, useRef, useState } from 'react';
import type { ProfileView, SecretField } from '../../../shared/contract/connections';
import { useRemoveSecret, useSetSecret } from '../../api/use-connections';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/states';

const label: Record<SecretField, string> = { apiKey: 'API key', apiSecret: 'API secret' };

/** Shows whether a key or secret is set, and lets the manager replace or remove it: never reveals it. */
export function SecretRow(props: { profile: ProfileView; field: SecretField }) {
  const { profile, field } = props;
  const isSet = profile.secrets[field];
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const save = useSetSecret();
  const remove = useRemoveSecret();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Focus moves to the opened form.
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);
  const what = label[field];

  return (
    <div className="secret-row">
      <div className="secret-row__status">
        <strong>{what}:</strong>{' '}
        {isSet ? <span className="badge badge--ok">Set</span> : <span className="badge badge--bad">Not set</span>}
        {editing ? null : (
          <>
            <button type="button" className="button" onClick={() => setEditing(true)} aria-label={`${isSet ? 'Replace' : 'Add'} ${what} of ${profile.name}`}>
              {isSet ? 'Replace' : 'Add'}
            </button>
            {isSet ? (
              <button type="button" className="button" onClick={() => setConfirmingRemove(true)} aria-label={`Remove ${what} of ${profile.name}`}>
                Remove
              </button>
            ) : null}
          </>
        )}
      </div>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              { id: profile.id, field, value },
              {
                onSuccess: () => {
                  setEditing(false);
                  setValue('');
                },
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>New {what}</label>
            <input ref={inputRef} id={inputId} type="password" autoComplete="off" spellCheck={false} value={value} onChange={(event) => setValue(event.target.value)} />
          </div>
          <button type="submit" className="button button--primary" disabled={save.isPending || value.trim().length < 4}>
            Save {what}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(false);
              setValue('');
            }}
          >
            Cancel
          </button>
        </form>
      ) : null}
      {save.isError ? <ErrorPanel error={save.error} title={`The ${what} could not be saved`} /> : null}
      {remove.isError ? <ErrorPanel error={remove.error} title={`The ${what} could not be removed`} /> : null}
      <ConfirmDialog
        open={confirmingRemove}
        title={`Remove the ${what} of "${profile.name}"?`}
        confirmLabel={`Remove ${what}`}
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmingRemove(false)}
        onConfirm={() => remove.mutate({ id: profile.id, field }, { onSettled: () => setConfirmingRemove(false) })}
      >
        <p>
          It is deleted from this computer's keychain. {profile.isActive ? 'This connection is in use: nothing can be fiscalised on it ' : 'Nothing can be fiscalised on this connection '}
          until you enter the {what} again, as shown in the Fiscal Harmony portal.
        </p>
      </ConfirmDialog>
    </div>
  );
}
