// Demo accounts of the sandbox: what training mode starts with and what tests build on.
import { randomBytes } from 'node:crypto';
import type { AccountSeed, ApplicableTaxSeed, DeviceSeed, SubscriptionSeed } from './state/account-seed';

export type DemoTemplate = 'shop' | 'new-device' | 'no-device' | 'overdue' | 'cancelled' | 'blocked-device';
export const DEMO_TEMPLATES: readonly DemoTemplate[] = ['shop', 'new-device', 'no-device', 'overdue', 'cancelled', 'blocked-device'];

/** Fixed credentials of the default demo accounts (printed by `npm run sandbox`). */
export const DEMO_CREDENTIALS: Readonly<Record<DemoTemplate, { apiKey: string; apiSecret: string; description: string }>> = {
  shop: {
    apiKey: 'fh-demo-shop-key',
    apiSecret: 'fh-demo-shop-secret-7c41',
    description: 'device, Active subscription, tax and currency mappings (USD, ZWG)',
  },
  'new-device': {
    apiKey: 'fh-demo-new-device-key',
    apiSecret: 'fh-demo-new-device-secret-2b90',
    description: 'device, Active subscription, no mappings yet',
  },
  'no-device': {
    apiKey: 'fh-demo-no-device-key',
    apiSecret: 'fh-demo-no-device-secret-5e13',
    description: 'no fiscal device: /fiscaldevice and /subscription answer 404',
  },
  overdue: {
    apiKey: 'fh-demo-overdue-key',
    apiSecret: 'fh-demo-overdue-secret-9d07',
    description: 'device and mappings, billing Overdue (fiscalises: a warning, not a block)',
  },
  cancelled: {
    apiKey: 'fh-demo-cancelled-key',
    apiSecret: 'fh-demo-cancelled-secret-4a62',
    description: 'device and mappings, subscription Cancelled (documents are refused)',
  },
  'blocked-device': {
    apiKey: 'fh-demo-blocked-device-key',
    apiSecret: 'fh-demo-blocked-device-secret-8f35',
    description: 'mappings, Active subscription, fiscal device Blocked (documents are refused)',
  },
};

/** Suggested X-Application value for the demo (the sandbox accepts any). */
export const DEMO_APPLICATION = 'FiscalDesk';

/** Exempt, Zero rated, Standard 15.5 %, Non-VAT withholding 5 %, with this device's tax ids. */
function taxes(ids: { exempt: number; zero: number; standard: number; withholding: number }): ApplicableTaxSeed[] {
  const validFrom = '2026-01-01T00:00:00';
  return [
    { taxID: ids.exempt, taxName: 'Exempt', validFrom },
    { taxID: ids.zero, taxName: 'Zero rated 0%', taxPercent: 0, validFrom },
    { taxID: ids.standard, taxName: 'Standard rated 15.5%', taxPercent: 15.5, validFrom },
    { taxID: ids.withholding, taxName: 'Non-VAT Withholding Tax 5%', taxPercent: 5, validFrom },
  ];
}

interface ShopDetails {
  name: string;
  tradeName: string;
  tin: string;
  vat: string;
  email: string;
  phone: string;
  branch: string;
  street: string;
  houseNo: string;
  city: string;
  province: string;
}

function device(deviceId: number, shop: ShopDetails, taxIds: Parameters<typeof taxes>[0], status = 'Active'): DeviceSeed {
  const serial = `SBX-${String(deviceId).padStart(6, '0')}`;
  return {
    deviceId,
    serialNumber: serial,
    status,
    activatedOn: '2026-01-05T08:00:00+02:00',
    receiptGlobalNo: 120,
    fiscalDayNo: 41,
    config: {
      taxPayerName: shop.name,
      taxPayerTIN: shop.tin,
      vatNumber: shop.vat,
      deviceSerialNo: serial,
      deviceBranchName: shop.branch,
      deviceBranchAddress: { province: shop.province, street: shop.street, houseNo: shop.houseNo, city: shop.city },
      deviceBranchContacts: { phoneNo: shop.phone, email: shop.email },
      deviceOperatingMode: 'Online',
      taxPayerDayMaxHrs: 24,
      taxpayerDayEndNotificationHrs: 20,
      applicableTaxes: taxes(taxIds),
      certificateValidTill: '2028-01-05T08:00:00+02:00',
      qrUrl: 'https://fdmstest.zimra.co.zw',
      operationID: `0HN${deviceId}SBX`,
    },
  };
}

function subscription(status: string): SubscriptionSeed {
  return {
    Plan: { Name: 'Standard', Price: 25, Currency: 'USD', Interval: 'Monthly' },
    Status: status,
    StartDate: '2026-01-05T00:00:00+02:00',
    NextBillingDate: '2026-12-05T00:00:00+02:00',
  };
}

const MSASA: ShopDetails = {
  name: 'Msasa Hardware (Private) Limited',
  tradeName: 'Msasa Hardware',
  tin: '2000123456',
  vat: '220012345',
  email: 'accounts@msasa-hardware.example',
  phone: '+263 242 487 100',
  branch: 'Msasa Main Branch',
  street: 'Mutare Road',
  houseNo: '112',
  city: 'Harare',
  province: 'Harare',
};

const KOPJE: ShopDetails = {
  name: 'Kopje Fresh Foods (Private) Limited',
  tradeName: 'Kopje Fresh',
  tin: '2000654321',
  vat: '220098765',
  email: 'office@kopjefresh.example',
  phone: '+263 292 261 400',
  branch: 'Bulawayo CBD',
  street: 'Fife Street',
  houseNo: '45',
  city: 'Bulawayo',
  province: 'Bulawayo Metropolitan',
};

const SHOP_TAX_IDS = { exempt: 515, zero: 516, standard: 517, withholding: 518 };

const SHOP_MAPPINGS = {
  taxMappings: [
    { TaxCode: 'EX', DestinationTaxId: 515 },
    { TaxCode: 'ZR', DestinationTaxId: 516 },
    { TaxCode: 'VAT15', DestinationTaxId: 517 },
    { TaxCode: 'WHT5', DestinationTaxId: 518 },
  ],
  currencyMappings: [
    { SourceCurrency: 'USD', DestinationCurrency: 'USD' },
    { SourceCurrency: 'ZWG', DestinationCurrency: 'ZWG' },
  ],
};

/**
 * One demo account. `credentials` replaces the fixed demo key and secret (use
 * `uniqueCredentials()` to run tests side by side in one sandbox).
 */
export function createDemoAccount(template: DemoTemplate, credentials?: { apiKey: string; apiSecret: string }): AccountSeed {
  const { apiKey, apiSecret } = credentials ?? DEMO_CREDENTIALS[template];
  switch (template) {
    case 'shop':
      return {
        label: 'Demo shop',
        apiKey,
        apiSecret,
        profile: { FullName: 'Tendai Moyo', TradeName: MSASA.tradeName, Tin: MSASA.tin, VatNumber: MSASA.vat, Email: MSASA.email, Phone: MSASA.phone },
        device: device(23401, MSASA, { exempt: 515, zero: 516, standard: 517, withholding: 518 }),
        subscription: subscription('Active'),
        ...SHOP_MAPPINGS,
      };
    case 'new-device':
      return {
        label: 'Demo new device (no mappings)',
        apiKey,
        apiSecret,
        profile: { FullName: 'Nomsa Ndlovu', TradeName: KOPJE.tradeName, Tin: KOPJE.tin, VatNumber: KOPJE.vat, Email: KOPJE.email, Phone: KOPJE.phone },
        // Other ids than the shop's on purpose: tax ids are per device.
        device: device(30872, KOPJE, { exempt: 512, zero: 513, standard: 515, withholding: 514 }),
        subscription: subscription('Active'),
      };
    case 'no-device':
      return {
        label: 'Demo without device',
        apiKey,
        apiSecret,
        profile: { FullName: 'Farai Chikomo', TradeName: 'Chikomo Trading', Email: 'farai@chikomo.example' },
        device: null,
        subscription: null,
      };
    case 'overdue':
      return {
        label: 'Demo billing overdue',
        apiKey,
        apiSecret,
        profile: { FullName: 'Rudo Mapfumo', TradeName: 'Mapfumo Pharmacy', Tin: '2000777888', VatNumber: '220077788' },
        device: device(23977, { ...MSASA, name: 'Mapfumo Pharmacy (Private) Limited', tin: '2000777888', vat: '220077788', branch: 'Avondale' }, {
          exempt: 515,
          zero: 516,
          standard: 517,
          withholding: 518,
        }),
        subscription: subscription('Overdue'),
        ...SHOP_MAPPINGS,
      };
    case 'cancelled':
      return {
        label: 'Demo subscription cancelled',
        apiKey,
        apiSecret,
        profile: { FullName: 'Tatenda Banda', TradeName: 'Banda Motor Spares', Tin: '2000333444', VatNumber: '220033344' },
        device: device(24115, { ...MSASA, name: 'Banda Motor Spares (Private) Limited', tin: '2000333444', vat: '220033344', branch: 'Southerton' }, SHOP_TAX_IDS),
        subscription: subscription('Cancelled'),
        ...SHOP_MAPPINGS,
      };
    case 'blocked-device':
      return {
        label: 'Demo device blocked',
        apiKey,
        apiSecret,
        profile: { FullName: 'Chipo Dube', TradeName: 'Dube Bakery', Tin: '2000555666', VatNumber: '220055566' },
        device: device(24560, { ...KOPJE, name: 'Dube Bakery (Private) Limited', tin: '2000555666', vat: '220055566', branch: 'Mzilikazi' }, SHOP_TAX_IDS, 'Blocked'),
        subscription: subscription('Active'),
        ...SHOP_MAPPINGS,
      };
  }
}

/** Fresh random credentials, so that each test gets accounts no other test uses. */
export function uniqueCredentials(prefix = 'fh-test'): { apiKey: string; apiSecret: string } {
  return { apiKey: `${prefix}-${randomBytes(6).toString('hex')}`, apiSecret: randomBytes(18).toString('base64url') };
}

export type DemoAccountSet = Record<DemoTemplate, AccountSeed>;

/** Every demo account; with `unique`, each gets fresh random credentials. */
export function createDemoAccounts(options: { unique?: boolean } = {}): DemoAccountSet {
  const make = (t: DemoTemplate): AccountSeed => createDemoAccount(t, options.unique ? uniqueCredentials(`fh-${t}`) : undefined);
  return Object.fromEntries(DEMO_TEMPLATES.map((t) => [t, make(t)])) as DemoAccountSet;
}
