import type { ShopDbProblem } from '../../shared/contract/shop-db';
import { SHOP_SCHEMA_VERSION } from './migrations';

/** Where and as whom the till connects, for the messages. */
export interface ShopDbTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** A problem found by the app itself (not an error PostgreSQL sent): the schema's version, a login of another till. */
export class ShopDbFault extends Error {
  constructor(
    readonly problem: ShopDbProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface ShopDbDiagnosis {
  problem: ShopDbProblem;
  /** Plain words: what is wrong and what to do. */
  message: string;
}

const DOCS = 'docs/shop-database.md';

export function schemaTooNew(found: number): ShopDbFault {
  return new ShopDbFault(
    'schema-too-new',
    `the shop database was set up by a newer Fiscal Desk (its schema is ${found}, this copy knows ${SHOP_SCHEMA_VERSION}). Update Fiscal Desk on this till; nothing is lost meanwhile.`,
  );
}

export function schemaTooOld(found: number): ShopDbFault {
  return new ShopDbFault(
    'schema-too-old',
    `the shop database has an older schema (${found}; this copy of Fiscal Desk needs ${SHOP_SCHEMA_VERSION}). Ask IT to bring it up to date (${DOCS}); nothing is lost meanwhile.`,
  );
}

export function notSetUp(target: ShopDbTarget): ShopDbFault {
  return new ShopDbFault('not-set-up', `the database "${target.database}" has no shop tables yet. Ask IT to set it up (${DOCS}).`);
}

export function noTillRight(target: ShopDbTarget): ShopDbFault {
  return new ShopDbFault('missing-right', `the user "${target.user}" may not write to the shop database. Ask IT to grant it the role fiscal_desk_till (${DOCS}).`);
}

export function otherTillsLogin(target: ShopDbTarget, station: string): ShopDbFault {
  return new ShopDbFault(
    'other-till',
    `the user "${target.user}" already belongs to another till (station ${station}). Each till needs a login of its own: ask IT for one (${DOCS}) and enter it in Settings.`,
  );
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE']);

/** Says in plain words what a failure talking to the shop database means, with the fix. */
export function diagnose(error: unknown, target: ShopDbTarget): ShopDbDiagnosis {
  if (error instanceof ShopDbFault) return { problem: error.problem, message: error.message };
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const text = error instanceof Error ? error.message : String(error);
  const where = `${target.host}:${target.port}`;
  if (code === '28P01') return { problem: 'wrong-password', message: `the shop database refused the password of the user "${target.user}". Enter the right password in Settings, Shop database.` };
  if (/client password must be a (non-empty )?string/i.test(text)) {
    return { problem: 'wrong-password', message: `the shop database asks for the password of the user "${target.user}" and none is saved. Enter it in Settings, Shop database.` };
  }
  if (code === '28000') {
    return { problem: 'no-login', message: `the shop database does not let the user "${target.user}" in (${text}). Check the user name in Settings, or ask IT to create the login (${DOCS}).` };
  }
  if (code === '3D000') return { problem: 'no-database', message: `the server at ${where} has no database named "${target.database}". Check the database name in Settings.` };
  if (code === '42501') {
    return { problem: 'missing-right', message: `the user "${target.user}" lacks a right the copy needs (${text}). Ask IT to grant it the role fiscal_desk_till (${DOCS}).` };
  }
  if (code === '42P01' || code === '3F000') return { problem: 'not-set-up', message: `the database "${target.database}" has no shop tables yet. Ask IT to set it up (${DOCS}).` };
  if (code === '53100') return { problem: 'disk-full', message: `the shop database's server is out of disk space. Ask IT to free some; copying goes on by itself afterwards.` };
  if (/ssl|tls|certificate|self[- ]signed/i.test(text)) {
    return { problem: 'tls', message: `the secure connection to the shop database failed (${text}). Check the TLS setting in Settings, Shop database, with IT.` };
  }
  // A server going away mid-round: refused, reset, shutting down (57P..), or, for a connection
  // that died between two statements, node-postgres's "not queryable".
  if (UNREACHABLE_CODES.has(code) || code.startsWith('57P') || code === '08006' || code === '08001' || /connection (terminated|timeout)|timeout expired|not queryable/i.test(text)) {
    return {
      problem: 'unreachable',
      message: `the shop database at ${where} cannot be reached. Check that the server is running and that its address in Settings is right; copying goes on by itself once it answers.`,
    };
  }
  // A server too busy to answer in time: a statement past its limit (57014), or no answer at all to the query.
  if ((code === '57014' && /statement timeout/i.test(text)) || /query read timeout/i.test(text)) {
    return {
      problem: 'unreachable',
      message: `the shop database at ${where} is too slow to answer (a step of the copy took longer than its time limit). Copying goes on by itself once it answers in time; if this keeps happening, ask IT to look at the server's load.`,
    };
  }
  return { problem: 'other', message: `the shop database answered: ${text}. Copying is tried again by itself.` };
}
