// Starts a throwaway PostgreSQL cluster with scripts/pg-cluster.sh (the Vitest fixture in
// pg-test-cluster.ts and the Playwright specs both use it). No test framework here.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'pg-cluster.sh');

export interface PgCluster {
  /** The superuser's URL to the `postgres` database. */
  url: string;
  host: string;
  port: number;
  /** The cluster's folder; null for the server FISCAL_DESK_PG_URL names (it cannot be stopped here). */
  dir: string | null;
  stop(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/** Why no cluster can be started here, or null when the binaries are there. */
export function pgMissingReason(): string | null {
  const bin = process.env.FISCAL_DESK_PG_BIN;
  if (bin !== undefined && bin !== '') return existsSync(join(bin, 'initdb')) ? null : `FISCAL_DESK_PG_BIN (${bin}) has no initdb: run \`apt-get install -y postgresql\` (Debian) or point it at PostgreSQL's bin folder`;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb'))) : [];
  return versions.length > 0 ? null : 'PostgreSQL is not installed: run `apt-get install -y postgresql` (Debian) or set FISCAL_DESK_PG_URL to a superuser URL';
}

export async function startPgCluster(): Promise<PgCluster> {
  const { stdout } = await run('bash', [SCRIPT, 'start'], { timeout: 60_000 });
  const values = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  ) as Record<string, string>;
  const dir = values.PG_DIR;
  const url = values.PG_URL;
  if (dir === undefined || url === undefined) throw new Error(`scripts/pg-cluster.sh said: ${stdout}`);
  const script = async (verb: string): Promise<void> => {
    await run('bash', [SCRIPT, verb, dir], { timeout: 60_000 });
  };
  return { url, host: '127.0.0.1', port: Number(values.PG_PORT), dir, stop: () => script('stop'), restart: () => script('restart'), destroy: () => script('destroy') };
}

export function externalCluster(url: string): PgCluster {
  const parsed = new URL(url);
  const cannot = async (): Promise<void> => {
    throw new Error('The server FISCAL_DESK_PG_URL names cannot be stopped by a test; this test starts a cluster of its own');
  };
  return { url, host: parsed.hostname, port: Number(parsed.port || 5432), dir: null, stop: cannot, restart: cannot, destroy: async () => undefined };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withLogin(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

