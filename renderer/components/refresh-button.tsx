import { formatDateTime, formatShortTime } from './format';

/** Manual refresh with the time of the data shown, for screens fed by the service. */
export function RefreshButton(props: { onRefresh: () => void; fetching: boolean; updatedAt: number }) {
  return (
    <div className="refresh">
      {props.updatedAt > 0 ? <span className="refresh__time" title={formatDateTime(props.updatedAt)}>
          Updated {formatShortTime(props.updatedAt)}
        </span> : null}
      <button type="button" className="button" onClick={props.onRefresh} disabled={props.fetching} aria-busy={props.fetching}>
        {props.fetching ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
