import { BrowserWindow, dialog } from 'electron';
import type { FileSaver } from '../services/history/history-service';
import { writeChosenFile } from '../store/write-chosen-file';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  'application/pdf': { name: 'PDF document', extensions: ['pdf'] },
  'text/csv': { name: 'CSV file', extensions: ['csv'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { name: 'Excel workbook', extensions: ['xlsx'] },
};

/** The desktop app's save dialog: the manager picks where a PDF or an export goes (null: cancelled). */
export const saveFileWithDialog: FileSaver = async (file) => {
  const filter = FILTERS[file.mimeType];
  const options = { defaultPath: file.fileName, filters: filter === undefined ? [] : [filter] };
  const parent = BrowserWindow.getFocusedWindow();
  const choice = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  await writeChosenFile(choice.filePath, file.bytes);
  return choice.filePath;
};
