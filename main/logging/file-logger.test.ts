import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileLogger } from './file-logger';
import { Redactor } from './redact';

describe('createFileLogger', () => {
  it('writes to main.log in the given directory with secrets redacted', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-log-'));
    const redactor = new Redactor();
    redactor.registerSecret('s3cr3t-value-123');
    const logger = createFileLogger({ directory, redactor, logId: 'file-logger-test' });

    logger.info('calling with s3cr3t-value-123 inside', { headers: { Authorization: 'Bearer abc.def' }, ok: 1 });
    logger.error('failed', { error: new Error('wrapped s3cr3t-value-123') });
    logger.warn('twice: s3cr3t-value-123 and s3cr3t-value-123', { body: { sent: 's3cr3t-value-123/s3cr3t-value-123' } });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const text = readFileSync(join(directory, 'main.log'), 'utf8');
    expect(text).toContain('calling with [redacted] inside');
    expect(text).toContain('wrapped [redacted]');
    expect(text).toContain('twice: [redacted] and [redacted]');
    expect(text).toContain('[redacted]/[redacted]');
    expect(text).not.toContain('s3cr3t-value-123');
    expect(text).not.toContain('abc.def');
  });

  it('echoes a warning or an error to the terminal as one line, the error itself only in the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-log-'));
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const logger = createFileLogger({ directory, redactor: new Redactor(), consoleLevel: 'warn', logId: 'file-logger-echo-test' });
      logger.info('not echoed');
      logger.error('The journal could not be read', { error: new Error('disk I/O error') });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([`error: The journal could not be read (details in ${join(directory, 'main.log')})\n`]);
    expect(readFileSync(join(directory, 'main.log'), 'utf8')).toContain('disk I/O error');
  });
});
