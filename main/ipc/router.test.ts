import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChannels } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { composeApp } from '../compose';
import { Redactor } from '../logging/redact';
import type { Logger } from '../logging/logger';
import { openConfSettings } from '../store/conf-backend';
import { MemoryVault } from '../vault/memory-vault';
import { createRouter, type Handlers } from './router';
import { createSenderPolicy } from './sender-policy';

const appOrigin = 'app://fiscal-desk';
const trusted = { url: `${appOrigin}/index.html`, isMainFrame: true };

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string, meta?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
  return { lines, debug: push, info: push, warn: push, error: push };
}

async function makeApp(logger: Logger = recordingLogger()) {
  return composeApp({
    info: { name: 'Fiscal Desk', version: '0.1.0', runtime: 'browser', platform: 'linux', dataDirectory: '/tmp/x' },
    settingsBackend: openConfSettings(mkdtempSync(join(tmpdir(), 'fd-router-'))),
    openExternal: async () => true,
    logger,
    redactor: new Redactor(),
    isTrustedSender: createSenderPolicy([appOrigin]),
    validateOutput: true,
    vault: new MemoryVault(),
  });
}

describe('IPC router', () => {
  it('answers a valid call with the ok envelope', async () => {
    const { router } = await makeApp();
    await expect(router.dispatch('settings:get', undefined, trusted)).resolves.toEqual({
      ok: true,
      value: { theme: 'system', updateChannel: 'latest' },
    });
  });

  it('rejects malformed input with INVALID_INPUT and names the field', async () => {
    const { router } = await makeApp();
    const result = await router.dispatch('settings:set', { theme: 'neon' }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    expect(result.ok === false && result.error.fields).toHaveProperty('theme');
  });

  it('rejects keys the channel does not accept', async () => {
    const { router } = await makeApp();
    const result = await router.dispatch('settings:set', { windowState: { width: 1 } }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each(['nope:nothing', 'settings:delete', 'settings', 'settings:get:extra', '__proto__:get', 'settings:constructor'])(
    'rejects the unknown channel %s with UNKNOWN_CHANNEL',
    async (name) => {
      const { router } = await makeApp();
      await expect(router.dispatch(name, undefined, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a sub-frame of the app', { url: `${appOrigin}/index.html`, isMainFrame: false }],
    ['a file URL', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['an unparsable URL', { url: '::', isMainFrame: true }],
  ])('rejects %s with FORBIDDEN_SENDER before looking at the input', async (_label, sender) => {
    const { router, settings } = await makeApp();
    const result = await router.dispatch('settings:set', { theme: 'dark' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(settings.get('theme')).toBe('system');
  });

  it('emits settings:changed when settings are saved', async () => {
    const { router, events } = await makeApp();
    const seen: unknown[] = [];
    events.subscribe((name, payload) => seen.push([name, payload]));
    await router.dispatch('settings:set', { theme: 'dark' }, trusted);
    expect(seen).toEqual([['settings:changed', { theme: 'dark', updateChannel: 'latest' }]]);
  });

  describe('with handlers that fail', () => {
    // Every channel gets a handler that fails if called; the test then replaces the ones it uses.
    const unused = (): never => {
      throw new Error('not used in this test');
    };
    const everyChannel = (): Handlers => {
      const handlers: Record<string, Record<string, unknown>> = {};
      for (const { domain, verb } of listChannels()) (handlers[domain] ??= {})[verb] = unused;
      return handlers as unknown as Handlers;
    };
    const base = (overrides: Partial<Handlers['settings']>): Handlers => {
      const all = everyChannel();
      return {
        ...all,
        app: { info: () => ({ name: 'x', version: '1', runtime: 'browser', platform: 'linux', dataDirectory: '/' }), openExternal: async () => ({ opened: false }) },
        settings: { ...all.settings, get: () => ({ theme: 'light', updateChannel: 'latest' }), set: () => ({ theme: 'light', updateChannel: 'latest' }), ...overrides },
      };
    };

    it('turns an unexpected error into INTERNAL without its message or stack, and logs it', async () => {
      const logger = recordingLogger();
      const router = createRouter({
        handlers: base({ get: () => { throw new Error('db password=hunter2 at /secret/path'); } }),
        isTrustedSender: () => true,
        validateOutput: true,
        logger,
      });
      const result = await router.dispatch('settings:get', undefined, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', retryable: false } });
      expect(JSON.stringify(result)).not.toContain('hunter2');
      expect(JSON.stringify(result)).not.toContain('at ');
      expect(logger.lines.join('\n')).toContain('settings:get failed unexpectedly');
    });

    it('passes an AppError through as its shape', async () => {
      const router = createRouter({
        handlers: base({ get: () => { throw new AppError('TIMEOUT', 'The service took too long.', { retryable: true }); } }),
        isTrustedSender: () => true,
        validateOutput: true,
        logger: recordingLogger(),
      });
      await expect(router.dispatch('settings:get', undefined, trusted)).resolves.toEqual({
        ok: false,
        error: { code: 'TIMEOUT', message: 'The service took too long.', retryable: true },
      });
    });

    it('refuses to answer outside the output schema when output validation is on', async () => {
      const router = createRouter({
        handlers: base({ get: () => ({ theme: 'neon', updateChannel: 'latest' }) as never }),
        isTrustedSender: () => true,
        validateOutput: true,
        logger: recordingLogger(),
      });
      await expect(router.dispatch('settings:get', undefined, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    });

    it('refuses to start when a channel has no handler', () => {
      const handlers = base({});
      delete (handlers.settings as Partial<Handlers['settings']>).set;
      expect(() => createRouter({ handlers, isTrustedSender: () => true, validateOutput: true, logger: recordingLogger() })).toThrow(
        'No handler registered for channel settings:set',
      );
    });
  });
});
