import { describe, expect, it } from 'vitest';
import { developmentSwitches } from './development-switches';

const env = { FISCAL_DESK_USER_DATA: '/tmp/profile', ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

describe('development switches', () => {
  it('are honoured in a development or test run', () => {
    expect(developmentSwitches(env, false)).toEqual({ userDataDirectory: '/tmp/profile', rendererUrl: 'http://localhost:5173/', ignored: [] });
  });

  it('are all ignored, and reported, in a packaged app', () => {
    const switches = developmentSwitches(env, true);
    expect(switches.userDataDirectory).toBeUndefined();
    expect(switches.rendererUrl).toBeUndefined();
    expect(switches.ignored).toEqual(['FISCAL_DESK_USER_DATA (ignored in an installed app)', 'ELECTRON_RENDERER_URL (ignored in an installed app)']);
  });

  it('are absent when not set or empty', () => {
    expect(developmentSwitches({}, false)).toEqual({ userDataDirectory: undefined, rendererUrl: undefined, ignored: [] });
    expect(developmentSwitches({ FISCAL_DESK_USER_DATA: '', ELECTRON_RENDERER_URL: '' }, true).ignored).toEqual([]);
  });

  it('ignore a renderer address that is not http', () => {
    const switches = developmentSwitches({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false);
    expect(switches.rendererUrl).toBeUndefined();
    expect(switches.ignored).toEqual(['ELECTRON_RENDERER_URL (not an http address)']);
  });
});
