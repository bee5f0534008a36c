import pg from 'pg';
import type { ShopDbConnectionSettings } from '../shop-db-connection';

/** How long one back-office read may take before PostgreSQL cancels it and the manager is told. */
export const OFFICE_STATEMENT_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** A back office reads a page, a total and a dashboard at once: a few connections are plenty. */
const MAX_CONNECTIONS = 4;

/**
 * A small pool of connections to the shop database for the back office's reads, made again when
 * the settings or the password change. Read-only sessions: a back-office read never writes.
 */
export class OfficePool {
  private current: { key: string; pool: pg.Pool } | null = null;

  constructor(
    private readonly statementTimeoutMs: number,
    private readonly onLost: (error: Error) => void,
  ) {}

  pool(settings: ShopDbConnectionSettings, password: string): pg.Pool {
    const key = JSON.stringify([settings.host, settings.port, settings.database, settings.user, settings.tls, password]);
    if (this.current?.key === key) return this.current.pool;
    void this.close();
    const pool = new pg.Pool({
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: settings.user,
      password,
      ssl: settings.tls === 'off' ? false : { rejectUnauthorized: settings.tls === 'verify' },
      max: MAX_CONNECTIONS,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: this.statementTimeoutMs,
      // Past the server's own timeout, a server that stopped answering altogether.
      query_timeout: this.statementTimeoutMs + 2_000,
      keepAlive: true,
      application_name: 'Fiscal Desk back office',
      // Reads only; and no JIT: it compiles for hundreds of milliseconds to save a few on these short reads.
      options: '-c default_transaction_read_only=on -c jit=off',
    });
    // An idle connection that died would otherwise end the process.
    pool.on('error', this.onLost);
    this.current = { key, pool };
    return pool;
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    await current?.pool.end().catch(() => undefined);
  }
}
