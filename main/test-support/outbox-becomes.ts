import type { OutboxState } from '../../shared/contract/outbox';
import type { ComposedApp } from '../compose';

/** The next outbox state of `app` that matches (the outbox announces every change of its counts or pause). */
export function outboxBecomes(app: ComposedApp, matches: (state: OutboxState) => boolean): Promise<OutboxState> {
  return new Promise((resolve) => {
    const stop = app.events.subscribe((name, payload) => {
      if (name !== 'outbox:progress') return;
      const state = payload as OutboxState;
      if (matches(state)) {
        stop();
        resolve(state);
      }
    });
  });
}
