import { NotAvailableYet } from '../../components/not-available-yet';
import { Page } from '../../components/page';

export function NewDocumentScreen() {
  return (
    <Page title="New invoice or credit note" summary="Enter a document and send it for fiscalisation">
      <NotAvailableYet what="This screen" />
    </Page>
  );
}
