import type { DocumentDetail } from '../../../shared/contract/documents';
import type { ExportResult } from '../../../shared/contract/history';
import type { ShopDashboard, ShopDocumentDetail, ShopDocumentPage, ShopExportInput, ShopListQuery, ShopOfficeReach, ShopScope } from '../../../shared/contract/shop-office';
import type { Handlers } from '../router';

/** The back office's reads of the shop database (main/shop-db/back-office/). */
export interface ShopOfficeReads {
  reach(): Promise<ShopOfficeReach>;
  list(query: ShopListQuery): Promise<ShopDocumentPage>;
  get(id: string): Promise<ShopDocumentDetail>;
  dashboard(scope: ShopScope): Promise<ShopDashboard>;
  export(input: ShopExportInput): Promise<ExportResult>;
}

/** A credit note on this computer for an invoice another till fiscalised (main/services/office-credit/). */
export interface OfficeCreditNotes {
  startCreditNote(invoiceId: string): Promise<DocumentDetail>;
}

export function shopOfficeHandlers(office: ShopOfficeReads, credit: OfficeCreditNotes): Handlers['shopOffice'] {
  return {
    reach: () => office.reach(),
    list: (query) => office.list(query),
    get: ({ id }) => office.get(id),
    dashboard: ({ scope }) => office.dashboard(scope),
    export: (input) => office.export(input),
    startCreditNote: ({ invoiceId }) => credit.startCreditNote(invoiceId),
  };
}
