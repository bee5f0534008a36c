import { useState, type DragEvent } from 'react';

/** Choose a file with the keyboard (a real file input), or drop one on the box. */
export function FileChooser(props: { onFile: (file: File) => void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined && !props.busy) props.onFile(file);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor="import-file" className="import-drop__label">
        Choose a sales file (.csv, .tsv or .xlsx), or drop it here
      </label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={props.busy}
        aria-describedby="import-file-hint"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) props.onFile(file);
          event.target.value = '';
        }}
      />
      <p id="import-file-hint" className="field__hint">
        Up to 20 MB. One row per invoice line, with column headings in the first row.
      </p>
    </div>
  );
}
