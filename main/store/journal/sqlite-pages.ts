import type { SQLInputValue } from 'node:sqlite';

// Reads table rows straight from the pages of an SQLite file SQLite itself refuses (its header
// smashed, the file cut short, the schema's own pages lost), as `.recover` does: the b-tree of
// each table is walked from its root page and every cell that still parses is decoded. The
// format is https://sqlite.org/fileformat.html (sections 1.3, 1.6, 2.1).

export type PageRow = Record<string, SQLInputValue>;

export interface PageTable {
  name: string;
  columns: string[];
  /** The column that is the rowid (INTEGER PRIMARY KEY), stored as NULL in the record. */
  rowidColumn: string | null;
  rootPage: number;
}

const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512];
const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;

export class SqlitePages {
  private constructor(
    private readonly bytes: Buffer,
    readonly pageSize: number,
  ) {}

  /** The file's pages, with the page size its header states or, when that is damaged, the first that makes page 1 a table page. */
  static of(bytes: Buffer): SqlitePages | null {
    const stated = bytes.length >= 18 ? (bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16)) : 0;
    for (const pageSize of [...new Set([stated, ...PAGE_SIZES])].filter((size) => PAGE_SIZES.includes(size))) {
      const pages = new SqlitePages(bytes, pageSize);
      if (pages.tables().length > 0) return pages;
    }
    return null;
  }

  /** The tables sqlite_master still names (from whichever of its pages read). */
  tables(): PageTable[] {
    const tables: PageTable[] = [];
    for (const { values } of this.cells(1, ['type', 'name', 'tbl_name', 'rootpage', 'sql']).rows) {
      if (values.type !== 'table' || typeof values.name !== 'string' || typeof values.sql !== 'string') continue;
      const rootPage = Number(values.rootpage);
      if (!Number.isInteger(rootPage) || rootPage < 2) continue;
      const parsed = columnsOf(values.sql);
      if (parsed !== null) tables.push({ name: values.name, rootPage, ...parsed });
    }
    return tables;
  }

  /** Every row of the table that reads; `whole` is false when some page of it did not. */
  rows(table: PageTable): { rows: PageRow[]; whole: boolean } {
    const { rows, whole } = this.cells(table.rootPage, table.columns);
    return {
      whole,
      rows: rows.map(({ rowid, values }) => (table.rowidColumn === null ? values : { ...values, [table.rowidColumn]: rowid })),
    };
  }

  private page(number: number): Buffer | null {
    const start = (number - 1) * this.pageSize;
    if (number < 1 || start + this.pageSize > this.bytes.length) return null;
    return this.bytes.subarray(start, start + this.pageSize);
  }

  /** Walks a table b-tree from `root`, decoding each leaf cell's record into `columns`. */
  private cells(root: number, columns: readonly string[]): { rows: { rowid: number; values: PageRow }[]; whole: boolean } {
    const rows: { rowid: number; values: PageRow }[] = [];
    let whole = true;
    const seen = new Set<number>();
    const pending = [root];
    while (pending.length > 0) {
      const number = pending.shift()!;
      if (seen.has(number)) continue;
      seen.add(number);
      const page = this.page(number);
      const offset = number === 1 ? 100 : 0;
      const type = page?.[offset];
      if (page === null || (type !== TABLE_INTERIOR && type !== TABLE_LEAF)) {
        whole = false;
        continue;
      }
      try {
        const count = page.readUInt16BE(offset + 3);
        const headerSize = type === TABLE_INTERIOR ? 12 : 8;
        const children: number[] = [];
        for (let i = 0; i < count; i += 1) {
          const cell = page.readUInt16BE(offset + headerSize + i * 2);
          if (type === TABLE_INTERIOR) {
            children.push(page.readUInt32BE(cell));
            continue;
          }
          try {
            rows.push(this.leafCell(page, cell, columns));
          } catch {
            whole = false;
          }
        }
        if (type === TABLE_INTERIOR) children.push(page.readUInt32BE(offset + 8));
        pending.unshift(...children);
      } catch {
        whole = false;
      }
    }
    return { rows, whole };
  }

  private leafCell(page: Buffer, at: number, columns: readonly string[]): { rowid: number; values: PageRow } {
    const size = varint(page, at);
    const key = varint(page, at + size.length);
    const start = at + size.length + key.length;
    const payload = this.payload(page, start, size.value);
    return { rowid: key.value, values: record(payload, columns) };
  }

  /** A cell's payload, followed through its overflow pages when it does not fit in the page. */
  private payload(page: Buffer, start: number, total: number): Buffer {
    const usable = this.pageSize;
    const maxLocal = usable - 35;
    if (total <= maxLocal) return page.subarray(start, start + total);
    const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
    let local = minLocal + ((total - minLocal) % (usable - 4));
    if (local > maxLocal) local = minLocal;
    const parts = [page.subarray(start, start + local)];
    let remaining = total - local;
    let next = page.readUInt32BE(start + local);
    const seen = new Set<number>();
    while (remaining > 0) {
      const overflow = seen.has(next) ? null : this.page(next);
      if (overflow === null) throw new Error('An overflow page is missing');
      seen.add(next);
      const take = Math.min(remaining, usable - 4);
      parts.push(overflow.subarray(4, 4 + take));
      remaining -= take;
      next = overflow.readUInt32BE(0);
    }
    return Buffer.concat(parts);
  }
}

function varint(bytes: Buffer, at: number): { value: number; length: number } {
  let value = 0n;
  for (let i = 0; i < 9; i += 1) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new Error('A varint runs past the page');
    if (i === 8) return { value: Number((value << 8n) | BigInt(byte)), length: 9 };
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return { value: Number(value), length: i + 1 };
  }
  throw new Error('Unreachable');
}

/** A record (section 2.1) as column values; columns it lacks (added later by ALTER TABLE) are left out. */
function record(payload: Buffer, columns: readonly string[]): PageRow {
  const headerSize = varint(payload, 0);
  const types: number[] = [];
  for (let at = headerSize.length; at < headerSize.value; ) {
    const type = varint(payload, at);
    types.push(type.value);
    at += type.length;
  }
  if (types.length > columns.length) throw new Error('More values than columns');
  const values: PageRow = {};
  let at = headerSize.value;
  types.forEach((type, i) => {
    const [value, length] = valueOf(payload, at, type);
    values[columns[i]!] = value;
    at += length;
  });
  if (at > payload.length) throw new Error('The record runs past its payload');
  return values;
}

function valueOf(bytes: Buffer, at: number, type: number): [SQLInputValue, number] {
  switch (type) {
    case 0:
      return [null, 0];
    case 1:
      return [bytes.readInt8(at), 1];
    case 2:
      return [bytes.readInt16BE(at), 2];
    case 3:
      return [bytes.readIntBE(at, 3), 3];
    case 4:
      return [bytes.readInt32BE(at), 4];
    case 5:
      return [bytes.readIntBE(at, 6), 6];
    case 6:
      return [Number(bytes.readBigInt64BE(at)), 8];
    case 7:
      return [bytes.readDoubleBE(at), 8];
    case 8:
      return [0, 0];
    case 9:
      return [1, 0];
    default: {
      if (type < 12) throw new Error(`Serial type ${type} is reserved`);
      const length = Math.floor((type - (type % 2 === 0 ? 12 : 13)) / 2);
      if (at + length > bytes.length) throw new Error('A value runs past its payload');
      const slice = bytes.subarray(at, at + length);
      return [type % 2 === 0 ? Uint8Array.from(slice) : slice.toString('utf8'), length];
    }
  }
}

const CONSTRAINTS = new Set(['PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'CONSTRAINT']);

/** The column names of a CREATE TABLE statement, in order, and its INTEGER PRIMARY KEY column. */
function columnsOf(sql: string): { columns: string[]; rowidColumn: string | null } | null {
  const open = sql.indexOf('(');
  const close = sql.lastIndexOf(')');
  if (open < 0 || close < open || /\bWITHOUT\s+ROWID\b/i.test(sql.slice(close)) || /^\s*CREATE\s+VIRTUAL/i.test(sql)) return null;
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of sql.slice(open + 1, close)) {
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  const columns: string[] = [];
  let rowidColumn: string | null = null;
  for (const part of parts.map((text) => text.replace(/--[^\n]*/g, '').trim()).filter((text) => text !== '')) {
    const name = /^(?:"([^"]+)"|`([^`]+)`|\[([^\]]+)\]|(\S+))/.exec(part);
    const column = name?.[1] ?? name?.[2] ?? name?.[3] ?? name?.[4];
    if (column === undefined || CONSTRAINTS.has(column.toUpperCase())) continue;
    columns.push(column);
    if (/^\S+\s+INTEGER\s+PRIMARY\s+KEY\b/i.test(part)) rowidColumn = column;
  }
  return { columns, rowidColumn };
}
