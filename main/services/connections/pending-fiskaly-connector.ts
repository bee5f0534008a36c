import { AppError } from '../../../shared/errors';
import type { FiskalyConnector } from './connections-service';

/** Until the fiskaly provider is wired in, fiskaly profiles can be kept but not tested. */
export const pendingFiskalyConnector: FiskalyConnector = {
  baseUrl: (profile) => profile.customBaseUrl ?? '',
  test: async () => {
    throw new AppError('NOT_AVAILABLE_YET', 'Testing fiskaly connections is not available yet.');
  },
  forget: () => undefined,
};
