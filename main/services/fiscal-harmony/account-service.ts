import type { AccountView, ConnectionRef } from '../../../shared/contract/account';
import type { DeviceView } from '../../../shared/contract/device';
import { parseDeviceConfig } from '../../../shared/domain/fiscal-harmony/schemas';
import { isAppError } from '../../../shared/errors';
import type { StoredFiscalHarmonyProfile } from '../../store/stored-connections';
import type { ConnectionsService } from '../connections/connections-service';
import { describeBillingStatus } from './billing-status';
import { certificateState } from './certificate';
import { deviceTaxOf } from './device-tax';

/** Account and device of the active Fiscal Harmony connection, shaped for the screens. */
export class AccountService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private ref(profile: StoredFiscalHarmonyProfile): ConnectionRef {
    return { id: profile.id, name: profile.name, environment: profile.environment, training: this.connections.isTrainingProfile(profile) };
  }

  async account(): Promise<AccountView> {
    const profile = this.connections.activeFiscalHarmony();
    const client = await this.connections.fiscalHarmonyClient(profile);
    const [account, subscription] = await Promise.all([
      client.getProfile(),
      client.getSubscription().then(
        (value) => ({ value, reason: null }),
        (error: unknown) => {
          if (isAppError(error) && error.code === 'NO_DEVICE') {
            return { value: null, reason: 'There is no subscription to show because this account has no fiscal device yet.' };
          }
          throw error;
        },
      ),
    ]);
    return {
      connection: this.ref(profile),
      profile: {
        accountId: account.Id,
        fullName: account.FullName,
        tradeName: account.TradeName ?? null,
        tin: account.Tin ?? null,
        vatNumber: account.VatNumber ?? null,
        email: account.Email ?? null,
        phone: account.Phone ?? null,
      },
      subscription:
        subscription.value === null
          ? null
          : {
              planName: subscription.value.Plan?.Name ?? null,
              price: subscription.value.Plan?.Price ?? null,
              currency: subscription.value.Plan?.Currency ?? null,
              interval: subscription.value.Plan?.Interval ?? null,
              status: describeBillingStatus(subscription.value.Status),
              startDate: subscription.value.StartDate ?? null,
              nextBillingDate: subscription.value.NextBillingDate ?? null,
            },
      subscriptionUnavailable: subscription.reason,
    };
  }

  async device(): Promise<DeviceView> {
    const profile = this.connections.activeFiscalHarmony();
    const device = await (await this.connections.fiscalHarmonyClient(profile)).getFiscalDevice();
    const parsed = parseDeviceConfig(device.CurrentConfig);
    const config = parsed.ok ? parsed.config : null;
    const address = config?.deviceBranchAddress;
    const addressText = address === null || address === undefined
      ? null
      : [[address.houseNo, address.street].filter(Boolean).join(' '), address.city, address.province].filter((part) => part !== undefined && part !== null && part !== '').join(', ') || null;
    return {
      connection: this.ref(profile),
      deviceId: device.DeviceId ?? null,
      serialNumber: device.SerialNumber ?? config?.deviceSerialNo ?? null,
      status: device.Status ?? null,
      activatedOn: device.ActivatedOn ?? null,
      billingStatus: describeBillingStatus(device.BillingStatus),
      configProblem: parsed.ok ? null : parsed.error,
      config:
        config === null
          ? null
          : {
              taxPayerName: config.taxPayerName ?? null,
              taxPayerTin: config.taxPayerTIN ?? null,
              vatNumber: config.vatNumber ?? null,
              branchName: config.deviceBranchName ?? null,
              branchAddress: addressText,
              branchPhone: config.deviceBranchContacts?.phoneNo ?? null,
              branchEmail: config.deviceBranchContacts?.email ?? null,
              operatingMode: config.deviceOperatingMode ?? null,
              qrUrl: config.qrUrl ?? null,
              taxes: config.applicableTaxes.map(deviceTaxOf),
            },
      certificate: certificateState(config?.certificateValidTill ?? null, this.clock()),
    };
  }
}
