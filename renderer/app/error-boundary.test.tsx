// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

let container: HTMLDivElement;
let root: Root;
let explode = true;

function Fragile() {
  if (explode) throw new Error('The invoice list could not be drawn');
  return <p>All good again</p>;
}

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  explode = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('replaces a crashed screen with what happened and a way out', () => {
    act(() => root.render(<ErrorBoundary><Fragile /></ErrorBoundary>));
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe('Something went wrong on this screen');
    expect(alert?.textContent).toContain('Nothing you saved is lost');
    expect(alert?.querySelector('pre')?.textContent).toBe('The invoice list could not be drawn');
    const buttons = [...(alert?.querySelectorAll('button') ?? [])].map((button) => button.textContent);
    expect(buttons).toEqual(['Reload', 'Try this screen again']);
  });

  it('offers to reload the window', () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    act(() => root.render(<ErrorBoundary><Fragile /></ErrorBoundary>));
    act(() => container.querySelector<HTMLButtonElement>('button')?.click());
    expect(reload).toHaveBeenCalledOnce();
  });

  it('tries the screen again without a reload once the problem is gone', () => {
    act(() => root.render(<ErrorBoundary><Fragile /></ErrorBoundary>));
    explode = false;
    const retry = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Try this screen again');
    act(() => retry?.click());
    expect(container.textContent).toBe('All good again');
  });
});
