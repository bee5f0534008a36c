// Per-device fiscal day and receipt counters. A new fiscal day opens on the first document of a
// new CAT calendar day; receiptCounter restarts each day, receiptGlobalNo never does.
import { catDay } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { FiscalCounters } from '../state/account-state';

export interface ReceiptNumbers {
  fiscalDayNo: number;
  receiptCounter: number;
  receiptGlobalNo: number;
}

export function nextReceipt(counters: FiscalCounters, now: Date): ReceiptNumbers {
  const today = catDay(now);
  if (counters.fiscalDayDate !== today) {
    counters.fiscalDayNo += 1;
    counters.fiscalDayDate = today;
    counters.receiptCounter = 0;
  }
  counters.receiptCounter += 1;
  counters.receiptGlobalNo += 1;
  return { fiscalDayNo: counters.fiscalDayNo, receiptCounter: counters.receiptCounter, receiptGlobalNo: counters.receiptGlobalNo };
}
