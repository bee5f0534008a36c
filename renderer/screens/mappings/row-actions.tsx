/** Edit and Delete for one mapping row; the code is part of each button's accessible name. */
export function RowActions(props: { code: string; editDisabled: boolean; deleteDisabled: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <div className="row-actions">
      <button type="button" className="button" disabled={props.editDisabled} onClick={props.onEdit}>
        Edit<span className="visually-hidden"> {props.code}</span>
      </button>
      <button type="button" className="button button--danger" disabled={props.deleteDisabled} onClick={props.onDelete}>
        Delete<span className="visually-hidden"> {props.code}</span>
      </button>
    </div>
  );
}
