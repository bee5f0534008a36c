import type { UserSettings } from '../../../shared/contract/settings';
import { useUpdateSettings } from '../../api/use-app';
import { ErrorPanel } from '../../components/states';

export function UpdatesSection(props: { channel: UserSettings['updateChannel'] }) {
  const update = useUpdateSettings();
  return (
    <section className="card" aria-labelledby="updates-title">
      <h2 id="updates-title">Updates</h2>
      <div className="field">
        <label htmlFor="update-channel">Update channel</label>
        <select
          id="update-channel"
          value={props.channel}
          onChange={(event) => update.mutate({ updateChannel: event.target.value as UserSettings['updateChannel'] })}
        >
          <option value="latest">Stable (recommended)</option>
          <option value="beta">Beta (new features earlier, may have rough edges)</option>
        </select>
      </div>
      {update.isError ? <ErrorPanel error={update.error} title="The update channel could not be saved" /> : null}
    </section>
  );
}
