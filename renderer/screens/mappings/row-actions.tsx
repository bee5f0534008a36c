/** Edit and Delete for one mapping row, as compact icon buttons; the code is part of each button's accessible name and tooltip. */
export function RowActions(props: { code: string; editDisabled: boolean; deleteDisabled: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <div className="row-actions">
      <button type="button" className="button button--icon" disabled={props.editDisabled} onClick={props.onEdit} title={`Edit ${props.code}`}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 20h4L19 9l-4-4L4 16zM14 6l4 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        </svg>
        <span className="row-actions__label">Edit</span>
        <span className="visually-hidden"> {props.code}</span>
      </button>
      <button type="button" className="button button--danger button--icon" disabled={props.deleteDisabled} onClick={props.onDelete} title={`Delete ${props.code}`}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="row-actions__label">Delete</span>
        <span className="visually-hidden"> {props.code}</span>
      </button>
    </div>
  );
}
