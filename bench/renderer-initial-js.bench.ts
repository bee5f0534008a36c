// How much JavaScript the renderer loads before its first screen, gzipped: the entry chunk and
// every chunk it imports statically (read from the build's manifest), not the chunks loaded on
// demand (pdf.js, the screens opened less often). Fails above the goal.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL_KB = 200;
const renderer = join(import.meta.dirname, '..', 'out', 'renderer');
const manifestPath = join(renderer, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('out/renderer/.vite/manifest.json is missing: run `npm run build` first');
  process.exit(1);
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry === true);
if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);

const loadedFirst = new Set<string>();
const visit = (key: string) => {
  if (loadedFirst.has(key)) return;
  loadedFirst.add(key);
  for (const next of manifest[key]!.imports ?? []) visit(next);
};
visit(entries[0]!);

const gzKb = (file: string) => gzipSync(readFileSync(join(renderer, file)), { level: 9 }).length / 1024;
const initial = [...loadedFirst].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
const initialKb = initial.reduce((sum, file) => sum + gzKb(file), 0);
const onDemand = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file) => file.endsWith('.js') && !initial.includes(file));

console.log(`first paint loads ${initial.length} chunk(s): ${initial.join(', ')}`);
console.log(`on demand: ${onDemand.length} chunk(s), ${onDemand.reduce((sum, file) => sum + gzKb(file), 0).toFixed(1)} KB gz`);
console.log(`BENCH renderer-initial-js-kb-gz ${initialKb.toFixed(1)} KB (goal at most ${GOAL_KB})`);
if (initialKb > GOAL_KB) {
  console.error(`The first renderer JavaScript is ${initialKb.toFixed(1)} KB gzipped, above the ${GOAL_KB} KB goal`);
  process.exit(1);
}
