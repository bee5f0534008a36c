import { z } from 'zod';
import { channel } from './define';

/**
 * A failure to practise in training mode, made by the built-in practice service: the next
 * invoice's answer is lost after it arrived (the app must find out whether it was fiscalised),
 * or the service stops answering altogether; `none` is back to normal.
 */
export const practiceFailureSchema = z.enum(['none', 'next-invoice-fails', 'service-silent']);
export type PracticeFailure = z.infer<typeof practiceFailureSchema>;

export const practiceStateSchema = z.object({ failure: practiceFailureSchema });
export type PracticeState = z.infer<typeof practiceStateSchema>;

export const trainingChannels = {
  practice: channel({
    input: z.undefined(),
    output: practiceStateSchema,
    description: 'Training mode only: which failure the practice service is making now.',
  }),
  setPractice: channel({
    input: practiceStateSchema,
    output: practiceStateSchema,
    description: 'Training mode only: makes the practice service fail the next invoice, stop answering, or work normally again.',
  }),
};
