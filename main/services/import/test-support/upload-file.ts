import type { Result } from '../../../../shared/result';

type Call = <T>(channel: string, input?: unknown) => Promise<Result<T>>;

/** Sends a file over import:open and import:chunk as the Import screen does (512 KiB a chunk); answers its id. */
export async function uploadFile(call: Call, fileName: string, bytes: Uint8Array): Promise<string> {
  const opened = await call<{ fileId: string }>('import:open', { fileName, size: bytes.length });
  if (!opened.ok) throw new Error(`import:open failed: ${opened.error.message}`);
  const step = 512 * 1024;
  for (let offset = 0; offset < bytes.length; offset += step) {
    const data = Buffer.from(bytes.subarray(offset, offset + step)).toString('base64');
    const sent = await call('import:chunk', { fileId: opened.value.fileId, offset, data });
    if (!sent.ok) throw new Error(`import:chunk failed: ${sent.error.message}`);
  }
  return opened.value.fileId;
}
