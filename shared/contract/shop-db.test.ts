import { describe, expect, it } from 'vitest';
import { shopDbSettingsSchema } from './shop-db';

describe('the shop database address', () => {
  const settings = (host: string) => shopDbSettingsSchema.safeParse({ enabled: true, host, port: 5432, database: 'shop', user: 'till_1', tls: 'require', branch: '' }).success;

  it('takes a server name, a full IPv4 or an IPv6 address, or nothing yet', () => {
    for (const host of ['', 'localhost', 'db.shop.local', 'shop-db', '127.0.0.1', '192.168.1.20', '::1', 'fe80::1']) expect(settings(host), host).toBe(true);
  });

  it('refuses a shorthand or impossible address and what is no name at all', () => {
    for (const host of ['10.1', '300.1.1.1', '1.2.3', 'a b', '-shop', 'shop-', 'db..local', 'http://db']) expect(settings(host), host).toBe(false);
  });
});
