import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from './logger';
import type { Redactor } from './redact';

export interface FileLoggerOptions {
  directory: string;
  redactor: Redactor;
  /** Lowest level written to the file. */
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Lowest level echoed to the console (its message alone, one line: the details stay in the file), or false for none. */
  consoleLevel?: 'debug' | 'info' | 'warn' | 'error' | false;
  /** Size at which the file is rotated to `main.old.log`. */
  maxBytes?: number;
  logId?: string;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

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
  // electron-log's console transport would print the meta too (an error's whole stack): the
  // terminal gets one line per message instead, written below.
  log.transports.console.level = false;
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((item: unknown) => options.redactor.redact(item)),
  }));

  const echoFrom = options.consoleLevel === undefined || options.consoleLevel === false ? Infinity : LEVELS.indexOf(options.consoleLevel);
  const write =
    (level: Level) =>
    (message: string, meta?: Record<string, unknown>): void => {
      if (meta === undefined) log[level](message);
      else log[level](message, meta);
      if (LEVELS.indexOf(level) >= echoFrom) {
        process.stderr.write(`${level}: ${options.redactor.redactString(message)}${meta === undefined ? '' : ` (details in ${filePath})`}\n`);
      }
    };

  return {
    filePath,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
