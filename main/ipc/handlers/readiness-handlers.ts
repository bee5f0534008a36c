import type { ReadinessService } from '../../services/readiness/readiness-service';
import type { Handlers } from '../router';

export function readinessHandlers(readiness: ReadinessService): Handlers['readiness'] {
  return { get: (input) => readiness.verdict({ fresh: input?.fresh ?? false }) };
}
