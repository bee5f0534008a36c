import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { base64ToBytes } from '../../api/use-history';

GlobalWorkerOptions.workerSrc = workerUrl;

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The service's PDF inside the app: page by page, with zoom (pdf.js in its own worker). */
export function PdfViewer({ base64, title }: { base64: string; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    // No XFA forms: a PDF shows as pages, never as a form that runs.
    const task = getDocument({ data: base64ToBytes(base64), enableXfa: false });
    let current = true;
    task.promise.then(
      (loaded) => {
        if (current) {
          setPdf(loaded);
          setPage(1);
        }
      },
      () => {
        if (current) setFailed('This PDF could not be shown. Save it and open it with another program.');
      },
    );
    return () => {
      current = false;
      void task.destroy();
    };
  }, [base64]);

  useEffect(() => {
    if (pdf === null || canvas.current === null) return undefined;
    let task: RenderTask | null = null;
    let current = true;
    setRendered(0);
    void pdf.getPage(page).then((proxy) => {
      if (!current || canvas.current === null) return;
      const viewport = proxy.getViewport({ scale: ZOOMS[zoom]! * (window.devicePixelRatio || 1) });
      canvas.current.width = Math.floor(viewport.width);
      canvas.current.height = Math.floor(viewport.height);
      canvas.current.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
      task = proxy.render({ canvas: canvas.current, viewport });
      task.promise.then(
        () => {
          if (current) setRendered(page);
        },
        () => undefined,
      );
    });
    return () => {
      current = false;
      task?.cancel();
    };
  }, [pdf, page, zoom]);

  if (failed !== null) {
    return (
      <p className="notice notice--error" role="alert">
        {failed}
      </p>
    );
  }
  const pages = pdf?.numPages ?? 0;
  return (
    <div className="pdf-viewer">
      <div className="pdf-viewer__toolbar" role="toolbar" aria-label="PDF pages and zoom">
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <span role="status" aria-live="polite" data-testid="pdf-page-status">
          {pdf === null ? 'Opening the PDF…' : `Page ${page} of ${pages}`}
        </span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
        <button type="button" className="button" disabled={zoom <= 0} onClick={() => setZoom(zoom - 1)} aria-label="Zoom out">
          −
        </button>
        <span aria-label="Zoom">{Math.round(ZOOMS[zoom]! * 100)}%</span>
        <button type="button" className="button" disabled={zoom >= ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)} aria-label="Zoom in">
          +
        </button>
      </div>
      <div className="pdf-viewer__canvas" tabIndex={0} aria-label={`${title}, page ${page}`} role="region">
        <canvas ref={canvas} data-rendered-page={rendered} role="img" aria-label={`${title}, page ${page} of ${pages}`} />
      </div>
    </div>
  );
}
