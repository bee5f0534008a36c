import type { HistoryAccess } from '../../services/history/history-access';
import type { HistoryService } from '../../services/history/history-service';
import type { Handlers } from '../router';

export function historyHandlers(access: HistoryAccess): Handlers['history'] {
  const history = <T>(work: (service: HistoryService) => T): T => {
    if (!access.ok) throw access.error;
    return work(access.service);
  };
  return {
    pdf: ({ id }) => history((service) => service.pdf(id)),
    savePdf: ({ id }) => history((service) => service.savePdf(id)),
    export: (input) => history((service) => service.export(input)),
    dashboard: () => history((service) => service.dashboard()),
    receipt: ({ id }) => history((service) => service.receipt(id)),
    recordPrint: ({ id, layout }) => history((service) => service.recordPrint(id, layout)),
  };
}
