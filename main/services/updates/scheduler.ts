/** Timers behind an interface, so the updater's schedule can be tested without waiting hours. */
export interface Scheduler {
  /** Runs `task` once after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
  /** Runs `task` every `ms`; the returned function stops it. */
  every(ms: number, task: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  after(ms, task) {
    const handle = setTimeout(task, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
  every(ms, task) {
    const handle = setInterval(task, ms);
    handle.unref();
    return () => clearInterval(handle);
  },
};
