import { useId } from 'react';
import { useActivateProfile, useConnections } from '../api/use-connections';

/** Which connection the screens show; switching changes every screen's data. */
export function ConnectionSwitcher() {
  const connections = useConnections();
  const activate = useActivateProfile();
  const id = useId();
  const data = connections.data;
  if (data === undefined || data.profiles.length === 0) return null;
  return (
    <div className="sidebar__connection">
      <label htmlFor={id}>Connection</label>
      <select id={id} value={data.activeProfileId ?? ''} disabled={activate.isPending} onChange={(event) => activate.mutate(event.target.value)}>
        {data.activeProfileId === null ? <option value="">Choose a connection</option> : null}
        {data.profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>
    </div>
  );
}
