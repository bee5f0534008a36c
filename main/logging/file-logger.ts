import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from './logger';
import type { Redactor } from './redact';

export interface FileLoggerOptions {
  directory: string;
  redactor: Redactor;
  /** Lowest level written to the file. */
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Lowest level echoed to the console, or false for none. */
  consoleLevel?: 'debug' | 'info' | 'warn' | 'error' | false;
  /** Size at which the file is rotated to `main.old.log`. */
  maxBytes?: number;
  logId?: string;
}

export interface FileLogger extends Logger {
  readonly filePath: string;
}

/**
 * A logger writing to `<directory>/main.log`, rotated at `maxBytes`. Redaction runs as an
 * electron-log hook, so it also covers libraries (electron-updater) that log through it.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const filePath = join(options.directory, 'main.log');
  const log = electronLog.create({ logId: options.logId ?? `fiscal-desk-${filePath}` });
  log.transports.file.resolvePathFn = () => filePath;
  log.transports.file.level = options.level ?? 'info';
  log.transports.file.maxSize = options.maxBytes ?? 1024 * 1024;
  log.transports.console.level = options.consoleLevel ?? false;
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((item: unknown) => options.redactor.redact(item)),
  }));

  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, meta?: Record<string, unknown>): void => {
      if (meta === undefined) log[level](message);
      else log[level](message, meta);
    };

  return {
    filePath,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
