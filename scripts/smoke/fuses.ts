import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');

// electron-builder's own copies of @electron/fuses and js-yaml, resolved the way it resolves them.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const requireFromLib = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));
const fuses = requireFromLib('@electron/fuses') as {
  getCurrentFuseWire(pathToElectron: string): Promise<{ version: string; [fuse: number]: number }>;
  FuseV1Options: Record<string, number | string>;
};
const yaml = requireFromLib('js-yaml') as { load(text: string): unknown };

/** A fuse's state byte in the binary (@electron/fuses' FuseState). */
const enabled = 49;
const disabled = 48;

/** The fuses electron-builder.yml asks for, by @electron/fuses' name (runAsNode -> RunAsNode). */
export function productionFuses(configPath = join(repoRoot, 'electron-builder.yml')): Record<string, boolean> {
  const config = yaml.load(readFileSync(configPath, 'utf8')) as { electronFuses?: Record<string, boolean> };
  const wanted: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(config.electronFuses ?? {})) wanted[name.charAt(0).toUpperCase() + name.slice(1)] = value;
  return wanted;
}

/**
 * Reads the fuse wire burnt into the packaged binary (or, for a .app, its Electron Framework) and
 * says, in plain words, every fuse that differs from electron-builder.yml. An executable without a
 * fuse wire is not an Electron app.
 */
export async function fuseProblems(executable: string, wanted: Record<string, boolean> = productionFuses()): Promise<string[]> {
  let wire: { version: string; [fuse: number]: number };
  try {
    wire = await fuses.getCurrentFuseWire(executable);
  } catch (error) {
    return [`cannot read Electron fuses from ${executable}: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (wire.version !== '1') return [`the fuse wire has version ${wire.version}; this check knows version 1`];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(wanted)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') {
      problems.push(`electron-builder.yml sets a fuse @electron/fuses does not know: ${name}`);
      continue;
    }
    const state = wire[index];
    if (state !== (value ? enabled : disabled)) problems.push(`fuse ${name} is ${state === enabled ? 'on' : state === disabled ? 'off' : `in state ${String(state)}`}, must be ${value ? 'on' : 'off'}`);
  }
  return problems;
}
