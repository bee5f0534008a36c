import { useState } from 'react';
import type { ConnectionTestResult, ProfileView } from '../../../shared/contract/connections';
import { useActivateProfile, useRemoveProfile } from '../../api/use-connections';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EnvironmentBadge } from '../../components/environment-badge';
import { formatDateTime } from '../../components/format';
import { ErrorPanel } from '../../components/states';
import { SecretRow } from './secret-row';
import { TokenStatePanel } from './token-state-panel';

const kindLabel: Record<ProfileView['kind'], string> = { 'fiscal-harmony': 'Fiscal Harmony', fiskaly: 'fiskaly' };

export function ProfileCard(props: { profile: ProfileView; testResult: ConnectionTestResult | null; testing: boolean; onTest: () => void }) {
  const { profile } = props;
  const activate = useActivateProfile();
  const remove = useRemoveProfile();
  const [confirming, setConfirming] = useState(false);
  const training = profile.kind === 'fiscal-harmony' && profile.environment === 'training';
  const titleId = `profile-${profile.id}-title`;

  return (
    <article className="card" aria-labelledby={titleId}>
      <div className="profile-card__header">
        <h2 id={titleId}>{profile.name}</h2>
        <span className="badge">{kindLabel[profile.kind]}</span>
        <EnvironmentBadge environment={profile.environment} />
        {profile.isActive ? <span className="badge badge--ok">In use</span> : null}
      </div>
      <dl className="facts">
        <div className="facts__row">
          <dt>Address</dt>
          <dd className="mono">{profile.baseUrl === '' ? '—' : profile.baseUrl}</dd>
        </div>
        {profile.kind === 'fiscal-harmony' ? (
          <div className="facts__row">
            <dt>Application name</dt>
            <dd>{profile.applicationName}</dd>
          </div>
        ) : (
          <div className="facts__row">
            <dt>Organisation unit</dt>
            <dd>{profile.organizationUnitId ?? '—'}</dd>
          </div>
        )}
      </dl>

      {training ? (
        <p className="field__hint">The training connection uses demo keys built into Fiscal Desk. Nothing sent through it is fiscal.</p>
      ) : (
        <>
          <h3 className="section-title">Keys (kept in this computer's keychain)</h3>
          <SecretRow profile={profile} field="apiKey" />
          <SecretRow profile={profile} field="apiSecret" />
        </>
      )}

      {profile.kind === 'fiskaly' ? <TokenStatePanel profileId={profile.id} /> : null}

      {props.testResult === null ? null : (
        <div className={props.testResult.ok ? 'notice notice--success' : 'notice notice--error'} role={props.testResult.ok ? 'status' : 'alert'}>
          <h3 className="notice__title">{props.testResult.ok ? 'Connection works' : 'Connection failed'}</h3>
          <p>{props.testResult.message}</p>
          <p className="field__hint">Checked {formatDateTime(props.testResult.checkedAt)}</p>
        </div>
      )}

      <div className="button-row">
        <button type="button" className="button" onClick={props.onTest} disabled={props.testing} aria-busy={props.testing}>
          {props.testing ? 'Testing…' : 'Test connection'}
        </button>
        {profile.isActive ? null : (
          <button type="button" className="button" onClick={() => activate.mutate(profile.id)} disabled={activate.isPending}>
            Use this connection
          </button>
        )}
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Delete connection
        </button>
      </div>
      {activate.isError ? <ErrorPanel error={activate.error} title="The connection could not be chosen" /> : null}
      {remove.isError ? <ErrorPanel error={remove.error} title="The connection could not be deleted" /> : null}

      <ConfirmDialog
        open={confirming}
        title={`Delete "${profile.name}"?`}
        confirmLabel="Delete connection"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(profile.id, { onSettled: () => setConfirming(false) })}
      >
        <p>
          {training
            ? 'The training connection and its practice data go away. It is not created again.'
            : "Its API key and secret are removed from this computer's keychain. Documents already fiscalised stay valid; to use this account again you will need the key and secret."}
        </p>
      </ConfirmDialog>
    </article>
  );
}
