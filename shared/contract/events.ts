import { z } from 'zod';
import { event } from './define';
import { documentStateSchema } from './documents';
import { fiskalyTokenStateSchema } from './fiskaly-token-state';
import { importProgressSchema } from './import';
import { outboxStateSchema } from './outbox';
import { userSettingsSchema } from './settings';
import { updateStatusSchema } from './updates';

/** Events main pushes to the renderer; the renderer invalidates queries when they arrive. */
export const eventSpecs = {
  'settings:changed': event({
    payload: userSettingsSchema,
    description: 'The user settings changed (in this or another window).',
  }),
  'update:status': event({
    payload: updateStatusSchema,
    description: 'The updater moved: checking, update found, download progress, downloaded, error.',
  }),
  'connections:changed': event({
    payload: z.object({ at: z.string() }),
    description: 'A connection profile was added, changed, removed or made active.',
  }),
  'connections:token-state': event({
    payload: z.object({ profileId: z.string(), state: fiskalyTokenStateSchema }),
    description: 'A fiskaly connection signed in, refreshed its token, or failed to.',
  }),
  'mappings:changed': event({
    payload: z.object({ profileId: z.string(), at: z.string() }),
    description: 'Tax or currency mappings of a connection changed (or were found deleted elsewhere).',
  }),
  'readiness:changed': event({
    payload: z.object({ at: z.string() }),
    description: 'The readiness verdict of the active connection may have changed (connection, mappings, or a new check): ask readiness:get again.',
  }),
  'mappings:setup-progress': event({
    payload: z.object({ profileId: z.string(), done: z.number().int(), total: z.number().int() }),
    description: 'Set up from the device: how many of the proposed tax mappings have been tried so far.',
  }),
  'documents:changed': event({
    payload: z.object({ profileId: z.string(), changes: z.array(z.object({ id: z.string(), state: documentStateSchema })), at: z.string() }),
    description: 'Documents were saved, queued, sent, or got their result; the renderer refetches them.',
  }),
  'outbox:progress': event({
    payload: outboxStateSchema,
    description: 'The outbox counts or pause changed.',
  }),
  'import:progress': event({
    payload: importProgressSchema,
    description: 'An import saved (and queued) another document of its file: how many of how many.',
  }),
};
