import { findChannel, listChannels, type Contract, type Domain, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import { fieldErrors } from '../../shared/field-errors';
import type { Result } from '../../shared/result';
import type { Logger } from '../logging/logger';

/** Who sent a call: the URL of the frame it came from and whether it is the top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export interface CallContext {
  sender: SenderInfo;
}

type Handler<S> = (input: ParsedInputOf<S>, context: CallContext) => Promise<OutputOf<S>> | OutputOf<S>;

/** One handler per channel of the contract; the compiler refuses a missing one. */
export type Handlers = { [D in Domain]: { [V in keyof Contract[D]]: Handler<Contract[D][V]> } };

export interface RouterOptions {
  handlers: Handlers;
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Check outputs against the contract too (development and tests). */
  validateOutput: boolean;
  logger: Logger;
  /** The typed error an unexpected one stands for (a full disk, a damaged journal), or null. */
  translateError?: (error: unknown) => AppError | null;
}

export interface Router {
  dispatch(channelName: string, rawInput: unknown, sender: SenderInfo): Promise<Result<unknown>>;
  readonly channelNames: readonly string[];
}

const internalMessage = 'Something went wrong inside Fiscal Desk. Please try again; if it keeps happening, the log file has the details.';

export function createRouter(options: RouterOptions): Router {
  const { handlers, isTrustedSender, validateOutput, logger, translateError } = options;
  const channels = listChannels();
  for (const { name, domain, verb } of channels) {
    const domainHandlers = handlers[domain] as Record<string, unknown> | undefined;
    if (typeof domainHandlers?.[verb] !== 'function') throw new Error(`No handler registered for channel ${name}`);
  }

  async function dispatch(channelName: string, rawInput: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    if (!isTrustedSender(sender)) {
      logger.warn('IPC call refused: untrusted sender', { channel: channelName.slice(0, 100), senderUrl: sender.url.slice(0, 200) });
      return fail(new AppError('FORBIDDEN_SENDER', 'This window is not allowed to talk to Fiscal Desk.'));
    }
    const spec = findChannel(channelName);
    if (spec === undefined) {
      logger.warn('IPC call refused: unknown channel', { channel: channelName.slice(0, 100) });
      return fail(new AppError('UNKNOWN_CHANNEL', 'Fiscal Desk does not know this request. Please update the app.'));
    }
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return fail(
        new AppError('INVALID_INPUT', 'Some of the information given is not valid. Please check the highlighted fields.', {
          fields: fieldErrors(parsed.error),
        }),
      );
    }
    const [domain, verb] = channelName.split(':') as [Domain, string];
    const handler = (handlers[domain] as Record<string, (input: unknown, context: CallContext) => unknown>)[verb];
    try {
      const value = await handler!(parsed.data, { sender });
      if (validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          logger.error('IPC handler answered outside its contract', { channel: channelName, issues: checked.error.issues });
          return fail(new AppError('INTERNAL', internalMessage));
        }
        return { ok: true, value: checked.data };
      }
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) {
        if (error.code === 'INTERNAL') logger.error(`IPC ${channelName} failed`, { error });
        return fail(error);
      }
      const translated = translateError?.(error) ?? null;
      if (translated !== null) return fail(translated);
      logger.error(`IPC ${channelName} failed unexpectedly`, { error });
      return fail(new AppError('INTERNAL', internalMessage));
    }
  }

  return { dispatch, channelNames: channels.map((c) => c.name) };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toShape() };
}

