import { shopMigration001 } from './001-tills-documents-events';
import { shopMigration002 } from './002-back-office-search';
import type { ShopMigration } from './migration';

/** Every shop-database migration, oldest first. Add a new file for each change; never edit a shipped one. */
export const shopMigrations: readonly ShopMigration[] = [shopMigration001, shopMigration002];

/** The schema this copy of Fiscal Desk writes: a shop database at a higher version was made by a newer one. */
export const SHOP_SCHEMA_VERSION = shopMigrations.at(-1)?.version ?? 0;
