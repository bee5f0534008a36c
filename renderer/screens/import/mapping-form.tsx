import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportSettings } from '../../../shared/contract/import';

const letter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const SOURCE_WORDS: Record<ImportPreview['settingsSource'], string> = {
  remembered: 'Columns as you chose them last time for files laid out like this one.',
  matched: 'Columns matched from their headings: check them, and choose the rest.',
  chosen: 'Columns as you chose them.',
};

/** Which column fills each field, how rows make documents, and how amounts are written. */
export function MappingForm(props: { preview: ImportPreview; disabled: boolean; onChange: (settings: ImportSettings) => void }) {
  const { preview } = props;
  const settings = preview.settings;
  const change = (next: Partial<ImportSettings>) => props.onChange({ ...settings, ...next });
  const setColumn = (field: ImportField, value: string) => change({ mapping: { ...settings.mapping, [field]: value === '' ? null : Number(value) } });
  return (
    <section className="card" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">Columns</h2>
      <p className="field__hint">{SOURCE_WORDS[preview.settingsSource]}</p>
      <div className="import-mapping">
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_IMPORT_FIELDS.includes(field);
          const missing = preview.missing.includes(field);
          const id = `import-column-${field}`;
          return (
            <div className="field import-mapping__field" key={field}>
              <label htmlFor={id}>
                {IMPORT_FIELD_LABELS[field]}
                {required ? <span className="import-mapping__needed"> (needed)</span> : null}
              </label>
              <select id={id} value={settings.mapping[field] ?? ''} disabled={props.disabled} aria-invalid={missing} aria-describedby={missing ? `${id}-error` : undefined} onChange={(event) => setColumn(field, event.target.value)}>
                <option value="">Not in the file</option>
                {preview.headers.map((heading, i) => (
                  <option key={i} value={i}>
                    {letter(i)}: {heading.trim() === '' ? '(no heading)' : heading}
                  </option>
                ))}
              </select>
              {missing ? (
                <span id={`${id}-error`} className="field__error">
                  Choose the column for {IMPORT_FIELD_LABELS[field]}.
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="import-choices">
        <div className="field">
          <label htmlFor="import-grouping">Documents</label>
          <select id="import-grouping" value={settings.grouping} disabled={props.disabled} onChange={(event) => change({ grouping: event.target.value === 'row' ? 'row' : 'reference' })}>
            <option value="reference">One per invoice reference</option>
            <option value="row">One per row</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-decimals">Decimals written with</label>
          <select id="import-decimals" value={settings.decimalComma === null ? 'detect' : settings.decimalComma ? 'comma' : 'point'} disabled={props.disabled} onChange={(event) => change({ decimalComma: event.target.value === 'detect' ? null : event.target.value === 'comma' })}>
            <option value="detect">As found ({preview.reading.decimalComma ? 'comma, 12,50' : 'point, 12.50'})</option>
            <option value="point">Point, 12.50</option>
            <option value="comma">Comma, 12,50</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-inclusive">Prices, unless a column says</label>
          <select id="import-inclusive" value={settings.taxInclusive ? 'yes' : 'no'} disabled={props.disabled} onChange={(event) => change({ taxInclusive: event.target.value === 'yes' })}>
            <option value="yes">Include tax</option>
            <option value="no">Are before tax</option>
          </select>
        </div>
      </div>
    </section>
  );
}
