import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SettingsStore } from '../../store/settings-store';
import type { StoredConnections, StoredProfile, StoredStation } from '../../store/stored-connections';

/** The non-secret part of the connection profiles, kept in the settings file. */
export class ProfileStore {
  constructor(private readonly settings: SettingsStore) {}

  private read(): StoredConnections {
    return this.settings.get('connections');
  }

  private write(next: StoredConnections): void {
    this.settings.set('connections', next);
  }

  list(): StoredProfile[] {
    return this.read().profiles;
  }

  get(id: string): StoredProfile | undefined {
    return this.read().profiles.find((profile) => profile.id === id);
  }

  activeId(): string | null {
    const { activeProfileId, profiles } = this.read();
    return profiles.some((profile) => profile.id === activeProfileId) ? activeProfileId : null;
  }

  add(profile: StoredProfile, options: { activate: boolean; training?: boolean }): void {
    const current = this.read();
    this.write({
      profiles: [...current.profiles, profile],
      activeProfileId: options.activate ? profile.id : current.activeProfileId,
      trainingCreated: current.trainingCreated || options.training === true,
    });
  }

  replace(profile: StoredProfile): void {
    const current = this.read();
    this.write({ ...current, profiles: current.profiles.map((existing) => (existing.id === profile.id ? profile : existing)) });
  }

  remove(id: string): void {
    const current = this.read();
    const profiles = current.profiles.filter((profile) => profile.id !== id);
    const activeProfileId = current.activeProfileId === id ? (profiles[0]?.id ?? null) : current.activeProfileId;
    this.write({ ...current, profiles, activeProfileId });
  }

  activate(id: string): void {
    this.write({ ...this.read(), activeProfileId: id });
  }

  trainingCreated(): boolean {
    return this.read().trainingCreated;
  }

  /** The id sent as X-App-Station: made once per installation, then never changed. */
  station(): StoredStation {
    const existing = this.settings.get('station');
    if (existing !== null) return existing;
    const created = { id: randomUUID(), label: hostname() || 'This computer' };
    this.settings.set('station', created);
    return created;
  }

  setStationLabel(label: string): StoredStation {
    const station = { ...this.station(), label };
    this.settings.set('station', station);
    return station;
  }
}
