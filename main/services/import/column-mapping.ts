import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../shared/contract/import';

/** A heading as compared: lower case, letters and digits only (`Unit Price (USD)` -> `unitpriceusd`). */
export const headingKey = (heading: string): string => heading.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

/** Headings that clearly name a field, as tills and spreadsheets write them. */
const NAMES: Record<ImportField, readonly string[]> = {
  reference: ['invoicereference', 'reference', 'ref', 'invoice', 'invoiceno', 'invoicenumber', 'invoiceid', 'receipt', 'receiptno', 'receiptnumber', 'docno', 'documentno', 'documentnumber', 'saleid', 'saleno', 'transaction', 'transactionid', 'transactionno', 'orderref', 'order', 'orderno'],
  kind: ['documenttype', 'type', 'kind', 'doctype'],
  date: ['date', 'invoicedate', 'saledate', 'datetime', 'dateandtime', 'documentdate', 'transactiondate'],
  currency: ['currency', 'curr', 'ccy', 'currencycode'],
  paymentMethod: ['paymentmethod', 'payment', 'paidby', 'tender', 'paymenttype'],
  taxInclusive: ['pricesincludetax', 'taxinclusive', 'inclusive', 'vatinclusive', 'inclvat', 'includestax'],
  buyerName: ['buyername', 'buyer', 'customer', 'customername', 'client', 'clientname'],
  buyerTin: ['buyertin', 'tin', 'customertin', 'clienttin'],
  buyerVat: ['buyervatnumber', 'buyervat', 'vatnumber', 'vatno', 'customervat', 'customervatnumber', 'vatregno'],
  description: ['description', 'item', 'itemdescription', 'product', 'productname', 'itemname', 'goods', 'details'],
  quantity: ['quantity', 'qty', 'units', 'count'],
  unitAmount: ['unitprice', 'price', 'unitamount', 'priceeach', 'rate', 'unitcost', 'sellingprice'],
  discountAmount: ['discount', 'discountamount', 'disc'],
  taxCode: ['taxcode', 'tax', 'vatcode', 'taxcategory', 'taxtype', 'taxrate'],
  hsCode: ['hscode', 'hs', 'hsnumber', 'tariff', 'tariffcode', 'customscode', 'productcode'],
  originalInvoice: ['originalinvoice', 'originalinvoicenumber', 'creditedinvoice', 'originalreference', 'againstinvoice'],
  creditReason: ['creditreason', 'reason', 'returnreason', 'creditnotereason'],
};

/** Each field's column where a heading clearly names it (each column used once, the first match wins). */
export function matchColumns(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headingKey);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const names = NAMES[field];
    const column = keys.findIndex((key, i) => !used.has(i) && key !== '' && names.includes(key));
    mapping[field] = column < 0 ? null : column;
    if (column >= 0) used.add(column);
  }
  return mapping;
}

/** Required fields without a column (or with one the file does not have). */
export function missingFields(mapping: ColumnMapping, columnCount: number): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => {
    const column = mapping[field];
    return column === null || column === undefined || column >= columnCount;
  });
}

/** A file layout: its headings in order, so a till's daily export finds the mapping chosen last time. */
export function layoutKey(headers: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(headingKey))).digest('hex');
}
