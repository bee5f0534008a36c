import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { open } from './screens';

/** The training sandbox's address, as the training connection's card shows it (under Details). */
export async function trainingAddress(page: Page): Promise<string> {
  await open(page, 'Connections');
  const address = page.getByRole('article', { name: 'Training (not fiscal)' }).locator('dt:text-is("Address") + dd');
  await expect(address).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  return (await address.textContent()) ?? '';
}

/** Faults of the training sandbox, through its loopback admin route; null clears them. */
export async function setFaults(address: string, faults: object | null): Promise<void> {
  const url = address.replace(/\/api$/, '/__admin/faults');
  const response = await fetch(url, faults === null ? { method: 'DELETE' } : { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

/** The training sandbox forgets every document it received (as once its 7-day status window is over); faults off. */
export async function forgetTrainingDocuments(address: string): Promise<void> {
  const response = await fetch(address.replace(/\/api$/, '/__admin/reset'), { method: 'POST' });
  expect(response.status).toBe(200);
}
