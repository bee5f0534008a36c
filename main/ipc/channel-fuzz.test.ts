import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { resultSchema } from '../../shared/result';
import type { ComposedApp } from '../compose';
import { appSender, composeTestApp } from '../test-support/compose-test-app';
import { channelInputArbitrary, troublesomeValues } from '../test-support/input-arbitrary';

// Every channel of the contract (those added later included), through the real router of the
// composed app, with random and edge-case inputs: each call must answer a typed result (the
// contract's output, or a known error code) and never INTERNAL. Reproduce a failure with the
// printed seed: FUZZ_SEED=<seed> npx vitest run main/ipc/channel-fuzz.test.ts
const seed = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
const runsPerChannel = 100;

// A fresh app for each channel: what one channel's fuzzing changes (the active connection, say)
// must not slow down or mask another's, and a seed replays the same calls on the same state.
let app: ComposedApp;
beforeEach(async () => {
  app = await composeTestApp({ trainingProcessingDelayMs: 5 });
});
afterEach(() => app.dispose());

describe(`every IPC channel under fuzzing (seed ${seed})`, () => {
  // The limit allows for a busy machine; a channel normally takes well under a second.
  it.each(listChannels().map((channel) => [channel.name, channel] as const))('%s answers every input with a typed result, never INTERNAL', { timeout: 60_000 }, async (name, channel) => {
    const answers = resultSchema(channel.spec.output);
    await fc.assert(
      fc.asyncProperty(channelInputArbitrary(channel.spec.input).map((input) => onLoopback(name, input)), async (input) => {
        const result = await app.router.dispatch(name, input, appSender);
        const typed = answers.safeParse(result);
        if (!typed.success) throw new Error(`${name} answered something that is not a typed result: ${JSON.stringify(result).slice(0, 500)}`);
        if (!result.ok) {
          expect(errorCodes).toContain(result.error.code);
          if (result.error.code === 'INTERNAL') throw new Error(`${name} answered INTERNAL: ${result.error.message}`);
        }
      }),
      { seed, numRuns: runsPerChannel, examples: troublesomeValues.map((value) => [value]), endOnFailure: true },
    );
  });
});

/**
 * The shop database channels connect to the host they are given: a fuzzed host name would be
 * looked up and tried on the network. Their inputs keep every other random value but point at a
 * closed port on this machine, so the channels still meet an unreachable server.
 */
function onLoopback(name: string, input: unknown): unknown {
  if (!name.startsWith('shopDb:') || input === null || typeof input !== 'object' || !('settings' in input)) return input;
  const { settings } = input as { settings: unknown };
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return input;
  return { ...input, settings: { ...settings, host: '127.0.0.1', port: 9 } };
}
