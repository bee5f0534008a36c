import type { TrainingPractice } from '../../services/training/training-practice';
import type { Handlers } from '../router';

export function trainingHandlers(practice: TrainingPractice): Handlers['training'] {
  return {
    practice: () => practice.state(),
    setPractice: ({ failure }) => practice.set(failure),
  };
}
