import { createHash, randomUUID } from 'node:crypto';
import type {
  ConnectionTestResult,
  ConnectionsOverview,
  CreateProfileInput,
  ProfileView,
  SecretField,
} from '../../../shared/contract/connections';
import { AppError, isAppError } from '../../../shared/errors';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import type { Redactor } from '../../logging/redact';
import { FiscalHarmonyClient } from '../../providers/fiscal-harmony/fh-client';
import type { StoredFiscalHarmonyProfile, StoredProfile } from '../../store/stored-connections';
import { trainingApplicationName, trainingProfileId, type TrainingMode } from '../training/training-mode';
import { fiscalHarmonyBaseUrl } from './base-urls';
import type { CredentialCache, Credentials } from './credential-cache';
import type { FiskalyConnector } from './fiskaly-connector';
import type { ProfileStore } from './profile-store';

export interface ConnectionsServiceDeps {
  profiles: ProfileStore;
  credentials: CredentialCache;
  training: TrainingMode;
  fiskaly: FiskalyConnector;
  events: EventBus;
  logger: Logger;
  /** The log's redactor; the Fiscal Harmony clients pass the service's words through it. */
  redactor?: Redactor;
  appVersion: string;
  clock?: () => Date;
  timeoutMs?: number;
}

/** Connection profiles: their settings, their keychain-held secrets, and a client for each. */
export class ConnectionsService {
  private readonly clients = new Map<string, FiscalHarmonyClient>();
  private readonly clock: () => Date;

  constructor(private readonly deps: ConnectionsServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** On the very first start (no profile ever), set up training mode so the app is usable at once. */
  ensureTrainingProfile(): void {
    const { profiles } = this.deps;
    if (profiles.list().length > 0 || profiles.trainingCreated()) return;
    profiles.add(
      {
        id: trainingProfileId,
        name: 'Training (not fiscal)',
        kind: 'fiscal-harmony',
        environment: 'training',
        customBaseUrl: null,
        applicationName: trainingApplicationName,
      },
      { activate: true, training: true },
    );
    this.deps.logger.info('Training profile created on first start');
  }

  private isTraining(profile: StoredProfile): boolean {
    return profile.kind === 'fiscal-harmony' && profile.environment === 'training';
  }

  /** The training sandbox's address for the training profile (starting it on first use), else null. */
  private async trainingBaseUrlFor(profile: StoredProfile): Promise<string | null> {
    return this.isTraining(profile) ? this.deps.training.baseUrl() : null;
  }

  private require(id: string): StoredProfile {
    const profile = this.deps.profiles.get(id);
    if (profile === undefined) throw new AppError('NOT_FOUND', 'This connection no longer exists. It may have been deleted in another window.');
    return profile;
  }

  private async view(profile: StoredProfile, presence: Record<SecretField, boolean>): Promise<ProfileView> {
    const common = { id: profile.id, name: profile.name, isActive: this.deps.profiles.activeId() === profile.id, secrets: presence };
    if (profile.kind === 'fiscal-harmony') {
      return {
        ...common,
        kind: 'fiscal-harmony',
        environment: profile.environment,
        applicationName: profile.applicationName,
        baseUrl: fiscalHarmonyBaseUrl(profile, await this.trainingBaseUrlFor(profile)),
      };
    }
    return {
      ...common,
      kind: 'fiskaly',
      environment: profile.environment,
      product: profile.product,
      organizationUnitId: profile.organizationUnitId,
      baseUrl: this.deps.fiskaly.baseUrl(profile),
    };
  }

  private async presence(profile: StoredProfile): Promise<Record<SecretField, boolean>> {
    if (this.isTraining(profile)) return { apiKey: true, apiSecret: true };
    return this.deps.credentials.presence(profile.id);
  }

  private async viewOf(id: string): Promise<ProfileView> {
    const profile = this.require(id);
    return this.view(profile, await this.presence(profile));
  }

  /** Whether the keychain answers at all, asked before anyone types a key into the form. */
  private async keychainAnswers(): Promise<boolean> {
    try {
      await this.deps.credentials.presence(keychainProbeId);
      return true;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
      return false;
    }
  }

  /** Refuses a second connection with the same name (case and spaces aside): the switcher could not tell them apart. */
  private requireFreeName(name: string, exceptId: string | null): void {
    const wanted = name.trim().toLocaleLowerCase();
    const clash = this.deps.profiles.list().find((p) => p.id !== exceptId && p.name.trim().toLocaleLowerCase() === wanted);
    if (clash !== undefined) {
      throw new AppError('CONFLICT', `A connection called "${clash.name}" already exists. Give this one another name.`, {
        fields: { name: `"${clash.name}" is taken: choose another name` },
      });
    }
  }

  async overview(): Promise<ConnectionsOverview> {
    let keychainAvailable = true;
    let keychainAsked = false;
    const views: ProfileView[] = [];
    for (const profile of this.deps.profiles.list()) {
      let presence: Record<SecretField, boolean>;
      try {
        keychainAsked ||= !this.isTraining(profile);
        presence = await this.presence(profile);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
        keychainAvailable = false;
        presence = { apiKey: false, apiSecret: false };
      }
      views.push(await this.view(profile, presence));
    }
    if (!keychainAsked) keychainAvailable = await this.keychainAnswers();
    return { profiles: views, activeProfileId: this.deps.profiles.activeId(), station: this.deps.profiles.station(), keychainAvailable };
  }

  async create(input: CreateProfileInput): Promise<ProfileView> {
    this.requireFreeName(input.name, null);
    const id = randomUUID();
    const stored: StoredProfile =
      input.kind === 'fiscal-harmony'
        ? {
            id,
            name: input.name,
            kind: 'fiscal-harmony',
            environment: input.environment,
            customBaseUrl: input.environment === 'custom' ? requireCustomUrl(input.customBaseUrl) : null,
            applicationName: input.applicationName,
          }
        : {
            id,
            name: input.name,
            kind: 'fiskaly',
            environment: input.environment,
            product: input.product,
            customBaseUrl: input.customBaseUrl ?? null,
            organizationUnitId: input.organizationUnitId === undefined || input.organizationUnitId === '' ? null : input.organizationUnitId,
          };
    if (stored.kind === 'fiskaly') this.deps.fiskaly.validate(stored);
    // Secrets first: if the keychain refuses, no half-made profile is left behind.
    await this.deps.credentials.store(id, 'apiKey', input.apiKey);
    try {
      await this.deps.credentials.store(id, 'apiSecret', input.apiSecret);
    } catch (error) {
      await this.deps.credentials.remove(id, 'apiKey').catch(() => undefined);
      throw error;
    }
    this.deps.profiles.add(stored, { activate: this.deps.profiles.activeId() === null });
    this.deps.logger.info('Connection profile created', { profileId: id, kind: stored.kind, environment: stored.environment });
    this.changed();
    return this.viewOf(id);
  }

  async rename(id: string, name: string): Promise<ProfileView> {
    this.requireFreeName(name, id);
    this.deps.profiles.replace({ ...this.require(id), name });
    this.forget(id);
    this.changed();
    return this.viewOf(id);
  }

  async setSecret(id: string, field: SecretField, value: string): Promise<ProfileView> {
    const profile = this.require(id);
    if (this.isTraining(profile)) throw new AppError('NOT_ALLOWED', 'The training connection uses fixed demo keys; there is nothing to replace.');
    await this.deps.credentials.store(id, field, value);
    this.forget(id);
    this.changed();
    return this.viewOf(id);
  }

  async removeSecret(id: string, field: SecretField): Promise<ProfileView> {
    const profile = this.require(id);
    if (this.isTraining(profile)) throw new AppError('NOT_ALLOWED', 'The training connection uses fixed demo keys; there is nothing to remove.');
    await this.deps.credentials.remove(id, field);
    this.forget(id);
    this.changed();
    return this.viewOf(id);
  }

  async remove(id: string): Promise<ConnectionsOverview> {
    const profile = this.require(id);
    if (!this.isTraining(profile)) {
      await this.deps.credentials.remove(id, 'apiKey');
      await this.deps.credentials.remove(id, 'apiSecret');
    }
    this.deps.profiles.remove(id);
    this.forget(id);
    this.deps.logger.info('Connection profile removed', { profileId: id });
    this.changed();
    return this.overview();
  }

  async activate(id: string): Promise<ConnectionsOverview> {
    this.require(id);
    this.deps.profiles.activate(id);
    this.changed();
    return this.overview();
  }

  setStationLabel(label: string) {
    const station = this.deps.profiles.setStationLabel(label);
    this.changed();
    return station;
  }

  async test(id: string): Promise<ConnectionTestResult> {
    const profile = this.require(id);
    const checkedAt = this.clock().toISOString();
    if (profile.kind === 'fiskaly') return this.deps.fiskaly.test(profile);
    try {
      const client = await this.fiscalHarmonyClient(profile);
      // A GET is not signed, so it proves the key only; an empty status check is signed and
      // changes nothing, so it proves the secret too.
      await client.checkStatus([]);
      // Then GET /fiscaldevice, as the official integrations do.
      const device = await client.getFiscalDevice();
      const deviceName = device.DeviceId === null || device.DeviceId === undefined ? 'the fiscal device' : `fiscal device ${device.DeviceId}`;
      return { ok: true, message: `Connected. Fiscal Harmony accepted the key and secret, and ${deviceName} answered.`, checkedAt };
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'NO_DEVICE') {
        return {
          ok: true,
          message: `Connected: the key and secret work, but ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`,
          blocker: 'Documents cannot be fiscalised until the account has a fiscal device.',
          checkedAt,
        };
      }
      return { ok: false, message: error.message, checkedAt };
    }
  }

  /** The active profile of either kind, or null when none is chosen. */
  activeProfile(): StoredProfile | null {
    const id = this.deps.profiles.activeId();
    return (id === null ? undefined : this.deps.profiles.get(id)) ?? null;
  }

  /** The active profile, which must be a Fiscal Harmony one. */
  activeFiscalHarmony(): StoredFiscalHarmonyProfile {
    const id = this.deps.profiles.activeId();
    const profile = id === null ? undefined : this.deps.profiles.get(id);
    if (profile === undefined) throw new AppError('NO_CONNECTION', 'No connection is chosen. Add or choose one in Connections.');
    if (profile.kind !== 'fiscal-harmony') {
      throw new AppError('NO_CONNECTION', `"${profile.name}" is a fiskaly connection. Choose a Fiscal Harmony connection in Connections to see this.`);
    }
    return profile;
  }

  /** Sign-in state of a fiskaly profile, for the screen; never a token. */
  fiskalyTokenState(id: string) {
    const profile = this.require(id);
    if (profile.kind !== 'fiskaly') throw new AppError('INVALID_INPUT', `"${profile.name}" is not a fiskaly connection.`);
    return this.deps.fiskaly.tokenState(id);
  }

  isTrainingProfile(profile: StoredProfile): boolean {
    return this.isTraining(profile);
  }

  /** The client of a Fiscal Harmony profile by id, active or not (the outbox sends every profile's documents). */
  fiscalHarmonyClientFor(id: string): Promise<FiscalHarmonyClient> {
    const profile = this.deps.profiles.get(id);
    if (profile === undefined) throw new AppError('NO_CONNECTION', 'The connection these documents belong to was removed. Add it again in Connections to send them.');
    if (profile.kind !== 'fiscal-harmony') throw new AppError('NO_CONNECTION', `"${profile.name}" is not a Fiscal Harmony connection.`);
    return this.fiscalHarmonyClient(profile);
  }

  async fiscalHarmonyClient(profile: StoredFiscalHarmonyProfile): Promise<FiscalHarmonyClient> {
    const existing = this.clients.get(profile.id);
    if (existing !== undefined) return existing;
    const client = new FiscalHarmonyClient({
      profileName: profile.name,
      baseUrl: fiscalHarmonyBaseUrl(profile, await this.trainingBaseUrlFor(profile)),
      applicationName: profile.applicationName,
      stationId: this.deps.profiles.station().id,
      appVersion: this.deps.appVersion,
      credentials: () => this.credentialsOf(profile),
      logger: this.deps.logger,
      ...(this.deps.redactor === undefined ? {} : { redactor: this.deps.redactor }),
      ...(this.deps.timeoutMs === undefined ? {} : { timeoutMs: this.deps.timeoutMs }),
    });
    this.clients.set(profile.id, client);
    return client;
  }

  /**
   * Which Fiscal Harmony account a connection reaches: its address and API key (the key hashed,
   * never the secret), so two connections on one account can be told; null when unknown.
   */
  async accountOf(id: string): Promise<string | null> {
    const profile = this.deps.profiles.get(id);
    if (profile === undefined || profile.kind !== 'fiscal-harmony') return null;
    if (this.isTraining(profile)) return 'training';
    try {
      const { apiKey } = await this.credentialsOf(profile);
      return `${fiscalHarmonyBaseUrl(profile, null)} ${createHash('sha256').update(apiKey, 'utf8').digest('hex')}`;
    } catch (error) {
      if (isAppError(error)) return null;
      throw error;
    }
  }

  private async credentialsOf(profile: StoredProfile): Promise<Credentials> {
    if (this.isTraining(profile)) return this.deps.training.credentials;
    return this.deps.credentials.get(profile.id, profile.name);
  }

  private forget(id: string): void {
    this.clients.delete(id);
    this.deps.credentials.forget(id);
    this.deps.fiskaly.forget(id);
  }

  private changed(): void {
    this.deps.events.emit('connections:changed', { at: this.clock().toISOString() });
  }
}

/** A keychain entry that never exists: reading it only shows whether the keychain answers. */
const keychainProbeId = 'keychain-check';

function requireCustomUrl(url: string | undefined): string {
  if (url === undefined || url === '') {
    throw new AppError('INVALID_INPUT', 'Enter the address of the service for a custom environment.', { fields: { customBaseUrl: 'Enter an https:// address' } });
  }
  return url.replace(/\/+$/, '');
}
