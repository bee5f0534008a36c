import { getDocument } from 'pdfjs-dist';
import { base64ToBytes } from '../../api/use-history';

const PRINT_SCALE = 2;

/**
 * Prints a PDF through the system print dialog. The page may not frame or open the PDF (CSP and
 * the window policy forbid both), so its pages are drawn with pdf.js into images that only the
 * printout shows.
 */
export async function printPdf(base64: string, title: string): Promise<void> {
  const task = getDocument({ data: base64ToBytes(base64), enableXfa: false });
  const pdf = await task.promise;
  const root = document.createElement('div');
  root.className = 'pdf-print-root';
  try {
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: PRINT_SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const image = document.createElement('img');
      image.src = canvas.toDataURL('image/png');
      image.alt = `${title}, page ${number}`;
      // Even a data URL loads after this script yields: an image not yet decoded when
      // window.print() runs prints as a blank page (the last page, or the only one).
      await image.decode();
      root.append(image);
    }
    document.body.append(root);
    document.body.classList.add('printing-pdf');
    window.print();
  } finally {
    document.body.classList.remove('printing-pdf');
    root.remove();
    void task.destroy();
  }
}
