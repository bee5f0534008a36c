import type { UserSettings } from '../../../shared/contract/settings';
import type { UpdateStatus } from '../../../shared/contract/updates';
import { useUpdateSettings } from '../../api/use-app';
import { useCancelRestart, useCheckForUpdates, useRestartToUpdate, useUpdateStatus } from '../../api/use-updates';
import { ErrorPanel, Loading } from '../../components/states';
import { ReleaseNotes } from './release-notes';

export function UpdatesSection(props: { channel: UserSettings['updateChannel'] }) {
  const update = useUpdateSettings();
  const status = useUpdateStatus();
  return (
    <section className="card" aria-labelledby="updates-title">
      <h2 id="updates-title">Updates</h2>
      {status.isPending ? <Loading what="update status" /> : null}
      {status.isError ? <ErrorPanel error={status.error} title="The update status could not be read" onRetry={() => void status.refetch()} /> : null}
      {status.data === undefined ? null : (
        <dl className="facts">
          <dt>Installed version</dt>
          <dd>{status.data.currentVersion}</dd>
          {status.data.lastCheckedAt === null ? null : (
            <>
              <dt>Last checked</dt>
              <dd>{new Date(status.data.lastCheckedAt).toLocaleString()}</dd>
            </>
          )}
        </dl>
      )}
      <div className="field">
        <label htmlFor="update-channel">Update channel</label>
        <select
          id="update-channel"
          aria-describedby="update-channel-hint"
          value={props.channel}
          onChange={(event) => update.mutate({ updateChannel: event.target.value as UserSettings['updateChannel'] })}
        >
          <option value="latest">Stable (recommended)</option>
          <option value="beta">Beta (new features earlier, may have rough edges)</option>
        </select>
        <span id="update-channel-hint" className="field__hint">
          Fiscal Desk looks for updates on this channel when it starts and every few hours.
        </span>
      </div>
      {update.isError ? <ErrorPanel error={update.error} title="The update channel could not be saved" /> : null}
      {status.data === undefined ? null : <UpdateState status={status.data} />}
    </section>
  );
}

/** The updater's state and the actions it allows (exported for its tests). */
export function UpdateState(props: { status: UpdateStatus }) {
  const { phase, busyReasons } = props.status;
  const check = useCheckForUpdates();
  const restart = useRestartToUpdate();
  const cancel = useCancelRestart();

  if (phase.kind === 'disabled') {
    return (
      <div className="notice notice--info" role="status">
        <p>{phase.reason}</p>
      </div>
    );
  }

  const working = phase.kind === 'checking' || phase.kind === 'available' || phase.kind === 'downloading';
  return (
    <>
      <p role="status" aria-live="polite">
        {statusLine(props.status, restart.data?.outcome === 'restarting')}
      </p>

      {phase.kind === 'downloading' ? (
        <div className="field">
          <label htmlFor="update-progress">Download of version {phase.version}</label>
          <progress
            id="update-progress"
            max={100}
            value={phase.percent}
            aria-valuenow={Math.round(phase.percent)}
            aria-valuetext={progressText(phase.percent, phase.transferredBytes, phase.totalBytes)}
          />
        </div>
      ) : null}

      {phase.kind === 'downloaded' && busyReasons.length > 0 ? (
        <div className={phase.restartRequested ? 'notice notice--info' : 'notice notice--warning'}>
          <p>
            {phase.restartRequested
              ? 'Fiscal Desk will restart by itself as soon as this work is done, so nothing is interrupted:'
              : 'Fiscal Desk is still working. A restart now would interrupt:'}
          </p>
          <ul>
            {busyReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {phase.restartRequested ? null : <p>You can still choose to restart: Fiscal Desk waits for this work to finish first.</p>}
        </div>
      ) : null}

      <div className="button-row">
        {phase.kind === 'downloaded' ? (
          phase.restartRequested ? (
            busyReasons.length > 0 ? (
              <button type="button" className="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                Don’t restart
              </button>
            ) : null
          ) : (
            <button type="button" className="button button--primary" disabled={restart.isPending} onClick={() => restart.mutate()}>
              {busyReasons.length > 0 ? 'Restart when the work is done' : 'Restart to update'}
            </button>
          )
        ) : (
          <button type="button" className="button" disabled={working || check.isPending} onClick={() => check.mutate()}>
            Check for updates
          </button>
        )}
      </div>

      {check.isError ? <ErrorPanel error={check.error} title="Fiscal Desk could not check for updates" /> : null}
      {restart.isError ? <ErrorPanel error={restart.error} title="Fiscal Desk could not restart to update" /> : null}
      {cancel.isError ? <ErrorPanel error={cancel.error} title="The restart could not be called off" /> : null}

      {phase.kind === 'available' || phase.kind === 'downloading' || phase.kind === 'downloaded' ? (
        <ReleaseNotes version={phase.version} notes={phase.releaseNotes} />
      ) : null}
    </>
  );
}

function statusLine(status: UpdateStatus, restarting: boolean): string {
  const { phase } = status;
  switch (phase.kind) {
    case 'disabled':
      return phase.reason;
    case 'idle':
      return 'Fiscal Desk checks for updates shortly after it starts. You can also check now.';
    case 'checking':
      return 'Checking for updates…';
    case 'up-to-date':
      return `Fiscal Desk is up to date (version ${status.currentVersion}).`;
    case 'available':
      return `Version ${phase.version} is available. Downloading it…`;
    case 'downloading':
      return `Downloading version ${phase.version}… You can keep working.`;
    case 'downloaded':
      if (restarting) return 'Restarting Fiscal Desk to install the update…';
      return phase.restartRequested && status.busyReasons.length > 0
        ? `Version ${phase.version} is ready and will be installed once the work in progress is done.`
        : `Version ${phase.version} is ready to install. Restart Fiscal Desk to finish updating; your work is kept.`;
    case 'error':
      return phase.message;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

function progressText(percent: number, transferred: number, total: number): string {
  const rounded = Math.round(percent);
  return total > 0 ? `${rounded} percent (${megabytes(transferred)} of ${megabytes(total)} MB)` : `${rounded} percent`;
}
