import { useState } from 'react';
import type { ConnectionTestResult, ProfileView } from '../../../shared/contract/connections';
import { useActivateProfile, useRemoveProfile } from '../../api/use-connections';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EnvironmentBadge } from '../../components/environment-badge';
import { formatDateTime } from '../../components/format';
import { ErrorPanel } from '../../components/states';
import { SecretRow } from './secret-row';
import { TokenStatePanel } from './token-state-panel';

/** The last test: works (and, if not in use, "Use this connection now"), works but cannot fiscalise yet, or failed. */
function TestResultNotice(props: { result: ConnectionTestResult; profile: ProfileView; onUse: () => void; using: boolean }) {
  const { result } = props;
  const tone = !result.ok ? 'notice--error' : result.blocker === undefined ? 'notice--success' : 'notice--warning';
  const title = !result.ok ? 'Connection failed' : result.blocker === undefined ? 'Connection works' : 'Connected, but not ready to fiscalise';
  return (
    <div className={`notice ${tone}`} role={result.ok ? 'status' : 'alert'}>
      <h3 className="notice__title">{title}</h3>
      <p>{result.message}</p>
      {result.blocker === undefined ? null : <p>{result.blocker}</p>}
      <p className="field__hint">Checked {formatDateTime(result.checkedAt)}</p>
      {result.ok && !props.profile.isActive ? (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={props.onUse} disabled={props.using}>
            Use this connection now
          </button>
        </div>
      ) : null}
    </div>
  );
}

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
        {training ? null : (
          <div className="facts__row">
            <dt>Address</dt>
            <dd className="mono">
              <span className="truncate truncate--wide" title={profile.baseUrl}>
                {profile.baseUrl === '' ? '—' : profile.baseUrl}
              </span>
            </dd>
          </div>
        )}
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
        <>
          <p className="field__hint">The training connection uses demo keys built into Fiscal Desk. Nothing sent through it is fiscal.</p>
          <details className="details">
            <summary>Details</summary>
            <dl className="facts">
              <div className="facts__row">
                <dt>Address</dt>
                <dd className="mono">{profile.baseUrl === '' ? '—' : profile.baseUrl}</dd>
              </div>
            </dl>
            <p className="field__hint">The practice service runs inside Fiscal Desk, on this computer only.</p>
          </details>
        </>
      ) : (
        <>
          <h3 className="section-title">Keys (kept in this computer's keychain)</h3>
          <SecretRow profile={profile} field="apiKey" />
          <SecretRow profile={profile} field="apiSecret" />
        </>
      )}

      {profile.kind === 'fiskaly' ? <TokenStatePanel profileId={profile.id} /> : null}

      {props.testResult === null ? null : <TestResultNotice result={props.testResult} profile={profile} onUse={() => activate.mutate(profile.id)} using={activate.isPending} />}

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
