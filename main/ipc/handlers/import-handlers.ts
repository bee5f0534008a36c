import type { ImportService } from '../../services/import/import-service';
import { importTemplateCsv } from '../../services/import/import-template';
import type { Handlers } from '../router';

export function importHandlers(imports: ImportService): Handlers['import'] {
  return {
    open: ({ fileName, size }) => imports.open(fileName, size),
    chunk: ({ fileId, offset, data }) => imports.chunk(fileId, offset, data),
    preview: ({ fileId, settings }) => imports.preview(fileId, settings),
    run: ({ fileId, settings, mode }) => imports.run(fileId, settings, mode),
    cancel: ({ fileId }) => imports.cancel(fileId),
    rejectedRows: ({ fileId, settings }) => imports.rejectedRows(fileId, settings),
    template: () => ({ fileName: 'Fiscal Desk import template.csv', mimeType: 'text/csv', text: importTemplateCsv() }),
    close: ({ fileId }) => imports.close(fileId),
  };
}
