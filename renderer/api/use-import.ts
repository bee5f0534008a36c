import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportOutcome, ImportPreview, ImportProgress, ImportSettings } from '../../shared/contract/import';
import { fiscal } from '../bridge/fiscal';
import { unwrap } from './unwrap';

/** Bytes per import:chunk call: 512 KiB is about 700,000 base64 characters, under browser mode's 1 MiB per call. */
const CHUNK_BYTES = 512 * 1024;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a chosen file to main (its name and size first, so a file too large is refused before it is read) and previews it. */
async function sendAndPreview(file: File): Promise<ImportPreview> {
  const { fileId } = await unwrap(fiscal().import.open({ fileName: file.name, size: file.size }));
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    await unwrap(fiscal().import.chunk({ fileId, offset, data: base64Of(bytes) }));
  }
  return unwrap(fiscal().import.preview({ fileId, settings: null }));
}

/** Choose a file: send it and preview it with the mapping remembered for its layout (or matched from its headings). */
export function useImportFile() {
  return useMutation({ mutationFn: sendAndPreview });
}

/** The preview again with the manager's mapping and choices. */
export function useImportPreview() {
  return useMutation({ mutationFn: (input: { fileId: string; settings: ImportSettings }) => unwrap(fiscal().import.preview(input)) });
}

/**
 * The import, call after call while main answers `more` (each call saves for about ten seconds),
 * until it is done or `stopped()` says the manager cancelled in between.
 */
export function useImportRun(stopped: () => boolean) {
  return useMutation<ImportOutcome, Error, { fileId: string; settings: ImportSettings; mode: 'draft' | 'queue' }>({
    mutationFn: async (input) => {
      let outcome = await unwrap(fiscal().import.run(input));
      while (outcome.more && !stopped()) outcome = await unwrap(fiscal().import.run(input));
      return outcome.more ? { ...outcome, more: false, cancelled: true, message: `${outcome.message} The import was cancelled: the rest of the file was not imported.` } : outcome;
    },
  });
}

/** Lets main drop a file the screen no longer shows. */
export function closeImportFile(fileId: string): void {
  void fiscal().import.close({ fileId });
}

export function useImportCancel() {
  return useMutation({ mutationFn: (fileId: string) => unwrap(fiscal().import.cancel({ fileId })) });
}

/** Puts text main produced into a download (the template, the rejected rows). */
function download(file: { fileName: string; mimeType: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useImportTemplate() {
  return useMutation({ mutationFn: async () => download(await unwrap(fiscal().import.template())) });
}

export function useRejectedRows() {
  return useMutation({ mutationFn: async (input: { fileId: string; settings: ImportSettings }) => download(await unwrap(fiscal().import.rejectedRows(input))) });
}

/** How far the running import of a file is, from main's import:progress events. */
export function useImportProgress(fileId: string | null): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (fileId === null) return undefined;
    return fiscal().events.on('import:progress', (event) => {
      if (event.fileId === fileId) setProgress(event);
    });
  }, [fileId]);
  // Each run starts with a progress of 0 from main, so an earlier run's last figure is soon replaced.
  return fileId !== null && progress?.fileId === fileId ? progress : null;
}
