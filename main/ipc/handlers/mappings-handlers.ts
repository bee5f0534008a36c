import type { MappingsService } from '../../services/mappings/mappings-service';
import type { Handlers } from '../router';

export function mappingsHandlers(mappings: MappingsService): Handlers['mappings'] {
  return {
    overview: () => mappings.overview(),
    createTax: (input) => mappings.createTax(input),
    updateTax: (input) => mappings.updateTax(input),
    deleteTax: ({ id }) => mappings.deleteTax(id),
    setupFromDevice: (input) => mappings.setupFromDevice(input),
    createCurrency: (input) => mappings.createCurrency(input),
    updateCurrency: (input) => mappings.updateCurrency(input),
    deleteCurrency: ({ id }) => mappings.deleteCurrency(id),
  };
}
