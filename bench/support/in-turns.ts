// Figures that hold on a shared, noisy machine: a subject and its baseline run in turns in one
// process (so both meet the same load), several times over, and the median is what is printed,
// with the load average beside it, so a reader can tell a quiet run from a loaded one.
import { loadavg } from 'node:os';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds `run` took. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Runs each subject `rounds` times, taking turns, the order rotated every round so that none
 * always goes first (a warmer connection, a fresher cache); each answers its own figure.
 * Returns every subject's figures in the order they were taken.
 */
export async function inTurns<K extends string>(subjects: Record<K, () => Promise<number>>, rounds: number): Promise<Record<K, number[]>> {
  const names = Object.keys(subjects) as K[];
  const figures = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(round + turn) % names.length]!;
      figures[name].push(await subjects[name]());
    }
  }
  return figures;
}

/** `load 0.52 0.61 0.40`: the 1, 5 and 15 minute load averages, against the machine's cores. */
export function loadAverage(): string {
  return `load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;
}

/**
 * `BENCH <name> <value> <unit> (goal …; <how>; load …)`: the first three words parse as every
 * BENCH line does; the rest says what the figure must be, how it was taken and under what load.
 */
export function benchLine(name: string, value: string, unit: string, details: { goal: string; how: string }): string {
  return `BENCH ${name} ${value} ${unit} (goal ${details.goal}; ${details.how}; ${loadAverage()})`;
}
