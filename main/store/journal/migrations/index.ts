import { migration001 } from './001-documents';
import { migration002 } from './002-history-search';
import { migration003 } from './003-entry-memory';
import { migration004 } from './004-outbox-counts';
import { migration005 } from './005-document-bodies';
import { migration006 } from './006-search-one-letter';
import { migration007 } from './007-journal-identity';
import { migration008 } from './008-fiscal-copies';
import { migration009 } from './009-import-sources';
import { migration010 } from './010-foreign-invoices';
import { migration011 } from './011-outbox-date-order';
import { migration012 } from './012-journal-footprint';
import type { Migration } from './migration';

/** Every migration, oldest first. Add a new file for each change; never edit a shipped one. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];
