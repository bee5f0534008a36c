import type { z } from 'zod';
import { settingsRecoveryNoticeSchema } from '../../shared/contract/settings';
import { storedProfileSchema, type StoredProfile } from './stored-connections';

/** What could be kept of some settings, and what was lost or reset, in plain words. */
export interface Salvaged<T = unknown> {
  value: T;
  problems: string[];
}

type Salvager = (raw: unknown) => Salvaged;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const labels: Record<string, string> = {
  theme: 'The colour theme',
  updateChannel: 'The update channel',
  windowState: 'The window size and position',
  connections: 'The list of connections',
  station: 'The station of this computer',
  recoveryNotices: 'An earlier notice about the settings file',
  standardTaxCodes: 'The standard rate of new invoice lines',
};

const labelFor = (key: string): string => (Object.hasOwn(labels, key) ? (labels[key] ?? key) : `The setting "${key}"`);

function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (issue === undefined) return 'not valid';
  return issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`;
}

function profileName(raw: unknown, index: number): string {
  return isRecord(raw) && typeof raw.name === 'string' && raw.name.trim() !== '' ? `"${raw.name}"` : `number ${index + 1}`;
}

/** One bad profile drops that profile only; the others, the active choice and the training flag stay. */
function salvageConnections(raw: unknown): Salvaged {
  const record = isRecord(raw) ? raw : {};
  const problems: string[] = [];
  if (!Array.isArray(record.profiles)) problems.push('The list of connections could not be read, so no connection was kept. Add them again in Connections.');
  const rawProfiles: unknown[] = Array.isArray(record.profiles) ? record.profiles : [];
  const profiles: StoredProfile[] = [];
  rawProfiles.forEach((item, index) => {
    const parsed = storedProfileSchema.safeParse(item);
    if (parsed.success && !profiles.some((kept) => kept.id === parsed.data.id)) profiles.push(parsed.data);
    else {
      const why = parsed.success ? 'it has the same id as another connection' : `its saved details are not valid (${firstIssue(parsed.error)})`;
      problems.push(`The connection ${profileName(item, index)} was left out because ${why}. Add it again in Connections.`);
    }
  });
  const active = record.activeProfileId;
  const activeProfileId = typeof active === 'string' && profiles.some((profile) => profile.id === active) ? active : (profiles[0]?.id ?? null);
  // Unknown: assume training was set up if there ever were profiles, so a deleted one stays deleted.
  const trainingCreated = typeof record.trainingCreated === 'boolean' ? record.trainingCreated : rawProfiles.length > 0;
  return { value: { profiles, activeProfileId, trainingCreated }, problems };
}

export const stationIdLost = 'The station id of this computer could not be read, so a new one will be made.';

/** The station id is kept whenever it can be read: Fiscal Harmony knows this computer by it. */
function salvageStation(raw: unknown): Salvaged {
  if (isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() !== '') {
    if (typeof raw.label === 'string') return { value: { id: raw.id, label: raw.label }, problems: [] };
    return {
      value: { id: raw.id, label: 'This computer' },
      problems: ['The name of this computer could not be read and is now "This computer". You can change it in Connections.'],
    };
  }
  return { value: null, problems: [stationIdLost] };
}

function salvageRecoveryNotices(raw: unknown): Salvaged {
  const items: unknown[] = Array.isArray(raw) ? raw : [];
  return { value: items.flatMap((item) => {
    const parsed = settingsRecoveryNoticeSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }), problems: [] };
}

const salvagers: Record<string, Salvager> = { connections: salvageConnections, station: salvageStation, recoveryNotices: salvageRecoveryNotices };

/** One setting: kept when valid, else what can be kept of it (its default at worst). */
export function salvageSetting(key: string, schema: z.ZodType, raw: unknown): Salvaged {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  const salvager = salvagers[key];
  if (salvager !== undefined && Object.hasOwn(salvagers, key)) {
    const salvaged = salvager(raw);
    // Something was wrong even when nothing was lost (a bad active choice, say): the file still changes.
    const problems = salvaged.problems.length > 0 ? salvaged.problems : [`${labelFor(key)} held a value that could not be read, which was corrected.`];
    return { value: schema.parse(salvaged.value), problems };
  }
  return { value: schema.parse(undefined), problems: [`${labelFor(key)} could not be read and is back to its default.`] };
}

/**
 * Every setting of a file that was read: a bad value drops that value (or that one profile),
 * never the rest. Keys this version does not know are kept as they are (a newer version's).
 */
export function salvageSettings(shape: Readonly<Record<string, z.ZodType>>, raw: Record<string, unknown>): Salvaged<Record<string, unknown>> {
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, item] of Object.entries(raw)) if (!Object.hasOwn(shape, key)) value[key] = item;
  for (const [key, schema] of Object.entries(shape)) {
    const salvaged = salvageSetting(key, schema, raw[key]);
    value[key] = salvaged.value;
    problems.push(...salvaged.problems);
  }
  return { value, problems };
}

/**
 * The station as written in a file too damaged to read as JSON: found by its shape in the text,
 * so that this computer keeps the id Fiscal Harmony knows it by.
 */
export function findStationInText(text: string): { id: string; label: string } | null {
  const match = /"station"\s*:\s*\{\s*"id"\s*:\s*"((?:[^"\\]|\\.)+)"(?:\s*,\s*"label"\s*:\s*"((?:[^"\\]|\\.)*)")?/.exec(text);
  if (match?.[1] === undefined) return null;
  try {
    const id = JSON.parse(`"${match[1]}"`) as string;
    const label = match[2] === undefined ? 'This computer' : (JSON.parse(`"${match[2]}"`) as string);
    return id.trim() === '' ? null : { id, label };
  } catch {
    return null;
  }
}
