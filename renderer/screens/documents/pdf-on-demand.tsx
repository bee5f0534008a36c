import { lazy, Suspense } from 'react';
import { Loading } from '../../components/states';

// pdf.js is most of a megabyte: it is loaded the first time a PDF is shown or printed, not with the app.
const LazyPdfViewer = lazy(async () => ({ default: (await import('./pdf-viewer')).PdfViewer }));

/** The service's PDF inside the app, with a loading state while the viewer's code arrives. */
export function PdfViewer(props: { base64: string; title: string }) {
  return (
    <Suspense fallback={<Loading what="the PDF viewer" />}>
      <LazyPdfViewer {...props} />
    </Suspense>
  );
}

/** Prints the service's PDF page by page (pdf.js loaded on first use). */
export async function printPdf(base64: string, title: string): Promise<void> {
  const { printPdf: print } = await import('./pdf-print');
  return print(base64, title);
}
