// Helpers for tests that run against the fiskaly simulator.

/** A clock the test moves by hand (epoch ms). */
export interface FakeClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 2, 1, 9, 0, 0)): FakeClock {
  let now = start;
  const clock = (() => now) as FakeClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

/** fetch that counts the requests it sends (to prove that nothing more goes out). */
export function countingFetch(): { fetch: typeof fetch; count: () => number } {
  let count = 0;
  const wrapped: typeof fetch = (input, init) => {
    count += 1;
    return fetch(input, init);
  };
  return { fetch: wrapped, count: () => count };
}

export const SIM_KEY = 'test_key_4f1c2a';
export const SIM_SECRET = 'test_secret_9b7e3d5a1c';
