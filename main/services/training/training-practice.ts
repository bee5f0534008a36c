import type { PracticeFailure, PracticeState } from '../../../shared/contract/training';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { FaultConfig, FaultPatch } from '../../sandbox/faults/fault-config';
import type { TrainingMode } from './training-mode';

/** The practice service's faults for each failure a manager can practise. */
const FAULTS: Record<Exclude<PracticeFailure, 'none'>, FaultPatch> = {
  // The invoice arrives and is fiscalised, but its answer is lost once: the app must find out.
  'next-invoice-fails': { dropNext: 1, faultsAfterReceipt: true, paths: ['/invoice'] },
  'service-silent': { dropRate: 1 },
};

function failureOf(faults: FaultConfig): PracticeFailure {
  if (faults.dropRate >= 1) return 'service-silent';
  if (faults.dropNext > 0) return 'next-invoice-fails';
  return 'none';
}

/**
 * "Practise a failure" (issue 24): the training sandbox's faults, set from the app instead of its
 * admin route, and only while the training connection is the active one (a real connection
 * never gets here).
 */
export class TrainingPractice {
  constructor(private readonly deps: { training: TrainingMode; trainingActive: () => boolean; logger: Logger }) {}

  private async sandbox() {
    if (!this.deps.trainingActive()) {
      throw new AppError('NOT_ALLOWED', 'Practising a failure works in training mode only. Choose the training connection in Connections first.');
    }
    return this.deps.training.sandbox();
  }

  async state(): Promise<PracticeState> {
    return { failure: failureOf((await this.sandbox()).getFaults()) };
  }

  async set(failure: PracticeFailure): Promise<PracticeState> {
    const sandbox = await this.sandbox();
    sandbox.resetFaults();
    if (failure !== 'none') sandbox.setFaults(FAULTS[failure]);
    this.deps.logger.info('Training: practising a failure', { failure });
    return { failure: failureOf(sandbox.getFaults()) };
  }
}
