import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function AccountScreen() {
  return (
    <Page title="Account" summary="Your Fiscal Harmony account, subscription and billing status">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
