import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function DocumentsScreen() {
  return (
    <Page title="Documents" summary="Every document sent, its status, QR code and PDF">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
