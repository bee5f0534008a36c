import { useDismissSettingsRecoveryNotices, useSettingsRecoveryNotices } from '../api/use-app';

/** Says, on every screen until dismissed, that the settings file was repaired and where the old one is. */
export function SettingsRecoveryNotice() {
  const notices = useSettingsRecoveryNotices();
  const dismiss = useDismissSettingsRecoveryNotices();
  if (notices.data === undefined || notices.data.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-labelledby="settings-recovery-title">
      <h2 className="notice__title" id="settings-recovery-title">
        Your settings file could not be read as it was
      </h2>
      {notices.data.map((notice) => (
        <div key={notice.keptFileAt}>
          <p>Fiscal Desk repaired it on {new Date(notice.happenedAt).toLocaleString()} and kept everything it could:</p>
          <ul>
            {notice.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>
            The old file is kept, unchanged, at <code>{notice.keptFileAt}</code>. Keep it if you may need the lost details (for
            example to ask for help); keys and secrets were never in it.
          </p>
        </div>
      ))}
      {dismiss.isError ? <p role="alert">This notice could not be dismissed. Please try again.</p> : null}
      <button type="button" className="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
        I have read this
      </button>
    </section>
  );
}
