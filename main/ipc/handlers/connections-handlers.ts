import type { ConnectionsService } from '../../services/connections/connections-service';
import type { Handlers } from '../router';

export function connectionsHandlers(connections: ConnectionsService): Handlers['connections'] {
  return {
    list: () => connections.overview(),
    create: (input) => connections.create(input),
    rename: ({ id, name }) => connections.rename(id, name),
    setSecret: ({ id, field, value }) => connections.setSecret(id, field, value),
    removeSecret: ({ id, field }) => connections.removeSecret(id, field),
    remove: ({ id }) => connections.remove(id),
    activate: ({ id }) => connections.activate(id),
    test: ({ id }) => connections.test(id),
    tokenState: ({ id }) => connections.fiskalyTokenState(id),
    setStationLabel: ({ label }) => connections.setStationLabel(label),
  };
}
