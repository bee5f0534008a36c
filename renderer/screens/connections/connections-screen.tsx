import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function ConnectionsScreen() {
  return (
    <Page title="Connections" summary="Your Fiscal Harmony and fiskaly accounts, keys and environments">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
