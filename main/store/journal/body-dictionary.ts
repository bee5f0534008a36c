/**
 * The preset dictionary bodies are compressed with (zlib FDICT, RFC 1950): the keys and usual
 * values every draft and Fiscal Harmony body repeats, so a body of a few hundred bytes does not
 * spend most of its compressed size spelling them out. Each compressed body names its dictionary
 * by checksum, and this text can never change once shipped: a body packed with it could no longer
 * be read. A better dictionary is a new constant beside this one, found by its own checksum.
 */
export const BODY_DICTIONARY_1 = Buffer.from(
  [
    '{"CreditNoteId":"","CreditNoteNumber":"","OriginalInvoiceId":"","Reference":"","IsDiscounted":false,',
    '"IsTaxInclusive":false,"BuyerContact":{"Name":"","TradeName":"","Tin":"","VatNumber":"","Phone":"","Email":"",',
    '"Address":{"Province":"","Street":"","HouseNo":"","City":""}},"Date":"2026-01-01T00:00:00","LineItems":[',
    '{"Description":"","Quantity":1,"UnitAmount":0.00,"LineAmount":0.00,"DiscountAmount":null,"TaxCode":"","ProductCode":""}],',
    '"SubTotal":0.00,"TotalTax":0.00,"Total":0.00,"CurrencyCode":"USD","PaymentMethod":"Card","IsRetry":false}',
    '{"kind":"credit-note","date":"","currency":"USD","paymentMethod":"Card","taxInclusive":false,"reference":"",',
    '"buyer":{"name":"","tradeName":"","tin":"","vatNumber":"","phone":"","email":"","address":{"province":"","street":"","houseNo":"","city":""}},',
    '"lines":[{"description":"","quantity":"1","unitAmount":"0.00","discountAmount":"","taxCode":"","hsCode":""}],"originalInvoiceId":null}',
    '{"kind":"invoice","date":"2026-01-01T00:00:00+02:00","currency":"ZWG","paymentMethod":"Cash","taxInclusive":true,',
    '{"InvoiceId":"","InvoiceNumber":"INV-","IsTaxInclusive":true,"BuyerContact":{"Name":"","Address":{}},"Date":"2026-',
    '"LineItems":[{"Description":"","Quantity":1,"UnitAmount":0.00,"LineAmount":0.00,"TaxCode":"","ProductCode":""}],',
    '"SubTotal":0.00,"TotalTax":0.00,"Total":0.00,"CurrencyCode":"ZWG","PaymentMethod":"Cash","IsRetry":false}',
  ].join(''),
  'utf8',
);
