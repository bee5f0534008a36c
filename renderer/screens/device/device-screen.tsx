import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function DeviceScreen() {
  return (
    <Page title="Fiscal device" summary="The fiscal device registered with ZIMRA, its taxes and certificate">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
