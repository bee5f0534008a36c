import type { Receipt } from '../../../../shared/contract/history';
import { formatAmount, formatDateTime } from '../../../components/format';

/** The fiscal heading ZIMRA expects at the top of a printed document. */
export function fiscalHeading(receipt: Receipt): string {
  return receipt.kind === 'credit-note' ? 'CREDIT NOTE' : 'FISCAL TAX INVOICE';
}

export function TrainingMark({ receipt }: { receipt: Receipt }) {
  if (!receipt.training) return null;
  return <p className="print-training">TRAINING — NOT A VALID TAX DOCUMENT</p>;
}

export const money = (value: string | null | undefined) => formatAmount(value);
export const when = (value: string | null) => (value === null ? '—' : formatDateTime(value));

export function sellerLines(receipt: Receipt): string[] {
  const seller = receipt.seller;
  return [
    seller.branchName,
    seller.address,
    seller.tin === null ? null : `TIN: ${seller.tin}`,
    seller.vatNumber === null ? null : `VAT: ${seller.vatNumber}`,
    seller.phone,
    seller.email,
  ].filter((line): line is string => line !== null && line !== '');
}

export function buyerLines(receipt: Receipt): string[] {
  const buyer = receipt.buyer;
  return [
    buyer.tradeName,
    buyer.address,
    buyer.tin === '' ? null : `TIN: ${buyer.tin}`,
    buyer.vatNumber === '' ? null : `VAT: ${buyer.vatNumber}`,
    buyer.phone,
    buyer.email,
  ].filter((line): line is string => line !== null && line !== '');
}
