import type { ShopDbService } from '../../shop-db/shop-db-service';
import type { Handlers } from '../router';

export function shopDbHandlers(shopDb: ShopDbService): Handlers['shopDb'] {
  return {
    get: () => shopDb.view(),
    save: (change) => shopDb.save(change),
    test: (change) => shopDb.test(change),
    status: () => shopDb.status(),
  };
}
