import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isDiskFull } from './journal/sqlite-errors';
import { diskFullError } from './storage-health';

/**
 * Writes a file where the manager chose to save it (a PDF, an export). A full disk there is
 * said with that folder, not the data folder's: it is another disk, perhaps a USB stick.
 */
export async function writeChosenFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(dirname(path), error);
    throw error;
  }
}
