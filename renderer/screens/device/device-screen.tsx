import type { DeviceView } from '../../../shared/contract/device';
import { useDevice } from '../../api/use-account';
import { FiscalCallError } from '../../api/unwrap';
import { FactList } from '../../components/fact-list';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { RefreshButton } from '../../components/refresh-button';
import { ServiceError } from '../../components/service-error';
import { BillingBadge, DeviceStatusBadge } from '../../components/status-badges';
import { Loading } from '../../components/states';
import { CertificateNotice } from './certificate-notice';
import { TaxTable } from './tax-table';

export function DeviceScreen() {
  const device = useDevice();
  const noDevice = device.error instanceof FiscalCallError && device.error.code === 'NO_DEVICE';
  return (
    <Page
      title="Fiscal device"
      summary="The fiscal device registered with ZIMRA, its taxes and certificate"
      actions={<RefreshButton onRefresh={() => void device.refetch()} fetching={device.isFetching} updatedAt={device.dataUpdatedAt} />}
    >
      {device.isPending ? <Loading what="the fiscal device" /> : null}
      {noDevice ? (
        <div className="notice notice--warning" role="status">
          <h2 className="notice__title">No fiscal device on this account</h2>
          <p>{(device.error as FiscalCallError).message}</p>
          <p>Until a device is attached, documents cannot be fiscalised. Once it is, press Refresh.</p>
        </div>
      ) : null}
      {device.isError && !noDevice ? <ServiceError error={device.error} onRetry={() => void device.refetch()} what="fiscal device" /> : null}
      {device.data === undefined ? null : <DeviceDetails device={device.data} />}
    </Page>
  );
}

function DeviceDetails({ device }: { device: DeviceView }) {
  const config = device.config;
  return (
    <>
      <CertificateNotice certificate={device.certificate} />
      {device.configProblem === null ? null : (
        <div className="notice notice--warning" role="status">
          <h2 className="notice__title">The device configuration could not be read</h2>
          <p>{device.configProblem}. Contact Fiscal Harmony support if this stays so.</p>
        </div>
      )}
      <section className="card" aria-labelledby="device-title">
        <h2 id="device-title">Device</h2>
        <FactList
          facts={[
            ['Device ID', device.deviceId === null ? null : String(device.deviceId)],
            ['Serial number', device.serialNumber],
            ['Status', device.status === null ? null : <DeviceStatusBadge status={device.status} />],
            ['Activated', formatDate(device.activatedOn)],
            ['Operating mode', config?.operatingMode ?? null],
            ['Certificate valid until', formatDate(device.certificate.validTill)],
            ['Billing status', device.billingStatus === null ? null : <BillingBadge status={device.billingStatus} />],
          ]}
        />
      </section>
      {config === null ? null : (
        <>
          <section className="card" aria-labelledby="branch-title">
            <h2 id="branch-title">Taxpayer and branch</h2>
            <FactList
              facts={[
                ['Taxpayer', config.taxPayerName],
                ['TIN', config.taxPayerTin],
                ['VAT number', config.vatNumber],
                ['Branch', config.branchName],
                ['Address', config.branchAddress],
                ['Phone', config.branchPhone],
                ['Email', config.branchEmail],
                ['QR verification address', config.qrUrl === null ? null : <span className="mono">{config.qrUrl}</span>],
              ]}
            />
          </section>
          <section className="card" aria-labelledby="taxes-title">
            <h2 id="taxes-title">Applicable taxes</h2>
            <p className="field__hint">Tax ids belong to this device: map your own tax codes to them in Mappings.</p>
            <TaxTable taxes={config.taxes} />
          </section>
        </>
      )}
    </>
  );
}
