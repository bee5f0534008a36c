import { useMappings } from '../../api/use-mappings';
import { Page } from '../../components/page';
import { RefreshButton } from '../../components/refresh-button';
import { ServiceError } from '../../components/service-error';
import { Loading } from '../../components/states';
import { CurrencyMappingsSection } from './currency-mappings-section';
import { messageOf } from '../../api/unwrap';
import { TaxMappingsSection } from './tax-mappings-section';

export function MappingsScreen() {
  const mappings = useMappings();
  const data = mappings.data;
  return (
    <Page
      title="Mappings"
      summary="How your tax codes and currencies map to the fiscal device's taxes and Fiscal Harmony's currencies"
      actions={<RefreshButton onRefresh={() => void mappings.refetch()} fetching={mappings.isFetching} updatedAt={mappings.dataUpdatedAt} />}
    >
      {mappings.isPending ? <Loading what="the mappings" /> : null}
      {mappings.isError && data === undefined ? <ServiceError error={mappings.error} onRetry={() => void mappings.refetch()} what="mappings" /> : null}
      {mappings.isError && data !== undefined ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">
            <strong>The mappings could not be refreshed</strong>
          </p>
          <p>{messageOf(mappings.error)} What is shown was read earlier.</p>
        </div>
      ) : null}
      {data === undefined ? null : (
        <>
          <TaxMappingsSection overview={data} />
          <CurrencyMappingsSection overview={data} />
        </>
      )}
    </Page>
  );
}
