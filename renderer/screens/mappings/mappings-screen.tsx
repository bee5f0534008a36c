import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function MappingsScreen() {
  return (
    <Page title="Mappings" summary="How your tax codes and currencies map to the fiscal device's">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
